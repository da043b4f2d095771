#include "hash.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <xxhash.h>

namespace sitegen {

Digest digest_of(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return {hash.high64, hash.low64};
}

namespace {

const char kHexDigits[] = "0123456789abcdef";

void put_hex(uint64_t value, char* out) {
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kHexDigits[value & 15];
}

std::optional<uint64_t> parse_hex(std::string_view hex) {
  uint64_t value = 0;
  for (char c : hex) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value << 4 | static_cast<uint64_t>(digit);
  }
  return value;
}

XXH3_state_t* state_of(void* state) { return static_cast<XXH3_state_t*>(state); }

}  // namespace

std::string to_hex(const Digest& digest) {
  std::string hex(32, '0');
  put_hex(digest.high, hex.data());
  put_hex(digest.low, hex.data() + 16);
  return hex;
}

std::optional<Digest> digest_from_hex(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  auto high = parse_hex(hex.substr(0, 16)), low = parse_hex(hex.substr(16));
  if (!high || !low) return std::nullopt;
  return Digest{*high, *low};
}

std::string short_hash(std::string_view bytes, size_t digits) {
  char hex[16];
  put_hex(XXH3_64bits(bytes.data(), bytes.size()), hex);
  return std::string(hex, std::min<size_t>(digits, 16));
}

DigestBuilder::DigestBuilder() : state_(XXH3_createState()) {
  if (state_ == nullptr) throw std::bad_alloc();
  XXH3_128bits_reset(state_of(state_));
}

DigestBuilder::~DigestBuilder() { XXH3_freeState(state_of(state_)); }

DigestBuilder& DigestBuilder::add(std::string_view field) {
  const uint64_t size = field.size();
  XXH3_128bits_update(state_of(state_), &size, sizeof size);
  XXH3_128bits_update(state_of(state_), field.data(), field.size());
  return *this;
}

DigestBuilder& DigestBuilder::add_bytes(std::string_view bytes) {
  XXH3_128bits_update(state_of(state_), bytes.data(), bytes.size());
  return *this;
}

DigestBuilder& DigestBuilder::add(const Digest& digest) {
  // A digest goes in behind a length no string field can have, so it never reads as one.
  const uint64_t marker = ~uint64_t{0};
  XXH3_128bits_update(state_of(state_), &marker, sizeof marker);
  XXH3_128bits_update(state_of(state_), &digest.high, sizeof digest.high);
  XXH3_128bits_update(state_of(state_), &digest.low, sizeof digest.low);
  return *this;
}

Digest DigestBuilder::done() const {
  const XXH128_hash_t hash = XXH3_128bits_digest(state_of(state_));
  return {hash.high64, hash.low64};
}

}  // namespace sitegen
