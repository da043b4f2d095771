// libFuzzer target: catalog prose as arbitrary bytes through cmark-gfm in safe mode. Nothing may
// crash, and no script, event handler or javascript: link may come out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "markdown.h"

namespace {

std::string lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// True if a tag (text between "<" and ">": cmark escapes "<" in text, so every "<" opens markup)
// is a script or frame, carries an event handler, or points at a javascript:/vbscript: URL.
bool has_dangerous_markup(const std::string& html) {
  std::string lower = lowercase(html);
  for (size_t open = lower.find('<'); open != std::string::npos; open = lower.find('<', open + 1)) {
    if (lower.compare(open, 4, "<!--") == 0) continue;  // "<!-- raw HTML omitted -->"
    size_t close = lower.find('>', open);
    std::string tag = lower.substr(open, close == std::string::npos ? std::string::npos : close - open + 1);
    if (tag.rfind("<script", 0) == 0 || tag.rfind("<iframe", 0) == 0 || tag.rfind("<object", 0) == 0 ||
        tag.find("javascript:") != std::string::npos || tag.find("vbscript:") != std::string::npos) {
      return true;
    }
    for (size_t at = tag.find(" on"); at != std::string::npos; at = tag.find(" on", at + 1)) {
      size_t end = at + 3;
      while (end < tag.size() && tag[end] >= 'a' && tag[end] <= 'z') ++end;
      if (end > at + 3 && end < tag.size() && tag[end] == '=') return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string markdown(reinterpret_cast<const char*>(data), size);
  for (const std::string& html : {sitegen::render_markdown(markdown), sitegen::render_inline_markdown(markdown)}) {
    if (has_dangerous_markup(html)) std::abort();
  }
  (void)sitegen::render_plain_text(markdown);
  return 0;
}
