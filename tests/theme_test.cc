#include <catch2/catch.hpp>
#include <filesystem>

#include "site.h"
#include "test_support.h"
#include "theme.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

// A site folder with only sitegen.json and content/ (the mini fixture's).
void bare_site(const std::string& dir) {
  fs::copy(test::repo_dir() + "/tests/fixtures/mini/content", fs::path(dir) / "content", fs::copy_options::recursive);
  fs::copy(test::repo_dir() + "/tests/fixtures/mini/sitegen.json", fs::path(dir) / "sitegen.json");
}

// The page without its footer element.
std::string without_footer(const std::string& html) {
  const size_t start = html.find("<footer class=\"site-footer\">");
  const size_t end = html.find("</footer>", start);
  if (start == std::string::npos || end == std::string::npos) return html;
  return html.substr(0, start) + html.substr(end + 9);
}

}  // namespace

TEST_CASE("the default theme holds every page template, partial, asset and the four locales, as in the repository",
          "[theme]") {
  for (const char* name : kPageTemplates) CHECK(builtin_file(std::string("templates/") + name + ".mustache"));
  for (const char* asset : kRequiredAssets) CHECK(builtin_file(std::string("templates/assets/") + asset));
  for (const char* locale : {"en", "fr", "de", "ar"}) CHECK(builtin_file(std::string("locales/") + locale + ".json"));
  REQUIRE(builtin_file("static/favicon.ico"));
  // Built from the repository's own files: the same bytes.
  for (const auto& [path, bytes] : builtin_theme_files()) {
    INFO(path);
    CHECK(test::read_file(test::repo_dir() + "/" + path) == bytes);
  }
  CHECK(builtin_files_in("templates/partials/").count("footer.mustache") == 1);
  CHECK(builtin_files_in("templates/").count("footer.mustache") == 0);
}

TEST_CASE("a site of only sitegen.json and content/ builds with the default theme, and one partial of its own "
          "changes that part of every page and nothing else",
          "[theme]") {
  test::TempDir dir;
  bare_site(dir.path());
  auto build = test::run_sitegen("build --source '" + dir.path() + "'");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(build.err == "");
  REQUIRE(test::run_sitegen("check --strict --links --source '" + dir.path() + "'").exit_code == 0);
  CHECK(fs::exists(dir / "public/favicon.ico"));
  const auto before = test::site_files(dir / "public");

  test::write_file(dir / "templates/partials/footer.mustache",
                   "<footer class=\"site-footer\"><p>Our own footer.</p></footer>\n</body>\n</html>\n");
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  const auto after = test::site_files(dir / "public");
  REQUIRE(after.size() == before.size());
  size_t pages = 0;
  for (const auto& [file, bytes] : after) {
    INFO(file);
    REQUIRE(before.count(file));
    if (fs::path(file).extension() != ".html") {
      CHECK(bytes == before.at(file));
      continue;
    }
    ++pages;
    CHECK(bytes.find("<p>Our own footer.</p>") != std::string::npos);
    CHECK(without_footer(bytes) == without_footer(before.at(file)));
  }
  CHECK(pages == 27);
}

TEST_CASE("a locale file of the site's own overrides the theme's strings one key at a time", "[theme]") {
  test::TempDir dir;
  bare_site(dir.path());
  test::write_file(dir / "locales/fr.json", "{\"ui\": {\"footer\": \"Fait maison.\"}}\n");
  auto build = test::run_sitegen("build --source '" + dir.path() + "'");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(build.err == "");
  const std::string page = test::read_file(dir / "public/fr/smtp/535-authentication-failed/index.html");
  CHECK(page.find("<p>Fait maison.</p>") != std::string::npos);
  CHECK(page.find(">Comment résoudre</a></h2>") != std::string::npos);  // the theme's French, not English
  // A locale the theme does not have still needs its file.
  test::write_file(dir / "sitegen.json", "{\"locales\": [\"en\", \"pt\"], \"output\": \"public\"}\n");
  auto missing = test::run_sitegen("check --source '" + dir.path() + "'");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("lists the locale \"pt\", but locales/pt.json does not exist (sitegen's own theme has en, fr, "
                         "de and ar)") != std::string::npos);
}

TEST_CASE("check --sources says which file, the site's or the theme's, each page kind is made from", "[theme]") {
  test::TempDir dir;
  bare_site(dir.path());
  test::write_file(dir / "templates/partials/footer.mustache", "<footer class=\"site-footer\"></footer>\n</body>\n</html>\n");
  auto check = test::run_sitegen("check --sources --source '" + dir.path() + "'");
  REQUIRE(check.exit_code == 0);
  CHECK(check.out.find("  code: templates/code.mustache (sitegen's theme), ") != std::string::npos);
  CHECK(check.out.find("templates/partials/footer.mustache (the site's)") != std::string::npos);
  CHECK(check.out.find("templates/partials/footer.mustache (sitegen's theme)") == std::string::npos);
  CHECK(check.out.find("locales/fr.json (sitegen's theme)") != std::string::npos);
}
