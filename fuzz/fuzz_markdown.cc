// libFuzzer target: catalog prose as arbitrary bytes through cmark-gfm in safe mode. Nothing may
// crash, and no script, event handler or javascript:/vbscript:/data:/file: URL may come out.
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

// True if an attribute value is a URL a browser would run or load inline. Browsers skip leading
// spaces and control characters and drop tabs and newlines anywhere before reading the scheme;
// "%EF%BF%BDjavascript:" is a relative path, not a script.
bool is_dangerous_url(const std::string& value) {
  std::string scheme;
  for (char c : value) {
    if (c == ':') break;
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    scheme += c;
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file";
}

// True if a tag (text between "<" and ">": cmark escapes "<" and ">" in text and attribute values,
// so every "<" opens markup) is a script or frame, has an event-handler attribute, or has an href
// or src with a dangerous URL. Attributes are read one by one, so words inside a quoted value
// (an image's alt text, say) are not mistaken for attributes.
bool is_dangerous_tag(const std::string& tag) {
  if (tag.rfind("<script", 0) == 0 || tag.rfind("<iframe", 0) == 0 || tag.rfind("<object", 0) == 0) return true;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t at = 1;
  while (at < tag.size() && !is_space(tag[at]) && tag[at] != '>' && tag[at] != '/') ++at;  // tag name
  while (at < tag.size()) {
    while (at < tag.size() && (is_space(tag[at]) || tag[at] == '/')) ++at;
    size_t name_start = at;
    while (at < tag.size() && !is_space(tag[at]) && tag[at] != '=' && tag[at] != '>' && tag[at] != '/') ++at;
    std::string name = tag.substr(name_start, at - name_start);
    std::string value;
    if (at < tag.size() && tag[at] == '=') {
      ++at;
      if (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) {
        char quote = tag[at++];
        size_t value_end = tag.find(quote, at);
        if (value_end == std::string::npos) value_end = tag.size();
        value = tag.substr(at, value_end - at);
        at = value_end + 1;
      } else {
        size_t value_start = at;
        while (at < tag.size() && !is_space(tag[at]) && tag[at] != '>') ++at;
        value = tag.substr(value_start, at - value_start);
      }
    }
    if (name.size() > 2 && name.compare(0, 2, "on") == 0) return true;
    if ((name == "href" || name == "src") && is_dangerous_url(value)) return true;
    if (name.empty()) ++at;  // a stray character such as ">": step over it
  }
  return false;
}

bool has_dangerous_markup(const std::string& html) {
  std::string lower = lowercase(html);
  for (size_t open = lower.find('<'); open != std::string::npos; open = lower.find('<', open + 1)) {
    if (lower.compare(open, 4, "<!--") == 0) continue;  // "<!-- raw HTML omitted -->"
    size_t close = lower.find('>', open);
    if (is_dangerous_tag(lower.substr(open, close == std::string::npos ? std::string::npos : close - open + 1))) {
      return true;
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
