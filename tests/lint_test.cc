#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "lint.h"

using namespace sitegen;

TEST_CASE("doubled_word finds a word repeated right after itself, outside code spans", "[lint]") {
  CHECK(doubled_word("You see it when when the server is busy.") == "when when");
  CHECK(doubled_word("The The server") == "the the");  // reported in lower case
  CHECK(doubled_word("A reply that that") == "that that");
  CHECK(doubled_word("No repeated words here.") == "");
  CHECK(doubled_word("The text `250 250 OK` quotes the wire.") == "");
  CHECK(doubled_word("Codes 250 250 are numbers, not words.") == "");
  CHECK(doubled_word("") == "");
}

TEST_CASE("every rule of the linter reports the entry's file and field", "[lint]") {
  Protocol smtp;
  smtp.id = "smtp";
  smtp.file = "content/smtp/protocol.json";
  smtp.rfc = "RFC 5321";
  smtp.class_outcomes = {{"2xx", "success"}};
  Code code;
  code.id = "250"; code.key = {250, 0, 0};
  code.name = "OK";
  code.slug = "250-okay";
  code.klass = "2xx";
  code.summary = "The server did what was asked.";
  code.description = "It did it it did.";
  code.when_seen = "After a command.";
  code.how_to_fix = "Nothing.";
  code.defined_in = "RFC 5321 §4.2.2";
  code.trigger = "any command";
  code.retry = "not-needed";
  code.file = "content/smtp/250.json";
  smtp.codes.push_back(code);
  Catalog catalog;
  catalog.protocols.push_back(smtp);
  Diagnostics diagnostics;
  lint_catalog(catalog, diagnostics);
  std::ostringstream out;
  diagnostics.print(out, {false, false, 100});
  CHECK(out.str().find("content/smtp/250.json: warning: \"slug\": \"250-okay\" does not match the name") != std::string::npos);
  CHECK(out.str().find("content/smtp/250.json: error: \"description\": doubled word \"it it\"") != std::string::npos);
  INFO(out.str());
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("a retry its outcome contradicts is an error unless retry_exception says why", "[lint]") {
  // Every outcome with every retry value: the allowed pairs pass, the others fail, and an
  // exception turns a failure into a pass (and is itself a warning where nothing needed it).
  const std::map<std::string, std::set<std::string>> allowed = {
      {"success", {"not-needed"}},
      {"intermediate", {"not-needed"}},
      {"interim", {"not-needed"}},
      {"redirect", {"follow"}},
      {"transient", {"later", "if-idempotent", "new-connection"}},
      {"permanent", {"after-change"}},
      {"unspecified", {"maybe-later", "if-idempotent", "after-change"}},
  };
  for (const char* outcome : kOutcomes) {
    for (const char* retry : kRetryValues) {
      for (bool exception : {false, true}) {
        Protocol smtp;
        smtp.id = "smtp";
        smtp.rfc = "RFC 5321";
        smtp.class_outcomes = {{"4xx", "transient"}};
        Code code;
        code.id = "432"; code.key = {432, 0, 0};
        code.name = "Password Transition Needed";
        code.slug = "432-password-transition-needed";
        code.klass = "4xx";
        code.summary = code.description = code.when_seen = code.how_to_fix = code.action = "Text.";
        code.trigger = "a trigger";
        code.outcome = outcome;
        code.retry = retry;
        if (exception) code.retry_exception = "Why.";
        code.file = "content/smtp/432.json";
        smtp.codes.push_back(code);
        Catalog catalog;
        catalog.protocols.push_back(smtp);
        Diagnostics diagnostics;
        lint_catalog(catalog, diagnostics);
        const bool fits = allowed.at(outcome).count(retry) > 0;
        INFO(outcome << " / " << retry << (exception ? " with an exception" : ""));
        CHECK(diagnostics.error_count() == (fits || exception ? 0 : 1));
        CHECK(diagnostics.warning_count() == (fits && exception ? 1 : 0));
      }
    }
  }
}
