// Work folder: a folder of a fuzz target's own under the system's temporary folder, holding the
// files it loads beside each input, removed when the target exits.
#pragma once

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace sitegen::fuzz {

struct WorkDir {
  // "sitegen-fuzz-locale" -> /tmp/sitegen-fuzz-locale-<pid>, with `files` (path in it, text).
  WorkDir(const std::string& name, std::initializer_list<std::pair<const char*, const char*>> files)
      : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(path);
    for (const auto& [file, text] : files) {
      const std::filesystem::path at = std::filesystem::path(path) / file;
      std::filesystem::create_directories(at.parent_path());
      std::ofstream(at) << text;
    }
  }
  ~WorkDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;

  const std::string path;
};

}  // namespace sitegen::fuzz
