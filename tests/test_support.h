// Test support: temporary folders, fixture sites, running the sitegen binary, reading output.
// Shared by the module tests and the end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sitegen::test {

// The repository root and the built binary, set by tests/CMakeLists.txt.
std::string repo_dir();
std::string sitegen_binary();

// A fresh folder under the system temp folder, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& child) const { return path_ + "/" + child; }

 private:
  std::string path_;
};

// Copies tests/fixtures/<name> into `dir`, with the repository's locales/ and templates/ unless
// the fixture has its own.
void make_fixture_site(const std::string& name, const std::string& dir);

struct RunResult {
  int exit_code = -1;    // -1 when the process did not exit (a signal)
  int signal = 0;        // the signal that ended it (SIGSEGV, SIGABRT…), if one did
  long peak_rss_kb = 0;  // the largest resident memory of the process
  std::string out;
  std::string err;
};

// Runs the sitegen binary with `args` (already shell-quoted where needed), behind `prefix`
// (a command that runs another, such as "timeout 20 ").
RunResult run_sitegen(const std::string& args, const std::string& prefix = "");
// The same with another sitegen executable.
RunResult run_binary(const std::string& binary, const std::string& args, const std::string& prefix = "");

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

// Every regular file below `dir`, as sorted paths relative to it.
std::vector<std::string> list_files(const std::string& dir);

// Every file below `dir` with its bytes, to compare a folder before and after.
std::map<std::string, std::string> snapshot(const std::string& dir);
// The same without sitegen's manifest, which records how a site was made: to compare the site
// itself with another build of it.
std::map<std::string, std::string> site_files(const std::string& dir);

// The text of an HTML fragment: tags removed, entities for & < > " ' decoded, whitespace folded.
std::string text_of(const std::string& html);

// The inner HTML of every element `tag` (e.g. "h2") in document order.
std::vector<std::string> elements(const std::string& html, const std::string& tag);

}  // namespace sitegen::test
