// Watcher: notices what changed among a site's inputs (sitegen.json, content/, locales/,
// templates/) by comparing every file's size and modification time with the last look.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sitegen {

class InputWatcher {
 public:
  // Takes the starting point now: an edit made from here on is a change.
  explicit InputWatcher(std::string source);
  // The input files added, changed or removed since the last look (sorted, relative to the
  // site folder), which becomes the new starting point.
  std::vector<std::string> changes();

 private:
  using Snapshot = std::map<std::string, std::pair<uintmax_t, int64_t>>;  // file -> size, modification time
  Snapshot look() const;

  std::string source_;
  Snapshot last_;
};

}  // namespace sitegen
