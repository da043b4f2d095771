#include <catch2/catch.hpp>

#include "code_strings.h"
#include "locale_keys.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("a code's strings are made once per locale: marked off English pages, plain where plain is needed",
          "[code_strings]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Diagnostics diagnostics;
  const Config config = load_config(dir.path(), diagnostics);
  const Catalog catalog = load_catalog(dir / "content", diagnostics);
  const Locales locales =
      load_locales(dir / "locales", config, required_locale_keys(catalog), diagnostics, frame_placeholders());
  const Assets assets;
  REQUIRE_FALSE(diagnostics.has_errors());
  const SiteData site = prepare_site_data(config, catalog, locales, assets);
  const Code& code = *catalog.protocols[0].find("535");
  const LocalizedCode& en = site.localized.at({&locales.get("en"), &code});
  const LocalizedCode& ar = site.localized.at({&locales.get("ar"), &code});
  CHECK(en.outline.title == "SMTP 535 Authentication Failed");
  CHECK(en.outline.title_text == "SMTP 535 Authentication Failed");
  // On a right-to-left page the title is isolated and its English name marked.
  CHECK(ar.outline.title == "<bdi>SMTP 535 <span lang=\"en\" dir=\"ltr\">Authentication Failed</span></bdi>");
  CHECK(ar.outline.plain_title == "SMTP 535 Authentication Failed");
  CHECK(en.entry.facts.size() == 6);
  CHECK(en.entry.rfc_line.find("href=\"https://www.rfc-editor.org/rfc/rfc4954#section-6\"") != std::string::npos);
  // A pair title, made when a page needs it: isolated on a right-to-left page, both names marked.
  const Code& low = *catalog.protocols[0].find("214");
  const LocalizedCode& ar_low = site.localized.at({&locales.get("ar"), &low});
  const std::string title =
      LocaleWriter(locales.get("ar"), site).pair_title(catalog.protocols[0], low, ar_low.outline, code, ar.outline, true);
  CHECK(title.rfind("<bdi>", 0) == 0);
  CHECK(title.find("<span lang=\"en\" dir=\"ltr\">Help Message</span>") != std::string::npos);
  CHECK(title.find("<span lang=\"en\" dir=\"ltr\">Authentication Failed</span>") != std::string::npos);
}
