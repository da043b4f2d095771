#include <catch2/catch.hpp>

#include "catalog.h"
#include "test_support.h"

using namespace sitegen;

namespace {

// A copy of the fixture catalog, to be broken one way per test.
struct CatalogFixture {
  test::TempDir dir;
  CatalogFixture() { test::make_fixture_site("mini", dir.path()); }
  std::string code_file(const std::string& name) const { return dir / ("content/smtp/" + name); }
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = test::read_file(file);
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    test::write_file(file, text);
  }
  Catalog load(Diagnostics& diagnostics) const { return load_catalog(dir / "content", diagnostics); }
};

bool has_message(const Diagnostics& diagnostics, const std::string& text) {
  for (const auto& d : diagnostics.all()) {
    if (format_diagnostic(d).find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the fixture catalog loads in code order", "[catalog]") {
  CatalogFixture f;
  Diagnostics diagnostics;
  Catalog catalog = f.load(diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(catalog.protocols.size() == 1);
  const Protocol& smtp = catalog.protocols[0];
  CHECK(smtp.id == "smtp");
  CHECK(smtp.name == "SMTP");
  REQUIRE(smtp.codes.size() == 3);
  CHECK(smtp.codes[0].id == "214");
  CHECK(smtp.codes[2].slug == "535-authentication-failed");
  CHECK(smtp.outcome_of(smtp.codes[2]) == "permanent");
  CHECK(smtp.find("235")->name == "Authentication Successful");
  CHECK(smtp.find("999") == nullptr);
}

TEST_CASE("catalog errors name the file and line and field", "[catalog]") {
  CatalogFixture f;
  Diagnostics diagnostics;

  SECTION("a class that does not match the code") {
    f.replace(f.code_file("535.json"), "\"class\": \"5xx\"", "\"class\": \"2xx\"");
    f.load(diagnostics);
    CHECK(has_message(diagnostics,
                      "content/smtp/535.json:5:3: error: \"class\": \"2xx\" does not match the code 535; expected \"5xx\""));
  }
  SECTION("a slug that is not lowercase ASCII words") {
    f.replace(f.code_file("214.json"), "\"214-help-message\"", "\"214-Help/../x\"");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/214.json:4:3: error: \"slug\": \"214-Help/../x\" must be the code"));
  }
  SECTION("a missing field") {
    f.replace(f.code_file("235.json"), "\"trigger\": \"a successful AUTH exchange\",", "");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/235.json: error: \"trigger\": is required"));
  }
  SECTION("a field of the wrong type") {
    f.replace(f.code_file("235.json"), "\"name\": \"Authentication Successful\"", "\"name\": 235");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/235.json:3:3: error: \"name\": must be a string, got number"));
  }
  SECTION("a malformed RFC reference") {
    f.replace(f.code_file("214.json"), "RFC 5321 §4.2.2", "RFC5321 section 4");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"defined_in\": \"RFC5321 section 4\" must look like \"RFC 5321 §4.2.2\""));
  }
  SECTION("a code that is defined twice") {
    test::write_file(f.code_file("214-copy.json"), test::read_file(f.code_file("214.json")));
    Catalog catalog = f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/214.json: error: \"code\": 214 is already defined in content/smtp/214-copy.json"));
    CHECK(catalog.protocols[0].codes.size() == 3);
  }
  SECTION("a code that is not three digits") {
    f.replace(f.code_file("214.json"), "\"code\": 214", "\"code\": 2140");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/214.json:2:3: error: \"code\": must be a three-digit number"));
  }
  SECTION("an unknown field is a warning") {
    f.replace(f.code_file("214.json"), "\"code\": 214,", "\"code\": 214, \"nmae\": \"x\",");
    f.load(diagnostics);
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(has_message(diagnostics, "content/smtp/214.json:2:16: warning: \"nmae\": unknown field"));
  }
}

TEST_CASE("rfc_url links to the section at the RFC Editor", "[catalog]") {
  CHECK(rfc_url("RFC 5321 §4.2.2") == "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.2");
  CHECK(rfc_url("RFC 9110 §15") == "https://www.rfc-editor.org/rfc/rfc9110#section-15");
  CHECK(rfc_url("rfc 9110") == "");
}

TEST_CASE("curated pairs load from pairs/, named after their two codes, both of which must exist", "[catalog]") {
  CatalogFixture f;
  const std::string pair = "{\"confusion\": \"C.\", \"tell_apart\": \"T.\", \"example\": \"```\\nS: 535\\n```\"}\n";
  test::write_file(f.code_file("pairs/235-535.json"), pair);
  test::write_file(f.code_file("pairs/535-235.json"), pair);
  test::write_file(f.code_file("pairs/214-999.json"), pair);
  test::write_file(f.code_file("pairs/214-235.json"), "{\"confusion\": \"C.\", \"example\": \"E.\", \"extra\": 1}\n");
  Diagnostics diagnostics;
  Catalog catalog = f.load(diagnostics);
  const Protocol& smtp = catalog.protocols.at(0);
  REQUIRE(smtp.curated.size() == 1);
  CHECK(smtp.curated[0].low == "235");
  CHECK(smtp.curated[0].high == "535");
  CHECK(smtp.curated_pair(*smtp.find("535"), *smtp.find("235")) == &smtp.curated[0]);
  CHECK(smtp.curated_pair(*smtp.find("214"), *smtp.find("235")) == nullptr);
  CHECK(has_message(diagnostics, "content/smtp/pairs/535-235.json: error: a curated pair is named after its two codes, "
                                 "the lower first: 401-403.json"));
  CHECK(has_message(diagnostics, "content/smtp/pairs/214-999.json: error: compares code 999, which content/smtp/ does "
                                 "not define"));
  CHECK(has_message(diagnostics, "content/smtp/pairs/214-235.json: error: \"tell_apart\": is required"));
  CHECK(has_message(diagnostics, "content/smtp/pairs/214-235.json:1:38: warning: \"extra\": unknown field"));
}

TEST_CASE("a class without a usual outcome makes each of its codes give one", "[catalog]") {
  CatalogFixture f;
  f.replace(f.dir / "content/smtp/protocol.json", "\"5xx\": { \"outcome\": \"permanent\" }", "\"5xx\": {}");
  Diagnostics diagnostics;
  Catalog catalog = f.load(diagnostics);
  CHECK(has_message(diagnostics, "content/smtp/535.json: error: \"outcome\": is required: class 5xx has no usual outcome "
                                 "in protocol.json, so each of its codes gives its own"));
}
