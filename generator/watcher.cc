#include "watcher.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sitegen {

InputWatcher::InputWatcher(std::string source) : source_(std::move(source)), last_(look()) {}

InputWatcher::Snapshot InputWatcher::look() const {
  Snapshot files;
  std::error_code ec;
  auto add = [&](const fs::path& file) {
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    files[fs::relative(file, source_, ec).generic_string()] = {ec ? 0 : size, static_cast<int64_t>(time)};
  };
  add(fs::path(source_) / "sitegen.json");
  for (const char* folder : {"content", "locales", "templates", "static"}) {
    // With error codes throughout: a symlink loop or a file removed while listed ends the walk
    // of that folder, it never ends the server.
    for (auto it = fs::recursive_directory_iterator(fs::path(source_) / folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) add(it->path());
    }
    ec.clear();
  }
  return files;
}

std::vector<std::string> InputWatcher::changes() {
  Snapshot now = look();
  std::vector<std::string> changed;
  for (const auto& [file, state] : now) {
    auto before = last_.find(file);
    if (before == last_.end() || before->second != state) changed.push_back(file);
  }
  for (const auto& [file, state] : last_) {
    if (!now.count(file)) changed.push_back(file);
  }
  std::sort(changed.begin(), changed.end());
  last_ = std::move(now);
  return changed;
}

}  // namespace sitegen
