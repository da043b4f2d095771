// End-to-end tests of `sitegen build` on the small fixture site: the binary as a user runs it.
#include <catch2/catch.hpp>
#include <cstring>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <vector>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

// One page of each kind, compared byte for byte with tests/golden/. To refresh them after an
// intended change: SITEGEN_UPDATE_GOLDEN=1 build/tests/sitegen_tests "[golden]", then review the diff.
const std::pair<const char*, const char*> kGoldenPages[] = {
    {"index.html", "home.html"},
    {"smtp/index.html", "protocol.html"},
    {"fr/smtp/535-authentication-failed/index.html", "code-fr.html"},
    {"ar/compare/smtp/214-help-message-vs-535-authentication-failed/index.html", "pair-ar.html"},
    {"compare/smtp/214-help-message-vs-235-authentication-successful/index.html", "pair-en.html"},
    {"404.html", "404.html"},
    {"fr/404.html", "404-fr.html"},
};

}  // namespace

TEST_CASE("golden pages: one page of each kind renders exactly as reviewed", "[build][golden]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  auto result = test::run_sitegen("build --quiet --source '" + dir.path() + "'");
  REQUIRE(result.exit_code == 0);
  const bool update = std::getenv("SITEGEN_UPDATE_GOLDEN") != nullptr;
  for (const auto& [page, golden] : kGoldenPages) {
    INFO(page);
    std::string actual = test::read_file(dir / ("public/" + std::string(page)));
    std::string golden_path = test::repo_dir() + "/tests/golden/" + golden;
    if (update) test::write_file(golden_path, actual);
    CHECK(actual == test::read_file(golden_path));
  }
}

TEST_CASE("build writes every planned page and prints a summary per locale", "[build]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  auto result = test::run_sitegen("build --source '" + dir.path() + "' --out '" + (dir / "out") + "'");
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
  CHECK(result.out.find("sitegen: built 27 pages (en 8, fr 8, ar 8, each with its 404 page) in ") == 0);
  CHECK(result.out.find("38 written, 0 unchanged, 0 removed") != std::string::npos);
  auto files = test::list_files(dir / "out");
  // 27 pages, 2 assets, the theme's favicon, 3 search indexes, sitemap, robots.txt, _redirects,
  // _headers, .nojekyll, manifest
  CHECK(files.size() == 27 + 2 + 1 + 3 + 5 + 1);

  SECTION("a second build writes nothing and reports the pages unchanged") {
    auto again = test::run_sitegen("build --source '" + dir.path() + "' --out '" + (dir / "out") + "'");
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("0 written, 38 unchanged, 0 removed") != std::string::npos);
  }
  SECTION("a code removed from the catalog loses its pages") {
    fs::remove(dir / "content/smtp/235.json");
    auto again = test::run_sitegen("build --source '" + dir.path() + "' --out '" + (dir / "out") + "'");
    CHECK(again.exit_code == 0);
    CHECK_FALSE(fs::exists(dir / "out/smtp/235-authentication-successful"));
    CHECK_FALSE(fs::exists(dir / "out/ar/compare/smtp/214-help-message-vs-235-authentication-successful"));
    CHECK(fs::exists(dir / "out/smtp/214-help-message/index.html"));
  }
}

TEST_CASE("hostile catalog text never reaches a page as markup", "[build][security]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  for (const auto& file : test::list_files(dir / "public")) {
    if (fs::path(file).extension() != ".html") continue;
    std::string html = test::read_file(dir / ("public/" + file));
    INFO(file);
    // The only scripts are sitegen's own: the site script and structured data.
    size_t scripts = 0;
    for (size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) {
      ++scripts;
      auto starts_with = [&](const std::string& prefix) { return html.compare(at, prefix.size(), prefix) == 0; };
      CHECK((starts_with("<script src=\"") || starts_with("<script type=\"application/ld+json\">")));
    }
    CHECK(scripts <= 2);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("onerror") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("data:") == std::string::npos);
    CHECK(html.find("href=\"\"") == std::string::npos);  // a neutralised link keeps its text, not an empty link
  }
}

TEST_CASE("a code name that closes the structured-data script stays inside it as JSON", "[build][security]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  const std::string entry = dir / "content/smtp/235.json";
  auto code = nlohmann::json::parse(test::read_file(entry));
  code["name"] = "Authentication </script><script>alert(1)</script> & Co";
  test::write_file(entry, code.dump(2));
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  const std::string html = test::read_file(dir / "public/smtp/235-authentication-successful/index.html");
  const std::string open = "<script type=\"application/ld+json\">";
  const size_t start = html.find(open);
  REQUIRE(start != std::string::npos);
  const size_t end = html.find("</script>", start);
  REQUIRE(end != std::string::npos);
  const std::string structured = html.substr(start + open.size(), end - start - open.size());
  // The element ends where sitegen ends it, and the name is all there, as JSON.
  CHECK(structured.find('<') == std::string::npos);
  CHECK(nlohmann::json::parse(structured).dump().find("Authentication </script><script>alert(1)</script> & Co") !=
        std::string::npos);
}

TEST_CASE("the stylesheet name follows its content and old names disappear", "[build][hosting]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  auto before = test::list_files(dir / "public/assets");
  test::write_file(dir / "templates/assets/style.css", test::read_file(dir / "templates/assets/style.css") + "\n/* x */\n");
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  auto after = test::list_files(dir / "public/assets");
  REQUIRE(after.size() == 2);
  CHECK(after[1] != before[1]);
  CHECK(test::read_file(dir / "public/index.html").find("assets/" + after[1]) != std::string::npos);
}

TEST_CASE("check --links finds a broken link and names the page", "[build][links]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  CHECK(test::run_sitegen("check --links --source '" + dir.path() + "'").exit_code == 0);
  fs::remove_all(dir / "public/smtp/235-authentication-successful");
  auto result = test::run_sitegen("check --links --source '" + dir.path() + "'");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("/public/smtp/index.html: error: broken link \"235-authentication-successful/\": "
                        "smtp/235-authentication-successful/index.html does not exist") != std::string::npos);
}

TEST_CASE("a missing locale key warns with locale and key, and --strict makes it an error", "[build][locales]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  // A locale the default theme does not have (pt), made from the French.
  std::string pt = dir / "locales/pt.json";
  auto j = nlohmann::ordered_json::parse(test::read_file(dir / "locales/fr.json"));
  j["headings"].erase("when_to_use");
  test::write_file(pt, j.dump(2));
  test::write_file(dir / "sitegen.json", "{\"locales\": [\"en\", \"pt\"], \"base_url\": \"https://codes.example.test/\"}\n");
  fs::remove_all(dir / "content/smtp/fr");  // French is no locale of this site
  const std::string warning =
      "locales/pt.json: warning: \"headings.when_to_use\": missing in locale \"pt\"; using the en text\n";

  auto lenient = test::run_sitegen("build --source '" + dir.path() + "' --out '" + (dir / "X") + "'");
  CHECK(lenient.exit_code == 0);
  CHECK(lenient.err == warning);
  std::string page = test::read_file(dir / "X/pt/compare/smtp/214-help-message-vs-535-authentication-failed/index.html");
  CHECK(page.find(">When to Use Which</a></h2>") != std::string::npos);

  auto strict = test::run_sitegen("build --strict --source '" + dir.path() + "' --out '" + (dir / "Y") + "'");
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("locales/pt.json: error: \"headings.when_to_use\": missing in locale \"pt\"\n") == 0);
  CHECK(strict.err.find("nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "Y"));
}

TEST_CASE("input errors are all reported with file and line and nothing is written", "[build]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  test::write_file(dir / "content/smtp/250.json", "{\n  \"code\": 250,\n  \"name\": \"OK\",\n}\n");
  test::write_file(dir / "templates/partials/footer.mustache", "{{#x}}unclosed");
  auto result = test::run_sitegen("build --source '" + dir.path() + "'");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("content/smtp/250.json:4:1: error: invalid JSON") != std::string::npos);
  CHECK(result.err.find("templates/partials/footer.mustache:1:1: error: opens the section \"x\", which is never closed") !=
        std::string::npos);
  CHECK(result.err.find("sitegen: 2 error(s); nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "public"));
}

TEST_CASE("build refuses to overwrite a folder it did not make", "[build]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  test::write_file(dir / "docs/index.html", "my own page");
  auto result = test::run_sitegen("build --source '" + dir.path() + "' --out '" + (dir / "docs") + "'");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("refusing to write here") != std::string::npos);
  CHECK(test::read_file(dir / "docs/index.html") == "my own page");
}

TEST_CASE("command line: version and help flags and usage errors and a missing site", "[build][cli]") {
  auto version = test::run_sitegen("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("sitegen ") == 0);
  auto help = test::run_sitegen("build --help");
  CHECK(help.exit_code == 0);
  for (const char* option : {"--source", "--out", "--base-url", "--strict", "--quiet"}) {
    CHECK(help.out.find(option) != std::string::npos);
  }
  auto unknown = test::run_sitegen("build --frobnicate");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);
  auto none = test::run_sitegen("");
  CHECK(none.exit_code == 2);
  test::TempDir empty;
  auto missing = test::run_sitegen("build --source '" + empty.path() + "'");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("sitegen.json: error: not found") != std::string::npos);
}

namespace {


}  // namespace

TEST_CASE("a build killed with SIGKILL at any moment leaves the previous site whole", "[build][atomic]") {
  // The repository's site with its SMTP codes only: some 3,000 files, so a build lasts long
  // enough to be killed in the middle.
  test::TempDir dir;
  for (const char* part : {"sitegen.json", "content/smtp", "locales", "templates"}) {
    fs::create_directories(fs::path(dir / part).parent_path());
    fs::copy(test::repo_dir() + "/" + part, dir / part, fs::copy_options::recursive);
  }
  // Two versions of the footer, so that every build rewrites every page.
  const std::string en = test::read_file(dir / "locales/en.json");
  REQUIRE(en.find("Built with sitegen.") != std::string::npos);
  std::string en_again = en;
  en_again.replace(en.find("Built with sitegen."), 19, "Built with sitegen, again.");
  const std::string versions[] = {en, en_again};

  // What a complete build of each version gives (the manifest aside, which records the folder).
  std::map<std::string, std::string> complete[2];
  // The rebuilds with the other footer, which the kills interrupt, take two times: longer when
  // the staging folder has to be made anew (the first one, and the one after a killed build),
  // shorter when it holds the site of the build before.
  double slow_ms = 0, fast_ms = 0;
  const int order[] = {1, 0, 1, 0};
  for (int i = 0; i < 4; ++i) {
    test::write_file(dir / "locales/en.json", versions[order[i]]);
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (i == 1) slow_ms = ms;
    if (i > 1) fast_ms = fast_ms == 0 ? ms : std::min(fast_ms, ms);
    complete[order[i]] = test::site_files(dir / "site");
  }
  REQUIRE(complete[0].size() > 2500);

  // Kill builds at moments spread from the start to past the end of such builds (measured, as
  // the time a build takes depends on the machine and on how sitegen was compiled). Each must
  // leave the site whole: the previous one, byte for byte, or (if it got as far as the swap) the
  // new one.
  std::vector<int> delays;
  for (double fraction : {0.0, 0.1, 0.3, 0.6, 0.9}) delays.push_back(static_cast<int>(fraction * fast_ms));
  for (double fraction : {0.3, 0.6, 1.0, 1.5}) delays.push_back(static_cast<int>(fraction * slow_ms));
  int killed_before_swap = 0, version = 0;
  for (int delay_ms : delays) {
    INFO("killed after " << delay_ms << " ms");
    const auto before = test::snapshot(dir / "site");
    version = 1 - version;
    test::write_file(dir / "locales/en.json", versions[version]);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      execl(test::sitegen_binary().c_str(), "sitegen", "build", "--quiet", "--source", dir.path().c_str(), nullptr);
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    const auto after = test::snapshot(dir / "site");
    if (after == before) {
      ++killed_before_swap;
      version = 1 - version;  // the site still shows the other version
    } else {
      CHECK(test::site_files(dir / "site") == complete[version]);
    }
  }
  INFO("rebuilds took " << fast_ms << " ms and " << slow_ms << " ms");
  CHECK(killed_before_swap >= 3);  // the kills did land in the middle of builds
  // The next build clears what the killed ones left and goes through; the staging folder then
  // holds the site it replaced.
  const auto replaced = test::site_files(dir / "site");
  version = 1 - version;
  test::write_file(dir / "locales/en.json", versions[version]);
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  CHECK(test::site_files(dir / "site") == complete[version]);
  CHECK(test::site_files(dir / ".site.sitegen-staging") == replaced);
}

TEST_CASE("a build that fails on bad input leaves the previous site byte-identical", "[build][atomic]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  const auto before = test::snapshot(dir / "public");
  const std::pair<const char*, const char*> breakages[] = {
      {"content/smtp/235.json", "{\n  \"code\": 235,\n  \"name\": \"Authentication \xff\xfe Successful\"\n}\n"},
      {"content/smtp/235.json", ""},
      {"locales/fr.json", "[\"not\", \"an\", \"object\"]\n"},
      {"templates/pair.mustache", "{{#codes}}never closed\n"},
      {"sitegen.json", "{\n  \"locales\": [\"en\", \"xx\"]\n}\n"},
  };
  for (const auto& [file, text] : breakages) {
    INFO(file);
    std::string original = test::read_file(dir / file);
    test::write_file(dir / file, text);
    auto result = test::run_sitegen("build --source '" + dir.path() + "'");
    CHECK(result.exit_code == 1);
    // The first error names the file (warnings it causes elsewhere may come before it).
    const size_t error = result.err.find(": error:");
    REQUIRE(error != std::string::npos);
    const size_t line = result.err.rfind('\n', error);
    CHECK(result.err.compare(line == std::string::npos ? 0 : line + 1, std::strlen(file) + 1, std::string(file) + ":") == 0);
    CHECK(test::snapshot(dir / "public") == before);
    test::write_file(dir / file, original);
  }
}

TEST_CASE("an incremental rebuild after any kind of edit equals a clean build", "[build][incremental]") {
  struct Edit {
    const char* file;
    const char* from;
    const char* to;
  };
  const Edit edits[] = {
      {"content/smtp/235.json", "The server accepted the credentials.", "The server accepted the password."},
      {"content/smtp/214.json", "\"Help Message\"", "\"Help Text\""},
      {"locales/fr.json", "\"Comment résoudre\"", "\"Comment corriger\""},
      {"locales/ar.json", "\"العربية\"", "\"عربي\""},
      {"templates/partials/footer.mustache", "<p>{{{ui.footer}}}</p>", "<p class=\"made-by\">{{{ui.footer}}}</p>"},
      {"templates/assets/style.css", "--link: #0b57d0;", "--link: #0a4fbf;"},
      // A translation edited; made stale by its source hash; made stale by the English; a protocol's.
      {"content/smtp/fr/535.json", "Le serveur a rejeté", "Le serveur a refusé"},
      {"content/smtp/fr/535.json", "\"3a894b522fc411df\"", "\"3a894b522fc411d0\""},
      {"content/smtp/535.json", "Fixture description of 535.", "Fixture text of 535."},
      {"content/smtp/fr/protocol.json", "Protocole simple", "Protocole élémentaire"},
      {"sitegen.json", "https://codes.example.test/", "https://codes.example.test/docs/"},
  };
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  for (const Edit& edit : edits) {
    INFO(edit.file << ": " << edit.from << " -> " << edit.to);
    std::string text = test::read_file(dir / edit.file);
    REQUIRE(text.find(edit.from) != std::string::npos);
    text.replace(text.find(edit.from), std::string(edit.from).size(), edit.to);
    test::write_file(dir / edit.file, text);
    auto incremental = test::run_sitegen("build --source '" + dir.path() + "'");
    REQUIRE(incremental.exit_code == 0);
    CHECK(incremental.out.find(" 0 rendered") == std::string::npos);
    fs::remove_all(dir / "clean");
    REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "' --out '" + (dir / "clean") + "'").exit_code == 0);
    CHECK(test::site_files(dir / "public") == test::site_files(dir / "clean"));
  }
  auto noop = test::run_sitegen("build --source '" + dir.path() + "'");
  CHECK(noop.out.find(": 0 rendered; files: 0 written, 38 unchanged, 0 removed") != std::string::npos);
}

TEST_CASE("a sitegen built from changed code re-renders every page once, and the same binary renders nothing",
          "[build][incremental]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  // Another build of sitegen: the same code with one byte more, which no version number says.
  const std::string changed = dir / "sitegen-changed";
  fs::copy_file(test::sitegen_binary(), changed);
  test::write_file(changed, test::read_file(changed) + std::string(1, '\0'));
  fs::permissions(changed, fs::perms::owner_all);
  const std::string args = " build --source '" + dir.path() + "'";
  auto upgraded = test::run_binary(changed, args);
  REQUIRE(upgraded.exit_code == 0);
  const std::string pages = upgraded.out.substr(upgraded.out.find("built ") + 6);
  const std::string count = pages.substr(0, pages.find(' '));
  CHECK(upgraded.out.find(": " + count + " rendered;") != std::string::npos);
  auto again = test::run_binary(changed, args);
  CHECK(again.out.find(": 0 rendered; files: 0 written") != std::string::npos);
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "' --out '" + (dir / "clean") + "'").exit_code == 0);
  CHECK(test::site_files(dir / "public") == test::site_files(dir / "clean"));
}

TEST_CASE("static/ reaches the output as it is, its icon is linked from every page, and it cannot cover sitegen's files",
          "[build][static]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  const std::string icon = std::string("\x00\x00\x01\x00", 4) + "icon bytes";
  test::write_file(dir / "static/favicon.ico", icon);
  test::write_file(dir / "static/CNAME", "codes.example.test\n");
  test::write_file(dir / "static/img/logo.svg", "<svg/>");
  auto build = test::run_sitegen("build --source '" + dir.path() + "'");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(test::read_file(dir / "public/favicon.ico") == icon);
  CHECK(test::read_file(dir / "public/CNAME") == "codes.example.test\n");
  CHECK(test::read_file(dir / "public/img/logo.svg") == "<svg/>");
  CHECK(test::read_file(dir / "public/index.html").find("<link rel=\"icon\" href=\"favicon.ico\">") != std::string::npos);
  CHECK(test::read_file(dir / "public/fr/smtp/535-authentication-failed/index.html")
            .find("<link rel=\"icon\" href=\"../../../favicon.ico\">") != std::string::npos);
  // A static file changed or removed: the output follows, as for any other input.
  test::write_file(dir / "static/CNAME", "other.example.test\n");
  fs::remove(dir / "static/img/logo.svg");
  REQUIRE(test::run_sitegen("build --quiet --source '" + dir.path() + "'").exit_code == 0);
  CHECK(test::read_file(dir / "public/CNAME") == "other.example.test\n");
  CHECK_FALSE(fs::exists(dir / "public/img/logo.svg"));
  // Where sitegen writes, a static file is refused, naming it.
  for (const char* path : {"robots.txt", "smtp/x.txt", "fr/y.txt", "compare/z.txt", "assets/a.css", "sitemap.xml",
                           "404.html"}) {
    test::TempDir other;
    test::make_fixture_site("mini", other.path());
    test::write_file(other / (std::string("static/") + path), "x");
    auto refused = test::run_sitegen("build --source '" + other.path() + "'");
    INFO(path << ": " << refused.err);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find(std::string("static/") + path + ": error: cannot be published: ") == 0);
  }
}

TEST_CASE("codes of any format build and link-check clean: four-digit WebSocket-shaped and DNS RCODE-shaped",
          "[build][code_format]") {
  test::TempDir dir;
  test::make_fixture_site("code-formats", dir.path());
  auto build = test::run_sitegen("build --quiet --source '" + dir.path() + "'");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  auto links = test::run_sitegen("check --links --source '" + dir.path() + "'");
  INFO(links.out << links.err);
  CHECK(links.exit_code == 0);
  CHECK(links.out.find("0 error(s), 0 warning(s)") != std::string::npos);
  const fs::path out = dir / "public";
  // Each code as written, in its class: 1000 in 1xxx, RCODE 0 and 23 in their ranges.
  const std::string ws = test::read_file(out / "ws/1000-normal-closure/index.html");
  CHECK(ws.find("<h1>WebSocket 1000 Normal Closure</h1>") != std::string::npos);
  CHECK(ws.find("1000 belongs to class 1xxx (Protocol).") != std::string::npos);
  const std::string dns = test::read_file(out / "dns/0-noerror/index.html");
  CHECK(dns.find("<h1>DNS 0 NoError</h1>") != std::string::npos);
  CHECK(dns.find("0 belongs to class 0\u201315 (Header RCODE).") != std::string::npos);
  CHECK(test::read_file(out / "dns/23-badcookie/index.html").find("class 16\u20134095 (Extended RCODE)") !=
        std::string::npos);
  // Numeric order, not text order: RCODE 2 before 16.
  const std::string index = test::read_file(out / "dns/index.html");
  CHECK(index.find(">2</span>") < index.find(">16</span>"));
  // Pair pages as each policy says: WebSocket same-class (the five 1xxx codes: 10 pairs), DNS all
  // (six codes: 15), in each of the two locales; the short URL of a code is "/ws/1000".
  auto count_pairs = [&](const fs::path& folder) {
    size_t n = 0;
    for (const auto& entry : fs::directory_iterator(folder)) n += entry.is_directory();
    return n;
  };
  CHECK(count_pairs(out / "compare/ws") == 10);
  CHECK(count_pairs(out / "compare/dns") == 15);
  CHECK(count_pairs(out / "ar/compare/ws") == 10);
  CHECK_FALSE(fs::exists(out / "compare/ws/1000-normal-closure-vs-3000-unauthorized"));
  const std::string redirects = test::read_file(out / "_redirects");
  CHECK(redirects.find("/ws/1000 /ws/1000-normal-closure/ 301\n") != std::string::npos);
  CHECK(redirects.find("/compare/ws/3000-unauthorized-vs-1000-normal-closure/") == std::string::npos);
  CHECK(redirects.find("/compare/dns/23-badcookie-vs-0-noerror/ /compare/dns/0-noerror-vs-23-badcookie/ 301\n") !=
        std::string::npos);
}

TEST_CASE("a site over Cloudflare Pages' 20,000 files is said before anything is written", "[build][hosting]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  // 119 more SMTP codes (2xx and 5xx, the fixture's classes): with every pair compared, about
  // 7,400 pages per locale, in three.
  const auto model = nlohmann::json::parse(test::read_file(dir / "content/smtp/235.json"));
  for (int n = 240; n < 560; ++n) {
    if ((n >= 300 && n < 500) || n == 535) continue;
    auto entry = model;
    entry["code"] = n;
    entry["class"] = std::to_string(n / 100) + "xx";
    entry["name"] = "Code " + std::to_string(n);
    entry["slug"] = std::to_string(n) + "-code-" + std::to_string(n);
    entry["retry"] = n < 300 ? "not-needed" : "after-change";
    test::write_file(dir / ("content/smtp/" + std::to_string(n) + ".json"), entry.dump(2));
  }
  std::string settings = test::read_file(dir / "sitegen.json");
  settings.replace(settings.find("\"output\""), 0, "\"hosting\": \"cloudflare-pages\",\n  ");
  test::write_file(dir / "sitegen.json", settings);
  const std::string expected = "sitegen.json: warning: \"hosting\": the site has ";
  auto check = test::run_sitegen("check --source '" + dir.path() + "'");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.find(expected) != std::string::npos);
  CHECK(check.err.find("and Cloudflare Pages takes at most 20,000 per deployment") != std::string::npos);
  // --strict stops the build there: nothing is written.
  auto strict = test::run_sitegen("build --strict --source '" + dir.path() + "'");
  INFO(strict.err);
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("\"hosting\": the site has 22,530 files, and Cloudflare Pages takes at most 20,000") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "public"));
  // The same site for a host without that limit builds without the warning.
  auto netlify = test::run_sitegen("build --quiet --host netlify --source '" + dir.path() + "'");
  CHECK(netlify.exit_code == 0);
  CHECK(netlify.err.find(expected) == std::string::npos);
}

TEST_CASE("a file or a site larger than the host takes is said before the new site replaces the old one",
          "[build][hosting]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  auto build = [&](const std::string& options) {
    return test::run_sitegen("build " + options + " --source '" + dir.path() + "' --out '" + (dir / "out") + "'");
  };
  REQUIRE(build("--quiet --host cloudflare-pages").exit_code == 0);
  const std::string home_before = test::read_file(dir / "out/index.html");
  // A download of 26 MiB in static/: over Cloudflare Pages' 25 MiB per file, under GitHub's 100 MiB.
  test::write_file(dir / "static/downloads/codes.tar", std::string(26u * 1024 * 1024, 'x'));
  auto strict = build("--strict --host cloudflare-pages");
  INFO(strict.err);
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("sitegen.json: error: \"hosting\": downloads/codes.tar is 26 MiB, and Cloudflare Pages takes "
                        "at most 25 MiB per file") != std::string::npos);
  CHECK(strict.err.find("nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out/downloads/codes.tar"));  // the previous site stays
  CHECK(test::read_file(dir / "out/index.html") == home_before);
  // Without --strict it is a warning, and the site is built.
  auto warned = build("--host cloudflare-pages");
  CHECK(warned.exit_code == 0);
  CHECK(warned.err.find("warning: \"hosting\": downloads/codes.tar is 26 MiB") != std::string::npos);
  CHECK(fs::file_size(dir / "out/downloads/codes.tar") == 26u * 1024 * 1024);
  // The next build reuses every file, and still knows their sizes.
  auto again = build("--strict --host cloudflare-pages");
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("downloads/codes.tar is 26 MiB") != std::string::npos);
  CHECK(build("--strict --host github-pages").exit_code == 0);
}
