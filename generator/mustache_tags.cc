#include "mustache_tags.h"

#include <cctype>
#include <cstring>

namespace sitegen {

std::vector<MustacheTag> mustache_tags(const std::string& source) {
  std::vector<MustacheTag> tags;
  for (size_t at = source.find("{{"); at != std::string::npos; at = source.find("{{", at)) {
    MustacheTag tag;
    tag.begin = at;
    size_t i = at + 2;
    const bool triple = i < source.size() && source[i] == '{';
    if (triple) ++i;
    const size_t close = source.find(triple ? "}}}" : "}}", i);
    tag.closed = close != std::string::npos;
    tag.end = tag.closed ? close + (triple ? 3 : 2) : source.size();
    const std::string inside = source.substr(i, (tag.closed ? close : source.size()) - i);
    size_t first = inside.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && std::strchr(">#^/!=&", inside[first])) {
      tag.kind = inside[first] == '&' ? 0 : inside[first];
      ++first;
    }
    first = first == std::string::npos ? inside.size() : inside.find_first_not_of(" \t\r\n", first);
    const size_t last = inside.find_last_not_of(" \t\r\n");
    if (first != std::string::npos && last != std::string::npos && last >= first) tag.name = inside.substr(first, last - first + 1);
    const size_t end = tag.end;
    tags.push_back(std::move(tag));
    if (end >= source.size()) break;
    at = end;
  }
  return tags;
}

bool is_plain_variable(const MustacheTag& tag) {
  if (!tag.closed || tag.kind != 0 || tag.name.empty()) return false;
  for (char c : tag.name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace sitegen
