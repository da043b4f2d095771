#include <catch2/catch.hpp>

#include "diagnostics.h"
#include "json_file.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("diagnostics print in the compiler convention", "[diagnostics]") {
  CHECK(format_diagnostic({Severity::error, "content/smtp/250.json", 12, 5, "name", "must be a string"}) ==
        "content/smtp/250.json:12:5: error: \"name\": must be a string");
  CHECK(format_diagnostic({Severity::warning, "locales/fr.json", 0, 0, "", "something"}) ==
        "locales/fr.json: warning: something");
}

TEST_CASE("strict mode turns warnings into errors", "[diagnostics]") {
  Diagnostics lenient;
  lenient.warning("a.json", 1, "", "w");
  CHECK_FALSE(lenient.has_errors());
  Diagnostics strict;
  strict.set_warnings_are_errors(true);
  strict.warning("a.json", 1, "", "w");
  CHECK(strict.has_errors());
}

TEST_CASE("a JSON syntax error names file and line and column", "[diagnostics][json_file]") {
  test::TempDir dir;
  test::write_file(dir / "bad.json", "{\n  \"code\": 250,\n  \"name\": \"OK\"\n  \"slug\": \"250-ok\"\n}\n");
  Diagnostics diagnostics;
  auto file = read_json_file(dir / "bad.json", "content/smtp/250.json", diagnostics);
  CHECK_FALSE(file);
  REQUIRE(diagnostics.all().size() == 1);
  const Diagnostic& d = diagnostics.all()[0];
  CHECK(d.file == "content/smtp/250.json");
  CHECK(d.line == 4);
  CHECK(d.column == 3);
  CHECK(format_diagnostic(d).find("content/smtp/250.json:4:3: error: invalid JSON") == 0);
}

TEST_CASE("an empty file is an error and not a crash", "[diagnostics][json_file]") {
  test::TempDir dir;
  test::write_file(dir / "empty.json", "\n");
  Diagnostics diagnostics;
  CHECK_FALSE(read_json_file(dir / "empty.json", "locales/fr.json", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].message.find("empty") != std::string::npos);
}

TEST_CASE("line_of finds the line of a nested field", "[json_file]") {
  JsonFile file;
  file.text = "{\n  \"frames\": {\n    \"a\": \"x\",\n    \"intro\": \"y\"\n  }\n}\n";
  CHECK(file.line_of("frames") == 2);
  CHECK(file.line_of("frames.intro") == 4);
  CHECK(file.line_of("nowhere") == 0);
}
