// PreviewServer: the HTTP side of `sitegen serve` (cpp-httplib): the built site under the base
// URL's path, the live-reload script in every HTML page, and the build events pages listen to.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
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

// Whether a request's Host header names this server: localhost, a loopback address, the address
// it is bound to, or a name given with --allow-host (any port). Checked on every request: a web
// page elsewhere could otherwise reach the preview through DNS rebinding. No Host at all (an
// HTTP/1.0 client, no browser) is let through.
bool is_allowed_host(const std::string& host_header, const std::string& bound_address,
                     const std::set<std::string>& allowed_names);

class PreviewServer {
 public:
  // At most this many live-reload streams are open at once; more are refused with 503, so that
  // open tabs can never take every thread.
  static constexpr int kMaxEventStreams = 64;

  // Serves the files of `out_dir` at the URLs under `base_path` ("/" or "/docs/"), to requests
  // for `bound_address`, localhost or one of `allowed_names`.
  PreviewServer(std::string out_dir, std::string base_path, std::string bound_address = "127.0.0.1",
                std::set<std::string> allowed_names = {});
  ~PreviewServer();

  // Binds to `address`:`port` (0: any free port); the port bound, or -1.
  int bind(const std::string& address, int port);
  // Answers requests until stop(), which may come first (then it returns at once).
  void listen();
  void stop();
  BuildEvents& events() { return events_; }
  // The base URL's path changed (sitegen.json edited while serving).
  void set_base_path(std::string base_path);
  std::string base_path() const;

 private:
  void add_routes();

  std::string out_dir_;
  mutable std::mutex base_path_mutex_;
  std::string base_path_;
  std::string bound_address_;
  std::set<std::string> allowed_names_;
  std::atomic<int> event_streams_{0};
  std::atomic<bool> stopped_{false};
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
