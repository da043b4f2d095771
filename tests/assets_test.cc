#include <catch2/catch.hpp>

#include "assets.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("assets are named by their content, in subfolders too", "[assets]") {
  test::TempDir dir;
  test::write_file(dir / "style.css", "body { color: red }");
  test::write_file(dir / "fonts/a.woff2", "font bytes");
  Diagnostics diagnostics;
  Assets assets = load_assets(dir.path(), diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(assets.path("style.css") == "assets/style." + content_hash("body { color: red }") + ".css");
  CHECK(assets.path("fonts/a.woff2") == "assets/fonts/a." + content_hash("font bytes") + ".woff2");
  CHECK(assets.files.at(assets.path("style.css")) == "body { color: red }");
  CHECK_THROWS_AS(assets.path("missing.css"), std::logic_error);
  // Other bytes, another name: a cached copy of the old file is never served for the new one.
  test::write_file(dir / "style.css", "body { color: blue }");
  CHECK(load_assets(dir.path(), diagnostics).path("style.css") != assets.path("style.css"));
}

TEST_CASE("a missing assets folder gives the default theme's, not an error", "[assets]") {
  Diagnostics diagnostics;
  const Assets assets = load_assets("/nonexistent/assets", diagnostics);
  CHECK(assets.paths.count("style.css") == 1);
  CHECK(assets.paths.count("site.js") == 1);
  CHECK_FALSE(diagnostics.has_errors());
}
