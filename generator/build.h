// Build: a whole build of a site, load -> plan -> view -> render -> write, as a library function
// that returns what happened (build_site), and `sitegen build`, which prints it (run_build).
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.h"
#include "exit_codes.h"

namespace sitegen {

class OutputLock;

// The most render threads a build takes (-j): more than any machine has cores, fewer than the
// system's thread limit.
inline constexpr unsigned kMaxJobs = 256;

struct BuildOptions {
  std::string source = ".";             // the folder holding sitegen.json, content/, locales/, templates/
  std::optional<std::string> out;       // overrides sitegen.json "output"
  std::optional<std::string> base_url;  // overrides sitegen.json "base_url"
  std::optional<std::string> hosting;   // overrides sitegen.json "hosting" (--host)
  bool strict = false;                  // warnings are errors
  bool quiet = false;                   // only errors are printed
  unsigned jobs = 0;                    // render threads; 0: one per core
  // Render every page, even those whose inputs did not change, and replace files of the user's
  // that stand where pages go (they are kept aside, beside the output).
  bool force = false;
  // The output folder's lock, when the caller holds it for longer than one build (serve); by
  // default the build takes it for itself.
  const OutputLock* held_lock = nullptr;
  // Set by another thread to stop the build early (serve on Ctrl-C): the pages left are not
  // rendered, nothing is swapped in, and the result's exit code is kExitInterrupted.
  const std::atomic<bool>* cancel = nullptr;
  // The output folder is the caller's private one, which nobody else writes in (serve's
  // temporary folder): OutputWriter::treat_as_private.
  bool private_output = false;
};

// What a build did.
struct BuildResult {
  int exit_code = kExitOk;
  std::string out_dir;  // the folder written (a symlink given as --out resolved)
  size_t pages = 0;     // every page, 404 included
  std::vector<std::pair<std::string, size_t>> pages_per_locale;  // in sitegen.json's order, 404 aside
  size_t rendered = 0;  // pages rendered (the others' inputs had not changed)
  int written = 0, unchanged = 0, removed = 0;  // files
  std::vector<std::string> kept;                // files of the user's in the output, kept
  std::vector<std::string> replaced;            // files of the user's pages replaced (--force)
  std::string replaced_dir;                     // where those are kept
  std::string translations;  // per locale, the share of prose translated (translations.h coverage_line)
  double seconds = 0;
};

// Called now and then while pages render, with pages done and pages in all.
using BuildProgress = std::function<void(size_t done, size_t total)>;

// Builds the site. Every problem found (input errors with file and line, an output folder that
// cannot be written) is reported to `diagnostics`; the result's exit code says which kind.
BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics, const BuildProgress& progress = nullptr);

// `sitegen build`: build_site with a progress line on a terminal; diagnostics and the kept and
// replaced files go to `err`, the summary to `out`. Returns an ExitCode.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sitegen
