// Check: the `sitegen check` command, which validates and lints a site's inputs without writing
// anything, with --links verifies every internal link of the built site, and with --translations
// reports what is translated, stale and missing in each locale.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace sitegen {

struct CheckOptions {
  std::string source = ".";
  bool strict = false;                  // warnings are errors
  bool quiet = false;                   // errors only: no warnings, no verdict line
  bool links = false;                   // also verify the links of the built site
  bool translations = false;            // also report translation coverage (with --strict, gaps fail)
  bool sources = false;                 // also list which file, the site's or the theme's, each part comes from
  std::optional<std::string> out;       // the built site (default: sitegen.json "output")
  std::optional<std::string> base_url;  // the base URL it was built for (default: sitegen.json)
};

// Prints every finding to `err` and a one-line verdict to `out`. Returns an ExitCode (build.h).
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
