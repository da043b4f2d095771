#include "test_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

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

RunResult run_sitegen(const std::string& args) {
  TempDir capture;
  std::string command = "'" + sitegen_binary() + "' " + args + " >'" + (capture / "out") + "' 2>'" +
                        (capture / "err") + "' </dev/null";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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

std::string text_of(const std::string& html) {
  static const std::regex tag("<[^>]*>");
  std::string text = std::regex_replace(html, tag, "");
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), plain);
    }
  }
  static const std::regex space("\\s+");
  text = std::regex_replace(text, space, " ");
  size_t begin = text.find_first_not_of(' ');
  size_t end = text.find_last_not_of(' ');
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

std::vector<std::string> elements(const std::string& html, const std::string& tag) {
  std::vector<std::string> out;
  std::regex element("<" + tag + "(\\s[^>]*)?>([\\s\\S]*?)</" + tag + ">");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), element); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[2].str());
  }
  return out;
}

}  // namespace sitegen::test
