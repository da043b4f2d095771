// PreviewServer: the HTTP side of `sitegen serve` (cpp-httplib): the built site under the base
// URL's path, the live-reload script in every HTML page, and the build events pages listen to.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace httplib {
class Server;
}

namespace sitegen {

// The state of the builds, which HTTP threads read and the watcher updates: a version number
// that grows with every build, and the error of the last one, if it failed.
class BuildEvents {
 public:
  void succeeded();
  void failed(std::string message);
  void stop();
  // Waits up to `timeout` for a version newer than `seen`; false once stopped.
  bool wait(uint64_t seen, std::chrono::milliseconds timeout, uint64_t& version, std::string& error);
  std::pair<uint64_t, std::string> state();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t version_ = 0;
  std::string error_;
  bool stopped_ = false;
};

class PreviewServer {
 public:
  // Serves the files of `out_dir` at the URLs under `base_path` ("/" or "/docs/").
  PreviewServer(std::string out_dir, std::string base_path);
  ~PreviewServer();

  // Binds to `address`:`port` (0: any free port); the port bound, or -1.
  int bind(const std::string& address, int port);
  // Answers requests until stop().
  void listen();
  void stop();
  BuildEvents& events() { return events_; }

 private:
  void add_routes();

  std::string out_dir_;
  std::string base_path_;
  BuildEvents events_;
  std::unique_ptr<httplib::Server> server_;
};

// The file under `root` that serves URL path `path` (already percent-decoded), or "" when there
// is none or the path would leave `root` (through "..", backslashes or a symlink).
std::string resolve_served_file(const std::string& root, const std::string& path);

// The 404 page for a missing URL path, as Cloudflare Pages finds it: the 404.html nearest to it,
// in its folder or the closest folder above ("/fr/smtp/999/" -> fr/404.html); "" if none.
std::string nearest_not_found_file(const std::string& root, const std::string& path);

}  // namespace sitegen
