#include "html.h"

#include "locales.h"

namespace sitegen {

std::string escape_html(const std::string& text) {
  // Copied in runs between the characters that need an entity: most text has none, and this
  // runs for every value a template shows.
  std::string out;
  out.reserve(text.size() + 16);
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text, run, i - run).append(entity);
    run = i + 1;
  }
  return out.append(text, run, std::string::npos);
}

std::string mark_english(const std::string& html, const Locale& locale, bool block) {
  if (locale.id == kContentLanguage) return html;
  std::string tag = block ? "div" : "span";
  std::string dir = locale.dir == "rtl" ? " dir=\"ltr\"" : "";
  return "<" + tag + " lang=\"" + kContentLanguage + "\"" + dir + ">" + html + "</" + tag + ">";
}

}  // namespace sitegen
