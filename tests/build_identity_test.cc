#include <catch2/catch.hpp>

#include "build_identity.h"
#include "json_file.h"

using namespace sitegen;

TEST_CASE("the build identity is the running executable's digest, the same for the whole run", "[build_identity]") {
  const Digest identity = build_identity();
  CHECK_FALSE(identity.none());
  CHECK(build_identity() == identity);
  DigestBuilder expected;
  expected.add(SITEGEN_VERSION).add(read_text_file("/proc/self/exe"));
  CHECK(expected.done() == identity);
}
