// `sitegen check`: the linter, one fixture per rule (tests/fixtures/lint/), run as a user runs it.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <regex>
#include <nlohmann/json.hpp>

#include "lint.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

struct Rule {
  const char* fixture;  // tests/fixtures/lint/<fixture>.json, installed as content/smtp/250.json
  const char* message;  // the exact line `sitegen check` prints
  int exit_code;
};

const Rule kRules[] = {
    {"missing-field", "content/smtp/250.json: error: \"how_to_fix\": is required", 1},
    {"empty-field", "content/smtp/250.json:7:3: error: \"description\": must not be empty", 1},
    {"wrong-type", "content/smtp/250.json:3:3: error: \"name\": must be a string, got number", 1},
    {"class-mismatch", "content/smtp/250.json:5:3: error: \"class\": \"5xx\" does not match the code 250; expected \"2xx\"", 1},
    {"code-not-three-digits", "content/smtp/250.json:2:3: error: \"code\": must be a three-digit number such as 250", 1},
    {"duplicate-code", "content/smtp/250.json: error: \"code\": 214 is already defined in content/smtp/214.json", 1},
    {"bad-slug",
     "content/smtp/250.json:4:3: error: \"slug\": \"250-OK/../x\" must be the code followed by lowercase ASCII words "
     "joined by '-', such as \"250-ok\"",
     1},
    {"slug-name-mismatch", "content/smtp/250.json:4:3: warning: \"slug\": \"250-okay\" does not match the name; expected \"250-ok\"", 0},
    {"summary-no-period", "content/smtp/250.json:6:3: error: \"summary\": must be one sentence ending with a period", 1},
    {"summary-two-sentences", "content/smtp/250.json:6:3: error: \"summary\": must be one sentence; move the rest to \"description\"", 1},
    {"summary-fragment",
     "content/smtp/250.json:6:3: error: \"summary\": reads as a fragment (\"A … response containing …\"); write a "
     "sentence with its own subject and verb",
     1},
    {"summary-starts-with-code",
     "content/smtp/250.json:6:3: error: \"summary\": must not start with the code: the pages already put \"250:\" in front of it", 1},
    {"doubled-word", "content/smtp/250.json:8:3: error: \"when_seen\": doubled word \"when when\"", 1},
    {"bad-rfc-reference",
     "content/smtp/250.json:10:3: error: \"defined_in\": \"RFC5321 section 4.2.2\" must look like \"RFC 5321 §4.2.2\", or name an Internet-Draft such as \"draft-levine-mailbomb-header\"", 1},
    {"trigger-with-period",
     "content/smtp/250.json:11:3: error: \"trigger\": must be a noun phrase without a final period; the frames add punctuation", 1},
    {"unknown-retry", "content/smtp/250.json:12:3: error: \"retry\": \"maybe\" must be one of not-needed, later, if-idempotent, new-connection, maybe-later, after-change or follow", 1},
    {"unknown-field", "content/smtp/250.json:13:3: warning: \"sumary\": unknown field; it is ignored (did you mean \"summary\"?)", 0},
    {"retry-contradicts-outcome",
     "content/smtp/250.json:12:3: error: \"retry\": \"later\" contradicts the outcome \"success\"; change one of them, or "
     "say in \"retry_exception\" why this code is an exception",
     1},
    {"action-no-period", "content/smtp/250.json:13:3: error: \"action\": must be one or two sentences ending with a period", 1},
};

}  // namespace

TEST_CASE("check passes the repository's own content with no errors", "[check]") {
  auto result = test::run_sitegen("check --source '" + test::repo_dir() + "'");
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("error") == std::string::npos);
  CHECK(result.out.find("sitegen check: 0 error(s)") == 0);
}

TEST_CASE("check names file and line and field for every lint rule", "[check]") {
  for (const Rule& rule : kRules) {
    INFO("fixture " << rule.fixture);
    test::TempDir dir;
    test::make_fixture_site("mini", dir.path());
    fs::copy_file(test::repo_dir() + "/tests/fixtures/lint/" + rule.fixture + ".json", dir / "content/smtp/250.json");
    auto result = test::run_sitegen("check --source '" + dir.path() + "'");
    // The message, then (where the entry has a line) that line quoted with a caret under it.
    CHECK(result.err.substr(0, result.err.find('\n')) == rule.message);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == (std::regex_search(rule.message, std::regex("\\.json:[0-9]")) ? 3 : 1));
    CHECK(result.exit_code == rule.exit_code);
    // build runs the same validation first, and prints the same message, warnings included.
    auto build = test::run_sitegen("build --source '" + dir.path() + "'");
    CHECK(build.exit_code == rule.exit_code);
    CHECK(build.err.find(std::string(rule.message) + "\n") == 0);
  }
}

TEST_CASE("check reports warnings and --strict makes them fail", "[check]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  fs::copy_file(test::repo_dir() + "/tests/fixtures/lint/slug-name-mismatch.json", dir / "content/smtp/250.json");
  CHECK(test::run_sitegen("check --source '" + dir.path() + "'").exit_code == 0);
  auto strict = test::run_sitegen("check --strict --source '" + dir.path() + "'");
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("content/smtp/250.json:4:3: error: \"slug\"") == 0);
}

TEST_CASE("check reports a locale missing a key and a template missing a partial", "[check]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  // A locale the default theme does not have (pt), made from the Arabic.
  auto pt = nlohmann::ordered_json::parse(test::read_file(dir / "locales/ar.json"));
  pt["facts"].erase("retry");
  test::write_file(dir / "locales/pt.json", pt.dump(2));
  test::write_file(dir / "sitegen.json", "{\"locales\": [\"en\", \"pt\"], \"base_url\": \"https://codes.example.test/\"}\n");
  fs::remove_all(dir / "content/smtp/fr");  // French is no locale of this site
  test::write_file(dir / "templates/code.mustache", test::read_file(dir / "templates/code.mustache") + "{{> sidebar}}\n");
  auto result = test::run_sitegen("check --source '" + dir.path() + "'");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("locales/pt.json: warning: \"facts.retry\": missing in locale \"pt\"; using the en text") !=
        std::string::npos);
  CHECK(result.err.find("error: uses the partial \"sidebar\", but templates/partials/sidebar.mustache does not exist") !=
        std::string::npos);
  CHECK(result.out.find("sitegen check: 1 error(s), 1 warning(s) in 3 codes of 1 protocol(s), 2 locale(s)") == 0);
}

TEST_CASE("the doubled-word rule ignores code spans and word boundaries", "[check][lint]") {
  CHECK(doubled_word("when when") == "when when");
  CHECK(doubled_word("The the server") == "the the");
  CHECK(doubled_word("remove `If-None-Match` or `If-Modified-Since` or make") == "");
  CHECK(doubled_word("It worked. Worked again.") == "");
  CHECK(doubled_word("`HELO` `HELO`") == "");
}

TEST_CASE("slug_for makes lowercase ASCII words", "[check][lint]") {
  CHECK(slug_for("214", "Help Message") == "214-help-message");
  CHECK(slug_for("418", "I'm a Teapot") == "418-im-a-teapot");
  CHECK(slug_for("203", "Non-Authoritative Information") == "203-non-authoritative-information");
  CHECK(slug_for("251", "User Not Local; Will Forward") == "251-user-not-local-will-forward");
  CHECK(slug_for("5.1.7", "Bad Sender's Mailbox Address Syntax") == "5.1.7-bad-senders-mailbox-address-syntax");
}
