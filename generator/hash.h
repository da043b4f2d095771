// Hash: a fast, stable 64-bit fingerprint of bytes, for asset names, input fingerprints and the
// output manifest. Not for security: it only has to notice that bytes changed.
#pragma once

#include <cstdint>
#include <string>

namespace sitegen {

// FNV-1a over 8-byte little-endian words in four interleaved lanes, folded together, then the
// remaining words and bytes, then a final mix. Each step is a bijection of its lane, so two
// inputs that differ in one word never collide; reading words in four lanes makes it many times
// faster than byte-wise FNV-1a on pages of ~20 KB, and the build hashes every page it makes.
uint64_t hash64(const std::string& bytes);

// 16 lowercase hex digits.
std::string hex64(uint64_t value);

// A fingerprint as stored in the output manifest: the top 60 bits as 15 hex digits, which
// std::string keeps inline without allocating (a manifest holds two per file, tens of thousands
// for a large site, read and compared on every build).
std::string fingerprint_hex(uint64_t value);

}  // namespace sitegen
