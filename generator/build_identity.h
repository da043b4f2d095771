// BuildIdentity: a digest of the running sitegen executable, taken once per run. It is part of
// every fingerprint, so a sitegen built from changed code re-renders everything once.
#pragma once

#include "hash.h"

namespace sitegen {

// The digest of /proc/self/exe's bytes and SITEGEN_VERSION. Where the executable cannot be read,
// a value new to this run: nothing a previous build made is then trusted, which is slower but
// never wrong.
const Digest& build_identity();

}  // namespace sitegen
