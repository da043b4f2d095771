#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

#include "json_file.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

TEST_CASE("a syntax error is reported at the token that starts it", "[json_file]") {
  Diagnostics diagnostics;
  auto file = parse_json_text("{\n  \"code\": 250,\n  \"name\": \"OK\"\n  \"slug\": \"250-ok\"\n}\n", "x.json", diagnostics);
  CHECK_FALSE(file);
  REQUIRE(diagnostics.error_count() == 1);
  std::ostringstream out;
  diagnostics.print(out, {false, false, 100});
  CHECK(out.str().find("x.json:4:3: error: invalid JSON: syntax error") == 0);
}

TEST_CASE("an empty file and a top level that is not an object are errors", "[json_file]") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_json_text("  \n", "empty.json", diagnostics));
  CHECK_FALSE(parse_json_text("[1, 2]", "list.json", diagnostics));
  CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("where() finds the line of a dotted field", "[json_file]") {
  Diagnostics diagnostics;
  auto file = parse_json_text("{\n  \"frames\": {\n    \"intro\": \"x\"\n  }\n}\n", "l.json", diagnostics);
  REQUIRE(file);
  CHECK(file->line_of("frames.intro") == 3);
  CHECK(file->line_of("frames") == 2);
  CHECK(file->line_of("nothing") == 0);
}

TEST_CASE("read_text_file reads files and says why it cannot read anything else", "[json_file]") {
  test::TempDir dir;
  test::write_file(dir / "a.txt", std::string("bytes\0with a NUL", 16));
  CHECK(read_text_file(dir / "a.txt") == std::string("bytes\0with a NUL", 16));
  auto reason = [](const std::string& path) {
    try {
      read_text_file(path);
      return std::string("read");
    } catch (const FileError& e) {
      CHECK(std::string(e.what()) == path + ": " + e.reason());
      return e.reason();
    }
  };
  CHECK(reason(dir / "missing") == "does not exist");
  CHECK(reason(dir.path()) == "is a folder, not a file");
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
  CHECK(reason(dir / "fifo") == "is not a regular file (a FIFO, socket or device)");  // at once, no wait
  fs::create_symlink("missing", dir / "dangling");
  CHECK(reason(dir / "dangling") == "is a symlink to a file that does not exist");
  fs::create_symlink("loop", dir / "loop");
  CHECK(reason(dir / "loop") == "is a symlink loop (too many levels of symbolic links)");
  CHECK(broken_link(dir / "loop") == std::optional<std::string>("is a symlink loop (too many levels of symbolic links)"));
  CHECK_FALSE(broken_link(dir / "a.txt"));
  CHECK(folder_entries(dir.path()) == std::vector<std::string>{"a.txt", "dangling", "fifo", "loop"});
  CHECK(folder_entries(dir / "missing").empty());
}
