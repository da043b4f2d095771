#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("init starts a site that builds and passes check --links at once, in the languages asked for", "[init]") {
  test::TempDir dir;
  const std::string site = dir / "ftp";
  auto init = test::run_sitegen("init '" + site + "' --locales en,fr,es");
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(init.out.find("sitegen init: a new site in " + site) == 0);
  // Only what the theme does not provide: settings, the example protocol, its translations into
  // the asked-for theme languages, and the English strings for a language the theme lacks.
  CHECK(fs::exists(fs::path(site) / "sitegen.json"));
  CHECK(fs::exists(fs::path(site) / "content/smtp/protocol.json"));
  CHECK(fs::exists(fs::path(site) / "content/smtp/550.json"));
  CHECK(fs::exists(fs::path(site) / "content/smtp/fr/550.json"));
  CHECK_FALSE(fs::exists(fs::path(site) / "content/smtp/de"));
  CHECK_FALSE(fs::exists(fs::path(site) / "templates"));
  CHECK(fs::exists(fs::path(site) / "locales/es.json"));
  CHECK_FALSE(fs::exists(fs::path(site) / "locales/fr.json"));
  auto build = test::run_sitegen("build --source '" + site + "'");
  INFO(build.err);
  CHECK(build.exit_code == 0);
  CHECK(build.out.find("(en 8, fr 8, es 8, each with its 404 page)") != std::string::npos);
  auto check = test::run_sitegen("check --links --source '" + site + "'");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err == "");
}

TEST_CASE("init refuses a folder that is not empty, and a malformed locale", "[init]") {
  test::TempDir dir;
  test::write_file(dir / "mine/notes.txt", "keep me");
  auto refused = test::run_sitegen("init '" + (dir / "mine") + "'");
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("is not empty; init writes only into a new or empty folder") != std::string::npos);
  CHECK(test::read_file(dir / "mine/notes.txt") == "keep me");
  CHECK(fs::directory_iterator(dir / "mine") != fs::directory_iterator());
  CHECK_FALSE(fs::exists(dir / "mine/sitegen.json"));
  auto bad = test::run_sitegen("init '" + (dir / "new") + "' --locales en,../x");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "sitegen init: --locales: \"../x\" is not a locale code such as en, fr or pt-BR\n");
  CHECK_FALSE(fs::exists(dir / "new"));
  auto quiet = test::run_sitegen("init --quiet '" + (dir / "quiet") + "'");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out == "");
  CHECK(fs::exists(dir / "quiet/sitegen.json"));
}
