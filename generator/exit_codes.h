// ExitCodes: what sitegen's commands exit with, as README.md documents them.
// One header, so that check, serve and build agree without depending on each other.
#pragma once

namespace sitegen {

enum ExitCode {
  kExitOk = 0,
  kExitInputError = 1,   // content, locales, templates or sitegen.json have errors
  kExitUsage = 2,        // the command line is wrong
  kExitOutputError = 3,  // the output folder cannot be written (or is not sitegen's); serve cannot listen
  kExitInterrupted = 130,  // stopped by Ctrl-C or SIGTERM before the work was done (128 + SIGINT)
};

}  // namespace sitegen
