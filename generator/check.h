// Check: the `sitegen check` command, which validates and lints a site's inputs without writing
// anything, for editors and CI.
#pragma once

#include <ostream>
#include <string>

namespace sitegen {

struct CheckOptions {
  std::string source = ".";
  bool strict = false;  // warnings are errors
};

// Prints every finding to `err` and a one-line verdict to `out`. Returns an ExitCode (build.h).
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
