#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"
#include "user_files.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("folder times read back from their lines", "[user_files]") {
  FolderTimes times;
  times.times = {{"a", 1}, {"fr/smtp", 2}, {"odd\nname", 3}};
  times.recorded_at = 42;
  const FolderTimes read = read_folder_lines(folder_lines(times));
  CHECK(read.times == times.times);
  CHECK(read.recorded_at == 42);
}

TEST_CASE("the user's files are found, in changed folders only once times are recorded", "[user_files]") {
  test::TempDir dir;
  test::write_file(dir / "site/index.html", "made");
  test::write_file(dir / "site/a/index.html", "made");
  test::write_file(dir / "site/CNAME", "mine");
  FolderTree out(dir / "site");
  Manifest previous;
  previous.files.add("index.html", {});
  previous.files.add("a/index.html", {});
  previous.files.seal();
  CHECK(files_not_made_by_sitegen(out, previous, "") == std::vector<std::string>{"CNAME"});
  // Times recorded two seconds after the folders last changed: trusted while unchanged.
  const Clock later = [] { return system_clock_ns() + 2000000000; };
  ManifestFiles files = previous.files;
  const std::string lines = folder_lines(folder_times(out, files, {}, later));
  CHECK(files_not_made_by_sitegen(out, previous, lines) == std::vector<std::string>{"CNAME"});
  test::write_file(dir / "site/a/notes.txt", "also mine");  // a/ changes: it is read again
  auto found = files_not_made_by_sitegen(out, previous, lines);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"CNAME", "a/notes.txt"});
}
