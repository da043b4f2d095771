#include <catch2/catch.hpp>

#include "test_support.h"
#include "views.h"

using namespace sitegen;

namespace {

// The fixture site loaded and planned, for building views.
struct ViewFixture {
  test::TempDir dir;
  Diagnostics diagnostics;
  Config config;
  Catalog catalog;
  Locales locales;
  Assets assets;
  std::vector<Page> pages;
  ViewFixture() {
    test::make_fixture_site("mini", dir.path());
    config = load_config(dir.path(), diagnostics);
    catalog = load_catalog(dir / "content", diagnostics);
    locales = load_locales(dir / "locales", config, required_locale_keys(catalog), diagnostics);
    assets = load_assets(dir / "templates/assets", diagnostics);
    pages = plan_site(catalog, config);
  }
  const Page& page(const std::string& path) const {
    for (const auto& p : pages) {
      if (p.path == path) return p;
    }
    FAIL("no page at " << path);
    return pages.front();
  }
};

}  // namespace

TEST_CASE("the fixture loads without diagnostics", "[views]") {
  ViewFixture f;
  CHECK(f.diagnostics.all().empty());
}

TEST_CASE("a pair of one class gets the same-class intro and no class contrast", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.page("compare/smtp/214-help-message-vs-235-authentication-successful/"), site);
  CHECK(view["same_class"] == true);
  CHECK(test::text_of(view["intro"]) ==
        "SMTP 214 (Help Message) and 235 (Authentication Successful) both belong to class 2xx (Positive Completion). "
        "214: The server sends help text. 235: The server accepted the credentials.");
  REQUIRE(view["key_differences"].size() == 4);
  CHECK(test::text_of(view["key_differences"][0]) == "SMTP 214: The server sends help text.");
  CHECK(test::text_of(view["key_differences"][3]) == "Typical trigger for 235: a successful AUTH exchange.");
}

TEST_CASE("a pair of two classes names both and puts the class contrast first", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.page("compare/smtp/214-help-message-vs-535-authentication-failed/"), site);
  CHECK(view["same_class"] == false);
  CHECK(test::text_of(view["intro"]).find("SMTP 214 (Help Message) belongs to class 2xx (Positive Completion), while "
                                          "535 (Authentication Failed) belongs to class 5xx (Permanent Negative "
                                          "Completion).") == 0);
  REQUIRE(view["key_differences"].size() == 5);
  CHECK(test::text_of(view["key_differences"][0]) ==
        "214 belongs to class 2xx (Positive Completion), while 535 belongs to class 5xx (Permanent Negative Completion).");
  // Catalog text is escaped: "&" in the summary arrives as "&amp;".
  CHECK(view["key_differences"][2].get<std::string>().find("credentials &amp; said so.") != std::string::npos);
}

TEST_CASE("English catalog prose is marked lang=en on other locales' pages", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto fr = make_view(f.page("fr/smtp/214-help-message/"), site);
  CHECK(fr["summary"] == "<span lang=\"en\">The server sends help text.</span>");
  CHECK(fr["code"]["description"].get<std::string>().rfind("<div lang=\"en\">", 0) == 0);
  auto ar = make_view(f.page("ar/smtp/214-help-message/"), site);
  CHECK(ar["summary"] == "<span lang=\"en\" dir=\"ltr\">The server sends help text.</span>");
  CHECK(ar["dir"] == "rtl");
  auto en = make_view(f.page("smtp/214-help-message/"), site);
  CHECK(en["summary"] == "The server sends help text.");
  CHECK(en["english_note"] == false);
}

TEST_CASE("the language switcher points at the same page in every locale", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.page("fr/smtp/535-authentication-failed/"), site);
  REQUIRE(view["languages"].size() == 3);
  CHECK(view["languages"][0]["href"] == "../../../smtp/535-authentication-failed/");
  CHECK(view["languages"][1]["current"] == true);
  CHECK(view["languages"][2]["href"] == "../../../ar/smtp/535-authentication-failed/");
}

TEST_CASE("the 404 page links from the base URL's path because it is served anywhere", "[views]") {
  ViewFixture f;
  f.config.base_url = "https://x.test/docs/";
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.pages.back(), site);
  CHECK(view["stylesheet_href"] == "/docs/" + f.assets.path("style.css"));
  CHECK(view["protocols"][0]["href"] == "/docs/smtp/");
  CHECK(view["languages"][1]["href"] == "/docs/fr/");
}
