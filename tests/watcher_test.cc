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

TEST_CASE("the watcher wakes on an edit, waits for it to settle, and times out when nothing changes", "[watcher]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  InputWatcher watcher(dir.path());
  CHECK(watcher.notified());  // Linux: inotify
  const auto started = std::chrono::steady_clock::now();
  CHECK(watcher.wait(std::chrono::milliseconds(100)).empty());
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(90));
  // A write and a folder made after the watch started, with a file in it, are both seen.
  test::write_file(dir / "content/smtp/235.json", test::read_file(dir / "content/smtp/235.json") + " ");
  CHECK(watcher.wait(std::chrono::seconds(5)) == std::vector<std::string>{"content/smtp/235.json"});
  fs::create_directories(dir / "content/smtp/de");
  CHECK(watcher.wait(std::chrono::seconds(5)).empty());  // a folder is not an input file
  test::write_file(dir / "content/smtp/de/235.json", "{}");
  CHECK(watcher.wait(std::chrono::seconds(5)) == std::vector<std::string>{"content/smtp/de/235.json"});
}
