// Serve: `sitegen serve`, a local preview: listens first (PreviewServer), then builds the site
// (build_site), rebuilds when an input changes (InputWatcher) and reloads open pages; a broken
// edit keeps the last good site. Ctrl-C or SIGTERM stop it at any moment, removing its folders.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>

namespace sitegen {

struct ServeOptions {
  std::string source = ".";
  std::optional<std::string> out;       // where the preview is built (default: a private temporary folder)
  std::optional<std::string> base_url;  // overrides sitegen.json "base_url"
  bool quiet = false;                   // only errors are printed
  std::string bind = "127.0.0.1";
  int port = 1313;                      // 0: any free port
  std::set<std::string> allow_hosts;    // Host names answered besides localhost and the bound address
  bool strict = false;
  unsigned jobs = 0;
};

// Checks the options before any work: the port, the bind address and the base URL. An error
// message for the first that is wrong, or "".
std::string serve_options_problem(const ServeOptions& options);

// Runs until SIGINT or SIGTERM. Returns an ExitCode (exit_codes.h): kExitUsage for bad options,
// kExitOutputError when it cannot listen or write its folder.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
