#include "hash.h"

namespace sitegen {

uint64_t hash64(const std::string& bytes) {
  constexpr uint64_t prime = 1099511628211ull;
  uint64_t hash = 1469598103934665603ull ^ bytes.size();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
    for (int k = 7; k >= 0; --k) word = (word << 8) | p[i + static_cast<size_t>(k)];  // compiles to one load
    hash = (hash ^ word) * prime;
  }
  for (; i < bytes.size(); ++i) hash = (hash ^ p[i]) * prime;
  // The final mix of MurmurHash3: every input bit reaches every output bit.
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  hash *= 0xc4ceb9fe1a85ec53ull;
  hash ^= hash >> 33;
  return hash;
}

std::string hex64(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) hex[static_cast<size_t>(i)] = digits[value & 15];
  return hex;
}

std::string fingerprint_hex(uint64_t value) { return hex64(value).substr(0, 15); }

}  // namespace sitegen
