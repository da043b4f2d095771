#include <catch2/catch.hpp>

#include "json_file.h"
#include "manifest.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("a manifest reads back what was written, any file name included", "[manifest]") {
  ManifestFiles files;
  files.add("index.html", {digest_of("home"), digest_of("inputs")});
  files.add("fr/smtp/index.html", {digest_of("fr"), Digest{}});
  files.add("odd \\name\nwith\rbreaks", {digest_of("odd"), digest_of("x")});
  files.seal();
  const std::vector<std::string> user = {"CNAME", "notes\nx y\tz"};
  const std::string text = manifest_text(files, user);
  CHECK(text.find("user - notes\\nx y\tz\n") != std::string::npos);
  const Manifest read = parse_manifest(text);
  CHECK(read.files == files);
  CHECK(read.user_files == std::set<std::string>(user.begin(), user.end()));
  CHECK(manifest_text(read.files, user) == text);  // sorted, so the same every time
}

TEST_CASE("a manifest never names a path that leaves the folder, and old lines are made again", "[manifest]") {
  const Manifest read = parse_manifest(
      "0123456789abcde 0123456789abcde old/index.html\n"  // an older sitegen's 15 digits
      "user - ../../etc/passwd\n"
      "user - /etc/hosts\n"
      + to_hex(digest_of("x")) + " - a/../../b\n"
      "garbage\n");
  REQUIRE(read.files.count("old/index.html") == 1);
  CHECK(read.files.at("old/index.html").bytes.none());  // known as sitegen's, but never trusted
  CHECK(read.files.size() == 1);
  CHECK(read.user_files.empty());
}

TEST_CASE("is_safe_relative_path accepts only paths that stay inside", "[manifest]") {
  for (const char* good : {"index.html", "fr/smtp/index.html", ".nojekyll", "a..b/c", "back\\slash"}) {
    CHECK(is_safe_relative_path(good));
  }
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../b", "a//b", "a/", "./a"}) CHECK_FALSE(is_safe_relative_path(bad));
}

TEST_CASE("manifest files: the entry added last wins, lookups and folders work in any order of adding", "[manifest]") {
  ManifestFiles files;
  const std::vector<std::string> paths = {"z/index.html", "a/b/index.html", "a/index.html", "fr/a/index.html", "a"};
  for (size_t i = 0; i < paths.size(); ++i) files.add(paths[i], {digest_of(paths[i]), Digest{}});
  files.add("a/index.html", {digest_of("again"), Digest{}});  // added again: this one counts
  files.seal();
  CHECK(files.size() == paths.size());
  std::vector<std::string> in_order;
  for (const auto& [path, entry] : files) in_order.emplace_back(path);
  CHECK(in_order == std::vector<std::string>{"a", "a/b/index.html", "a/index.html", "fr/a/index.html", "z/index.html"});
  CHECK(files.at("a/index.html").bytes == digest_of("again"));
  CHECK(files.find("a/b") == nullptr);
  CHECK(files.has_file_under("a/b"));
  CHECK(files.has_file_under("fr"));
  CHECK_FALSE(files.has_file_under("f"));
  CHECK_FALSE(files.has_file_under("z/index.html"));
  CHECK_THROWS_AS(files.at("missing"), std::out_of_range);
}

TEST_CASE("folder times read back from their lines, after the files of the manifest", "[manifest]") {
  FolderTimes times;
  times.add("fr/smtp", 2);
  times.add("a", 1);
  times.add("odd\nname", 3);
  times.add("gone", -1);  // a folder that was not there: not recorded
  times.add("a", 1);      // visited twice: recorded once
  times.seal();
  times.recorded_at = 42;
  CHECK(times.size() == 3);
  ManifestFiles files;
  files.add("a/index.html", {digest_of("a"), Digest{}});
  const std::string text = manifest_text(files, {"CNAME"}) + folder_lines(times);
  const Manifest read = parse_manifest(text);
  CHECK(read.folder_times == times);
  REQUIRE(read.folder_times.find("odd\nname") != FolderTimes::npos);
  CHECK(read.folder_times[read.folder_times.find("odd\nname")].time == 3);
  CHECK(read.folder_times.find("gone") == FolderTimes::npos);
  CHECK(read.folder_times.find("fr") == FolderTimes::npos);
  CHECK(read.folder_times.recorded_at == 42);
  CHECK(read.files == files);
  CHECK(read.user_files == std::set<std::string>{"CNAME"});
  // A folder is named by the digest of its path, whatever the path's length.
  CHECK(text.find("folder 3 " + to_hex(digest_of("odd\nname")) + "\n") != std::string::npos);
  // Lines of an older sitegen name the folder itself; one that could leave the output is not trusted.
  const Manifest older = parse_manifest("folder 2 fr/smtp\nfolder 1 a\nfolder 3 odd\\nname\nfolder 5 ../up\nrecorded 42 folders\n");
  CHECK(older.folder_times == times);
}

TEST_CASE("a manifest read from disk in blocks is the one parsed whole, lines across blocks included", "[manifest]") {
  test::TempDir dir;
  ManifestFiles files;
  // Over a megabyte, so that lines fall across the reader's blocks wherever they end.
  for (int i = 0; i < 12000; ++i) {
    const std::string path = "fr/compare/p/" + std::to_string(i) + "-" + std::string(static_cast<size_t>(i % 37), 'x') + "/index.html";
    files.add(path, {digest_of(path), i % 3 ? digest_of("in") : Digest{}});
  }
  files.seal();
  const std::string text = manifest_text(files, {"CNAME"}) + "folder 123 fr\nrecorded 456 folders\n";
  test::write_file(dir / ".sitegen-manifest", text);
  const Manifest whole = parse_manifest(text);
  const Manifest read = read_manifest_file(dir / ".sitegen-manifest");
  CHECK(read.files.size() == 12000);
  CHECK(read.files == whole.files);
  CHECK(read.files == files);
  CHECK(read.user_files == std::set<std::string>{"CNAME"});
  CHECK(read.folder_times.size() == 1);
  CHECK(read.folder_times[read.folder_times.find("fr")].time == 123);
  CHECK(read.folder_times.recorded_at == 456);
  CHECK(read.folder_times == whole.folder_times);
  CHECK_THROWS_AS(read_manifest_file(dir / "missing"), FileError);
}
