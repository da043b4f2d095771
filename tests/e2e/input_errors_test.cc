// End-to-end: inputs that cannot be read (no permission, a FIFO, a folder, a broken or looping
// symlink) are diagnostics naming the file, exit 1, at once, and the previous site stays whole.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

struct BadInput {
  const char* name;
  const char* file;  // relative to the site folder
  std::function<void(const std::string& path)> make;
  const char* reason;
};

}  // namespace

TEST_CASE("an unreadable input is an error naming the file, never an abort or a hang", "[build][inputs]") {
  const BadInput cases[] = {
      {"a FIFO as a code file", "content/smtp/299.json",
       [](const std::string& path) { REQUIRE(::mkfifo(path.c_str(), 0644) == 0); },
       "is not a regular file (a FIFO, socket or device)"},
      {"a FIFO as protocol.json", "content/smtp/protocol.json",
       [](const std::string& path) { fs::remove(path); REQUIRE(::mkfifo(path.c_str(), 0644) == 0); },
       "is not a regular file (a FIFO, socket or device)"},
      {"a FIFO as a locale", "locales/fr.json",
       [](const std::string& path) { fs::remove(path); REQUIRE(::mkfifo(path.c_str(), 0644) == 0); },
       "is not a regular file (a FIFO, socket or device)"},
      {"a FIFO as sitegen.json", "sitegen.json",
       [](const std::string& path) { fs::remove(path); REQUIRE(::mkfifo(path.c_str(), 0644) == 0); },
       "is not a regular file (a FIFO, socket or device)"},
      {"a folder as a code file", "content/smtp/299.json",
       [](const std::string& path) { fs::create_directory(path); }, "is a folder, not a file"},
      {"a dangling symlink as a code file", "content/smtp/299.json",
       [](const std::string& path) { fs::create_symlink("nowhere.json", path); },
       "is a symlink to a file that does not exist"},
      {"a symlink loop as a code file", "content/smtp/299.json",
       [](const std::string& path) { fs::create_symlink("299.json", path); },
       "is a symlink loop (too many levels of symbolic links)"},
      {"a symlink loop as a protocol folder", "content/loop",
       [](const std::string& path) { fs::create_symlink("loop", path); },
       "is a symlink loop (too many levels of symbolic links)"},
      {"a dangling symlink as a template", "templates/partials/extra.mustache",
       [](const std::string& path) { fs::create_symlink("gone.mustache", path); },
       "is a symlink to a file that does not exist"},
      {"a symlink loop among the assets", "templates/assets/loop.css",
       [](const std::string& path) { fs::create_symlink("loop.css", path); },
       "is a symlink loop (too many levels of symbolic links)"},
  };
  for (const BadInput& bad : cases) {
    INFO(bad.name);
    test::TempDir dir;
    test::make_fixture_site("mini", dir.path());
    REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
    const auto before = test::snapshot(dir / "public");
    bad.make(dir / bad.file);
    for (const char* command : {"build", "check"}) {
      INFO(command);
      const auto started = std::chrono::steady_clock::now();
      // `timeout` turns a hang into a failure instead of a stuck test run.
      auto result = test::run_sitegen(std::string(command) + " --source '" + dir.path() + "'", "timeout 20 ");
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      CHECK(result.exit_code == 1);
      CHECK(result.err.find(std::string(bad.file) + ": error: " + bad.reason + "\n") == 0);
      CHECK(seconds < 10);
    }
    CHECK(test::snapshot(dir / "public") == before);
  }
}

TEST_CASE("a template nobody may read is an error naming it", "[build][inputs]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  const auto before = test::snapshot(dir / "public");
  REQUIRE(::chmod((dir / "templates/code.mustache").c_str(), 0) == 0);
  // root reads any file, so the build runs as another user, who may read and write the rest.
  std::string as_user;
  if (::geteuid() == 0) {
    REQUIRE(std::system("command -v setpriv >/dev/null") == 0);
    REQUIRE(std::system(("chmod -R a+rwX '" + dir.path() + "' && chmod 000 '" + (dir / "templates/code.mustache") +
                         "'").c_str()) == 0);
    as_user = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
  }
  auto result = test::run_sitegen("build --source '" + dir.path() + "'", "timeout 20 " + as_user);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("templates/code.mustache: error: cannot be read: permission denied\nsitegen: 1 error(s)") == 0);
  CHECK(test::snapshot(dir / "public") == before);
}

TEST_CASE("no exception escapes main: too many render threads is a usage error", "[build][cli]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  auto result = test::run_sitegen("build -j 100000 --source '" + dir.path() + "'");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--jobs") != std::string::npos);
  CHECK(result.err.find("terminate") == std::string::npos);
  CHECK(test::run_sitegen("build -j 256 --quiet --source '" + dir.path() + "'").exit_code == 0);
}
