// Watcher: notices what changed among a site's inputs (sitegen.json, content/, locales/,
// templates/, static/): woken by the system (inotify), it names the files whose size or
// modification time differ from the last look.
#pragma once

#include <chrono>
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
  ~InputWatcher();
  InputWatcher(const InputWatcher&) = delete;
  InputWatcher& operator=(const InputWatcher&) = delete;

  // The input files added, changed or removed since the last look (sorted, relative to the
  // site folder), which becomes the new starting point.
  std::vector<std::string> changes();

  // Waits up to `timeout` for an input to change, then until no change came for `settle` (an
  // editor's save is several writes), and returns changes(): empty after a timeout. Without
  // notifications from the system, it looks every `settle`.
  std::vector<std::string> wait(std::chrono::milliseconds timeout,
                                std::chrono::milliseconds settle = std::chrono::milliseconds(30));

  // True when the system notifies changes (inotify); false when wait() has to look again and again.
  bool notified() const { return inotify_ >= 0; }

 private:
  using Snapshot = std::map<std::string, std::pair<uintmax_t, int64_t>>;  // file -> size, modification time
  Snapshot look() const;
  void watch_tree(const std::string& folder);
  bool drain(int timeout_ms);  // reads pending events; true if there were any

  std::string source_;
  Snapshot last_;
  int inotify_ = -1;
};

}  // namespace sitegen
