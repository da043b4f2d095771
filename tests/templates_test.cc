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
  std::string html = templates.render("page", kainjow::mustache::object{{"title", "a<b"}, {"body", "<p>x</p>"}});
  CHECK(html == "<h1>a&lt;b</h1><p>x</p><footer>a&lt;b</footer>");
}

TEST_CASE("a page's own fields come first, then the fields its locale shares", "[templates]") {
  test::TempDir dir;
  test::write_file(dir / "page.mustache", "{{lang}} {{title}}{{#items}} {{name}}:{{lang}}{{/items}}");
  Diagnostics diagnostics;
  Templates templates = Templates::load(dir.path(), diagnostics);
  REQUIRE(diagnostics.all().empty());
  kainjow::mustache::data shared = kainjow::mustache::object{{"lang", "fr"}, {"title", "Shared"}};
  kainjow::mustache::data items{kainjow::mustache::data::type::list};
  items.push_back(kainjow::mustache::object{{"name", "a"}});
  items.push_back(kainjow::mustache::object{{"name", "b"}, {"lang", "en"}});
  kainjow::mustache::data page = kainjow::mustache::object{{"title", "Own"}, {"items", items}};
  CHECK(templates.render("page", page, &shared) == "fr Own a:fr b:en");
  CHECK(templates.render("page", page) == " Own a: b:en");
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
  SECTION("unbalanced sections and unclosed tags are named with line and column") {
    const std::pair<const char*, const char*> cases[] = {
        {"<p>\n  {{#open}} never closed",
         "templates/page.mustache:2:3: error: opens the section \"open\", which is never closed ({{/open}} is missing)"},
        {"{{#a}}\n{{#b}}x{{/a}}",
         "templates/page.mustache:2:8: error: closes the section \"a\" while \"b\" (line 2) is still open"},
        {"ok\n\n{{/lost}}", "templates/page.mustache:3:1: error: closes the section \"lost\", which is not open"},
        {"é {{name", "templates/page.mustache:1:3: error: a tag is never closed: \"}}\" is missing"},
    };
    for (const auto& [source, message] : cases) {
      Diagnostics found;
      test::write_file(dir / "page.mustache", source);
      Templates::load(dir.path(), found);
      INFO(source);
      REQUIRE(found.error_count() == 1);
      CHECK(format_diagnostic(found.all()[0]) == message);
    }
  }
}
