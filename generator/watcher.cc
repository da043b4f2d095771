#include "watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;

namespace sitegen {

namespace {

const char* const kInputFolders[] = {"content", "locales", "templates", "static"};
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

}  // namespace

InputWatcher::InputWatcher(std::string source) : source_(std::move(source)) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ >= 0) {
    // The site folder itself, for sitegen.json and for input folders made or replaced later.
    ::inotify_add_watch(inotify_, source_.c_str(), kEvents | IN_ONLYDIR);
    for (const char* folder : kInputFolders) watch_tree((fs::path(source_) / folder).string());
  }
  last_ = look();  // after the watches: an edit in between is both seen and in no snapshot
}

InputWatcher::~InputWatcher() {
  if (inotify_ >= 0) ::close(inotify_);
}

void InputWatcher::watch_tree(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  ::inotify_add_watch(inotify_, folder.c_str(), kEvents | IN_ONLYDIR);
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      ::inotify_add_watch(inotify_, it->path().c_str(), kEvents | IN_ONLYDIR);
    }
  }
}

bool InputWatcher::drain(int timeout_ms) {
  pollfd ready{inotify_, POLLIN, 0};
  if (::poll(&ready, 1, timeout_ms) <= 0) return false;
  alignas(inotify_event) char buffer[16384];
  bool any = false, new_folder = false;
  for (ssize_t n; (n = ::read(inotify_, buffer, sizeof buffer)) > 0;) {
    any = true;
    for (char* at = buffer; at < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      new_folder = new_folder || (event->mask & IN_ISDIR) || (event->mask & IN_Q_OVERFLOW);
      at += sizeof(inotify_event) + event->len;
    }
  }
  // A folder made (or moved in) since: watch it and everything in it. Adding a watch twice
  // is harmless.
  if (new_folder) {
    for (const char* folder : kInputFolders) watch_tree((fs::path(source_) / folder).string());
  }
  return any;
}

std::vector<std::string> InputWatcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  if (inotify_ >= 0) {
    if (!drain(static_cast<int>(timeout.count()))) return {};
    while (drain(static_cast<int>(settle.count()))) {
    }
    return changes();
  }
  // No notifications: look again every `settle` until something changed or time is up.
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(settle);
    std::vector<std::string> changed = changes();
    if (!changed.empty()) return changed;
  }
  return {};
}

InputWatcher::Snapshot InputWatcher::look() const {
  Snapshot files;
  std::error_code ec;
  auto add = [&](const fs::path& file) {
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    files[fs::relative(file, source_, ec).generic_string()] = {ec ? 0 : size, static_cast<int64_t>(time)};
  };
  if (fs::exists(fs::path(source_) / "sitegen.json", ec)) add(fs::path(source_) / "sitegen.json");
  for (const char* folder : kInputFolders) {
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
