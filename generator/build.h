// Build: the `sitegen build` orchestration, load -> plan -> view -> render -> write.
// It only wires the stages together; each stage lives in its own module.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace sitegen {

class OutputLock;

// Exit codes, documented in README.md.
enum ExitCode { kExitOk = 0, kExitInputError = 1, kExitUsage = 2, kExitOutputError = 3 };

// The most render threads a build takes (-j): more than any machine has cores, fewer than the
// system's thread limit.
inline constexpr unsigned kMaxJobs = 256;

struct BuildOptions {
  std::string source = ".";             // the folder holding sitegen.json, content/, locales/, templates/
  std::optional<std::string> out;       // overrides sitegen.json "output"
  std::optional<std::string> base_url;  // overrides sitegen.json "base_url"
  bool strict = false;                  // warnings are errors
  bool quiet = false;                   // only errors are printed
  unsigned jobs = 0;                    // render threads; 0: one per core
  // Render every page, even those whose inputs did not change, and replace files of the user's
  // that stand where pages go (they are kept aside, beside the output).
  bool force = false;
  // The output folder's lock, when the caller holds it for longer than one build (serve); by
  // default the build takes it for itself.
  const OutputLock* held_lock = nullptr;
};

// Runs a build; diagnostics and progress go to `err`, the summary to `out`. Returns an ExitCode.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
