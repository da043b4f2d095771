#include <catch2/catch.hpp>

#include "config.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("sitegen.json settings are read", "[config]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Diagnostics diagnostics;
  Config config = load_config(dir.path(), diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(config.title == "Fixture Site");
  CHECK(config.locales == std::vector<std::string>{"en", "fr", "ar"});
  CHECK(config.output == "public");
  CHECK(config.base_url == "https://codes.example.test/");
}

TEST_CASE("bad settings are reported with the field", "[config]") {
  test::TempDir dir;
  test::write_file(dir / "sitegen.json",
                   "{\n  \"locales\": [\"en\", \"EN-x!\"],\n  \"default_locale\": \"de\",\n  \"colour\": 1\n}\n");
  Diagnostics diagnostics;
  load_config(dir.path(), diagnostics);
  std::string all;
  for (const auto& d : diagnostics.all()) all += format_diagnostic(d) + "\n";
  CHECK(all.find("sitegen.json:2:3: error: \"locales\": must be a non-empty list of locale codes") != std::string::npos);
  CHECK(all.find("sitegen.json:3:3: error: \"default_locale\": \"de\" is not one of \"locales\"") != std::string::npos);
  CHECK(all.find("sitegen.json:4:3: warning: \"colour\": unknown setting") != std::string::npos);
}

TEST_CASE("base URLs always end with a slash and give their path", "[config]") {
  CHECK(normalize_base_url("https://x.test/sub") == "https://x.test/sub/");
  CHECK(base_path_of("https://x.test/sub/") == "/sub/");
  CHECK(base_path_of("https://x.test/") == "/");
  CHECK(base_path_of("https://x.test") == "/");
  CHECK(base_path_of("/docs/") == "/docs/");
}

TEST_CASE("hosting names one of the hosts sitegen knows", "[config]") {
  test::TempDir dir;
  test::write_file(dir / "sitegen.json", "{\n  \"hosting\": \"cloudflare-pages\"\n}\n");
  Diagnostics diagnostics;
  CHECK(load_config(dir.path(), diagnostics).hosting == "cloudflare-pages");
  CHECK(diagnostics.all().empty());
  CHECK(Config().hosting == "generic");
  test::write_file(dir / "sitegen.json", "{\n  \"hosting\": \"cloudflare\"\n}\n");
  Diagnostics wrong;
  CHECK(load_config(dir.path(), wrong).hosting == "generic");
  REQUIRE(wrong.all().size() == 1);
  CHECK(format_diagnostic(wrong.all()[0]) ==
        "sitegen.json:2:3: error: \"hosting\": \"cloudflare\" must be one of \"generic\", \"cloudflare-pages\", "
        "\"netlify\" or \"github-pages\"");
}
