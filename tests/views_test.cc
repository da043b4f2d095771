#include <catch2/catch.hpp>

#include "test_support.h"
#include "locale_keys.h"
#include "views.h"

using namespace sitegen;

namespace {

// A field of a page as its template sees it: the page's own fields first, then the ones every
// page of its locale shares.
const ViewData& field(const View& view, const std::string& name) {
  const ViewData* found = view.page.get(name);
  if (!found && view.shared) found = view.shared->get(name);
  if (!found) FAIL("the view has no field " << name);
  return *found;
}
const ViewData& field(const ViewData& object, const std::string& name) {
  const ViewData* found = object.get(name);
  if (!found) FAIL("no field " << name);
  return *found;
}
const ViewData& item(const ViewData& list, size_t index) {
  REQUIRE(list.is_list());
  REQUIRE(index < list.list_value().size());
  return list.list_value()[index];
}
size_t size(const ViewData& list) { return list.is_list() ? list.list_value().size() : 0; }
std::string str(const ViewData& data) {
  if (!data.is_string()) FAIL("not a string");
  return data.string_value();
}

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
    const Plan plan = plan_site(catalog, config);
    pages.assign(plan.begin(), plan.end());
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
  CHECK(test::text_of(str(field(view, "intro"))) ==
        "SMTP 214 (Help Message) and 235 (Authentication Successful) both belong to class 2xx (Positive Completion). "
        "214: The server sends help text. 235: The server accepted the credentials.");
  // Same class, outcome and retry: only the defining documents and the triggers differ.
  REQUIRE(size(field(view, "key_differences")) == 2);
  CHECK(test::text_of(str(item(field(view, "key_differences"), 0))) ==
        "214 is defined in RFC 5321 §4.2.2, 235 in RFC 4954 §6.");
  CHECK(test::text_of(str(item(field(view, "key_differences"), 1))) ==
        "Typically, 214 follows the HELP command, while 235 follows a successful AUTH exchange.");
}

TEST_CASE("a pair of two classes names both and puts the class contrast first", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.page("compare/smtp/214-help-message-vs-535-authentication-failed/"), site);
  CHECK(test::text_of(str(field(view, "intro"))).find("SMTP 214 (Help Message) belongs to class 2xx (Positive Completion), while "
                                          "535 (Authentication Failed) belongs to class 5xx (Permanent Negative "
                                          "Completion).") == 0);
  // The classes, outcomes, retries, documents and triggers all differ.
  REQUIRE(size(field(view, "key_differences")) == 5);
  CHECK(test::text_of(str(item(field(view, "key_differences"), 0))) ==
        "214 is in class 2xx (Positive Completion), 535 in class 5xx (Permanent Negative Completion).");
  CHECK(test::text_of(str(item(field(view, "key_differences"), 1))) ==
        "214 reports that the command succeeded; 535 reports a permanent failure.");
  CHECK(test::text_of(str(item(field(view, "key_differences"), 2))) ==
        "After 214, there is nothing to repeat; after 535, the same command fails again unless something changes first.");
  // Catalog text is escaped: "&" in the summary arrives as "&amp;".
  CHECK(str(field(view, "intro")).find("credentials &amp; said so.") != std::string::npos);
  // When to Use Which is each code's action, not its How to Fix.
  CHECK(test::text_of(str(field(item(field(view, "when_to_use"), 1), "body"))) ==
        "Fixture: what to do on 535, in a sentence of its own.");
}

TEST_CASE("English catalog prose is marked lang=en on other locales' pages", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto fr = make_view(f.page("fr/smtp/214-help-message/"), site);
  CHECK(str(field(fr, "summary")) == "<span lang=\"en\">The server sends help text.</span>");
  CHECK(str(field(field(fr, "code"), "description")).rfind("<div lang=\"en\">", 0) == 0);
  auto ar = make_view(f.page("ar/smtp/214-help-message/"), site);
  CHECK(str(field(ar, "summary")) == "<span lang=\"en\" dir=\"ltr\">The server sends help text.</span>");
  CHECK(str(field(ar, "dir")) == "rtl");
  auto en = make_view(f.page("smtp/214-help-message/"), site);
  CHECK(str(field(en, "summary")) == "The server sends help text.");
  CHECK(field(en, "english_note").is_false());
}

TEST_CASE("the language switcher points at the same page in every locale", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  auto view = make_view(f.page("fr/smtp/535-authentication-failed/"), site);
  REQUIRE(size(field(view, "languages")) == 3);
  CHECK(str(field(item(field(view, "languages"), 0), "href")) == "../../../smtp/535-authentication-failed/");
  CHECK(field(item(field(view, "languages"), 1), "current").is_true());
  CHECK(str(field(item(field(view, "languages"), 2), "href")) == "../../../ar/smtp/535-authentication-failed/");
}

TEST_CASE("the 404 page links from the base URL's path because it is served anywhere", "[views]") {
  ViewFixture f;
  f.config.base_url = "https://x.test/docs/";
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  const Page* english = nullptr;
  for (const auto& page : f.pages) {
    if (page.kind == PageKind::not_found && page.locale == "en") english = &page;
  }
  REQUIRE(english);
  auto view = make_view(*english, site);
  CHECK(str(field(view, "stylesheet_href")) == "/docs/" + f.assets.path("style.css"));
  CHECK(str(field(item(field(view, "protocols"), 0), "href")) == "/docs/smtp/");
  CHECK(str(field(item(field(view, "languages"), 1), "href")) == "/docs/fr/");
  // Each locale's 404 page links into its own folder.
  REQUIRE(f.pages.back().kind == PageKind::not_found);
  auto arabic = make_view(f.pages.back(), site);
  CHECK(str(field(item(field(arabic, "protocols"), 0), "href")) == "/docs/ar/smtp/");
}

TEST_CASE("a view reading catalog data its page does not declare fails at once", "[views]") {
  ViewFixture f;
  SiteData site = prepare_site_data(f.config, f.catalog, f.locales, f.assets);
  // A code page whose code is not of its protocol: nothing page_inputs() declares for it.
  Page page = f.page("smtp/214-help-message/");
  Protocol other = *page.protocol;
  page.protocol = &other;
  CHECK_THROWS_AS(make_view(page, site), std::logic_error);
}
