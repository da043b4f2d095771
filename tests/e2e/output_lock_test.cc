// The output folder's lock: one sitegen at a time, and the one refused says who holds it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <unistd.h>

#include "output_lock.h"
#include "test_support.h"
#include "write.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("a second lock on one output folder is refused, naming the holder", "[output_lock]") {
  test::TempDir dir;
  const std::string out = dir / "site";
  {
    OutputLock first(out, "sitegen build");
    CHECK(fs::exists(lock_path_of(out)));
    CHECK(lock_path_of(out) == dir / ".site.sitegen-lock");
    try {
      OutputLock second(out, "sitegen serve");
      FAIL("the second lock was taken");
    } catch (const OutputError& e) {
      CHECK(std::string(e.what()) ==
            out + ": another sitegen is writing this folder (sitegen build, pid " + std::to_string(::getpid()) +
                "); nothing was written. Wait for it to finish, or choose another --out");
    }
    OutputLock other_folder(dir / "www", "sitegen build");  // another folder is another lock
  }
  OutputLock again(out, "sitegen build");  // released with its holder
}

TEST_CASE("two builds started together into one output: one waits its turn or is refused, the site is whole",
          "[output_lock][build]") {
  // Twenty of the repository's SMTP codes in English: some 200 pages, a build of a few tens of
  // milliseconds, so that two started a random moment apart often overlap.
  test::TempDir dir;
  for (const char* part : {"locales", "templates"}) {
    fs::copy(test::repo_dir() + "/" + part, dir / part, fs::copy_options::recursive);
  }
  fs::create_directories(dir / "content/smtp");
  fs::copy_file(test::repo_dir() + "/content/smtp/protocol.json", dir / "content/smtp/protocol.json");
  int codes = 0;
  for (const auto& file : test::list_files(test::repo_dir() + "/content/smtp")) {
    if (file.find('/') == std::string::npos && file != "protocol.json" && codes++ < 20) {
      fs::copy_file(test::repo_dir() + "/content/smtp/" + file, dir / ("content/smtp/" + file));
    }
  }
  auto config = nlohmann::json::parse(test::read_file(test::repo_dir() + "/sitegen.json"));
  config["locales"] = {"en"};
  std::mt19937 random(14);
  int refused = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    INFO("attempt " << attempt);
    // Every attempt changes every page, so each build has a whole site to write.
    config["title"] = "Codes, edition " + std::to_string(attempt);
    test::write_file(dir / "sitegen.json", config.dump(2));
    const std::string args = "build --source '" + dir.path() + "' --out '" + (dir / "site") + "'";
    const auto offset = std::chrono::milliseconds(random() % 40);
    auto first = std::async(std::launch::async, [&] { return test::run_sitegen(args); });
    std::this_thread::sleep_for(offset);
    auto second = test::run_sitegen(args);
    for (const auto& result : {first.get(), second}) {
      INFO(result.err);
      if (result.exit_code == 0) continue;
      CHECK(result.exit_code == 3);
      // Who holds it ("sitegen build, pid N"), or, a moment after it took the lock and before it
      // wrote its name, "a process that just started".
      CHECK(result.err.find("another sitegen is writing this folder (") != std::string::npos);
      ++refused;
    }
    fs::remove_all(dir / "clean");
    REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "' --out '" + (dir / "clean") + "'").exit_code == 0);
    CHECK(test::site_files(dir / "site") == test::site_files(dir / "clean"));
  }
  CHECK(refused > 0);  // the builds did overlap, at least once
}
