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
  std::optional<Plan> plan;
  std::vector<Page> pages;
  Fixture() {
    Diagnostics diagnostics;
    catalog = load_catalog(test::repo_dir() + "/tests/fixtures/mini/content", diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    config.base_url = "https://codes.example.test/docs/";
    config.locales = {"en", "fr"};
    plan = plan_site(catalog, config);
    pages.assign(plan->begin(), plan->end());
  }
  std::map<std::string, std::string> files(size_t sitemap_limit = kSitemapUrlLimit,
                                           size_t sitemap_bytes = kSitemapByteLimit) const {
    std::map<std::string, std::string> out;
    for (auto& file : hosting_files(*plan, catalog, config, sitemap_limit, sitemap_bytes)) out[file.path] = file.bytes;
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

TEST_CASE("past a byte limit (the sitemap protocol's 50 MB, a host's file size) each sitemap stays under it",
          "[hosting]") {
  Fixture site;
  const size_t whole = site.files().at("sitemap.xml").size();
  for (size_t limit : {whole, whole - 1, whole / 3, size_t{2000}}) {
    const auto files = site.files(kSitemapUrlLimit, limit);
    const size_t parts = count(files.at("sitemap.xml"), "<sitemap><loc>");
    CHECK((limit == whole) == (parts == 0));  // one file exactly while it fits
    size_t listed = parts == 0 ? count(files.at("sitemap.xml"), "<url>") : 0;
    for (size_t i = 1; i <= parts; ++i) {
      const std::string& part = files.at("sitemap-" + std::to_string(i) + ".xml");
      CHECK(part.size() <= limit);
      CHECK(part.rfind("</urlset>\n") == part.size() - 10);
      listed += count(part, "<url>");
    }
    CHECK(listed == listed_pages(site.pages));
  }
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

namespace {

// A protocol of 60 three-digit codes, every pair compared: 240 short-URL rules and 3,540
// reversed-pair rules in two locales, more than Cloudflare Pages reads.
Catalog many_codes() {
  Catalog catalog;
  Protocol protocol;
  protocol.id = "smtp";
  protocol.name = "SMTP";
  protocol.class_outcomes = {{"2xx", "success"}};
  for (int n = 200; n < 260; ++n) {
    Code code;
    code.id = std::to_string(n);
    code.key = {n, 0, 0};
    code.slug = code.id + "-code";
    code.klass = "2xx";
    protocol.codes.push_back(code);
  }
  catalog.protocols.push_back(protocol);
  return catalog;
}

std::vector<std::string> rules_of(const std::vector<HostingFile>& files) {
  std::vector<std::string> rules;
  for (const auto& file : files) {
    if (file.path != "_redirects") continue;
    size_t start = 0;
    for (size_t end; (end = file.bytes.find('\n', start)) != std::string::npos; start = end + 1) {
      if (file.bytes[start] != '#') rules.push_back(file.bytes.substr(start, end - start));
    }
  }
  return rules;
}

}  // namespace

TEST_CASE("each host gets only the rules and files it reads: Cloudflare Pages at most 2,000 rules, short URLs first",
          "[hosting]") {
  const Catalog catalog = many_codes();
  Config config;
  config.locales = {"en", "fr"};
  const auto pages = plan_site(catalog, config);
  CHECK(rules_of(hosting_files(pages, catalog, config)).size() == 240 + 2 * 1770);  // generic: every rule

  config.hosting = "cloudflare-pages";
  const auto rules = rules_of(hosting_files(pages, catalog, config));
  CHECK(rules.size() == host_limits("cloudflare-pages").redirect_rules);
  CHECK(rules.size() == 2000);
  // Every short code URL is there, before any reversed pair.
  for (size_t i = 0; i < 240; ++i) {
    INFO(rules[i]);
    CHECK(rules[i].find("/compare/") == std::string::npos);
  }
  CHECK(rules[240].rfind("/compare/smtp/201-code-vs-200-code/ /compare/smtp/200-code-vs-201-code/ 301", 0) == 0);

  config.hosting = "github-pages";
  std::vector<std::string> paths;
  for (const auto& file : hosting_files(pages, catalog, config)) paths.push_back(file.path);
  CHECK(std::find(paths.begin(), paths.end(), "_redirects") == paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "_headers") == paths.end());
  CHECK(std::find(paths.begin(), paths.end(), ".nojekyll") != paths.end());
}

TEST_CASE("every host sitegen.json may name has its limits in the table", "[hosting]") {
  for (const auto& name : known_hosts()) CHECK(host_limits(name).name == name);
}

TEST_CASE("more files than the host takes is a warning that names the limit and what to change", "[hosting]") {
  Config config;
  Diagnostics quiet;
  check_host_limits(19999, config, quiet);
  config.hosting = "cloudflare-pages";
  check_host_limits(20000, config, quiet);
  CHECK(quiet.all().empty());
  Diagnostics diagnostics;
  check_host_limits(21234, config, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "sitegen.json: warning: \"hosting\": the site has 21,234 files, and Cloudflare Pages takes at most 20,000 per "
        "deployment: give the largest protocols a narrower \"pairs\" policy in their protocol.json (\"same-class\", "
        "\"same-subject\" or \"curated\"), or build fewer \"locales\"");
}
