#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"
#include "write.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("the writer skips unchanged files and removes stale ones", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  {
    OutputWriter writer(out);
    writer.write("index.html", "home");
    writer.write("smtp/old/index.html", "old");
    writer.finish();
    CHECK(writer.written() == 2);
  }
  OutputWriter writer(out);
  writer.write("index.html", "home");
  writer.write("smtp/new/index.html", "new");
  writer.finish();
  CHECK(writer.unchanged() == 1);
  CHECK(writer.written() == 1);
  CHECK(writer.removed() == 1);
  CHECK_FALSE(fs::exists(out + "/smtp/old"));
  CHECK(test::read_file(out + "/smtp/new/index.html") == "new");
  CHECK(test::list_files(out) == std::vector<std::string>{".sitegen-manifest", "index.html", "smtp/new/index.html"});
}

TEST_CASE("the writer refuses a non-empty folder it did not create and touches nothing", "[write]") {
  test::TempDir dir;
  test::write_file(dir / "mine/notes.txt", "precious");
  CHECK_THROWS_WITH(OutputWriter(dir / "mine"), Catch::Contains("refusing to write here") &&
                                                    Catch::Contains("not made by sitegen"));
  CHECK(test::list_files(dir / "mine") == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("the writer never writes outside the output folder", "[write][security]") {
  test::TempDir dir;
  OutputWriter writer(dir / "site");
  for (const char* path : {"../escape.html", "/etc/passwd", "a/../../b", "a\\..\\b", "", "a//b", "./x"}) {
    INFO(path);
    CHECK_THROWS_AS(writer.write(path, "x"), OutputError);
  }
  CHECK_FALSE(fs::exists(dir / "escape.html"));
}

TEST_CASE("a stale entry in the manifest cannot delete files outside the folder", "[write][security]") {
  test::TempDir dir;
  test::write_file(dir / "outside.txt", "keep me");
  test::write_file(dir / "site/.sitegen-manifest", "../outside.txt\nindex.html\n");
  OutputWriter writer(dir / "site");
  writer.write("index.html", "x");
  writer.finish();
  CHECK(test::read_file(dir / "outside.txt") == "keep me");
}
