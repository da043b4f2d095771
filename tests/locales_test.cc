#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog.h"
#include "locales.h"
#include "locale_keys.h"
#include "test_support.h"

using namespace sitegen;

namespace {

std::string messages(const Diagnostics& diagnostics) {
  std::string all;
  for (const auto& d : diagnostics.all()) all += format_diagnostic(d) + "\n";
  return all;
}

// Rewrites one locale file of the site in `dir` through `edit`.
template <typename Edit>
void edit_locale(const std::string& dir, const std::string& id, Edit edit) {
  std::string path = dir + "/locales/" + id + ".json";
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(test::read_file(path));
  edit(j);
  test::write_file(path, j.dump(2));
}

Config fixture_config() {
  Config config;
  config.locales = {"en", "fr", "ar"};
  return config;
}

}  // namespace

TEST_CASE("the repository's locales are complete and consistent", "[locales]") {
  Config config;
  config.locales = {"en", "fr", "de", "ar"};
  Diagnostics diagnostics;
  // Every key the views use for the repository's catalog, in every locale.
  const Catalog catalog = load_catalog(test::repo_dir() + "/content", diagnostics);
  Locales locales = load_locales(test::repo_dir() + "/locales", config, required_locale_keys(catalog), diagnostics);
  CHECK(messages(diagnostics) == "");
  CHECK(locales.get("ar").dir == "rtl");
  CHECK(locales.get("fr").dir == "ltr");
  CHECK(locales.get("de").endonym == "Deutsch");
}

TEST_CASE("the user's headings are used exactly", "[locales]") {
  Config config;
  config.locales = {"en", "fr", "de", "ar"};
  Diagnostics diagnostics;
  Locales locales = load_locales(test::repo_dir() + "/locales", config, {}, diagnostics);
  const std::map<std::string, std::vector<std::string>> expected = {
      {"headings.description", {"Description", "Description", "Beschreibung", "الوصف"}},
      {"headings.when_seen", {"When You See It", "Quand vous le voyez", "Wann Sie es sehen", "متى تراه"}},
      {"headings.how_to_fix", {"How to Fix", "Comment résoudre", "Wie man es behebt", "كيفية الإصلاح"}},
      {"headings.key_differences", {"Key Differences", "Différences clés", "Wesentliche Unterschiede", "الفروق الرئيسية"}},
      {"headings.when_to_use", {"When to Use Which", "Quand utiliser lequel", "Wann welchen verwenden", "متى تستخدم أيًا منهما"}},
      {"headings.learn_more", {"Learn More", "En savoir plus", "Mehr erfahren", "اعرف المزيد"}},
  };
  for (const auto& [key, texts] : expected) {
    for (size_t i = 0; i < config.locales.size(); ++i) {
      INFO(key << " in " << config.locales[i]);
      CHECK(locales.get(config.locales[i]).text(key) == texts[i]);
    }
  }
}

TEST_CASE("a key missing from a locale falls back to English with a warning", "[locales]") {
  // In a locale the default theme does not have (pt): a key missing from fr's own file would
  // come from the theme's French (theme.h).
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  test::write_file(dir / "locales/pt.json", test::read_file(dir / "locales/fr.json"));
  edit_locale(dir.path(), "pt", [](auto& j) { j["headings"].erase("how_to_fix"); });
  Config config;
  config.locales = {"en", "pt"};
  Diagnostics diagnostics;
  Locales locales = load_locales(dir / "locales", config, {}, diagnostics);
  CHECK(messages(diagnostics) ==
        "locales/pt.json: warning: \"headings.how_to_fix\": missing in locale \"pt\"; using the en text\n");
  CHECK(locales.get("pt").text("headings.how_to_fix") == "How to Fix");
}

TEST_CASE("a key missing from a site's own file of a theme language comes from the theme's, silently", "[locales]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  edit_locale(dir.path(), "fr", [](auto& j) { j["headings"].erase("how_to_fix"); });
  Diagnostics diagnostics;
  Locales locales = load_locales(dir / "locales", fixture_config(), {}, diagnostics);
  CHECK(messages(diagnostics) == "");
  CHECK(locales.get("fr").text("headings.how_to_fix") == "Comment résoudre");
}

TEST_CASE("the default locale must define every key the pages need", "[locales]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  // A default locale the theme does not have: nothing fills the key in.
  test::write_file(dir / "locales/pt.json", test::read_file(dir / "locales/en.json"));
  edit_locale(dir.path(), "pt", [](auto& j) { j["ui"].erase("home"); });
  Config config;
  config.locales = {"pt"};
  config.default_locale = "pt";
  Diagnostics diagnostics;
  load_locales(dir / "locales", config, {"ui.home"}, diagnostics);
  CHECK(messages(diagnostics).find("locales/pt.json: error: \"ui.home\": missing; every page needs this key") !=
        std::string::npos);
}

TEST_CASE("a frame may reorder its placeholders but not invent them, in every locale", "[locales]") {
  for (const std::string locale : {"fr", "en"}) {
    INFO(locale);
    test::TempDir dir;
    test::make_fixture_site("mini", dir.path());
    edit_locale(dir.path(), locale, [](auto& j) {
      j["frames"]["trigger_contrast"] = "{{trigger_a}} : déclencheur de {{a}} pour {{ville}} ; {{b}} : {{trigger_b}}.";
      j["frames"]["compare_with"] = "Compare {{code}} with {{#x}}others{{/x}}";
    });
    Diagnostics diagnostics;
    load_locales(dir / "locales", fixture_config(), {}, diagnostics, frame_placeholders());
    const std::string shown = "locales/" + locale + ".json:";
    // Blamed on the file that has it, the default locale's included, and on no other.
    CHECK(messages(diagnostics).find(shown) == 0);
    CHECK(messages(diagnostics).find("error: \"frames.trigger_contrast\": uses {{ville}}, which this frame is not given; "
                                     "it can use {{a}}, {{b}}, {{trigger_a}}, {{trigger_b}}") != std::string::npos);
    CHECK(messages(diagnostics).find("error: \"frames.compare_with\": a frame holds only placeholders written {{name}}") !=
          std::string::npos);
    for (const char* other : {"locales/en.json", "locales/fr.json", "locales/ar.json"}) {
      if (shown.find(other) == std::string::npos) CHECK(messages(diagnostics).find(other) == std::string::npos);
    }
  }
}

TEST_CASE("frames escape their own text and insert HTML values as given", "[locales]") {
  Locale locale;
  locale.id = "en";
  locale.strings_["frames.x"] = "<b>{{code}}</b> & {{name}}";
  locale.compile_frames();
  CHECK(locale.frame("x", {{"code", "214"}, {"name", "<span lang=\"en\">Help</span>"}}) ==
        "&lt;b&gt;214&lt;/b&gt; &amp; <span lang=\"en\">Help</span>");
}

TEST_CASE("placeholders_of lists the names a frame uses", "[locales]") {
  CHECK(placeholders_of("{{b}} and {{ a }} and {{{b}}}") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("the repository's UI strings follow each language's typography and terms", "[locales]") {
  Config config;
  config.locales = {"en", "fr", "de", "ar"};
  Diagnostics diagnostics;
  Locales locales = load_locales(test::repo_dir() + "/locales", config, {}, diagnostics);
  const std::string narrow = "\u202f";
  for (const auto& [key, text] : locales.get("fr").strings_) {
    INFO("fr " << key << ": " << text);
    // French: a narrow no-break space before ; : ? ! (none at all before '.' or ','), and an
    // ellipsis attached to its word.
    for (size_t at = text.find_first_of(";:?!"); at != std::string::npos; at = text.find_first_of(";:?!", at + 1)) {
      if (text.compare(at, 3, "://") == 0) continue;  // a URL
      CHECK(at >= narrow.size());
      CHECK(text.compare(at - narrow.size(), narrow.size(), narrow) == 0);
    }
    CHECK(text.find(" …") == std::string::npos);
    CHECK(text.find("\u00a0…") == std::string::npos);
  }
  for (const auto& [key, text] : locales.get("de").strings_) {
    INFO("de " << key << ": " << text);
    // German: the reader is "Sie" throughout; 3xx is a Weiterleitung.
    for (const char* word : {" du ", " dein", " Du ", " Dein", "Umleitung"}) CHECK(text.find(word) == std::string::npos);
    if (key.rfind("protocols.http.", 0) == 0) CHECK(text.find("Antwortcode") == std::string::npos);
  }
  for (const auto& [key, text] : locales.get("ar").strings_) {
    INFO("ar " << key << ": " << text);
    // Arabic punctuation, and "رمز الحالة" (status code) for HTTP.
    for (const char* mark : {",", ";", "?"}) CHECK(text.find(mark) == std::string::npos);
    if (key == "protocols.http.title" || key == "protocols.http.all_codes") CHECK(text.find("الحالة") != std::string::npos);
  }
  // Every SMTP and HTTP class name in Arabic has a noun: none is a bare adjective.
  for (const char* klass : {"classes.smtp.2xx.name", "classes.smtp.3xx.name", "classes.http.1xx.name"}) {
    const std::string name = locales.get("ar").text(klass);
    INFO(name);
    CHECK((name.find("ردّ") == 0 || name.find("ردود") == 0));
  }
}
