#include "theme.h"

namespace sitegen {

std::map<std::string, std::string> builtin_files_in(const std::string& folder) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : builtin_theme_files()) {
    if (path.rfind(folder, 0) == 0 && path.find('/', folder.size()) == std::string::npos) {
      out[path.substr(folder.size())] = bytes;
    }
  }
  return out;
}

const std::string* builtin_file(const std::string& path) {
  auto it = builtin_theme_files().find(path);
  return it == builtin_theme_files().end() ? nullptr : &it->second;
}

}  // namespace sitegen
