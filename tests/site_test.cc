#include <catch2/catch.hpp>
#include <filesystem>

#include "site.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("a site loads every input together, and names what a site needs but lacks", "[site]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  {
    Diagnostics diagnostics;
    auto site = load_site(dir.path(), diagnostics);
    REQUIRE(site);
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(site->catalog.protocols.size() == 1);
    CHECK(site->locales.list.size() == 3);
    CHECK(site->templates.has_page("pair"));
    CHECK(site->assets.paths.count("style.css") == 1);
  }
  // What the site lacks, the default theme provides (theme.h).
  fs::remove(dir / "templates/pair.mustache");
  fs::remove(dir / "templates/assets/site.js");
  Diagnostics diagnostics;
  auto site = load_site(dir.path(), diagnostics);
  REQUIRE(site);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(site->templates.has_page("pair"));
  CHECK(site->assets.paths.count("site.js") == 1);
}

TEST_CASE("a folder without sitegen.json is not a site", "[site]") {
  test::TempDir dir;
  Diagnostics diagnostics;
  CHECK_FALSE(load_site(dir.path(), diagnostics));
  CHECK(diagnostics.error_count() == 1);
}
