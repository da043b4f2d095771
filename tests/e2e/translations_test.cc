// Translated catalog prose as a user meets it: `sitegen check` reports stale translations by
// field and locale, --translations reports coverage, and pages show a translation only while it is
// current (else the English, marked lang="en").
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.h"
#include "translations.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

// A copy of the repository's site (settings, content, locales, templates) in `dir`.
void copy_repository_site(const std::string& dir) {
  for (const char* part : {"sitegen.json", "content", "locales", "templates"}) {
    fs::copy(test::repo_dir() + "/" + part, fs::path(dir) / part, fs::copy_options::recursive);
  }
}

// The locales whose translation of content/<protocol>/<code>.json gives `field`.
std::vector<std::string> locales_translating(const std::string& dir, const std::string& protocol,
                                             const std::string& code, const std::string& field) {
  std::vector<std::string> out;
  for (const char* locale : {"fr", "de", "ar"}) {
    const fs::path file = fs::path(dir) / "content" / protocol / locale / (code + ".json");
    if (fs::exists(file) && nlohmann::json::parse(test::read_file(file)).contains(field)) out.push_back(locale);
  }
  return out;
}

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("changing one English field makes check report exactly that field stale in each locale that translated it",
          "[translations][check]") {
  test::TempDir dir;
  copy_repository_site(dir.path());
  auto clean = test::run_sitegen("check --strict --translations --source '" + dir.path() + "'");
  INFO(clean.err);
  REQUIRE(clean.exit_code == 0);
  REQUIRE(clean.out.find(" stale, ") != std::string::npos);
  CHECK(count_of(clean.out, ", 0 stale, ") == 3);

  // Every prose field of a code on each side of the catalog, one at a time.
  for (const auto& [protocol, code] : {std::pair{"smtp", "535"}, std::pair{"http", "404"}}) {
    for (const char* field : kCodeProseFields) {
      INFO(protocol << "/" << code << " " << field);
      const fs::path english = fs::path(dir.path()) / "content" / protocol / (std::string(code) + ".json");
      const std::string original = test::read_file(english);
      auto entry = nlohmann::json::parse(original);
      std::string text = entry[field];
      // Still a valid field: a summary keeps its one sentence and period, a trigger has none.
      text.insert(0, "Changed: ");
      entry[field] = text;
      test::write_file(english, entry.dump(2) + "\n");
      const auto translated = locales_translating(dir.path(), protocol, code, field);
      REQUIRE(translated.size() == 3);

      auto check = test::run_sitegen("check --source '" + dir.path() + "'");
      CHECK(check.exit_code == 0);  // a warning
      CHECK(count_of(check.err, ": warning: ") == translated.size());
      const std::string hash = source_hash(text);
      for (const auto& locale : translated) {
        const std::string file = std::string("content/") + protocol + "/" + locale + "/" + code + ".json";
        const std::regex line(file + ":[0-9]+:3: warning: \"" + field + "\": stale: the English text in content/" +
                              protocol + "/" + code + ".json has changed since this was translated; update the "
                              "translation, then record source\\." + field + " = \"" + hash + "\"");
        CHECK(std::regex_search(check.err, line));
      }
      auto strict = test::run_sitegen("check --strict --source '" + dir.path() + "'");
      CHECK(strict.exit_code == 1);
      auto coverage = test::run_sitegen("check --translations --source '" + dir.path() + "'");
      CHECK(count_of(coverage.out, ", 1 stale, 0 missing") == 3);
      for (const auto& locale : translated) {
        CHECK(coverage.out.find(std::string("content/") + protocol + "/" + locale + "/" + code + ".json  " + field +
                                "  stale  " + hash) != std::string::npos);
      }
      test::write_file(english, original);
    }
  }
}

TEST_CASE("a page shows a translation while it is current and the English, marked, once it is stale",
          "[translations][build]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  const std::string page = "public/fr/smtp/535-authentication-failed/index.html";
  std::string html = test::read_file(dir / page);
  CHECK(html.find("<p class=\"summary\">Le serveur a rejeté les identifiants &amp; l’a dit.</p>") != std::string::npos);
  CHECK(html.find("<p>Description de 535 pour les tests.") != std::string::npos);  // not inside lang="en"
  CHECK(html.find("<div lang=\"en\"><p>Fixture: send the right password.</p>") != std::string::npos);
  // Raw HTML and javascript: links are dropped from translations as from the English.
  CHECK(html.find("alert(4)</script>") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("class=\"english-note\"") != std::string::npos);  // two fields are English
  // The Arabic page has no translation: all English, as before.
  CHECK(test::read_file(dir / "public/ar/smtp/535-authentication-failed/index.html")
            .find("<p class=\"summary\"><span lang=\"en\" dir=\"ltr\">The server rejected") != std::string::npos);
  // The English summary changes: the French one is stale and the page falls back to the English.
  const fs::path english = dir / "content/smtp/535.json";
  std::string text = test::read_file(english);
  text.replace(text.find("& said so."), 10, "and said so.");
  test::write_file(english, text);
  auto build = test::run_sitegen("build --source '" + dir.path() + "'");
  REQUIRE(build.exit_code == 0);
  CHECK(build.err.find("content/smtp/fr/535.json:2:3: warning: \"summary\": stale") != std::string::npos);
  CHECK(build.out.find("sitegen: prose translated: fr 15.0% (1 stale, 16 missing), ar 0.0% (0 stale, 20 missing)") !=
        std::string::npos);
  html = test::read_file(dir / page);
  CHECK(html.find("<p class=\"summary\"><span lang=\"en\">The server rejected the credentials and said so.</span></p>") !=
        std::string::npos);
  CHECK(html.find("<p>Description de 535 pour les tests.") != std::string::npos);  // still current
}

TEST_CASE("translation files are checked like the catalog: unknown codes, locales and fields, bad hashes, lint",
          "[translations][check]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  const fs::path fr = dir / "content/smtp/fr";
  test::write_file(fr / "999.json", "{\"summary\": \"Rien.\"}\n");
  test::write_file(fr / "214.json",
                   "{\n  \"summary\": \"Deux phrases. Une de trop.\",\n  \"trigger\": \"la commande HELP.\",\n"
                   "  \"descripton\": \"x\",\n  \"source\": {\"summary\": \"XYZ\"}\n}\n");
  test::write_file(dir / "content/smtp/es/214.json", "{}\n");
  test::write_file(dir / "content/smtp/pairs/235-535.json",
                   "{\"confusion\": \"C.\", \"tell_apart\": \"T.\", \"example\": \"E.\"}\n");
  test::write_file(dir / "content/smtp/fr/pairs/235-535.json", "{\"confusion\": \"Les les codes.\"}\n");
  test::write_file(dir / "content/smtp/fr/pairs/214-999.json", "{\"confusion\": \"Rien.\"}\n");
  test::write_file(dir / "content/smtp/en/214.json", "{}\n");
  auto check = test::run_sitegen("check --source '" + dir.path() + "'");
  INFO(check.err);
  CHECK(check.exit_code == 1);
  for (const char* message : {
           "content/smtp/fr/999.json: warning: translates code 999, which content/smtp/ does not define; it is not used",
           "content/smtp/es: warning: is not a locale of sitegen.json (fr, ar), so its translations are not used",
           "content/smtp/en: warning: the catalog is written in en: its text lives in content/smtp/*.json, so this "
           "folder is not used",
           "content/smtp/fr/214.json:4:3: warning: \"descripton\": unknown field; it is ignored (did you mean "
           "\"description\"?)",
           "content/smtp/fr/214.json:5:14: error: \"source.summary\": must be 16 lowercase hex digits",
           "content/smtp/fr/214.json:2:3: error: \"summary\": must be one sentence; move the rest to \"description\"",
           "content/smtp/fr/214.json:3:3: error: \"trigger\": must be a noun phrase without a final period",
           "content/smtp/fr/pairs/235-535.json:1:2: error: \"confusion\": doubled word \"les les\"",
           "content/smtp/fr/pairs/214-999.json: warning: translates the pair 214-999, which content/smtp/pairs/ does not "
           "have; it is not used",
       }) {
    CHECK(check.err.find(message) != std::string::npos);
  }
}
