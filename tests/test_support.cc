#include "test_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sitegen::test {

std::string repo_dir() { return SITEGEN_SOURCE_DIR; }
std::string sitegen_binary() { return SITEGEN_BINARY; }

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "sitegen-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void make_fixture_site(const std::string& name, const std::string& dir) {
  fs::path fixture = fs::path(repo_dir()) / "tests" / "fixtures" / name;
  fs::copy(fixture, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  for (const char* shared : {"locales", "templates"}) {
    if (!fs::exists(fs::path(dir) / shared)) {
      fs::copy(fs::path(repo_dir()) / shared, fs::path(dir) / shared, fs::copy_options::recursive);
    }
  }
}

RunResult run_sitegen(const std::string& args, const std::string& prefix) {
  return run_binary(sitegen_binary(), args, prefix);
}

RunResult run_binary(const std::string& binary, const std::string& args, const std::string& prefix) {
  TempDir capture;
  std::string command = prefix + "'" + binary + "' " + args + " >'" + (capture / "out") + "' 2>'" +
                        (capture / "err") + "' </dev/null";
  // Through the shell (for the redirections), waited for with wait4 for the peak memory: the
  // shell's figure includes the program it ran.
  const pid_t child = ::fork();
  if (child == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  ::wait4(child, &status, 0, &usage);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // The shell reports a program killed by a signal as exit 128 + the signal.
  if (WIFEXITED(status) && result.exit_code > 128 && result.exit_code < 160) result.signal = result.exit_code - 128;
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.peak_rss_kb = usage.ru_maxrss;
  result.out = read_file(capture / "out");
  result.err = read_file(capture / "err");
  return result;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> list_files(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), dir).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& file : list_files(dir)) files[file] = read_file(dir + "/" + file);
  return files;
}

std::map<std::string, std::string> site_files(const std::string& dir) {
  auto files = snapshot(dir);
  files.erase(".sitegen-manifest");
  return files;
}

std::string text_of(const std::string& html) {
  // A scan rather than std::regex: the site tests read every page of the site with it.
  std::string text;
  text.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    text += html[i];
  }
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), plain);
    }
  }
  std::string folded;
  folded.reserve(text.size());
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space) folded += c;
    else if (!folded.empty() && folded.back() != ' ') folded += ' ';
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

std::vector<std::string> elements(const std::string& html, const std::string& tag) {
  std::vector<std::string> out;
  const std::string open = "<" + tag, close = "</" + tag + ">";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const char after = at + open.size() < html.size() ? html[at + open.size()] : '\0';
    if (after != '>' && after != ' ' && after != '\n' && after != '\t') continue;  // <trace> is not <tr>
    const size_t start = html.find('>', at);
    const size_t end = start == std::string::npos ? start : html.find(close, start);
    if (end == std::string::npos) break;
    out.push_back(html.substr(start + 1, end - start - 1));
    at = end;
  }
  return out;
}

}  // namespace sitegen::test
