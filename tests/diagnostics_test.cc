#include <catch2/catch.hpp>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>
#include <cstdlib>
#include <sstream>

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

TEST_CASE("printed diagnostics quote the offending line with a caret and stop at a limit", "[diagnostics]") {
  Diagnostics diagnostics;
  diagnostics.add_source("content/smtp/250.json", "{\n  \"code\": 250,\n\t\"name\": 7\n}\n");
  diagnostics.add({Severity::error, "content/smtp/250.json", 3, 10, "name", "must be a string, got number"});
  diagnostics.add({Severity::warning, "content/smtp/250.json", 2, 0, "code", "odd"});
  std::ostringstream out;
  diagnostics.print(out);
  CHECK(out.str() ==
        "content/smtp/250.json:3:10: error: \"name\": must be a string, got number\n"
        " 3 | \t\"name\": 7\n"
        "   | \t        ^\n"
        "content/smtp/250.json:2: warning: \"code\": odd\n"
        " 2 |   \"code\": 250,\n"
        "   |   ^\n");
  std::ostringstream quiet;
  diagnostics.print(quiet, {true, false, 100});
  CHECK(quiet.str().find("warning") == std::string::npos);

  Diagnostics many;
  for (int i = 0; i < 150; ++i) many.error("a.json", 0, "", "e" + std::to_string(i));
  std::ostringstream limited;
  many.print(limited, {false, false, 100});
  CHECK(limited.str().find("a.json: error: e99\n… and 50 more\n") != std::string::npos);
  CHECK(limited.str().find("e100") == std::string::npos);
}

TEST_CASE("colour only on a terminal and never with NO_COLOR", "[diagnostics]") {
  CHECK_FALSE(use_color(-1));
  // A real terminal: a pseudo-terminal's far end.
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  const int terminal = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(terminal >= 0);
  const char* before = std::getenv("NO_COLOR");
  const std::string saved = before ? before : "";
  ::unsetenv("NO_COLOR");
  CHECK(use_color(terminal));
  ::setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(use_color(terminal));
  ::setenv("NO_COLOR", "", 1);  // an empty NO_COLOR does not count (no-color.org)
  CHECK(use_color(terminal));
  if (before) ::setenv("NO_COLOR", saved.c_str(), 1); else ::unsetenv("NO_COLOR");
  ::close(terminal);
  ::close(master);
}
