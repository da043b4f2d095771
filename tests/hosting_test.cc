#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "hosting.h"
#include "plan.h"
#include "test_support.h"

using namespace sitegen;

namespace {

struct Fixture {
  Catalog catalog;
  Config config;
  std::vector<Page> pages;
  Fixture() {
    Diagnostics diagnostics;
    catalog = load_catalog(test::repo_dir() + "/tests/fixtures/mini/content", diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    config.base_url = "https://codes.example.test/docs/";
    config.locales = {"en", "fr"};
    pages = plan_site(catalog, config);
  }
  std::map<std::string, std::string> files(size_t sitemap_limit = kSitemapUrlLimit) const {
    std::map<std::string, std::string> out;
    for (auto& file : hosting_files(pages, catalog, config, sitemap_limit)) out[file.path] = file.bytes;
    return out;
  }
};

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

// The pages a sitemap lists: all but the 404 pages (one per locale).
size_t listed_pages(const std::vector<Page>& pages) {
  return static_cast<size_t>(std::count_if(pages.begin(), pages.end(),
                                           [](const Page& page) { return page.kind != PageKind::not_found; }));
}

TEST_CASE("the sitemap lists every page but the 404 pages once, with every locale's alternate", "[hosting]") {
  Fixture site;
  const auto files = site.files();
  const std::string& sitemap = files.at("sitemap.xml");
  CHECK(count(sitemap, "<url>") == listed_pages(site.pages));
  CHECK(sitemap.find("404.html") == std::string::npos);
  CHECK(sitemap.find("<loc>https://codes.example.test/docs/fr/smtp/214-help-message/</loc>"
                     "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://codes.example.test/docs/smtp/214-help-message/\"/>") !=
        std::string::npos);
  CHECK(count(sitemap, "hreflang=\"x-default\"") == listed_pages(site.pages));
}

TEST_CASE("past the URL limit the sitemap becomes an index of parts", "[hosting]") {
  Fixture site;
  const auto files = site.files(5);
  const size_t urls = listed_pages(site.pages);
  const size_t parts = (urls + 4) / 5;
  CHECK(count(files.at("sitemap.xml"), "<sitemap><loc>") == parts);
  size_t listed = 0;
  for (size_t i = 1; i <= parts; ++i) {
    const std::string& part = files.at("sitemap-" + std::to_string(i) + ".xml");
    CHECK(count(part, "<url>") <= 5);
    listed += count(part, "<url>");
  }
  CHECK(listed == urls);
}

TEST_CASE("robots.txt, _redirects and _headers follow the base URL", "[hosting]") {
  Fixture site;
  const auto files = site.files();
  CHECK(files.at("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://codes.example.test/docs/sitemap.xml\n");
  const std::string& redirects = files.at("_redirects");
  CHECK(redirects.find("/docs/fr/smtp/535/ /docs/fr/smtp/535-authentication-failed/ 301\n") != std::string::npos);
  CHECK(redirects.find("/docs/compare/smtp/535-authentication-failed-vs-214-help-message/ "
                       "/docs/compare/smtp/214-help-message-vs-535-authentication-failed/ 301\n") != std::string::npos);
  CHECK(files.at("_headers").find("/docs/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n") == 0);
  CHECK(files.count(".nojekyll") == 1);
}

TEST_CASE("a built site's base URL is read back from its robots.txt", "[hosting]") {
  test::TempDir dir;
  CHECK(built_base_url(dir.path()) == "");
  test::write_file(dir / "robots.txt", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap.xml\n");
  CHECK(built_base_url(dir.path()) == "https://example.org/sub/");
}
