// The command line as a user meets it: unknown commands, help and version, the options every
// command shares.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sitegen;

TEST_CASE("an unknown command is named, with the command it most likely meant", "[cli]") {
  auto typo = test::run_sitegen("buidl");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "sitegen: \"buidl\" is not a command (did you mean \"build\"?); the commands are build, check, "
                    "serve, init, version, help (sitegen help <command> tells more)\n");
  auto other = test::run_sitegen("frobnicate");
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("sitegen: \"frobnicate\" is not a command; the commands are") == 0);
  auto none = test::run_sitegen("");
  CHECK(none.exit_code == 2);
}

TEST_CASE("help and version work as commands and as options", "[cli]") {
  for (const char* args : {"version", "--version", "-V"}) {
    auto result = test::run_sitegen(args);
    INFO(args);
    CHECK(result.exit_code == 0);
    CHECK(result.out.rfind("sitegen ", 0) == 0);
  }
  auto help = test::run_sitegen("help");
  CHECK(help.exit_code == 0);
  for (const char* command : {"build", "check", "serve", "init", "version", "help"}) {
    CHECK(help.out.find(command) != std::string::npos);
  }
  auto build_help = test::run_sitegen("help build");
  CHECK(build_help.exit_code == 0);
  CHECK(build_help.out.find("Usage: sitegen build") != std::string::npos);
  CHECK(build_help.out.find("--base-url") != std::string::npos);
  auto wrong = test::run_sitegen("help bild");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err == "sitegen help: \"bild\" is not a command (did you mean \"build\"?)\n");
}

TEST_CASE("a bad base URL on the command line is refused with sitegen.json's message, on every command", "[cli]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  test::write_file(dir / "sitegen.json", "{\"base_url\": \"notaurl\", \"locales\": [\"en\"]}\n");
  auto from_file = test::run_sitegen("check --strict --source '" + dir.path() + "'");
  const std::string message = "\"notaurl\" must be an absolute URL";
  REQUIRE(from_file.err.find(message) != std::string::npos);
  for (const char* command : {"build", "check", "serve"}) {
    auto result = test::run_sitegen(std::string(command) + " --base-url notaurl --source '" + dir.path() + "'");
    INFO(command);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--base-url: " + message) == 0);
  }
}

TEST_CASE("quiet prints errors only, on check as on build", "[cli]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  auto quiet = test::run_sitegen("check --quiet --source '" + dir.path() + "'");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out == "");
  CHECK(quiet.err == "");
  test::write_file(dir / "content/smtp/250.json", "{}\n");
  auto failing = test::run_sitegen("check --quiet --source '" + dir.path() + "'");
  CHECK(failing.exit_code == 1);
  CHECK(failing.err.find("content/smtp/250.json: error:") != std::string::npos);
}
