#include <catch2/catch.hpp>
#include <map>

#include "fingerprint.h"
#include "page_inputs.h"
#include "site.h"
#include "test_support.h"

using namespace sitegen;

namespace {

std::map<std::string, Digest> page_fingerprints(const Site& site) {
  std::map<std::string, Digest> out;
  Fingerprints fingerprints(site);
  for (const Page& page : plan_site(site.catalog, site.config)) out[page.path] = fingerprints.page(page);
  return out;
}

Site load_fixture(const std::string& dir) {
  Diagnostics diagnostics;
  auto site = load_site(dir, diagnostics);
  REQUIRE(site);
  REQUIRE_FALSE(diagnostics.has_errors());
  return std::move(*site);
}

}  // namespace

TEST_CASE("an edit changes the fingerprint of exactly the pages that show what changed", "[fingerprint]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  const Site before = load_fixture(dir.path());
  const auto old = page_fingerprints(before);
  CHECK(page_fingerprints(load_fixture(dir.path())) == old);  // stable for the same input

  SECTION("a code's prose: the pages that declare its entry") {
    std::string text = test::read_file(dir / "content/smtp/235.json");
    text.replace(text.find("accepted"), 8, "accepzed");
    test::write_file(dir / "content/smtp/235.json", text);
    const Site after = load_fixture(dir.path());
    const auto now = page_fingerprints(after);
    const Protocol& smtp = after.catalog.protocols.at(0);
    const Code& code_235 = *smtp.find("235");
    for (const Page& page : plan_site(after.catalog, after.config)) {
      INFO(page.path);
      CHECK((now.at(page.path) != old.at(page.path)) == page_inputs(page).reads_entry(smtp, code_235));
    }
  }
  SECTION("a locale's string: that locale's pages only") {
    std::string text = test::read_file(dir / "locales/fr.json");
    text.replace(text.find("Comment résoudre"), std::string("Comment résoudre").size(), "Comment corriger");
    test::write_file(dir / "locales/fr.json", text);
    const Site after = load_fixture(dir.path());
    const auto now = page_fingerprints(after);
    for (const Page& page : plan_site(after.catalog, after.config)) {
      INFO(page.path);
      CHECK((now.at(page.path) != old.at(page.path)) == (page.locale == "fr"));
    }
  }
  SECTION("a template: every page") {
    test::write_file(dir / "templates/partials/footer.mustache",
                     test::read_file(dir / "templates/partials/footer.mustache") + "\n");
    const auto now = page_fingerprints(load_fixture(dir.path()));
    for (const auto& [path, digest] : now) CHECK(digest != old.at(path));
  }
}
