#include <catch2/catch.hpp>
#include <set>

#include "plan.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("the plan has every page once at the URL scheme's paths", "[plan]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Diagnostics diagnostics;
  Config config = load_config(dir.path(), diagnostics);
  Catalog catalog = load_catalog(dir / "content", diagnostics);
  const Plan pages = plan_site(catalog, config);

  // Per locale: home, index, 3 codes, 3 pairs, 404.
  CHECK(pages.size() == 3 * 9);
  std::set<std::string> files;
  for (const auto& page : pages) files.insert(page.file);
  CHECK(files.size() == pages.size());

  CHECK(pages[0].file == "index.html");
  CHECK(pages[1].file == "smtp/index.html");
  CHECK(pages[2].file == "smtp/214-help-message/index.html");
  CHECK(pages[5].file == "compare/smtp/214-help-message-vs-235-authentication-successful/index.html");
  CHECK(pages[7].file == "compare/smtp/235-authentication-successful-vs-535-authentication-failed/index.html");
  CHECK(pages[8].file == "404.html");
  CHECK(pages[8].kind == PageKind::not_found);
  CHECK(pages[9].file == "fr/index.html");
  CHECK(pages[9 + 7].path == "fr/compare/smtp/235-authentication-successful-vs-535-authentication-failed/");
  CHECK(pages[9 + 8].file == "fr/404.html");
  CHECK(pages[18 + 3].file == "ar/smtp/235-authentication-successful/index.html");
  CHECK(pages[pages.size() - 1].file == "ar/404.html");
  CHECK(pages[pages.size() - 1].kind == PageKind::not_found);

  SECTION("the same page in another locale") {
    CHECK(path_in_locale(pages[5], "ar", config) ==
          "ar/compare/smtp/214-help-message-vs-235-authentication-successful/");
    CHECK(path_in_locale(pages[9], "en", config) == "");
    CHECK(path_in_locale(pages[8], "fr", config) == "fr/404.html");
  }
}

TEST_CASE("the plan refuses two pages at one path and names both entries", "[plan]") {
  // The loader's rules (one slug per code, each slug starting with its code) make this
  // impossible from files; the plan still checks it, as the last guard before writing.
  Catalog catalog;
  Protocol smtp;
  smtp.id = "smtp";
  smtp.file = "content/smtp/protocol.json";
  for (const char* file : {"content/smtp/250.json", "content/smtp/250-again.json"}) {
    Code code;
    code.id = "250"; code.key = {250, 0, 0};
    code.slug = "250-ok";
    code.file = file;
    smtp.codes.push_back(code);
  }
  catalog.protocols.push_back(smtp);
  Config config;
  Diagnostics diagnostics;
  check_plan(catalog, config, diagnostics);
  REQUIRE(diagnostics.error_count() >= 1);
  std::ostringstream out;
  diagnostics.print(out, {false, false, 100});
  CHECK(out.str().find("content/smtp/250-again.json: error: \"slug\": the page of content/smtp/250-again.json and the "
                       "page of content/smtp/250.json would both be smtp/250-ok/") != std::string::npos);
}

TEST_CASE("the plan refuses protocols named like a locale or the site's own folders", "[plan]") {
  for (const char* id : {"fr", "assets", "compare"}) {
    Catalog catalog;
    Protocol protocol;
    protocol.id = id;
    protocol.file = std::string("content/") + id + "/protocol.json";
    catalog.protocols.push_back(protocol);
    Config config;
    config.locales = {"en", "fr"};
    Diagnostics diagnostics;
    check_plan(catalog, config, diagnostics);
    CHECK(diagnostics.error_count() == 1);
  }
}
