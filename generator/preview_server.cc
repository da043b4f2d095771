#include "preview_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <filesystem>
#include <map>
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

PreviewServer::PreviewServer(std::string out_dir, std::string base_path)
    : out_dir_(std::move(out_dir)), base_path_(std::move(base_path)), server_(std::make_unique<httplib::Server>()) {
  // Live-reload connections stay open, so the pool is larger than the default.
  server_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  add_routes();
}

PreviewServer::~PreviewServer() = default;

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

void PreviewServer::listen() { server_->listen_after_bind(); }

void PreviewServer::stop() {
  events_.stop();
  server_->stop();
}

void PreviewServer::add_routes() {
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
  });
});
server_->Get(R"(/.*)", [&](const httplib::Request& request, httplib::Response& response) {
  std::string path = request.path;
  std::string file;
  if (path.rfind(base_path_, 0) == 0) {
    std::string inside = "/" + path.substr(base_path_.size());
    file = resolve_served_file(out_dir_, inside);
    // "/smtp" is a folder: send the browser to "/smtp/" so relative links resolve.
    std::error_code ec;
    if (!file.empty() && fs::path(file).filename() == "index.html" && path.back() != '/') {
      response.set_redirect(path + "/", 301);
      return;
    }
  }
  int status = 200;
  if (file.empty()) {
    status = 404;
    const bool inside = path.rfind(base_path_, 0) == 0;
    file = nearest_not_found_file(out_dir_, inside ? "/" + path.substr(base_path_.size()) : "/");
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
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(body, type);
});

}

}  // namespace sitegen
