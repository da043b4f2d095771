// PreviewFolder: a private folder per serve run, removed with it; stale ones of dead runs go.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "preview_folder.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("each preview folder is new, private and gone with its owner", "[preview_folder]") {
  test::TempDir dir;
  setenv("TMPDIR", dir.path().c_str(), 1);
  std::string first, second;
  {
    PreviewFolder a, b;
    first = a.path();
    second = b.path();
    CHECK(first != second);
    CHECK(fs::path(first).parent_path() == fs::path(dir.path()));
    CHECK((fs::status(first).permissions() & fs::perms::all) == fs::perms::owner_all);
    CHECK(test::read_file(first + "/serve.pid") == std::to_string(getpid()) + "\n");
    CHECK(a.site() == first + "/site");
    test::write_file(a.site() + "/index.html", "page");
  }
  CHECK_FALSE(fs::exists(first));
  CHECK_FALSE(fs::exists(second));
  unsetenv("TMPDIR");
}

TEST_CASE("only this user's preview folders of runs that are gone are removed", "[preview_folder]") {
  test::TempDir dir;
  const std::string tmp = dir.path();
  pid_t gone = fork();
  if (gone == 0) _exit(0);
  waitpid(gone, nullptr, 0);
  auto make = [&](const std::string& name, pid_t pid, fs::perms mode) {
    fs::create_directories(tmp + "/" + name + "/site");
    test::write_file(tmp + "/" + name + "/serve.pid", std::to_string(pid) + "\n");
    fs::permissions(tmp + "/" + name, mode);
  };
  make("sitegen-serve-dead01", gone, fs::perms::owner_all);
  make("sitegen-serve-alive1", getpid(), fs::perms::owner_all);
  make("sitegen-serve-open01", gone, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  make("other-folder", gone, fs::perms::owner_all);
  fs::create_directories(tmp + "/elsewhere");
  fs::create_directory_symlink(tmp + "/elsewhere", tmp + "/sitegen-serve-link01");
  CHECK(remove_stale_preview_folders(tmp) == 1);
  CHECK_FALSE(fs::exists(tmp + "/sitegen-serve-dead01"));
  CHECK(fs::exists(tmp + "/sitegen-serve-alive1"));
  CHECK(fs::exists(tmp + "/sitegen-serve-open01"));  // not made by serve (not 0700): not ours to judge
  CHECK(fs::exists(tmp + "/other-folder"));
  CHECK(fs::exists(tmp + "/elsewhere"));
}
