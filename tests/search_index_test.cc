#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "locale_keys.h"
#include "search_index.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("each locale's search index lists every code with its URL path", "[search_index]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Diagnostics diagnostics;
  Config config = load_config(dir.path(), diagnostics);
  Catalog catalog = load_catalog(dir / "content", diagnostics);
  Locales locales = load_locales(dir / "locales", config, required_locale_keys(catalog), diagnostics, frame_placeholders());
  Assets assets;
  REQUIRE_FALSE(diagnostics.has_errors());
  const SiteData site = prepare_site_data(config, catalog, locales, assets);
  CHECK(search_index_path("en", config) == "search.json");
  CHECK(search_index_path("fr", config) == "fr/search.json");
  const auto entries = nlohmann::json::parse(search_index("fr", site));
  REQUIRE(entries.size() == 3);
  CHECK(entries[0]["c"] == "214");
  CHECK(entries[0]["u"] == "smtp/214-help-message/");
  CHECK(entries[0]["p"] == "SMTP");
}
