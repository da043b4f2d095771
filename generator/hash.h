// Hash: XXH3 digests (libxxhash) of bytes, for output content, input fingerprints and asset names.
// Not for security: a digest only has to tell that bytes changed, and 128 bits make a miss unthinkable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitegen {

// A 128-bit XXH3 digest. The all-zero value stands for "none" (an unknown fingerprint).
struct Digest {
  uint64_t high = 0, low = 0;
  bool none() const { return high == 0 && low == 0; }
  bool operator==(const Digest& other) const { return high == other.high && low == other.low; }
  bool operator!=(const Digest& other) const { return !(*this == other); }
  // Any fixed order will do: digests are sorted to be looked up.
  bool operator<(const Digest& other) const { return high != other.high ? high < other.high : low < other.low; }
};

// XXH3-128 of `bytes`.
Digest digest_of(std::string_view bytes);

// 32 lowercase hex digits, and back; nothing for text that is not exactly that.
std::string to_hex(const Digest& digest);
std::optional<Digest> digest_from_hex(std::string_view hex);

// The first `digits` hex digits of the XXH3-64 of `bytes` (asset file names: "style.3f2a9c01de.css").
std::string short_hash(std::string_view bytes, size_t digits = 10);

// A digest of several fields in order, streamed into XXH3. Each field is length-prefixed, so
// ("ab", "c") and ("a", "bc") differ.
class DigestBuilder {
 public:
  DigestBuilder();
  ~DigestBuilder();
  DigestBuilder(const DigestBuilder&) = delete;
  DigestBuilder& operator=(const DigestBuilder&) = delete;
  DigestBuilder& add(std::string_view field);
  DigestBuilder& add(const Digest& digest);
  // Bytes as they are, without a length: fed only with these, the digest is digest_of() of
  // their concatenation (a file digested piece by piece as it is written).
  DigestBuilder& add_bytes(std::string_view bytes);
  Digest done() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

}  // namespace sitegen
