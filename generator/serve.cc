#include "serve.h"

#include <arpa/inet.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "build.h"
#include "config.h"
#include "output_lock.h"
#include "preview_folder.h"
#include "preview_server.h"
#include "progress.h"
#include "watcher.h"
#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// One build of the preview; its diagnostics as the terminal and the error overlay show them.
struct PreviewBuild {
  BuildResult result;
  std::string messages;
};

PreviewBuild build_preview(const BuildOptions& options, const BuildProgress& progress = nullptr) {
  PreviewBuild build;
  Diagnostics diagnostics;
  try {
    build.result = build_site(options, diagnostics, progress);
  } catch (const std::exception& e) {  // a thread must not end the server with an exception
    diagnostics.error("sitegen", 0, "", e.what());
    build.result.exit_code = kExitOutputError;
  }
  std::ostringstream text;
  Diagnostics::PrintOptions print;
  print.errors_only = true;
  diagnostics.print(text, print);
  build.messages = text.str();
  return build;
}

std::string joined(const std::vector<std::string>& files) {
  std::string out;
  for (size_t i = 0; i < files.size() && i < 3; ++i) out += (i ? ", " : "") + files[i];
  if (files.size() > 3) out += " and " + std::to_string(files.size() - 3) + " more";
  return out;
}

std::string seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", s);
  return text;
}

// The base URL's path the preview is served under: --base-url, else sitegen.json's.
std::string base_path_for(const ServeOptions& options) {
  if (options.base_url) return base_path_of(normalize_base_url(*options.base_url));
  Diagnostics ignored;  // a broken sitegen.json is reported by the build
  return base_path_of(load_config(options.source, ignored).base_url);
}

std::string url_of(const ServeOptions& options, int port, const std::string& base_path) {
  const bool any = options.bind == "0.0.0.0" || options.bind == "::";
  const std::string host = any ? "127.0.0.1" : options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  return "http://" + host + ":" + std::to_string(port) + base_path;
}

// SIGINT, SIGTERM and SIGHUP (the terminal closed), taken by one thread with sigwait: the first
// stops the server (and a build under way) cleanly, a second one exits at once.
class StopOnSignal {
 public:
  StopOnSignal() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }
  ~StopOnSignal() {
    finished_ = true;
    if (thread_.joinable()) {
      pthread_kill(thread_.native_handle(), SIGTERM);  // wakes sigwait; the thread sees `finished_`
      thread_.join();
    }
  }
  // Starts waiting; `on_stop` runs on the first signal, `on_second` on a second Ctrl-C (it
  // should exit). A SIGTERM or SIGHUP after the first signal (a terminal closing sends both)
  // only lets the clean stop go on.
  void start(std::function<void()> on_stop, std::function<void()> on_second) {
    thread_ = std::thread([this, on_stop = std::move(on_stop), on_second = std::move(on_second)] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (finished_) return;
      stopping_ = true;
      on_stop();
      for (;;) {
        sigwait(&signals_, &signal);
        if (finished_) return;
        if (signal == SIGINT) on_second();
      }
    });
  }
  const std::atomic<bool>& stopping() const { return stopping_; }

 private:
  sigset_t signals_;
  std::atomic<bool> stopping_{false}, finished_{false};
  std::thread thread_;
};

}  // namespace

std::string serve_options_problem(const ServeOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return "--port " + std::to_string(options.port) + " is not a port: use 1 to 65535, or 0 for any free port";
  }
  unsigned char address[16];
  if (options.bind != "localhost" && inet_pton(AF_INET, options.bind.c_str(), address) != 1 &&
      inet_pton(AF_INET6, options.bind.c_str(), address) != 1) {
    return "--bind " + options.bind + " is not an IP address (such as 127.0.0.1, ::1 or 0.0.0.0)";
  }
  if (options.base_url) {
    if (auto problem = base_url_problem(*options.base_url)) return "--base-url " + *options.base_url + ": " + *problem;
  }
  for (const auto& host : options.allow_hosts) {
    if (host.empty() || host.find_first_of("/ \t@") != std::string::npos) {
      return "--allow-host \"" + host + "\" is not a host name";
    }
  }
  return "";
}

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  StopOnSignal signals;  // first: a signal from here on is never lost
  if (std::string problem = serve_options_problem(options); !problem.empty()) {
    err << "sitegen serve: error: " << problem << "\n";
    return kExitUsage;
  }

  // The preview's folder: --out, or a private folder made for this run alone.
  const int stale = options.out ? 0 : remove_stale_preview_folders(temporary_folder());
  if (stale && !options.quiet) out << "sitegen serve: removed " << stale << " preview folder(s) left by stopped runs" << std::endl;
  std::optional<PreviewFolder> folder;
  try {
    if (!options.out) folder.emplace();
  } catch (const std::exception& e) {
    err << "sitegen serve: error: " << e.what() << "\n";
    return kExitOutputError;
  }
  const std::string out_dir = options.out ? *options.out : folder->site();
  // The preview's folder is serve's alone while it runs: a `sitegen build` into it is refused.
  std::optional<OutputLock> lock;
  try {
    lock.emplace(out_dir, "sitegen serve");
  } catch (const OutputError& e) {
    err << "sitegen serve: error: " << e.what() << "\n";
    return kExitOutputError;
  }

  // Listen first: a port in use is said at once, and the address is printed before the build.
  std::string base_path = base_path_for(options);
  PreviewServer server(out_dir, base_path, options.bind, options.allow_hosts);
  const int port = server.bind(options.bind, options.port);
  if (port < 0) {
    err << "sitegen serve: error: cannot listen on " << options.bind << ":" << options.port << ": "
        << (options.port ? "the port is in use, or not this machine's to take; try --port with another number, or 0"
                         : "no free port")
        << "\n";
    return kExitOutputError;
  }
  out << "sitegen serve: " << url_of(options, port, base_path) << " (Ctrl-C to stop)" << std::endl;
  if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1") {
    err << "sitegen serve: WARNING: listening on " << options.bind
        << ", not only on this machine: anyone who can reach it can read the preview\n";
  }
  std::thread listener([&] { server.listen(); });

  std::atomic<bool> cancel{false};
  signals.start(
      [&] {
        cancel = true;
        out << "sitegen serve: stopping" << std::endl;
        server.stop();
      },
      [&] {
        err << "sitegen serve: stopped at once" << std::endl;
        // Render threads may still be writing into it: whatever they add after this is removed
        // by the next serve, which clears the folders of runs that are gone.
        std::error_code ec;
        if (folder) fs::remove_all(folder->path(), ec);
        std::_Exit(kExitInterrupted);
      });

  BuildOptions build;
  build.held_lock = &*lock;
  build.source = options.source;
  build.out = out_dir;
  build.strict = options.strict;
  build.quiet = options.quiet;
  build.base_url = options.base_url;
  build.jobs = options.jobs;
  build.cancel = &cancel;
  build.private_output = folder.has_value();

  // The watcher's starting point is taken before the first build: an edit made while it runs
  // is then seen as a change.
  InputWatcher watcher(options.source);
  if (!options.quiet) out << "sitegen serve: building " << options.source << " into " << out_dir << " ..." << std::endl;
  PreviewBuild first;
  {
    // The first build of a large site takes seconds: on a terminal, its progress line.
    ProgressLine line(err, !options.quiet && &err == &std::cerr && isatty(STDERR_FILENO));
    first = build_preview(build, line.enabled() ? BuildProgress([&](size_t done, size_t total) { line.show(done, total); })
                                                : nullptr);
  }
  int exit_code = kExitOk;
  if (first.result.exit_code == kExitOk) {
    if (!options.quiet) {
      out << "sitegen serve: built " << first.result.pages << " pages in " << seconds(first.result.seconds) << std::endl;
    }
    server.events().succeeded();
    // The first build leaves no staging folder, so the first edit would link the whole site
    // into a new one: that is done now, before any edit.
    try {
      if (!fs::exists(staging_dir_of(out_dir))) {
        OutputWriter writer(out_dir);
        if (folder) writer.treat_as_private();
        writer.prime_staging();
      }
    } catch (const std::exception&) {
      // Only an optimisation: the next build makes the staging folder itself.
    }
  } else if (first.result.exit_code != kExitInterrupted) {
    err << first.messages << "sitegen serve: the site does not build; fix the errors above and start again\n";
    exit_code = first.result.exit_code;
    server.stop();
  }

  // Rebuild on every change until stopped; the log names what changed and what was remade.
  while (exit_code == kExitOk && !signals.stopping()) {
    const std::vector<std::string> changed = watcher.wait(std::chrono::milliseconds(250));
    if (changed.empty() || signals.stopping()) continue;
    if (!options.base_url && std::find(changed.begin(), changed.end(), "sitegen.json") != changed.end()) {
      const std::string now = base_path_for(options);
      if (now != server.base_path()) {
        server.set_base_path(now);
        base_path = now;
        out << "sitegen serve: the base URL changed; now " << url_of(options, port, now) << std::endl;
      }
    }
    const PreviewBuild rebuilt = build_preview(build);
    if (rebuilt.result.exit_code == kExitOk) {
      out << "sitegen serve: " << joined(changed) << ": " << rebuilt.result.rendered << " pages in "
          << seconds(rebuilt.result.seconds) << std::endl;
      server.events().succeeded();
    } else if (rebuilt.result.exit_code != kExitInterrupted) {
      err << rebuilt.messages << "sitegen serve: " << joined(changed) << " does not build; still serving the last good site"
          << std::endl;
      server.events().failed(rebuilt.messages);
    }
  }
  server.stop();
  listener.join();
  lock.reset();
  if (folder) folder->remove();
  if (exit_code == kExitOk) out << "sitegen serve: stopped" << std::endl;
  return exit_code;
}

}  // namespace sitegen
