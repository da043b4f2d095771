#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"
#include "user_files.h"

using namespace sitegen;
namespace fs = std::filesystem;

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
  CHECK(files_not_made_by_sitegen(out, previous, FolderTimes()) == std::vector<std::string>{"CNAME"});
  // Times recorded two seconds after the folders last changed: trusted while unchanged.
  const Clock later = [] { return system_clock_ns() + 2000000000; };
  ManifestFiles files = previous.files;
  // As the next build reads them: from the manifest's lines.
  const FolderTimes lines = parse_manifest(folder_lines(folder_times(out, files, {}, later))).folder_times;
  CHECK(lines.size() == 1);  // a/ (the top folder is always read)
  CHECK(lines.find("a") != FolderTimes::npos);
  CHECK(files_not_made_by_sitegen(out, previous, lines) == std::vector<std::string>{"CNAME"});
  test::write_file(dir / "site/a/notes.txt", "also mine");  // a/ changes: it is read again
  auto found = files_not_made_by_sitegen(out, previous, lines);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"CNAME", "a/notes.txt"});
}

TEST_CASE("folder times recorded for other files than the manifest's are not trusted", "[user_files]") {
  test::TempDir dir;
  test::write_file(dir / "site/a/index.html", "made");
  test::write_file(dir / "site/b/index.html", "made");
  test::write_file(dir / "site/a/notes.txt", "mine");  // there before the times were taken
  FolderTree out(dir / "site");
  Manifest previous;
  previous.files.add("a/index.html", {});
  previous.files.add("b/index.html", {});
  previous.files.seal();
  const Clock later = [] { return system_clock_ns() + 2000000000; };
  const FolderTimes recorded = parse_manifest(folder_lines(folder_times(out, previous.files, {}, later))).folder_times;
  CHECK(recorded.size() == 2);
  // For the files they were taken for, the times are trusted: a/ is unchanged, so not read.
  CHECK(files_not_made_by_sitegen(out, previous, recorded).empty());
  // For a manifest of other files (another build's), every folder is read.
  Manifest other;
  other.files.add("a/index.html", {});
  other.files.seal();
  auto found = files_not_made_by_sitegen(out, other, recorded);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"a/notes.txt", "b/index.html"});
}

TEST_CASE("every folder of the files and above them is visited, once per run of files under it", "[user_files]") {
  const std::vector<std::string> files = {"index.html", "a/b/0.html", "a/b/c/index.html", "a/b/x.html",
                                          "a/index.html", "fr/smtp/235/index.html", "fr/smtp/250/index.html"};
  std::vector<std::string> visited;
  for_each_folder([&](const std::function<void(std::string_view)>& visit) { for (const auto& f : files) visit(f); },
                  [&](const std::string& folder) { visited.push_back(folder); });
  // The files of a manifest or a plan come in runs: each folder is visited once.
  CHECK(visited == std::vector<std::string>{"a/b", "a", "a/b/c", "fr/smtp/235", "fr/smtp", "fr", "fr/smtp/250"});
  // A folder whose files are not in one run is visited again (the caller drops the repeats).
  visited.clear();
  for_each_folder([&](const std::function<void(std::string_view)>& visit) { for (const char* f : {"a/x/1", "b/1", "a/y/1"}) visit(f); },
                  [&](const std::string& folder) { visited.push_back(folder); });
  CHECK(visited == std::vector<std::string>{"a/x", "a", "b", "a/y", "a"});
}
