#include "serve.h"

#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "build.h"
#include "config.h"
#include "json_file.h"
#include "output_lock.h"
#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// Injected into served HTML only, never into `sitegen build` output: it listens for rebuilds
// over Server-Sent Events, reloads the page, and shows build errors over the page.
const char* const kLiveScript = R"JS((function () {
  var overlay;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement('pre');
      overlay.id = 'sitegen-error';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:0;margin:0;padding:2rem;z-index:2147483647;overflow:auto;' +
        'background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'sitegen: the last edit does not build; showing the last good site.\n\n' + message;
  }
  // The build the page came from: the server sends what happened since, even before this connects.
  var since = document.currentScript ? document.currentScript.getAttribute('data-build') : null;
  var events = new EventSource('/__sitegen/events' + (since ? '?since=' + since : ''));
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('failed', function (e) { show(JSON.parse(e.data).message); });
})();
)JS";

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

// What the watcher compares: every input file with its size and modification time.
std::string inputs_signature(const fs::path& source) {
  std::ostringstream signature;
  std::error_code ec;
  auto add = [&](const fs::path& file) {
    auto size = fs::file_size(file, ec);
    auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    signature << file.string() << ' ' << size << ' ' << time << '\n';
  };
  add(source / "sitegen.json");
  for (const char* folder : {"content", "locales", "templates"}) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(source / folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) add(file);
  }
  return signature.str();
}

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

// The build state the HTTP threads read and the watcher updates.
class Preview {
 public:
  void succeeded() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++version_;
    error_.clear();
    changed_.notify_all();
  }
  void failed(std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++version_;
    error_ = std::move(message);
    changed_.notify_all();
  }
  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  // Waits up to `timeout` for a version newer than `seen`; returns the new state.
  bool wait(uint64_t seen, std::chrono::milliseconds timeout, uint64_t& version, std::string& error) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return version_ != seen || stopped_; });
    version = version_;
    error = error_;
    return !stopped_;
  }
  std::pair<uint64_t, std::string> state() {
    std::lock_guard<std::mutex> lock(mutex_);
    return {version_, error_};
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t version_ = 0;
  std::string error_;
  bool stopped_ = false;
};

}  // namespace

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

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // SIGINT and SIGTERM are taken by one thread with sigwait, which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const fs::path source(options.source);
  std::string out_dir = options.out ? *options.out : (fs::temp_directory_path() / ("sitegen-serve-" + std::to_string(getpid()))).string();
  const bool temporary_out = !options.out;

  // The preview's folder is serve's alone while it runs: a `sitegen build` into it is refused.
  std::optional<OutputLock> lock;
  try {
    lock.emplace(out_dir, "sitegen serve");
  } catch (const OutputError& e) {
    err << "sitegen serve: error: " << e.what() << "\n";
    return kExitOutputError;
  }
  if (temporary_out) lock->remove_file_on_release();

  BuildOptions build;
  build.held_lock = &*lock;
  build.source = options.source;
  build.out = out_dir;
  build.strict = options.strict;
  build.jobs = options.jobs;
  build.quiet = true;

  // The watcher's starting point is taken before the first build: an edit made while it runs, or
  // just after the address is printed, is then seen as a change (taken later, it was missed).
  std::string signature = inputs_signature(source);
  std::ostringstream first_errors;
  int first = run_build(build, out, first_errors);
  err << first_errors.str();
  if (first != kExitOk) {
    err << "sitegen serve: the site does not build; fix the errors above and start again\n";
    return first;
  }
  Diagnostics ignored;
  Config config = load_config(options.source, ignored);
  const std::string base_path = base_path_of(config.base_url);

  Preview preview;
  httplib::Server server;
  // Live-reload connections stay open, so the pool is larger than the default.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };

  server.Get("/__sitegen/live.js", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(kLiveScript, "text/javascript; charset=utf-8");
  });
  server.Get("/__sitegen/status", [&](const httplib::Request&, httplib::Response& response) {
    auto [version, error] = preview.state();
    response.set_content("{\"version\":" + std::to_string(version) + ",\"error\":" + json_string(error) + "}",
                         "application/json");
  });
  server.Get("/__sitegen/events", [&](const httplib::Request& request, httplib::Response& response) {
    // A page says which build it came from: a rebuild that ended between serving it and this
    // request is reported at once instead of being missed. A page served while the last edit does
    // not build shows the error at once too.
    auto [current, current_error] = preview.state();
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
      if (!preview.wait(seen, std::chrono::seconds(15), version, error)) return false;
      std::string message = ": keep-alive\n\n";
      if (version != seen) {
        message = error.empty() ? "event: reload\ndata: {}\n\n"
                                : "event: failed\ndata: {\"message\":" + json_string(error) + "}\n\n";
        seen = version;
      }
      return sink.write(message.data(), message.size());
    });
  });
  server.Get(R"(/.*)", [&](const httplib::Request& request, httplib::Response& response) {
    std::string path = request.path;
    std::string file;
    if (path.rfind(base_path, 0) == 0) {
      std::string inside = "/" + path.substr(base_path.size());
      file = resolve_served_file(out_dir, inside);
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
      file = (fs::path(out_dir) / "404.html").string();
    }
    // Read before the file: if a rebuild lands in between, the page is newer than it says and
    // only gets one reload too many.
    const uint64_t build_number = preview.state().first;
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

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind);
  } else if (!server.bind_to_port(options.bind, port)) {
    port = -1;
  }
  if (port < 0) {
    err << "sitegen serve: cannot listen on " << options.bind << ":" << options.port
        << " (in use? try --port with another number)\n";
    return kExitOutputError;
  }
  if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1") {
    err << "sitegen serve: WARNING: listening on " << options.bind
        << ", not only on this machine: anyone who can reach it can read the preview\n";
  }
  out << "sitegen serve: http://" << (options.bind == "0.0.0.0" ? "127.0.0.1" : options.bind) << ":" << port
      << base_path << " (Ctrl-C to stop)" << std::endl;

  std::atomic<bool> running{true};
  std::thread watcher([&] {
    while (running) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
      std::string now = inputs_signature(source);
      if (now == signature) continue;
      signature = now;
      std::ostringstream errors, summary;
      auto started = std::chrono::steady_clock::now();
      int result = kExitOutputError;
      try {
        result = run_build(build, summary, errors);
      } catch (const std::exception& e) {  // a thread must not end the server with an exception
        errors << "sitegen: error: " << e.what() << "\n";
      }
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      if (result == kExitOk) {
        out << "sitegen serve: rebuilt in " << static_cast<long>(ms) << " ms" << std::endl;
        preview.succeeded();
      } else {
        err << errors.str() << "sitegen serve: still serving the last good site" << std::endl;
        preview.failed(errors.str());
      }
    }
  });
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    running = false;
    preview.stop();
    server.stop();
  });

  server.listen_after_bind();
  running = false;
  watcher.join();
  // listen ended without a signal (an error): wake the stopper so it can finish.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (temporary_out) {  // with the staging folder beside it, which holds the site before last
    std::error_code ec;
    fs::remove_all(out_dir, ec);
    fs::remove_all(staging_dir_of(out_dir), ec);
  }
  out << "sitegen serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace sitegen
