// Hash: a fast, stable 64-bit fingerprint of bytes (FNV-1a), for asset names and the output
// manifest. Not for security: it only has to notice that bytes changed.
#pragma once

#include <cstdint>
#include <string>

namespace sitegen {

uint64_t fnv1a64(const std::string& bytes);

// 16 lowercase hex digits.
std::string hex64(uint64_t value);

}  // namespace sitegen
