// Init: `sitegen init DIR`, a starter site that builds and passes `check --links` at once:
// sitegen.json and an example protocol (SMTP, three codes, translated), nothing the theme provides.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sitegen {

struct InitOptions {
  std::string dir;
  std::vector<std::string> locales{"en"};  // the first is the default locale
  bool quiet = false;                      // errors only
};

// Writes the starter site into `dir`, which must be missing or empty. Returns an ExitCode.
int run_init(const InitOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
