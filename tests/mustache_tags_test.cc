#include <catch2/catch.hpp>

#include "mustache_tags.h"

using namespace sitegen;

TEST_CASE("tags are found with their kind, name and place, whatever their size", "[mustache_tags]") {
  const auto tags = mustache_tags("a {{ name }} b {{{html}}} {{> footer }}{{#list}}x{{/list}}{{!note}} {{open");
  REQUIRE(tags.size() == 7);
  CHECK(tags[0].name == "name");
  CHECK(tags[0].kind == 0);
  CHECK(tags[0].begin == 2);
  CHECK(tags[0].end == 12);
  CHECK(tags[1].name == "html");
  CHECK(tags[2].kind == '>');
  CHECK(tags[2].name == "footer");
  CHECK(tags[3].kind == '#');
  CHECK(tags[4].kind == '/');
  CHECK(tags[5].kind == '!');
  CHECK_FALSE(tags[6].closed);
  CHECK(is_plain_variable(tags[0]));
  CHECK(is_plain_variable(tags[1]));
  CHECK_FALSE(is_plain_variable(tags[2]));
  CHECK_FALSE(is_plain_variable(tags[6]));
  // Long inputs are scanned, not recursed through.
  const auto big = mustache_tags("{{>" + std::string(200000, 'a') + "}}");
  REQUIRE(big.size() == 1);
  CHECK(big[0].name.size() == 200000);
}
