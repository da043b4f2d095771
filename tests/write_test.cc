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
    writer.commit();
    CHECK(writer.written() == 2);
  }
  OutputWriter writer(out);
  writer.write("index.html", "home");
  writer.write("smtp/new/index.html", "new");
  writer.commit();
  CHECK(writer.unchanged() == 1);
  CHECK(writer.written() == 1);
  CHECK(writer.removed() == 1);
  CHECK_FALSE(fs::exists(out + "/smtp/old"));
  CHECK(test::read_file(out + "/smtp/new/index.html") == "new");
  CHECK(test::list_files(out) == std::vector<std::string>{".sitegen-manifest", "index.html", "smtp/new/index.html"});
  CHECK_FALSE(fs::exists(writer.staging_dir()));
}

TEST_CASE("unchanged files keep their identity and the user's own files are kept", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  {
    OutputWriter writer(out);
    writer.write("index.html", "home");
    writer.commit();
  }
  auto before = fs::last_write_time(out + "/index.html");
  test::write_file(out + "/CNAME", "codes.example.org");
  OutputWriter writer(out);
  writer.write("index.html", "home");
  writer.commit();
  CHECK(writer.unchanged() == 1);
  CHECK(fs::last_write_time(out + "/index.html") == before);
  CHECK(writer.kept() == std::vector<std::string>{"CNAME"});
  CHECK(test::read_file(out + "/CNAME") == "codes.example.org");
}

TEST_CASE("a build that fails before commit leaves the previous site as it was", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  {
    OutputWriter writer(out);
    writer.write("index.html", "v1");
    writer.write("a/index.html", "a1");
    writer.commit();
  }
  std::string staging;
  {
    OutputWriter writer(out);
    staging = writer.staging_dir();
    writer.write("index.html", "v2");
    CHECK(fs::exists(staging + "/index.html"));
    // no commit: the build failed
  }
  CHECK_FALSE(fs::exists(staging));
  CHECK(test::read_file(out + "/index.html") == "v1");
  CHECK(test::read_file(out + "/a/index.html") == "a1");
}

TEST_CASE("what a killed build left in the staging folder is cleared by the next one", "[write]") {
  test::TempDir dir;
  test::write_file(dir / ".site.sitegen-staging/half-written.html", "<htm");
  OutputWriter writer(dir / "site");
  writer.write("index.html", "x");
  writer.commit();
  CHECK_FALSE(fs::exists(dir / ".site.sitegen-staging"));
  CHECK(test::list_files(dir / "site") == std::vector<std::string>{".sitegen-manifest", "index.html"});
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
  test::write_file(dir / "site/.sitegen-manifest", "0000000000000000 - ../outside.txt\n0000000000000000 - index.html\n");
  OutputWriter writer(dir / "site");
  writer.write("index.html", "x");
  writer.commit();
  CHECK(test::read_file(dir / "outside.txt") == "keep me");
}
