#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "folder_tree.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("a folder tree never writes, links or removes through a symlink", "[folder_tree]") {
  test::TempDir dir;
  const std::string outside = dir / "outside";
  test::write_file(outside + "/page/index.html", "outside page");
  const auto before = test::snapshot(outside);
  fs::create_directories(dir / "tree");
  fs::create_directory_symlink(outside, dir / "tree/smtp");
  FolderTree tree(dir / "tree");
  REQUIRE(tree.exists());
  CHECK_FALSE(tree.is_file("smtp/page/index.html"));  // behind a link: not there
  tree.remove_file("smtp/page/index.html");             // nothing to remove through the link
  CHECK(test::snapshot(outside) == before);
  // Writing where the link is replaces the link (as a link) with a real folder.
  tree.write_new_file("smtp/page/index.html", "new page");
  CHECK(test::snapshot(outside) == before);
  CHECK_FALSE(fs::is_symlink(dir / "tree/smtp"));
  CHECK(test::read_file(dir / "tree/smtp/page/index.html") == "new page");
  CHECK(tree.is_file("smtp/page/index.html"));
}

TEST_CASE("a new file replaces whatever stands in its way, and removal tidies empty folders", "[folder_tree]") {
  test::TempDir dir;
  fs::create_directories(dir / "tree");
  test::write_file(dir / "tree/a", "a file where a folder must go");
  test::write_file(dir / "tree/b/c/index.html/x", "a folder where a file must go");
  FolderTree tree(dir / "tree");
  tree.write_new_file("a/index.html", "1");
  tree.write_new_file("b/c/index.html", "2");
  CHECK(test::read_file(dir / "tree/a/index.html") == "1");
  CHECK(test::read_file(dir / "tree/b/c/index.html") == "2");
  tree.remove_file("b/c/index.html");
  CHECK_FALSE(fs::exists(dir / "tree/b"));
  CHECK(tree.list() == std::vector<std::string>{"a/index.html"});
}

TEST_CASE("a file linked from another tree is the same file, and symlinks are listed as entries", "[folder_tree]") {
  test::TempDir dir;
  test::write_file(dir / "from/smtp/x/index.html", "page");
  fs::create_symlink("smtp", dir / "from/link");
  fs::create_directories(dir / "to");
  FolderTree from(dir / "from"), to(dir / "to");
  REQUIRE(to.link_from(from, "smtp/x/index.html"));
  CHECK(fs::equivalent(dir / "from/smtp/x/index.html", dir / "to/smtp/x/index.html"));
  REQUIRE(to.link_from(from, "link"));
  CHECK(fs::read_symlink(dir / "to/link") == "smtp");
  CHECK_FALSE(to.link_from(from, "missing.html"));
  auto listed = from.list();
  std::sort(listed.begin(), listed.end());
  CHECK(listed == std::vector<std::string>{"link", "smtp/x/index.html"});
  CHECK(from.folder_time("smtp/x") > 0);
  CHECK(from.folder_time("link") == -1);
}

TEST_CASE("a listing goes only into the folders asked for and keeps only the files asked for", "[folder_tree]") {
  test::TempDir dir;
  for (const char* path : {"index.html", "CNAME", "a/index.html", "a/notes.txt", "a/b/index.html", "c/index.html"}) {
    test::write_file(dir / (std::string("site/") + path), "x");
  }
  FolderTree tree(dir / "site");
  auto not_a_page = [](const std::string& path) { return path.size() < 10 || path.substr(path.size() - 10) != "index.html"; };
  auto listed = tree.list("", nullptr, not_a_page);
  std::sort(listed.begin(), listed.end());
  CHECK(listed == std::vector<std::string>{"CNAME", "a/notes.txt"});
  listed = tree.list("a", [](const std::string& folder) { return folder != "a/b"; });
  std::sort(listed.begin(), listed.end());
  CHECK(listed == std::vector<std::string>{"a/index.html", "a/notes.txt"});
}
