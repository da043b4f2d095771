// Serve: `sitegen serve`, a local preview: builds the site (build_site), serves it (PreviewServer),
// rebuilds when an input changes (InputWatcher) and reloads open pages; a broken edit keeps the last good site.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace sitegen {

struct ServeOptions {
  std::string source = ".";
  std::optional<std::string> out;  // where the preview is built (default: a temporary folder)
  std::optional<std::string> base_url;  // overrides sitegen.json "base_url"
  bool quiet = false;              // only errors are printed
  std::string bind = "127.0.0.1";
  int port = 1313;                 // 0: any free port
  bool strict = false;
  unsigned jobs = 0;
  int poll_ms = 250;               // how often inputs are checked for changes
};

// Runs until SIGINT or SIGTERM. Returns an ExitCode (exit_codes.h).
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
