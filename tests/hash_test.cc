#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "hash.h"

using namespace sitegen;

TEST_CASE("two edits 32 bytes apart never cancel out", "[hash]") {
  // The pair the hand-written hash of earlier versions gave the same value, so a corrected page
  // was taken for unchanged.
  CHECK(digest_of("<p>The server accepted the credentials and said so.</p>") !=
        digest_of("<p>The nerver accepted the credentials vnd said so.</p>"));
  // Every pair of one-letter edits 32 bytes apart in a 64-byte line.
  const std::string line = "The server accepted the credentials and said so, and then it quit";
  REQUIRE(line.size() >= 64);
  const std::string base = line.substr(0, 64);
  // The distinct texts those edits make (an edit to the letter already there changes nothing),
  // and their digests: as many digests as texts.
  std::set<std::string> texts;
  for (size_t i = 0; i < 32; ++i) {
    for (char a = 'a'; a <= 'z'; ++a) {
      for (char b = 'a'; b <= 'z'; ++b) {
        std::string edited = base;
        edited[i] = a;
        edited[i + 32] = b;
        texts.insert(edited);
      }
    }
  }
  std::set<std::pair<uint64_t, uint64_t>> seen;
  for (const auto& text : texts) {
    const Digest d = digest_of(text);
    seen.insert({d.high, d.low});
  }
  CHECK(seen.size() == texts.size());
  CHECK(texts.size() > 20000);
}

TEST_CASE("digests read back from hex, and nothing else does", "[hash]") {
  const Digest d = digest_of("some bytes");
  const std::string hex = to_hex(d);
  CHECK(hex.size() == 32);
  CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(digest_from_hex(hex) == d);
  CHECK_FALSE(digest_from_hex(hex.substr(1)));
  CHECK_FALSE(digest_from_hex("0123456789abcde"));           // an older manifest's 15 digits
  CHECK_FALSE(digest_from_hex(std::string(31, '0') + "g"));  // not hex
  CHECK(Digest{}.none());
  CHECK_FALSE(d.none());
}

TEST_CASE("a digest of fields tells where one field ends", "[hash]") {
  CHECK(DigestBuilder().add("ab").add("c").done() != DigestBuilder().add("a").add("bc").done());
  CHECK(DigestBuilder().add("ab").add("c").done() == DigestBuilder().add("ab").add("c").done());
  CHECK(DigestBuilder().add("").done() != DigestBuilder().done());
  const Digest inner = digest_of("x");
  CHECK(DigestBuilder().add(inner).done() != DigestBuilder().add(std::string_view(
                                                 reinterpret_cast<const char*>(&inner), sizeof inner)).done());
}

TEST_CASE("short hashes name assets by their content", "[hash]") {
  CHECK(short_hash("body { color: red }").size() == 10);
  CHECK(short_hash("body { color: red }") == short_hash("body { color: red }"));
  CHECK(short_hash("body { color: red }") != short_hash("body { color: blue }"));
  CHECK(short_hash("x", 16).size() == 16);
}
