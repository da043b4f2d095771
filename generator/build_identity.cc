#include "build_identity.h"

#include <chrono>
#include <random>
#include <string>
#include <unistd.h>

#include "json_file.h"

namespace sitegen {

namespace {

Digest compute_identity() {
  DigestBuilder identity;
  identity.add(SITEGEN_VERSION);
  try {
    // The code itself, not a version number a change can forget to bump: any change to any
    // source file changes the executable.
    identity.add(read_text_file("/proc/self/exe"));
  } catch (const std::exception&) {
    std::random_device random;
    identity.add("unreadable executable").add(std::to_string(random()) + std::to_string(::getpid()) +
                                              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  }
  return identity.done();
}

}  // namespace

const Digest& build_identity() {
  static const Digest identity = compute_identity();
  return identity;
}

}  // namespace sitegen
