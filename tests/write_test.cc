#include <catch2/catch.hpp>
#include <filesystem>
#include <chrono>
#include <map>
#include <sys/stat.h>
#include <thread>

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
  // The staging folder keeps the previous site for the next build to update.
  CHECK(test::list_files(writer.staging_dir()) ==
        std::vector<std::string>{".sitegen-manifest", "index.html", "smtp/old/index.html"});
  CHECK(test::read_file(writer.staging_dir() + "/smtp/old/index.html") == "old");
}

namespace {

// One build through the writer: `files` is the whole new site. The files take turns at the three
// ways a build writes: as a page (by its number), whole, and streamed in two pieces.
void build_with(const std::string& out, const std::map<std::string, std::string>& files) {
  OutputWriter writer(out);
  std::vector<std::string> pages;
  size_t turn = 0;
  for (const auto& [path, bytes] : files) {
    if (turn++ % 3 == 0) pages.push_back(path);
  }
  writer.expect_pages(pages.size(), [&](size_t i) { return pages[i]; });
  turn = 0;
  for (const auto& [path, bytes] : files) {
    const size_t at = turn++;
    switch (at % 3) {
      case 0: writer.write_page(at / 3, path, bytes, digest_of(bytes)); break;
      case 1: writer.write(path, bytes); break;
      default: {
        auto file = writer.write_streamed(path);
        file->append(std::string_view(bytes).substr(0, bytes.size() / 2));
        file->append(std::string_view(bytes).substr(bytes.size() / 2));
        file->finish();
      }
    }
  }
  writer.commit();
}


}  // namespace

TEST_CASE("every rebuild gives exactly the new site, whatever the staging folder held", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  // Each build differs from the one before and from the one before that: changed, reverted,
  // removed, re-added files, and a file that becomes a folder and back.
  const std::vector<std::map<std::string, std::string>> builds = {
      {{"index.html", "v1"}, {"a/index.html", "a1"}, {"b", "file b"}, {"gone/index.html", "g"}},
      {{"index.html", "v2"}, {"a/index.html", "a1"}, {"b/index.html", "folder b"}},
      {{"index.html", "v1"}, {"a/index.html", "a2"}, {"b", "file b"}, {"new/index.html", "n"}},
      {{"index.html", "v1"}, {"a/index.html", "a2"}, {"b", "file b"}, {"gone/index.html", "g"}},
      {{"index.html", "v3"}, {"a/index.html", "a1"}},
      {{"index.html", "v3"}, {"a/index.html", "a1"}},
  };
  for (size_t i = 0; i < builds.size(); ++i) {
    INFO("build " << i + 1);
    build_with(out, builds[i]);
    CHECK(test::site_files(out) == builds[i]);
  }
}

TEST_CASE("a file the user removed from the output does not come back from the staging folder", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  build_with(out, {{"index.html", "v1"}});
  test::write_file(out + "/CNAME", "codes.example.org");
  build_with(out, {{"index.html", "v2"}});  // the CNAME is carried into the new site
  CHECK(test::read_file(out + "/CNAME") == "codes.example.org");
  fs::remove(out + "/CNAME");
  build_with(out, {{"index.html", "v3"}});
  build_with(out, {{"index.html", "v4"}});
  CHECK(test::site_files(out) == std::map<std::string, std::string>{{"index.html", "v4"}});
}

TEST_CASE("a build that changed the staging folder and failed leaves it for the next build to clear", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  build_with(out, {{"index.html", "v1"}, {"a/index.html", "a1"}});
  build_with(out, {{"index.html", "v2"}, {"a/index.html", "a1"}});
  std::string staging = dir / ".site.sitegen-staging";
  REQUIRE(fs::exists(staging + "/.sitegen-manifest"));
  // What SIGKILL in the middle of a build leaves: a staging folder whose manifest went first.
  fs::remove(staging + "/.sitegen-manifest");
  test::write_file(staging + "/index.html", "<htm");
  build_with(out, {{"index.html", "v1"}, {"a/index.html", "a1"}});
  build_with(out, {{"index.html", "v2"}, {"a/index.html", "a1"}});
  CHECK(test::site_files(out) == std::map<std::string, std::string>{{"index.html", "v2"}, {"a/index.html", "a1"}});
  CHECK(test::site_files(staging) == std::map<std::string, std::string>{{"index.html", "v1"}, {"a/index.html", "a1"}});
}

TEST_CASE("a rewritten file never changes the live site through a shared link", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  build_with(out, {{"index.html", "v1"}});
  build_with(out, {{"index.html", "v1"}, {"x/index.html", "x"}});  // index.html is linked, not copied
  OutputWriter writer(out);
  writer.write("index.html", "v2");
  CHECK(test::read_file(out + "/index.html") == "v1");  // before commit, the live site is as it was
  writer.commit();
  CHECK(test::read_file(out + "/index.html") == "v2");
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
  {
    // Nothing changed: nothing in the folder is touched.
    OutputWriter writer(out);
    writer.write("index.html", "home");
    writer.commit();
    CHECK(writer.unchanged() == 1);
    CHECK(fs::last_write_time(out + "/index.html") == before);
    CHECK(test::read_file(out + "/CNAME") == "codes.example.org");
  }
  // A build that changes something carries the user's file into the new site and says so.
  OutputWriter writer(out);
  writer.write("index.html", "home");
  writer.write("about/index.html", "about");
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
  for (const char* path : {"../escape.html", "/etc/passwd", "a/../../b", "", "a//b", "./x"}) {
    INFO(path);
    CHECK_THROWS_AS(writer.write(path, "x"), OutputError);
  }
  // On Linux a backslash is part of a name, not a separator: "a\..\b" is one file inside.
  writer.write("a\\..\\b", "x");
  writer.commit();
  CHECK(fs::is_regular_file(dir / "site/a\\..\\b"));
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

TEST_CASE("a file the user adds inside a folder of the site is kept, however long after the build", "[write]") {
  // Builds read only the folders whose time changed since the previous build recorded it; this
  // checks that a folder left alone long enough to be trusted is still read once the user adds to it.
  test::TempDir dir;
  std::string out = dir / "site";
  // A clock twenty seconds ahead: every folder's time looks settled, as it would long after a build,
  // without the test waiting for it. The user's edits are dated ten seconds ahead, after the build
  // that came before them, as they would be: the file system's clock ticks coarsely, and an edit made
  // within the tick of the build's own last change would otherwise leave the folder's time as it was.
  const Clock later = [] { return system_clock_ns() + 20000000000; };
  auto user_changed = [&](const std::string& folder) {
    fs::last_write_time(out + "/" + folder, fs::file_time_type::clock::now() + std::chrono::seconds(10));
  };
  auto build = [&](const std::string& about) {
    OutputWriter writer(out, false, later);
    writer.write("index.html", "home");
    writer.write("a/index.html", "a");
    writer.write("b/c/index.html", "c");
    writer.write("about/index.html", about);
    writer.commit();
    return writer.kept();
  };
  CHECK(build("1").empty());
  CHECK(build("2").empty());
  CHECK(build("3").empty());
  test::write_file(out + "/b/c/notes.txt", "mine");
  user_changed("b/c");
  CHECK(build("4") == std::vector<std::string>{"b/c/notes.txt"});
  CHECK(build("5") == std::vector<std::string>{"b/c/notes.txt"});
  test::write_file(out + "/a/more.txt", "also mine");
  user_changed("a");
  CHECK(build("6") == std::vector<std::string>{"a/more.txt", "b/c/notes.txt"});
  CHECK(test::read_file(out + "/b/c/notes.txt") == "mine");
  CHECK(test::read_file(out + "/a/more.txt") == "also mine");
  CHECK(test::read_file(out + "/about/index.html") == "6");
  fs::remove(out + "/b/c/notes.txt");
  user_changed("b/c");
  CHECK(build("7") == std::vector<std::string>{"a/more.txt"});
  CHECK_FALSE(fs::exists(out + "/b/c/notes.txt"));
}

TEST_CASE("a corrected page is written however little it differs, and a name with a line break survives the manifest",
          "[write]") {
  test::TempDir dir;
  const std::string out = dir / "site";
  const std::string typo = "<p>The nerver accepted the credentials vnd said so.</p>";
  const std::string fixed = "<p>The server accepted the credentials and said so.</p>";
  // A file of the user's whose name holds a line break, a tab, spaces, a backslash and a byte
  // that is not UTF-8: the manifest must name it on one line and read it back.
  const std::string odd = std::string("notes\nx y\tCNAME\\n\xff");
  {
    OutputWriter writer(out);
    writer.write("smtp/235/index.html", typo, digest_of("inputs v1"));
    writer.commit();
  }
  test::write_file(out + "/" + odd, "mine");
  test::write_file(out + "/CNAME", "codes.example.org");
  // Each build's page differs from the one before (the staging folder holds the one before that).
  const std::string versions[] = {fixed, fixed + " ", fixed};
  for (int build = 0; build < 3; ++build) {
    OutputWriter writer(out);
    writer.write("smtp/235/index.html", versions[build], digest_of("inputs v" + std::to_string(build + 2)));
    writer.commit();
    CHECK(writer.written() == 1);
    CHECK(writer.removed() == 0);
  }
  CHECK(test::read_file(out + "/smtp/235/index.html") == fixed);
  CHECK(test::read_file(out + "/" + odd) == "mine");
  CHECK(test::read_file(out + "/CNAME") == "codes.example.org");
  CHECK(unescape_manifest_name(escape_manifest_name(odd)) == odd);
  CHECK(escape_manifest_name(odd).find('\n') == std::string::npos);
}

TEST_CASE("a primed staging folder holds the site as a swap leaves it, and the next build is still exact", "[write]") {
  test::TempDir dir;
  std::string out = dir / "site";
  {
    OutputWriter first(out);
    first.write("index.html", "home");
    first.write("smtp/a/index.html", "a");
    first.write("smtp/b/index.html", "b");
    first.commit();
  }
  CHECK_FALSE(fs::exists(staging_dir_of(out)));  // a first build leaves none
  OutputWriter(out).prime_staging();
  CHECK(test::list_files(staging_dir_of(out)) ==
        std::vector<std::string>{".sitegen-manifest", "index.html", "smtp/a/index.html", "smtp/b/index.html"});
  CHECK(fs::equivalent(out + "/smtp/a/index.html", staging_dir_of(out) + "/smtp/a/index.html"));  // linked, not copied
  // The next build changes one file, removes one and adds one: exactly the new site, and the
  // live files it did not change are never written through the shared links.
  OutputWriter next(out);
  next.write("index.html", "home");
  next.write("smtp/a/index.html", "a, edited");
  next.write("smtp/c/index.html", "c");
  next.commit();
  CHECK(next.written() == 2);
  CHECK(next.unchanged() == 1);
  CHECK(test::list_files(out) ==
        std::vector<std::string>{".sitegen-manifest", "index.html", "smtp/a/index.html", "smtp/c/index.html"});
  CHECK(test::read_file(out + "/smtp/a/index.html") == "a, edited");
  CHECK(test::read_file(staging_dir_of(out) + "/smtp/a/index.html") == "a");
  CHECK(test::read_file(staging_dir_of(out) + "/smtp/b/index.html") == "b");
}

TEST_CASE("a streamed file with the bytes of the last build keeps the output's file, and pages are found by number",
          "[write]") {
  test::TempDir dir;
  const std::string out = dir / "site";
  const std::vector<std::string> pages = {"a/index.html", "b/index.html"};
  auto build = [&](const std::string& sitemap, const std::string& page_b) {
    OutputWriter writer(out);
    writer.expect_pages(pages.size(), [&](size_t i) { return pages[i]; });
    writer.write_page(0, pages[0], "page a", digest_of("a"));
    if (!writer.reuse_page(1, pages[1], digest_of(page_b))) writer.write_page(1, pages[1], page_b, digest_of(page_b));
    auto file = writer.write_streamed("sitemap.xml");
    for (char c : sitemap) file->append(std::string(1, c));
    file->finish();
    writer.commit();
    return std::make_pair(writer.written(), writer.unchanged());
  };
  CHECK(build("<urlset/>", "page b") == std::make_pair(3, 0));
  struct stat before {};
  ::stat((out + "/sitemap.xml").c_str(), &before);
  CHECK(build("<urlset/>", "page b") == std::make_pair(0, 3));  // page b reused, the rest the same bytes
  struct stat after {};
  ::stat((out + "/sitemap.xml").c_str(), &after);
  CHECK(after.st_ino == before.st_ino);  // the output's own file, not a new copy
  CHECK(build("<urlset>x</urlset>", "page b, edited") == std::make_pair(2, 1));
  CHECK(test::read_file(out + "/sitemap.xml") == "<urlset>x</urlset>");
  CHECK(test::read_file(out + "/b/index.html") == "page b, edited");
  const std::string manifest = test::read_file(out + "/.sitegen-manifest");
  CHECK(manifest.find(" a/index.html\n") != std::string::npos);
  CHECK(manifest.find(" b/index.html\n") != std::string::npos);
}
