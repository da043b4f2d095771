// End-to-end: what a user (or an accident) puts into the output folder is never written through,
// deleted or lost: symlinks inside it, files where pages go, odd file names, an --out that is a link.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

// The fixture site built once into public/, with a folder outside it that must never change.
struct Site {
  test::TempDir dir;
  Site() {
    test::make_fixture_site("mini", dir.path());
    REQUIRE(build().exit_code == 0);
  }
  test::RunResult build(const std::string& options = "") const {
    return test::run_sitegen("build " + options + " --source '" + dir.path() + "'");
  }
  std::string out(const std::string& file = "") const { return dir / ("public/" + file); }
  // Adds a code, so the next build has new pages to write.
  void add_code(int number, const std::string& slug) const {
    auto entry = nlohmann::json::parse(test::read_file(dir / "content/smtp/235.json"));
    entry["code"] = number;
    entry["slug"] = slug;
    // The name the slug spells ("299-custom" -> "Custom"), so the entry draws no warning.
    std::string name;
    for (size_t i = slug.find('-') + 1; i < slug.size(); ++i) {
      const bool start = name.empty() || name.back() == ' ';
      if (slug[i] == '-') name += ' ';
      else name += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(slug[i]))) : slug[i];
    }
    entry["name"] = name;
    test::write_file(dir / ("content/smtp/" + std::to_string(number) + ".json"), entry.dump(2));
  }
  // The output is a clean build of the same input, with the user's `own` files besides.
  void clean_build_equals_output(const std::vector<std::string>& own = {}) const {
    REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "' --out '" + (dir / "clean") + "'").exit_code == 0);
    auto files = test::site_files(out());
    for (const auto& file : own) CHECK(files.erase(file) == 1);
    CHECK(files == test::site_files(dir / "clean"));
    fs::remove_all(dir / "clean");
  }
};

}  // namespace

TEST_CASE("a symlink inside the output is never written or deleted through", "[write][edges]") {
  Site site;
  // An outside folder that looks like the site's own: the same names, one of them changed.
  const std::string outside = site.dir / "outside";
  fs::copy(site.out("smtp"), outside, fs::copy_options::recursive);
  test::write_file(outside + "/214-help-message/index.html", "the user's own page");
  test::write_file(outside + "/notes.txt", "keep me");
  const auto before = test::snapshot(outside);
  fs::remove_all(site.out("smtp"));
  fs::create_directory_symlink(outside, site.out("smtp"));
  site.add_code(250, "250-ok");  // pages to write into smtp/

  for (int attempt = 0; attempt < 2; ++attempt) {
    auto result = site.build();
    CHECK(result.exit_code == 3);
    CHECK(result.err.find(site.out("smtp") + ": error: not made by sitegen, and the page of ") == 0);
    CHECK(result.err.find("--force") != std::string::npos);
    CHECK(test::snapshot(outside) == before);
    CHECK(fs::is_symlink(site.out("smtp")));
  }
  // --force replaces the link (as a link: what it points to stays as it was) and keeps it aside.
  auto forced = site.build("--force");
  INFO(forced.err);
  CHECK(forced.exit_code == 0);
  CHECK(test::snapshot(outside) == before);
  CHECK_FALSE(fs::is_symlink(site.out("smtp")));
  CHECK(forced.err.find("replaced by a page (--force) and kept in") != std::string::npos);
  site.clean_build_equals_output();
  // And a build after that is an ordinary one.
  CHECK(site.build().exit_code == 0);
  CHECK(test::snapshot(outside) == before);
}

TEST_CASE("a file of the user's where a new page goes stops the build, and --force keeps it aside", "[write][edges]") {
  Site site;
  test::write_file(site.out("smtp/299-custom/index.html"), "my own page");
  test::write_file(site.out("CNAME"), "codes.example.org");
  site.add_code(299, "299-custom");
  auto refused = site.build();
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find(site.out("smtp/299-custom/index.html") +
                         ": error: not made by sitegen, and the page of content/smtp/299.json (smtp/299-custom/) "
                         "needs this path") == 0);
  CHECK(test::read_file(site.out("smtp/299-custom/index.html")) == "my own page");

  auto forced = site.build("--force");
  CHECK(forced.exit_code == 0);
  CHECK(test::read_file(site.out("smtp/299-custom/index.html")) != "my own page");
  CHECK(test::read_file(site.out("CNAME")) == "codes.example.org");
  // The replaced file is kept, byte for byte, beside the output; later builds leave it there.
  const std::string replaced = site.dir / ".public.sitegen-replaced";
  REQUIRE(fs::is_directory(replaced));
  auto kept = test::list_files(replaced);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].find("/smtp/299-custom/index.html") != std::string::npos);
  CHECK(test::read_file(replaced + "/" + kept[0]) == "my own page");
  site.add_code(252, "252-cannot-verify");
  CHECK(site.build().exit_code == 0);
  CHECK(test::read_file(replaced + "/" + kept[0]) == "my own page");
  site.clean_build_equals_output({"CNAME"});
}

TEST_CASE("the user's files and links in the output survive every build, whatever their names", "[write][edges]") {
  Site site;
  const std::string odd = std::string("notes\nx y\tCNAME \\ \xff");
  test::write_file(site.out(odd), "odd");
  test::write_file(site.out("CNAME"), "codes.example.org");
  test::write_file(site.out("smtp/extra/readme.txt"), "deep");
  fs::create_symlink("CNAME", site.out("domain"));
  fs::create_directory_symlink("/nonexistent/folder", site.out("elsewhere"));
  for (int build = 0; build < 4; ++build) {
    INFO("build " << build);
    site.add_code(250 + build, "25" + std::to_string(build) + "-ok");  // every build changes something
    auto result = site.build();
    REQUIRE(result.exit_code == 0);
    CHECK(test::read_file(site.out(odd)) == "odd");
    CHECK(test::read_file(site.out("CNAME")) == "codes.example.org");
    CHECK(test::read_file(site.out("smtp/extra/readme.txt")) == "deep");
    CHECK(fs::read_symlink(site.out("domain")) == "CNAME");
    CHECK(fs::read_symlink(site.out("elsewhere")) == "/nonexistent/folder");
    CHECK(result.out.find(" 0 removed") != std::string::npos);
  }
}

TEST_CASE("an --out that is a symlink writes the folder it leads to, every build", "[write][edges]") {
  Site site;
  fs::create_directory(site.dir / "www");
  fs::create_directory_symlink("www", site.dir / "site");
  for (int build = 0; build < 3; ++build) {
    site.add_code(250 + build, "25" + std::to_string(build) + "-ok");
    auto result = site.build("--out '" + (site.dir / "site") + "'");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(fs::is_symlink(site.dir / "site"));
    CHECK(fs::is_regular_file(site.dir / "www/index.html"));
    CHECK(fs::is_directory(site.dir / ".www.sitegen-staging"));
    CHECK_FALSE(fs::exists(site.dir / ".site.sitegen-staging"));
  }
}

TEST_CASE("an output outside the site folder, set in sitegen.json, is built with a warning naming it", "[write][edges]") {
  test::TempDir dir;
  const std::string source = dir / "site";
  test::make_fixture_site("mini", source);
  auto config = nlohmann::json::parse(test::read_file(source + "/sitegen.json"));
  config["output"] = "../public";
  test::write_file(source + "/sitegen.json", config.dump(2));
  auto result = test::run_sitegen("build --source '" + source + "'");
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("sitegen.json: warning: \"output\": the site is written outside the site folder, to " +
                        fs::weakly_canonical(dir / "public").string() + "\n") == 0);
  CHECK(fs::is_regular_file(dir / "public/index.html"));
  // Named on the command line, it is what the user asked for: no warning.
  CHECK(test::run_sitegen("build --source '" + source + "' --out '" + (dir / "public") + "'").err.empty());
}
