#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"
#include "watcher.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("the watcher names the inputs added, changed and removed since it last looked", "[watcher]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  InputWatcher watcher(dir.path());
  CHECK(watcher.changes().empty());
  test::write_file(dir / "content/smtp/235.json", test::read_file(dir / "content/smtp/235.json") + " ");
  test::write_file(dir / "locales/xx.json", "{}");
  fs::remove(dir / "templates/partials/footer.mustache");
  test::write_file(dir / "public-not-an-input.txt", "ignored");
  CHECK(watcher.changes() == std::vector<std::string>{"content/smtp/235.json", "locales/xx.json",
                                                      "templates/partials/footer.mustache"});
  CHECK(watcher.changes().empty());
}
