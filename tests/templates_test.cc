#include <catch2/catch.hpp>

#include "templates.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("templates render views with partials and escape double-brace values only", "[templates]") {
  test::TempDir dir;
  test::write_file(dir / "page.mustache", "<h1>{{title}}</h1>{{{body}}}{{> foot}}");
  test::write_file(dir / "partials/foot.mustache", "<footer>{{title}}</footer>");
  Diagnostics diagnostics;
  Templates templates = Templates::load(dir.path(), diagnostics);
  CHECK(diagnostics.all().empty());
  std::string html = templates.render("page", {{"title", "a<b"}, {"body", "<p>x</p>"}});
  CHECK(html == "<h1>a&lt;b</h1><p>x</p><footer>a&lt;b</footer>");
}

TEST_CASE("template errors name the template", "[templates]") {
  test::TempDir dir;
  Diagnostics diagnostics;
  SECTION("a missing partial") {
    test::write_file(dir / "page.mustache", "line one\n{{> nowhere}}\n");
    Templates::load(dir.path(), diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(format_diagnostic(diagnostics.all()[0]) ==
          "templates/page.mustache:2: error: uses the partial \"nowhere\", but templates/partials/nowhere.mustache "
          "does not exist");
  }
  SECTION("a syntax error") {
    test::write_file(dir / "page.mustache", "{{#open}} never closed");
    Templates::load(dir.path(), diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(format_diagnostic(diagnostics.all()[0]).find("templates/page.mustache: error: template syntax: ") == 0);
  }
}
