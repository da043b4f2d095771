#include "html.h"

#include "locales.h"

namespace sitegen {

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string mark_english(const std::string& html, const Locale& locale, bool block) {
  if (locale.id == kContentLanguage) return html;
  std::string tag = block ? "div" : "span";
  std::string dir = locale.dir == "rtl" ? " dir=\"ltr\"" : "";
  return "<" + tag + " lang=\"" + kContentLanguage + "\"" + dir + ">" + html + "</" + tag + ">";
}

}  // namespace sitegen
