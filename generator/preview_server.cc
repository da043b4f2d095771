#include "preview_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>
#include <vector>
#include <nlohmann/json.hpp>
#include <sstream>

#include "json_file.h"
#include "live_reload_js.h"
#include "urls.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

const std::map<std::string, std::string> kContentTypes = {
    {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
    {".xml", "application/xml; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
    {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
    {".woff2", "font/woff2"}, {"", "text/plain; charset=utf-8"}};

std::string content_type(const std::string& file) {
  auto it = kContentTypes.find(fs::path(file).extension().string());
  return it == kContentTypes.end() ? "application/octet-stream" : it->second;
}

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

}  // namespace

void BuildEvents::succeeded() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++version_;
  error_.clear();
  changed_.notify_all();
}

void BuildEvents::failed(std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++version_;
  error_ = std::move(message);
  changed_.notify_all();
}

void BuildEvents::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopped_ = true;
  changed_.notify_all();
}

bool BuildEvents::wait(uint64_t seen, std::chrono::milliseconds timeout, uint64_t& version, std::string& error) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return version_ != seen || stopped_; });
  version = version_;
  error = error_;
  return !stopped_;
}

std::pair<uint64_t, std::string> BuildEvents::state() {
  std::lock_guard<std::mutex> lock(mutex_);
  return {version_, error_};
}

std::string resolve_served_file(const std::string& root, const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) {
    return "";
  }
  std::stringstream segments(path.substr(1));
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment == "..") return "";
  }
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return "";
  fs::path candidate = real_root / path.substr(1);
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  // canonical() follows symlinks, so a link pointing outside the folder is caught here.
  fs::path real = fs::canonical(candidate, ec);
  if (ec || !fs::is_regular_file(real, ec)) return "";
  auto [root_end, unused] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (root_end != real_root.end()) return "";
  return real.string();
}

std::string nearest_not_found_file(const std::string& root, const std::string& path) {
  // "/fr/smtp/999" names no folder "999": its folder is "/fr/smtp/" unless a '/' ends it.
  std::string folder = path.substr(0, path.rfind('/') + 1);
  while (!folder.empty()) {
    std::string file = resolve_served_file(root, folder + not_found_path());
    if (!file.empty()) return file;
    folder = folder.substr(0, folder.rfind('/', folder.size() - 2) + 1);
    if (folder.size() <= 1) return resolve_served_file(root, "/" + not_found_path());
  }
  return "";
}

namespace {

// The threads that answer requests, made as connections come (cpp-httplib gives each open
// connection a thread): a fixed pool of 64 was taken whole by 64 idle or slow connections, and
// every other request waited. Threads stay for the next connection once made. On shutdown the
// threads get a second to finish; one still held by a slow client is left to end with the
// process, so that stopping never waits for a client.
class ThreadsOnDemand : public httplib::TaskQueue {
 public:
  explicit ThreadsOnDemand(size_t limit) : state_(std::make_shared<State>()), limit_(limit) {}
  ~ThreadsOnDemand() override { shutdown(); }

  void enqueue(std::function<void()> task) override {
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->tasks.push_back(std::move(task));
    if (state_->idle == 0 && state_->threads < limit_) {
      ++state_->threads;
      std::thread([state = state_] { work(*state); }).detach();
    } else {
      state_->ready.notify_one();
    }
  }

  void shutdown() override {
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->stopping = true;
    state_->ready.notify_all();
    state_->finished.wait_for(lock, std::chrono::seconds(1), [&] { return state_->threads == 0; });
  }

 private:
  struct State {
    std::mutex mutex;
    std::condition_variable ready, finished;
    std::deque<std::function<void()>> tasks;
    size_t threads = 0, idle = 0;
    bool stopping = false;
  };

  static void work(State& state) {
    std::unique_lock<std::mutex> lock(state.mutex);
    for (;;) {
      ++state.idle;
      state.ready.wait(lock, [&] { return state.stopping || !state.tasks.empty(); });
      --state.idle;
      if (state.tasks.empty()) break;  // stopping, and nothing left to answer
      std::function<void()> task = std::move(state.tasks.front());
      state.tasks.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
    --state.threads;
    state.finished.notify_all();
  }

  std::shared_ptr<State> state_;  // shared with the threads, which may outlive the pool
  const size_t limit_;
};

// "[::1]:1313" -> "::1", "localhost:1313" -> "localhost", "Example.org" -> "example.org".
std::string host_name(const std::string& header) {
  std::string host = header;
  if (!host.empty() && host[0] == '[') {
    host = host.substr(1, host.find(']') == std::string::npos ? std::string::npos : host.find(']') - 1);
  } else if (host.find(':') != std::string::npos && host.find(':') == host.rfind(':')) {
    host = host.substr(0, host.find(':'));
  }
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!host.empty() && host.back() == '.') host.pop_back();  // "localhost." is localhost
  return host;
}

}  // namespace

bool is_allowed_host(const std::string& host_header, const std::string& bound_address,
                     const std::set<std::string>& allowed_names) {
  if (host_header.empty()) return true;
  const std::string host = host_name(host_header);
  if (host == "localhost" || host == "127.0.0.1" || host == "::1") return true;
  if (host == host_name(bound_address) && bound_address != "0.0.0.0" && bound_address != "::") return true;
  for (const auto& name : allowed_names) {
    if (host == host_name(name)) return true;
  }
  return false;
}

PreviewServer::PreviewServer(std::string out_dir, std::string base_path, std::string bound_address,
                             std::set<std::string> allowed_names)
    : out_dir_(std::move(out_dir)), base_path_(std::move(base_path)), bound_address_(std::move(bound_address)),
      allowed_names_(std::move(allowed_names)), server_(std::make_unique<httplib::Server>()) {
  server_->new_task_queue = [] { return new ThreadsOnDemand(2048); };
  // Idle keep-alive connections and slow senders let go of their thread after a few seconds.
  // Headers and body go out in separate writes: without TCP_NODELAY each response waits for
  // the client's delayed acknowledgement (40 ms on Linux) before its body is sent.
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(100);
  server_->set_keep_alive_timeout(3);
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(5, 0);
  add_routes();
}

PreviewServer::~PreviewServer() = default;

void PreviewServer::set_base_path(std::string base_path) {
  std::lock_guard<std::mutex> lock(base_path_mutex_);
  base_path_ = std::move(base_path);
}

std::string PreviewServer::base_path() const {
  std::lock_guard<std::mutex> lock(base_path_mutex_);
  return base_path_;
}

namespace {

// Debian's cpp-httplib is a compiled library that listens with a queue of 5 connections: a burst
// of clients (a page with its assets, a test's fifty) overflows it and waits for TCP's retries.
// Linux lets listen() be called again on a listening socket to change its queue.
void deepen_listen_queue(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    int listening = 0;
    socklen_t size = sizeof listening;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) continue;
    const int bound = address.ss_family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port)
                      : address.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                                                      : -1;
    if (bound == port) ::listen(fd, 128);
  }
}

}  // namespace

int PreviewServer::bind(const std::string& address, int port) {
  const int bound = port == 0 ? server_->bind_to_any_port(address) : (server_->bind_to_port(address, port) ? port : -1);
  if (bound > 0) deepen_listen_queue(bound);
  return bound;
}

void PreviewServer::listen() {
  if (stopped_) return;
  server_->listen_after_bind();
}

void PreviewServer::stop() {
  stopped_ = true;
  events_.stop();
  server_->stop();
}

void PreviewServer::add_routes() {
server_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
  if (is_allowed_host(request.get_header_value("Host"), bound_address_, allowed_names_)) {
    return httplib::Server::HandlerResponse::Unhandled;
  }
  response.status = 403;
  response.set_content("sitegen serve answers only requests for localhost, 127.0.0.1 or the address it listens on, "
                       "not for \"" + request.get_header_value("Host") + "\": start it with --allow-host NAME to "
                       "preview the site under another name.\n",
                       "text/plain; charset=utf-8");
  return httplib::Server::HandlerResponse::Handled;
});
server_->Get("/__sitegen/live.js", [](const httplib::Request&, httplib::Response& response) {
  response.set_content(kLiveReloadScript, "text/javascript; charset=utf-8");
});
server_->Get("/__sitegen/status", [&](const httplib::Request&, httplib::Response& response) {
  auto [version, error] = events_.state();
  response.set_content("{\"version\":" + std::to_string(version) + ",\"error\":" + json_string(error) + "}",
                       "application/json");
});
server_->Get("/__sitegen/events", [&](const httplib::Request& request, httplib::Response& response) {
  // A page says which build it came from: a rebuild that ended between serving it and this
  // request is reported at once instead of being missed. A page served while the last edit does
  // not build shows the error at once too.
  auto [current, current_error] = events_.state();
  uint64_t seen = current;
  if (request.has_param("since")) {
    try {
      seen = std::stoull(request.get_param_value("since"));
    } catch (const std::exception&) {
    }
  }
  if (!current_error.empty() && seen == current) seen = current - 1;  // reported below as a change
  if (++event_streams_ > kMaxEventStreams) {
    --event_streams_;
    response.status = 503;
    response.set_header("Retry-After", "5");
    response.set_content("sitegen serve: too many open pages are listening for reloads (at most " +
                             std::to_string(kMaxEventStreams) + "); close some tabs\n",
                         "text/plain; charset=utf-8");
    return;
  }
  response.set_chunked_content_provider("text/event-stream", [&, seen](size_t, httplib::DataSink& sink) mutable {
    uint64_t version;
    std::string error;
    if (!events_.wait(seen, std::chrono::seconds(15), version, error)) return false;
    std::string message = ": keep-alive\n\n";
    if (version != seen) {
      message = error.empty() ? "event: reload\ndata: {}\n\n"
                              : "event: failed\ndata: {\"message\":" + json_string(error) + "}\n\n";
      seen = version;
    }
    return sink.write(message.data(), message.size());
  }, [this](bool) { --event_streams_; });
});
server_->Get(R"(/.*)", [&](const httplib::Request& request, httplib::Response& response) {
  const std::string path = request.path;
  const std::string base_path = this->base_path();
  std::string file;
  const bool inside = path.rfind(base_path, 0) == 0;
  if (inside) {
    file = resolve_served_file(out_dir_, "/" + path.substr(base_path.size()));
    const std::string index = "/index.html";
    if (!file.empty() && path.size() >= index.size() &&
        path.compare(path.size() - index.size(), index.size(), index) == 0) {
      // ".../index.html" is the folder's page: its URL is the folder's, as on every static host.
      response.set_redirect(path.substr(0, path.size() - index.size() + 1), 301);
      return;
    }
    // "/smtp" is a folder: send the browser to "/smtp/" so relative links resolve.
    if (!file.empty() && fs::path(file).filename() == "index.html" && path.back() != '/') {
      response.set_redirect(path + "/", 301);
      return;
    }
  }
  // Before the first build is done there is no site yet: a page that reloads when there is.
  if (file.empty() && events_.state().first == 0) {
    response.status = 503;
    response.set_header("Retry-After", "1");
    response.set_header("Cache-Control", "no-store");
    response.set_content("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building\u2026</title>"
                         "</head><body><p>sitegen serve is building the site; this page reloads when it is ready.</p>"
                         "<script src=\"/__sitegen/live.js\" data-build=\"0\"></script></body></html>\n",
                         "text/html; charset=utf-8");
    return;
  }
  int status = 200;
  if (file.empty()) {
    status = 404;
    file = nearest_not_found_file(out_dir_, inside ? "/" + path.substr(base_path.size()) : "/");
  }
  // Read before the file: if a rebuild lands in between, the page is newer than it says and
  // only gets one reload too many.
  const uint64_t build_number = events_.state().first;
  std::string body;
  try {
    body = read_text_file(file);
  } catch (const std::exception&) {
    response.status = 404;
    response.set_content("not found", "text/plain; charset=utf-8");
    return;
  }
  std::string type = content_type(file);
  if (type.rfind("text/html", 0) == 0) {
    size_t end = body.rfind("</body>");
    body.insert(end == std::string::npos ? body.size() : end,
                "<script src=\"/__sitegen/live.js\" data-build=\"" + std::to_string(build_number) + "\"></script>\n");
  }
  // A Range request gets the bytes it asks for (206, or 416 past the end) on a page that exists;
  // cpp-httplib answers it when the status is left for it to set. Any other status ignores the
  // range (RFC 9110 §14.2), so the 404 page is sent whole.
  if (status != 200) {
    response.status = status;
    const_cast<httplib::Request&>(request).ranges.clear();  // read by cpp-httplib after this handler
  }
  response.set_header("Cache-Control", "no-store");
  response.set_content(body, type);
});

}

}  // namespace sitegen
