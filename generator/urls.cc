#include "urls.h"

#include <algorithm>

#include "catalog.h"

namespace sitegen {

std::string locale_prefix(const std::string& locale, const std::string& default_locale) {
  return locale == default_locale ? "" : locale + "/";
}

std::string home_path(const std::string& prefix) { return prefix; }

std::string protocol_path(const std::string& prefix, const Protocol& protocol) {
  return prefix + protocol.id + "/";
}

std::string code_path(const std::string& prefix, const Protocol& protocol, const Code& code) {
  return prefix + protocol.id + "/" + code.slug + "/";
}

std::string pair_path(const std::string& prefix, const Protocol& protocol, const Code& a, const Code& b) {
  const Code& low = a.key < b.key ? a : b;
  const Code& high = a.key < b.key ? b : a;
  return pairs_folder(prefix) + protocol.id + "/" + low.slug + "-vs-" + high.slug + "/";
}

std::string reversed_pair_path(const std::string& prefix, const Protocol& protocol, const Code& a, const Code& b) {
  const Code& low = a.key < b.key ? a : b;
  const Code& high = a.key < b.key ? b : a;
  return pairs_folder(prefix) + protocol.id + "/" + high.slug + "-vs-" + low.slug + "/";
}

std::string pairs_folder(const std::string& prefix) { return prefix + "compare/"; }

std::string search_index_file(const std::string& prefix) { return prefix + "search.json"; }

std::string not_found_path(const std::string& prefix) { return prefix + "404.html"; }

std::string assets_folder() { return "assets/"; }

std::string relative_href(const std::string& from, const std::string& to) {
  // The folder a page's relative links resolve against.
  std::string from_dir = from.substr(0, from.rfind('/') + 1);
  // Skip the folders both share, climb out of the rest of `from`, then descend into `to`.
  size_t common = 0;
  for (size_t i = 0; i < from_dir.size() && i < to.size() && from_dir[i] == to[i]; ++i) {
    if (from_dir[i] == '/') common = i + 1;
  }
  std::string href;
  size_t ups = static_cast<size_t>(std::count(from_dir.begin() + static_cast<long>(common), from_dir.end(), '/'));
  for (size_t i = 0; i < ups; ++i) href += "../";
  href += to.substr(common);
  return href.empty() ? "./" : href;
}

}  // namespace sitegen
