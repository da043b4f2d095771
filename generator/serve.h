// Serve: `sitegen serve`, a local preview that builds the site, serves it over HTTP (cpp-httplib),
// rebuilds when an input changes and reloads open pages; a broken edit keeps the last good site.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace sitegen {

struct ServeOptions {
  std::string source = ".";
  std::optional<std::string> out;  // where the preview is built (default: a temporary folder)
  std::string bind = "127.0.0.1";
  int port = 1313;                 // 0: any free port
  bool strict = false;
  unsigned jobs = 0;
  int poll_ms = 250;               // how often inputs are checked for changes
};

// Runs until SIGINT or SIGTERM. Returns an ExitCode (build.h).
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

// The file under `root` that serves URL path `path` (already percent-decoded), or "" when there
// is none or the path would leave `root` (through "..", backslashes or a symlink).
std::string resolve_served_file(const std::string& root, const std::string& path);

}  // namespace sitegen
