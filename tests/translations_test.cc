#include <catch2/catch.hpp>
#include <sstream>

#include "translations.h"

using namespace sitegen;

namespace {

// A catalog of one protocol with one code; `fr` translates its summary from `from`.
Catalog catalog_with(const std::string& english_summary, const std::string& from) {
  Catalog catalog;
  Protocol protocol;
  protocol.id = "smtp";
  protocol.title = "Simple Mail Transfer Protocol";
  protocol.summary = "SMTP moves mail.";
  Code code;
  code.id = "535"; code.key = {535, 0, 0};
  code.summary = english_summary;
  code.description = "D.";
  code.when_seen = "W.";
  code.how_to_fix = "H.";
  code.trigger = "T";
  code.translations["fr"].file = "content/smtp/fr/535.json";
  code.translations["fr"].fields["summary"] = {"Le serveur a refusé.", source_hash(from), {2, 3}};
  protocol.codes.push_back(code);
  catalog.protocols.push_back(protocol);
  return catalog;
}

}  // namespace

TEST_CASE("source_hash is the XXH3-64 of the English text in 16 hex digits", "[translations]") {
  // The hash recorded in content/smtp/fr/535.json for the English summary it was made from.
  CHECK(source_hash("The server rejected the credentials that the client sent with the `AUTH` command.") ==
        "df6160258f9445b2");
  CHECK(source_hash("").size() == 16);
  CHECK(source_hash("a") != source_hash("b"));
}

TEST_CASE("a field is current while its source hash is the English's, stale after, missing without", "[translations]") {
  const Catalog current = catalog_with("The server refused.", "The server refused.");
  const Code& code = current.protocols[0].codes[0];
  CHECK(translation_state(code.translations, "fr", "summary", code.summary) == TranslationState::current);
  REQUIRE(current_translation(code.translations, "fr", "summary", code.summary));
  CHECK(current_translation(code.translations, "fr", "summary", code.summary)->text == "Le serveur a refusé.");
  CHECK(translation_state(code.translations, "fr", "description", code.description) == TranslationState::missing);
  CHECK(translation_state(code.translations, "de", "summary", code.summary) == TranslationState::missing);

  const Catalog stale = catalog_with("The server refused the login.", "The server refused.");
  const Code& changed = stale.protocols[0].codes[0];
  CHECK(translation_state(changed.translations, "fr", "summary", changed.summary) == TranslationState::stale);
  CHECK(current_translation(changed.translations, "fr", "summary", changed.summary) == nullptr);
}

TEST_CASE("coverage counts every prose field of every locale but English and lists the gaps", "[translations]") {
  const Catalog catalog = catalog_with("The server refused the login.", "The server refused.");
  Config config;
  config.locales = {"en", "fr", "ar"};
  const auto coverage = translation_coverage(catalog, config);
  REQUIRE(coverage.size() == 2);
  CHECK(coverage[0].locale == "fr");
  CHECK(coverage[0].fields == 7);  // the protocol's title and summary, the code's five fields
  CHECK(coverage[0].current == 0);
  CHECK(coverage[0].stale == 1);
  CHECK(coverage[0].missing == 6);
  REQUIRE(coverage[0].gaps.size() == 7);
  CHECK(coverage[0].gaps[0].file == "content/smtp/fr/protocol.json");
  CHECK(coverage[0].gaps[2].file == "content/smtp/fr/535.json");
  CHECK(coverage[0].gaps[2].field == "summary");
  CHECK(coverage[0].gaps[2].state == TranslationState::stale);
  CHECK(coverage[0].gaps[2].source == source_hash("The server refused the login."));
  CHECK(coverage_line(coverage) == "fr 0.0% (1 stale, 6 missing), ar 0.0% (0 stale, 7 missing)");

  const Catalog done = catalog_with("The server refused.", "The server refused.");
  config.locales = {"en", "fr"};
  auto partly = translation_coverage(done, config);
  CHECK(coverage_line(partly) == "fr 14.2% (0 stale, 6 missing)");  // 1 of 7, rounded down
  std::ostringstream report;
  print_coverage(partly, report);
  CHECK(report.str().find("  fr: 14.2% translated (1 of 7), 0 stale, 6 missing\n") != std::string::npos);
  CHECK(report.str().find("  content/smtp/fr/535.json  description  missing  " + source_hash("D.") + "\n") !=
        std::string::npos);
}
