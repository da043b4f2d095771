#include "serve.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>
#include <thread>

#include "build.h"
#include "config.h"
#include "output_lock.h"
#include "preview_server.h"
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

PreviewBuild build_preview(const BuildOptions& options) {
  PreviewBuild build;
  Diagnostics diagnostics;
  try {
    build.result = build_site(options, diagnostics);
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

// Until `running` ends: looks at the inputs every poll_ms, rebuilds after a change, and tells the
// open pages (a reload, or the error of a broken edit over the last good site).
void rebuild_on_changes(const ServeOptions& options, const BuildOptions& build, InputWatcher& watcher,
                        PreviewServer& server, const std::atomic<bool>& running, std::ostream& out, std::ostream& err) {
  while (running) {
    std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
    const std::vector<std::string> changed = watcher.changes();
    if (changed.empty()) continue;
    const auto started = std::chrono::steady_clock::now();
    const PreviewBuild rebuilt = build_preview(build);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (rebuilt.result.exit_code == kExitOk) {
      out << "sitegen serve: rebuilt in " << ms.count() << " ms (" << joined(changed) << ")" << std::endl;
      server.events().succeeded();
    } else {
      err << rebuilt.messages << "sitegen serve: still serving the last good site" << std::endl;
      server.events().failed(rebuilt.messages);
    }
  }
}

// The address to open, and a warning when it is reachable from other machines.
void announce(const ServeOptions& options, int port, const std::string& base_path, std::ostream& out,
              std::ostream& err) {
  if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1") {
    err << "sitegen serve: WARNING: listening on " << options.bind
        << ", not only on this machine: anyone who can reach it can read the preview\n";
  }
  out << "sitegen serve: http://" << (options.bind == "0.0.0.0" ? "127.0.0.1" : options.bind) << ":" << port
      << base_path << " (Ctrl-C to stop)" << std::endl;
}

}  // namespace

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // SIGINT and SIGTERM are taken by one thread with sigwait, which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const bool temporary_out = !options.out;
  const std::string out_dir =
      temporary_out ? (fs::temp_directory_path() / ("sitegen-serve-" + std::to_string(getpid()))).string() : *options.out;
  // The preview's folder is serve's alone while it runs: a `sitegen build` into it is refused.
  std::optional<OutputLock> lock;
  try {
    lock.emplace(out_dir, "sitegen serve");
  } catch (const OutputError& e) {
    err << "sitegen serve: error: " << e.what() << "\n";
    return kExitOutputError;
  }
  if (temporary_out) lock->remove_file_on_release();
  auto remove_temporary = [&] {
    if (!temporary_out) return;  // with the staging folder beside it, which holds the site before last
    std::error_code ec;
    fs::remove_all(out_dir, ec);
    fs::remove_all(staging_dir_of(out_dir), ec);
  };

  BuildOptions build;
  build.held_lock = &*lock;
  build.source = options.source;
  build.out = out_dir;
  build.strict = options.strict;
  build.quiet = options.quiet;
  build.base_url = options.base_url;
  build.jobs = options.jobs;

  // The watcher's starting point is taken before the first build: an edit made while it runs, or
  // just after the address is printed, is then seen as a change (taken later, it was missed).
  InputWatcher watcher(options.source);
  const PreviewBuild first = build_preview(build);
  err << first.messages;
  if (first.result.exit_code != kExitOk) {
    err << "sitegen serve: the site does not build; fix the errors above and start again\n";
    remove_temporary();
    return first.result.exit_code;
  }
  Diagnostics ignored;
  const Config config = load_config(options.source, ignored);
  const std::string base_path = base_path_of(options.base_url ? normalize_base_url(*options.base_url) : config.base_url);

  PreviewServer server(out_dir, base_path);
  const int port = server.bind(options.bind, options.port);
  if (port < 0) {
    err << "sitegen serve: cannot listen on " << options.bind << ":" << options.port
        << " (in use? try --port with another number)\n";
    remove_temporary();
    return kExitOutputError;
  }
  announce(options, port, base_path, out, err);

  std::atomic<bool> running{true};
  std::thread rebuilder([&] { rebuild_on_changes(options, build, watcher, server, running, out, err); });
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    running = false;
    server.stop();
  });

  server.listen();
  running = false;
  rebuilder.join();
  // listen ended without a signal (an error): wake the stopper so it can finish.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  remove_temporary();
  out << "sitegen serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace sitegen
