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
  CHECK(rfc_url("draft-levine-mailbomb-header") == "https://datatracker.ietf.org/doc/draft-levine-mailbomb-header/");
  CHECK(rfc_url("draft-") == "");
  CHECK(rfc_url("draft-a--b") == "");
  CHECK(rfc_url("draft-x/../y") == "");
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

TEST_CASE("the code format, pair policy, basic codes and replies are checked, naming file and field", "[catalog]") {
  CatalogFixture f;
  Diagnostics diagnostics;
  const std::string protocol = f.dir / "content/smtp/protocol.json";
  SECTION("a dotted protocol reads its codes as strings and derives class and subject") {
    f.replace(protocol, "\"classes\": {", "\"code_format\": {\"kind\": \"dotted\"}, \"pairs\": \"same-subject\", \"classes\": {");
    f.replace(protocol, "\"2xx\"", "\"2.x.x\"");
    f.replace(protocol, "\"5xx\"", "\"5.x.x\"");
    f.replace(f.code_file("214.json"), "\"code\": 214", "\"code\": \"2.1.4\"");
    f.replace(f.code_file("214.json"), "\"214-help-message\"", "\"2.1.4-help-message\"");
    f.replace(f.code_file("214.json"), "\"2xx\"", "\"2.x.x\"");
    Catalog catalog = f.load(diagnostics);
    // 235 and 535 still give integers: each is an error; 2.1.4 loads with its subject.
    CHECK(has_message(diagnostics, "content/smtp/235.json:2:3: error: \"code\": must be a string such as \"5.7.1\""));
    REQUIRE(catalog.protocols.size() == 1);
    const Code* code = catalog.protocols[0].find("2.1.4");
    REQUIRE(code);
    CHECK(code->klass == "2.x.x");
    CHECK(code->subject == "x.1.x");
    CHECK(catalog.protocols[0].pairs == PairPolicy::same_subject);
  }
  SECTION("a class key that the format cannot derive") {
    f.replace(protocol, "\"classes\": {", "\"code_format\": {\"kind\": \"dotted\"}, \"classes\": {");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/protocol.json:7:5: error: \"classes.2xx\": a class of dotted codes is written like \"5.x.x\""));
  }
  SECTION("a class that does not fit the code") {
    f.replace(f.code_file("214.json"), "\"class\": \"2xx\"", "\"class\": \"5xx\"");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"class\": \"5xx\" does not match the code 214; expected \"2xx\""));
  }
  SECTION("an unknown pair policy") {
    f.replace(protocol, "\"classes\": {", "\"pairs\": \"some\", \"classes\": {");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"pairs\": must be \"all\", \"same-class\", \"same-subject\" or \"curated\""));
  }
  SECTION("same-subject needs dotted codes") {
    f.replace(protocol, "\"classes\": {", "\"pairs\": \"same-subject\", \"classes\": {");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"pairs\": \"same-subject\" needs dotted codes"));
  }
  SECTION("basic codes need a protocol they refine") {
    f.replace(f.code_file("214.json"), "\"code\": 214,", "\"code\": 214, \"basic_codes\": [550],");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "content/smtp/214.json:2:16: error: \"basic_codes\": needs \"refines\" in protocol.json"));
  }
  SECTION("refining a protocol that is not there") {
    f.replace(protocol, "\"classes\": {", "\"refines\": \"esmtp\", \"classes\": {");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"refines\": \"esmtp\" must be another protocol folder of content/"));
  }
  SECTION("a reply quoted from a product needs its public source") {
    f.replace(f.code_file("214.json"), "\"code\": 214,",
              "\"code\": 214, \"replies\": [{\"text\": \"214 See https://example.test\", \"product\": \"Mailer\"}],");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"replies[0].source\": a line quoted from Mailer needs \"source\""));
  }
  SECTION("a reply is one line") {
    f.replace(f.code_file("214.json"), "\"code\": 214,", "\"code\": 214, \"replies\": [{\"text\": \"214 a\\nb\"}],");
    f.load(diagnostics);
    CHECK(has_message(diagnostics, "\"replies[0].text\": must be one line of text"));
  }
}
