// End-to-end tests of the repository's own site: `sitegen build` on content/, locales/ and
// templates/ as they are, checked the way a reader and a static host would see the result.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "lint.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLocales = {"en", "fr", "de", "ar"};

// The repository site. CTest builds it once for all these tests (the fixture in
// tests/CMakeLists.txt, with -j 4) and names it in SITEGEN_REPOSITORY_SITE; run alone, this
// process builds it once into a temporary folder.
const std::string& built_site() {
  static test::TempDir dir;
  static std::string out = [] {
    if (const char* prebuilt = std::getenv("SITEGEN_REPOSITORY_SITE")) return std::string(prebuilt);
    std::string path = dir / "site";
    auto result = test::run_sitegen("build --quiet -j 4 --source '" + test::repo_dir() + "' --out '" + path + "'");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return path;
  }();
  return out;
}

std::vector<std::string> html_pages() {
  std::vector<std::string> pages;
  for (const auto& file : test::list_files(built_site())) {
    if (fs::path(file).extension() == ".html") pages.push_back(file);
  }
  return pages;
}

std::string page(const std::string& file) { return test::read_file(built_site() + "/" + file); }

std::string prefix_of(const std::string& locale) { return locale == "en" ? "" : locale + "/"; }

// "404.html", "fr/404.html": a locale's page for missing URLs.
bool is_not_found_page(const std::string& file) {
  return file == "404.html" || (file.size() > 9 && file.compare(file.size() - 9, 9, "/404.html") == 0 &&
                                file.find('/') == file.size() - 9);
}

// True for "<dir><one segment>/index.html" whose segment starts with a digit: a code page
// under dir = "fr/smtp/", a pair page under dir = "fr/compare/smtp/" (codes are "535", "5.7.1").
bool is_page_in(const std::string& file, const std::string& dir) {
  const std::string tail = "/index.html";
  if (file.size() < dir.size() + 3 + tail.size() || file.compare(0, dir.size(), dir) != 0 ||
      file.compare(file.size() - tail.size(), tail.size(), tail) != 0) {
    return false;
  }
  const std::string segment = file.substr(dir.size(), file.size() - dir.size() - tail.size());
  return !segment.empty() && segment.find('/') == std::string::npos &&
         std::isdigit(static_cast<unsigned char>(segment[0]));
}

// How many codes each protocol of the repository's catalog has, counted from content/.
std::map<std::string, int> catalog_counts() {
  std::map<std::string, int> counts;
  for (const auto& file : test::list_files(test::repo_dir() + "/content")) {
    const fs::path path(file);
    // content/<protocol>/<code>.json; translations live in subfolders and are not codes.
    if (std::distance(path.begin(), path.end()) == 2 && path.extension() == ".json" && path.filename() != "protocol.json") {
      ++counts[path.begin()->string()];
    }
  }
  return counts;
}

int pairs_of(int codes) { return codes * (codes - 1) / 2; }

// How many pair pages a protocol of content/ should have, counted from its files alone: every
// pair, or (protocol.json "pairs": "same-subject") the pairs of dotted codes that share their
// second number, and the curated pairs (pairs/<low>-<high>.json) besides.
int expected_pairs(const std::string& protocol) {
  const std::string dir = test::repo_dir() + "/content/" + protocol;
  const auto header = nlohmann::json::parse(test::read_file(dir + "/protocol.json"));
  const std::string policy = header.value("pairs", "all");
  if (policy == "all") return pairs_of(catalog_counts().at(protocol));
  REQUIRE(policy == "same-subject");
  auto subject_of = [](const std::string& code) { return code.substr(code.find('.'), code.rfind('.') - code.find('.')); };
  std::map<std::string, int> per_subject;
  for (const auto& file : test::list_files(dir)) {
    const fs::path path(file);
    if (std::distance(path.begin(), path.end()) == 1 && path.extension() == ".json" && path.filename() != "protocol.json") {
      ++per_subject[subject_of(path.stem().string())];
    }
  }
  int pairs = 0;
  for (const auto& [subject, n] : per_subject) pairs += pairs_of(n);
  for (const auto& file : test::list_files(dir + "/pairs")) {
    const std::string stem = fs::path(file).stem().string();
    const std::string low = stem.substr(0, stem.find('-')), high = stem.substr(stem.find('-') + 1);
    if (subject_of(low) != subject_of(high)) ++pairs;
  }
  return pairs;
}

// Every page the site should have: per locale the home and 404 pages and, per protocol, its
// index, its code pages and its pair pages.
int expected_pages() {
  int per_locale = 2;  // the home and 404 pages
  for (const auto& [protocol, codes] : catalog_counts()) per_locale += 1 + codes + expected_pairs(protocol);
  return static_cast<int>(kLocales.size()) * per_locale;
}

// The text of a page with block elements kept apart, so a heading followed by a paragraph that
// starts with the same word is not taken for a doubled word: inline tags go, every other tag
// becomes a line break. (A scan rather than std::regex: this reads every page of the site.)
std::string prose_of(const std::string& html) {
  static const std::set<std::string> inline_tags = {"span", "a", "code", "em", "strong", "del"};
  std::string text;
  text.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      text += html[i++];
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) break;
    size_t name_start = i + 1 + (html[i + 1] == '/');
    size_t name_end = name_start;
    while (name_end < end && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    if (!inline_tags.count(html.substr(name_start, name_end - name_start))) text += " \n ";
    i = end + 1;
  }
  return text;
}

// Two equal words in a row ("when when"), ignoring case, that the page's language does not
// double (lint.h may_double); numbers are not words.
std::string first_doubled_word(const std::string& text, const std::string& language = "en") {
  std::string previous, word;
  auto is_word_char = [](unsigned char c) { return std::isalpha(c) || c >= 0x80 || c == '\''; };
  bool boundary = false;  // a block boundary between the previous word and this one
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (is_word_char(c)) {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (!word.empty()) {
      if (!boundary && word == previous && !may_double(word, language)) return previous + " " + word;
      previous = word;
      word.clear();
      boundary = false;
    }
    if (c == '\n' || c == '.' || c == ':' || std::isdigit(c)) {
      boundary = c == '\n' || c == '.' || c == ':';
      if (std::isdigit(c)) previous.clear();
    } else if (c != ' ' && c != '\t') {
      previous.clear();
    }
  }
  return "";
}

}  // namespace

TEST_CASE("the doubled-word scanner finds what it must and nothing else", "[site][scanner]") {
  CHECK(first_doubled_word("You encounter 530 when when trying") == "when when");
  CHECK(first_doubled_word("The the server") == "the the");
  CHECK(first_doubled_word(prose_of("<h3>Description</h3>\n<p>Description of 214</p>")) == "");
  CHECK(first_doubled_word("code 250 250 OK") == "");
  CHECK(first_doubled_word("a <span lang=\"en\">b</span> b") == "");
  CHECK(first_doubled_word(prose_of("a <span lang=\"en\">b</span> b")) == "b b");
  CHECK(first_doubled_word("Si vous vous connectez", "fr") == "");
  CHECK(first_doubled_word("Si vous vous connectez", "en") == "vous vous");
  CHECK(first_doubled_word("die Codes, die die Server senden", "de") == "");
}

TEST_CASE("every locale has a page per SMTP code and per pair of them, and the home page and /smtp/", "[site]") {
  std::map<std::string, int> codes, pairs;
  for (const auto& file : test::list_files(built_site())) {
    for (const auto& locale : kLocales) {
      codes[locale] += is_page_in(file, prefix_of(locale) + "smtp/");
      pairs[locale] += is_page_in(file, prefix_of(locale) + "compare/smtp/");
    }
  }
  const int smtp_codes = catalog_counts().at("smtp");
  CHECK(smtp_codes >= 34);
  for (const auto& locale : kLocales) {
    INFO(locale);
    CHECK(codes[locale] == smtp_codes);
    CHECK(pairs[locale] == pairs_of(smtp_codes));
    CHECK(fs::exists(built_site() + "/" + prefix_of(locale) + "index.html"));
    CHECK(fs::exists(built_site() + "/" + prefix_of(locale) + "smtp/index.html"));
  }
  CHECK(fs::exists(built_site() + "/smtp/214-help-message/index.html"));
  CHECK(fs::exists(built_site() + "/ar/smtp/214-help-message/index.html"));
  CHECK(fs::exists(built_site() + "/compare/smtp/214-help-message-vs-535-authentication-failed/index.html"));
  CHECK(fs::exists(built_site() + "/fr/compare/smtp/214-help-message-vs-535-authentication-failed/index.html"));
  CHECK(fs::exists(built_site() + "/404.html"));
}

TEST_CASE("every internal link and asset of every page resolves", "[site][links]") {
  auto result = test::run_sitegen("check --links --source '" + test::repo_dir() + "' --out '" + built_site() + "'");
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
  CHECK(result.out.find("internal links in " + std::to_string(expected_pages()) + " pages checked") != std::string::npos);
}

TEST_CASE("with a sub-path base URL every link and asset still resolves", "[site][links]") {
  test::TempDir dir;
  const std::string base = "https://example.org/docs/";
  auto build = test::run_sitegen("build --quiet --source '" + test::repo_dir() + "' --out '" + (dir / "site") +
                                 "' --base-url " + base);
  REQUIRE(build.exit_code == 0);
  auto check = test::run_sitegen("check --links --source '" + test::repo_dir() + "' --out '" + (dir / "site") +
                                 "' --base-url " + base);
  INFO(check.err);
  CHECK(check.exit_code == 0);
  // Without --base-url, the check reads the site's own robots.txt to learn what it was built for.
  auto check_again = test::run_sitegen("check --links --source '" + test::repo_dir() + "' --out '" + (dir / "site") + "'");
  INFO(check_again.err.substr(0, 500));
  CHECK(check_again.exit_code == 0);
  CHECK(check_again.out.find("internal links in " + std::to_string(expected_pages()) + " pages checked") !=
        std::string::npos);
  std::string not_found = test::read_file(dir / "site/404.html");
  CHECK(not_found.find("href=\"/docs/smtp/\"") != std::string::npos);
  CHECK(not_found.find("data-base=\"/docs/\"") != std::string::npos);
  std::string code = test::read_file(dir / "site/de/smtp/250-ok/index.html");
  CHECK(code.find("<link rel=\"canonical\" href=\"https://example.org/docs/de/smtp/250-ok/\">") != std::string::npos);
  CHECK(test::read_file(dir / "site/_redirects").find("/docs/smtp/535 /docs/smtp/535-authentication-failed/ 301") !=
        std::string::npos);
}

TEST_CASE("every page declares its language and direction and title", "[site]") {
  static const std::regex html_tag("<html lang=\"([a-z]+)\" dir=\"(ltr|rtl)\">");
  for (const auto& file : html_pages()) {
    std::string html = page(file);
    std::smatch m;
    INFO(file);
    REQUIRE(std::regex_search(html, m, html_tag));
    std::string expected = "en";
    for (const auto& locale : kLocales) {
      if (locale != "en" && file.rfind(locale + "/", 0) == 0) expected = locale;
    }
    CHECK(m[1].str() == expected);
    CHECK(m[2].str() == (expected == "ar" ? "rtl" : "ltr"));
    auto titles = test::elements(html, "title");
    REQUIRE(titles.size() == 1);
    CHECK(test::text_of(titles[0]).size() > 10);
  }
}

TEST_CASE("the Arabic 214 vs 535 page is rtl with Arabic headings in the anatomy's order and both classes named", "[site]") {
  std::string html = page("ar/compare/smtp/214-help-message-vs-535-authentication-failed/index.html");
  CHECK(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  auto h1 = test::elements(html, "h1");
  REQUIRE(h1.size() == 1);
  CHECK(test::text_of(h1[0]) == "SMTP 214 Help Message vs 535 Authentication Failed");

  // The user's headings (docs/ARCHITECTURE.md), in the page anatomy's order, among all h2/h3 headings.
  std::vector<std::string> headings;
  static const std::regex heading("<h([23])[^>]*>([\\s\\S]*?)</h\\1>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
    headings.push_back(test::text_of((*it)[2].str()));
  }
  const std::vector<std::string> expected = {"الوصف", "متى تراه", "كيفية الإصلاح", "الوصف", "متى تراه",
                                             "كيفية الإصلاح", "الفروق الرئيسية", "متى تستخدم أيًا منهما",
                                             "اعرف المزيد"};
  size_t next = 0;
  for (const auto& h : headings) {
    if (next < expected.size() && h == expected[next]) ++next;
  }
  CHECK(next == expected.size());
  // The section headings name the codes.
  CHECK(std::find(headings.begin(), headings.end(), "214 (Help Message)") != headings.end());

  auto intro = test::elements(html, "p")[0];
  CHECK(test::text_of(intro).find("2xx (ردّ إيجابي نهائي)") != std::string::npos);
  CHECK(test::text_of(intro).find("5xx (ردّ سلبي دائم)") != std::string::npos);
  // English prose inside the Arabic page is marked as English, left to right.
  CHECK(intro.find("<span lang=\"en\" dir=\"ltr\">") != std::string::npos);
}

TEST_CASE("the English 214 vs 235 page uses the same-class intro", "[site]") {
  std::string html = page("compare/smtp/214-help-message-vs-235-authentication-successful/index.html");
  auto h1 = test::elements(html, "h1");
  REQUIRE(h1.size() == 1);
  CHECK(test::text_of(h1[0]) == "SMTP 214 Help Message vs 235 Authentication Successful");
  std::string intro = test::text_of(test::elements(html, "p")[0]);
  CHECK(intro.find("SMTP 214 (Help Message) and 235 (Authentication Successful) both belong to class 2xx "
                   "(Positive Completion).") == 0);
  // Key Differences has no class contrast when the classes are the same.
  CHECK(html.find("belongs to class 2xx (Positive Completion), while") == std::string::npos);
}

TEST_CASE("no page has a doubled word or an unfilled frame or stray punctuation", "[site][grammar]") {
  for (const auto& file : html_pages()) {
    std::string html = page(file);
    // Code spans quote protocol text ("<CRLF>.<CRLF>", "MAIL FROM:<...>"): not prose.
    std::string without_code = html;
    for (size_t at = without_code.find("<code>"); at != std::string::npos; at = without_code.find("<code>", at)) {
      const size_t end = without_code.find("</code>", at);
      if (end == std::string::npos) break;
      without_code.replace(at, end + 7 - at, "`code`");
    }
    const std::string text = test::text_of(without_code);
    INFO(file);
    const size_t slash = file.find('/');
    const std::string language = slash == 2 ? file.substr(0, 2) : "en";  // "fr/…"; the root is English
    CHECK(first_doubled_word(prose_of(html), language) == "");
    CHECK(html.find("{{") == std::string::npos);
    CHECK(html.find("}}") == std::string::npos);
    CHECK(text.find("()") == std::string::npos);
    // A space before a full stop or comma that ends a word run (" ." or " ,").
    bool space_before_stop = false;
    for (size_t at = text.find(' '); at != std::string::npos && !space_before_stop; at = text.find(' ', at + 1)) {
      if (at + 1 < text.size() && (text[at + 1] == '.' || text[at + 1] == ',')) {
        space_before_stop = at + 2 == text.size() || std::isspace(static_cast<unsigned char>(text[at + 2]));
      }
    }
    CHECK_FALSE(space_before_stop);
    CHECK(text.find("..") == std::string::npos);
    CHECK(text.find(": :") == std::string::npos);
  }
}

TEST_CASE("two builds of the same input, with one render thread and with four, are byte-identical",
          "[site][determinism]") {
  test::TempDir dir;
  auto result = test::run_sitegen("build --quiet -j 1 --source '" + test::repo_dir() + "' --out '" + (dir / "one") + "'");
  REQUIRE(result.exit_code == 0);
  auto files = test::list_files(dir / "one");
  REQUIRE(files == test::list_files(built_site()));
  size_t different = 0;
  for (const auto& file : files) different += test::read_file(dir / ("one/" + file)) != test::read_file(built_site() + "/" + file);
  CHECK(different == 0);
  CHECK(static_cast<int>(files.size()) > expected_pages());
}

namespace {

// Every status code Python's http.HTTPStatus lists (Python 3.11), with the RFC 9110 name where
// RFC 9110 renamed it; the test below also asks python3 itself when the machine has it.
const std::vector<std::pair<int, std::string>> kHttpStatus = {
    {100, "Continue"}, {101, "Switching Protocols"}, {102, "Processing"}, {103, "Early Hints"}, {200, "OK"},
    {201, "Created"}, {202, "Accepted"}, {203, "Non-Authoritative Information"}, {204, "No Content"},
    {205, "Reset Content"}, {206, "Partial Content"}, {207, "Multi-Status"}, {208, "Already Reported"},
    {226, "IM Used"}, {300, "Multiple Choices"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
    {304, "Not Modified"}, {305, "Use Proxy"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"},
    {400, "Bad Request"}, {401, "Unauthorized"}, {402, "Payment Required"}, {403, "Forbidden"}, {404, "Not Found"},
    {405, "Method Not Allowed"}, {406, "Not Acceptable"}, {407, "Proxy Authentication Required"},
    {408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"}, {411, "Length Required"},
    {412, "Precondition Failed"}, {413, "Content Too Large"}, {414, "URI Too Long"},
    {415, "Unsupported Media Type"}, {416, "Range Not Satisfiable"}, {417, "Expectation Failed"},
    {418, "I'm a Teapot"}, {421, "Misdirected Request"}, {422, "Unprocessable Content"}, {423, "Locked"},
    {424, "Failed Dependency"}, {425, "Too Early"}, {426, "Upgrade Required"}, {428, "Precondition Required"},
    {429, "Too Many Requests"}, {431, "Request Header Fields Too Large"}, {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"}, {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
    {504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"}, {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"}, {508, "Loop Detected"}, {510, "Not Extended"},
    {511, "Network Authentication Required"}};

std::string slug_of(int code, const std::string& name) {
  std::string slug = std::to_string(code);
  bool dash = true;
  for (char c : name) {
    if (c == '\'') continue;
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (dash) slug += '-';
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      dash = false;
    } else {
      dash = true;
    }
  }
  return slug;
}

}  // namespace

TEST_CASE("every code Python's http.HTTPStatus lists has a page in every locale with its RFC 9110 name", "[site][http]") {
  for (const auto& [code, name] : kHttpStatus) {
    std::string slug = slug_of(code, name);
    for (const auto& locale : kLocales) {
      std::string file = prefix_of(locale) + "http/" + slug + "/index.html";
      INFO(file);
      REQUIRE(fs::exists(built_site() + "/" + file));
      CHECK(test::text_of(test::elements(page(file), "h1")[0]) == "HTTP " + std::to_string(code) + " " + name);
    }
  }
  // When python3 is there, the list above must still be what it lists.
  test::TempDir dir;
  std::string list = dir / "codes";
  if (std::system(("python3 -c 'import http; print(\" \".join(str(s.value) for s in http.HTTPStatus))' > '" + list +
                   "' 2>/dev/null").c_str()) == 0) {
    std::string expected;
    for (const auto& [code, name] : kHttpStatus) expected += (expected.empty() ? "" : " ") + std::to_string(code);
    std::string listed = test::read_file(list);
    for (const auto& code : std::vector<std::string>{"100", "418", "511"}) CHECK(listed.find(code) != std::string::npos);
    // Newer Pythons may add codes; every one of them must have a page too.
    std::stringstream words(listed);
    std::string word;
    while (words >> word) {
      INFO("Python lists " << word);
      bool found = false;
      for (const auto& file : test::list_files(built_site() + "/http")) found |= file.rfind(word + "-", 0) == 0;
      CHECK(found);
    }
  }
}

TEST_CASE("every HTTP pair has its page in every locale", "[site][http]") {
  std::map<std::string, int> pairs;
  for (const auto& file : test::list_files(built_site())) {
    for (const auto& locale : kLocales) pairs[locale] += is_page_in(file, prefix_of(locale) + "compare/http/");
  }
  const int n = catalog_counts().at("http");
  CHECK(n >= static_cast<int>(kHttpStatus.size()));
  for (const auto& locale : kLocales) CHECK(pairs[locale] == pairs_of(n));
}

TEST_CASE("every pair page has the comparison table and every code page the facts table", "[site]") {
  const auto counts = catalog_counts();
  int pairs = 0, codes = 0;
  for (const auto& file : html_pages()) {
    bool is_pair = false, is_code = false;
    for (const auto& locale : kLocales) {
      for (const auto& [protocol, n] : counts) {
        is_pair |= is_page_in(file, prefix_of(locale) + "compare/" + protocol + "/");
        is_code |= is_page_in(file, prefix_of(locale) + protocol + "/");
      }
    }
    // Six facts; dotted codes add their subject and what it covers.
    const size_t facts = file.find("smtp-enhanced/") != std::string::npos ? 8 : 6;
    if (is_pair) {
      ++pairs;
      std::string html = page(file);
      INFO(file);
      CHECK(html.find("<section class=\"comparison\"") != std::string::npos);
      CHECK(test::elements(html, "tr").size() == facts + 1);  // and the header
    } else if (is_code) {
      ++codes;
      std::string html = page(file);
      INFO(file);
      CHECK(html.find("<section class=\"facts\"") != std::string::npos);
      CHECK(test::elements(html, "tr").size() == facts);
    }
  }
  int all_pairs = 0, expected_codes = 0;
  for (const auto& [protocol, n] : counts) all_pairs += expected_pairs(protocol), expected_codes += n;
  CHECK(pairs == static_cast<int>(kLocales.size()) * all_pairs);
  CHECK(codes == static_cast<int>(kLocales.size()) * expected_codes);
}

TEST_CASE("every page has a canonical URL and hreflang alternates and a real description", "[site][seo]") {
  static const std::regex canonical("<link rel=\"canonical\" href=\"(https://example\\.org/[^\"]*)\">");
  static const std::regex description("<meta name=\"description\" content=\"([^\"]+)\">");
  // The 404 pages are served for every missing path, sometimes with status 200: kept out of indexes.
  for (const auto& locale : kLocales) {
    CHECK(page(prefix_of(locale) + "404.html").find("<meta name=\"robots\" content=\"noindex\">") != std::string::npos);
  }
  for (const auto& file : html_pages()) {
    if (is_not_found_page(file)) continue;
    std::string html = page(file);
    INFO(file);
    CHECK(html.find("noindex") == std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(html, m, canonical));
    std::string path = file.substr(0, file.size() - std::string("index.html").size());
    CHECK(m[1].str() == "https://example.org/" + path);
    for (const char* lang : {"en", "fr", "de", "ar", "x-default"}) {
      CHECK(html.find(std::string("<link rel=\"alternate\" hreflang=\"") + lang + "\" href=\"https://example.org/") !=
            std::string::npos);
    }
    REQUIRE(std::regex_search(html, m, description));
    std::string text = m[1].str();
    CHECK(text.size() > 40);
    CHECK(text.find("Reply Code Reference") == std::string::npos);
    CHECK(html.find("<meta property=\"og:title\"") != std::string::npos);
    CHECK(html.find("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\"") != std::string::npos);
  }
}

TEST_CASE("the English code page describes itself with its own summary and structured data", "[site][seo]") {
  std::string html = page("smtp/535-authentication-failed/index.html");
  CHECK(html.find("<meta name=\"description\" content=\"What SMTP 535 Authentication Failed means, when you see it "
                  "and how to fix it. The server rejected") != std::string::npos);
  CHECK(html.find("\"@type\":\"DefinedTerm\"") != std::string::npos);
  CHECK(html.find("\"@type\":\"BreadcrumbList\"") != std::string::npos);
  CHECK(html.find("rel=\"prev\"") != std::string::npos);
  CHECK(html.find("rel=\"next\"") != std::string::npos);
  std::string pair = page("compare/smtp/214-help-message-vs-535-authentication-failed/index.html");
  CHECK(pair.find("\"@type\":\"TechArticle\"") != std::string::npos);
  CHECK(pair.find("<h3>Other comparisons with 214</h3>") != std::string::npos);
  CHECK(pair.find("<h3>Other comparisons with 535</h3>") != std::string::npos);
  // The comparisons next to this one, and all of them on the code's page.
  CHECK(pair.find("href=\"../214-help-message-vs-534-authentication-mechanism-too-weak/\"") != std::string::npos);
  CHECK(pair.find("href=\"../214-help-message-vs-538-encryption-required-for-authentication/\"") != std::string::npos);
  CHECK(pair.find("href=\"../211-system-status-vs-535-authentication-failed/\"") != std::string::npos);
  CHECK(pair.find("href=\"../220-service-ready-vs-535-authentication-failed/\"") != std::string::npos);
  CHECK(pair.find("href=\"../../../smtp/535-authentication-failed/#compare-heading\"") != std::string::npos);
}

TEST_CASE("the sitemap lists every page with its alternates", "[site][seo]") {
  std::string sitemap = page("sitemap.xml");
  std::set<std::string> listed;
  static const std::regex loc("<loc>https://example\\.org/([^<]*)</loc>");
  for (auto it = std::sregex_iterator(sitemap.begin(), sitemap.end(), loc); it != std::sregex_iterator(); ++it) {
    listed.insert((*it)[1].str());
  }
  size_t pages = 0;
  for (const auto& file : html_pages()) {
    if (is_not_found_page(file)) continue;
    ++pages;
    INFO(file);
    CHECK(listed.count(file.substr(0, file.size() - std::string("index.html").size())) == 1);
  }
  CHECK(listed.size() == pages);
  CHECK(sitemap.find("<xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"https://example.org/ar/smtp/\"/>") !=
        std::string::npos);
}

TEST_CASE("the files static hosts read are in the output", "[site][hosting]") {
  for (const char* file : {"robots.txt", "404.html", ".nojekyll", "_headers", "_redirects", "sitemap.xml", "search.json",
                           "fr/search.json"}) {
    INFO(file);
    CHECK(fs::exists(built_site() + "/" + file));
  }
  CHECK(page("robots.txt").find("Sitemap: https://example.org/sitemap.xml") != std::string::npos);
  std::string redirects = page("_redirects");
  CHECK(redirects.find("/compare/smtp/535-authentication-failed-vs-214-help-message/ "
                       "/compare/smtp/214-help-message-vs-535-authentication-failed/ 301\n") != std::string::npos);
  CHECK(redirects.find("/fr/compare/smtp/535-authentication-failed-vs-214-help-message/ "
                       "/fr/compare/smtp/214-help-message-vs-535-authentication-failed/ 301\n") != std::string::npos);
  CHECK(redirects.find("/smtp/535/ /smtp/535-authentication-failed/ 301\n") != std::string::npos);
  // Every redirect target exists.
  std::stringstream lines(redirects);
  std::string from, to, status;
  while (lines >> from) {
    if (from[0] == '#') {
      std::getline(lines, from);
      continue;
    }
    lines >> to >> status;
    INFO(from << " -> " << to);
    CHECK(status == "301");
    CHECK(fs::exists(built_site() + to + "index.html"));
  }
  std::string headers = page("_headers");
  CHECK(headers.find("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n") == 0);
  // The stylesheet and script carry a content hash in their names.
  auto assets = test::list_files(built_site() + "/assets");
  REQUIRE(assets.size() == 2);
  CHECK(std::regex_match(assets[0], std::regex("site\\.[0-9a-f]{10}\\.js")));
  CHECK(std::regex_match(assets[1], std::regex("style\\.[0-9a-f]{10}\\.css")));
}

TEST_CASE("no attribute of any page holds markup: templates put only text and URLs into attributes", "[site][templates]") {
  // The templates' rule (README, Changing a template): a view's HTML goes where HTML may go;
  // attribute values are text (escaped) or URLs. A value with a tag inside an attribute breaks it.
  for (const auto& file : html_pages()) {
    const std::string html = page(file);
    INFO(file);
    // Tag by tag: inside a tag, a quoted attribute value may not hold '<'. Script and style
    // contents are skipped (their quotes are not attributes).
    std::string bad;
    for (size_t at = html.find('<'); at != std::string::npos && bad.empty(); at = html.find('<', at + 1)) {
      if (html.compare(at, 7, "<script") == 0 || html.compare(at, 6, "<style") == 0) {
        const size_t body = html.find('>', at);
        const size_t close = html.find(html.compare(at, 7, "<script") == 0 ? "</script>" : "</style>", body);
        if (body != std::string::npos && close != std::string::npos) {
          // The script's own tag is still checked.
          if (html.substr(at, body - at).find("=\"<") != std::string::npos) bad = html.substr(at, 80);
          at = close;
          continue;
        }
      }
      for (size_t i = at + 1; i < html.size() && html[i] != '>'; ++i) {
        if (html[i] != '"') continue;
        const size_t end = html.find('"', i + 1);
        if (end == std::string::npos) break;
        if (html.find('<', i + 1) < end) bad = html.substr(at, 80);
        i = end;
      }
    }
    CHECK(bad == "");
  }
}

namespace {

// Every code name of the repository's catalog: names stay in English on every page, so the
// share of English prose leaves them out.
std::set<std::string> code_names() {
  std::set<std::string> names;
  for (const auto& file : test::list_files(test::repo_dir() + "/content")) {
    const fs::path path(file);
    if (std::distance(path.begin(), path.end()) != 2 || path.extension() != ".json" || path.filename() == "protocol.json") {
      continue;
    }
    names.insert(nlohmann::json::parse(test::read_file(test::repo_dir() + "/content/" + file))["name"].get<std::string>());
  }
  return names;
}

// The words of a page's <main> outside its h1: all of them, and those inside lang="en" elements
// other than a code name's. A word is a run of letters and digits (any byte of a multi-byte
// UTF-8 character counts as a letter).
struct WordCount {
  size_t all = 0, english = 0;
};
WordCount body_words(const std::string& html, const std::set<std::string>& names) {
  WordCount count;
  const size_t start = html.find("<main");
  const size_t end = html.find("</main>");
  if (start == std::string::npos || end == std::string::npos) return count;
  struct Open {
    std::string tag;
    bool english, skipped;
  };
  std::vector<Open> open;
  auto english = [&] { return !open.empty() && open.back().english; };
  auto skipped = [&] { return !open.empty() && open.back().skipped; };
  bool in_word = false;
  for (size_t i = start; i < end;) {
    if (html[i] == '<') {
      in_word = false;
      const size_t close = html.find('>', i);
      const std::string tag_text = html.substr(i + 1, close - i - 1);
      const bool closing = tag_text[0] == '/';
      std::string name = tag_text.substr(closing, tag_text.find_first_of(" />", closing) - closing);
      static const std::set<std::string> kVoid{"br", "img", "input", "meta", "link", "hr", "wbr"};
      if (closing) {
        while (!open.empty() && open.back().tag != name) open.pop_back();
        if (!open.empty()) open.pop_back();
      } else if (!kVoid.count(name)) {
        bool is_english = english() || tag_text.find("lang=\"en\"") != std::string::npos;
        bool is_skipped = skipped() || name == "h1";
        if (tag_text.find("lang=\"en\"") != std::string::npos) {
          // A code name alone in its element: left out.
          const size_t inner_end = html.find("</", close);
          const std::string inner = html.substr(close + 1, inner_end - close - 1);
          if (inner.find('<') == std::string::npos && names.count(test::text_of(inner))) is_skipped = true;
        }
        open.push_back({name, is_english, is_skipped});
      }
      i = close + 1;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(html[i]);
    const bool letter = std::isalnum(c) || c >= 0x80;
    if (html[i] == '&') {  // an entity is not a word
      in_word = false;
      i = html.find(';', i) + 1;
      continue;
    }
    if (letter && !in_word && !skipped()) {
      ++count.all;
      if (english()) ++count.english;
    }
    in_word = letter;
    ++i;
  }
  return count;
}

}  // namespace

TEST_CASE("on French, German and Arabic code and pair pages at most 10% of the body words are English",
          "[site][translations]") {
  const auto names = code_names();
  const auto counts = catalog_counts();
  const auto all_pages = html_pages();
  for (const char* locale : {"fr", "de", "ar"}) {
    std::map<std::string, WordCount> totals;  // "code", "pair"
    double worst = 0;
    std::string worst_page;
    for (const auto& file : all_pages) {
      const std::string prefix = std::string(locale) + "/";
      if (file.rfind(prefix, 0) != 0) continue;
      const bool pair = file.rfind(prefix + "compare/", 0) == 0 && file.size() > prefix.size() + 20;
      bool code = false;
      for (const auto& [protocol, count] : counts) code = code || is_page_in(file, prefix + protocol + "/");
      if (!pair && !code) continue;
      const WordCount words = body_words(page(file), names);
      REQUIRE(words.all > 50);
      totals[pair ? "pair" : "code"].all += words.all;
      totals[pair ? "pair" : "code"].english += words.english;
      const double share = static_cast<double>(words.english) / words.all;
      if (share > worst) {
        worst = share;
        worst_page = file;
      }
      INFO(file << ": " << words.english << " of " << words.all << " words are English");
      CHECK(share <= 0.10);
    }
    // The figures for the record (shown as warnings, which Catch prints for passing tests too).
    for (const auto& [kind, words] : totals) {
      WARN(locale << " " << kind << " pages: " << words.english << " of " << words.all << " body words inside lang=\"en\" ("
                  << 100.0 * words.english / words.all << "%)");
    }
    if (!worst_page.empty()) WARN(locale << " worst page: " << worst_page << ", " << 100 * worst << "% English");
    CHECK(totals["code"].all > 0);
    CHECK(totals["pair"].all > 0);
  }
}

namespace {

// The sentences of a stretch of page text: split at sentence ends and at block boundaries, white
// space folded, only those of four words or more (shorter ones, such as "Permanent", may well
// recur without repeating anything).
std::vector<std::string> sentences_of(const std::string& html) {
  std::vector<std::string> out;
  std::string text = prose_of(html), sentence;
  auto flush = [&] {
    std::string folded;
    std::istringstream words(sentence);
    int count = 0;
    for (std::string word; words >> word; ++count) folded += (folded.empty() ? "" : " ") + word;
    if (count >= 4) out.push_back(folded);
    sentence.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush();
      continue;
    }
    sentence += c;
    const bool end = c == '.' || c == '!' || c == '?' || text.compare(i, 2, "؟") == 0;
    if (end && (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])))) flush();
  }
  flush();
  return out;
}

}  // namespace

TEST_CASE("no sentence of Key Differences or When to Use Which repeats one shown earlier on its pair page",
          "[site][pairs]") {
  size_t pages = 0;
  for (const auto& file : html_pages()) {
    if (file.find("compare/") == std::string::npos || file.find("-vs-") == std::string::npos) continue;
    ++pages;
    const std::string html = page(file);
    const size_t main = html.find("<main");
    const size_t differences = html.find("<section class=\"key-differences\"");
    const size_t learn_more = html.find("<section class=\"learn-more\"");
    REQUIRE(main != std::string::npos);
    REQUIRE(differences != std::string::npos);
    REQUIRE(learn_more != std::string::npos);
    const auto before = sentences_of(html.substr(main, differences - main));
    const std::set<std::string> earlier(before.begin(), before.end());
    const auto later = sentences_of(html.substr(differences, learn_more - differences));
    REQUIRE(later.size() >= 3);
    for (const auto& sentence : later) {
      INFO(file << ": " << sentence);
      CHECK(earlier.count(sentence) == 0);
    }
  }
  int all_pairs = 0;
  for (const auto& [protocol, n] : catalog_counts()) all_pairs += expected_pairs(protocol);
  CHECK(pages == static_cast<size_t>(kLocales.size()) * static_cast<size_t>(all_pairs));
}

TEST_CASE("no HTTP page speaks of commands, in any locale", "[site][http]") {
  // English pages, whole: "command-line" tools are another thing.
  const std::regex command("\\b[Cc]ommands?\\b(?!-line)");
  size_t pages = 0;
  for (const auto& file : html_pages()) {
    if (file.rfind("http/", 0) != 0 && file.rfind("compare/http/", 0) != 0) continue;
    ++pages;
    const std::string text = test::text_of(page(file));
    std::smatch found;
    const bool says = std::regex_search(text, found, command);
    INFO(file << (says ? ": " + text.substr(std::max<long>(0, found.position(0) - 60), 140) : std::string()));
    CHECK_FALSE(says);
  }
  CHECK(pages > 2000);
  // Other locales: every string an HTTP page can show (all but SMTP's own) has no word for an
  // SMTP command. (Their catalog prose may speak of an order form or a court order, which the
  // same words also mean.)
  const std::map<std::string, std::regex> words = {{"fr", std::regex("[Cc]ommande")},
                                                   {"de", std::regex("Befehl")},
                                                   {"ar", std::regex("أمر|الأوامر")}};
  for (const auto& [locale, word] : words) {
    const auto strings = nlohmann::json::parse(test::read_file(test::repo_dir() + "/locales/" + locale + ".json"));
    std::function<void(const nlohmann::json&, const std::string&)> visit = [&](const nlohmann::json& value,
                                                                              const std::string& key) {
      // SMTP's strings, of its reply codes and of its enhanced status codes, speak of commands.
      for (const char* group : {"protocols.", "classes.", "subjects."}) {
        if (key.rfind(group, 0) == 0 && key.compare(std::strlen(group), 4, "smtp") == 0) return;
      }
      if (value.is_object()) {
        for (const auto& [name, child] : value.items()) visit(child, key.empty() ? name : key + "." + name);
      } else if (value.is_string()) {
        INFO(locale << " " << key << ": " << value.get<std::string>());
        CHECK_FALSE(std::regex_search(value.get<std::string>(), word));
      }
    };
    visit(strings, "");
  }
}

TEST_CASE("at least 30 curated pairs, shown first on their pages and listed on the indexes, in every locale",
          "[site][pairs]") {
  std::map<std::string, std::vector<std::string>> curated;  // protocol -> "401-403"
  for (const auto& file : test::list_files(test::repo_dir() + "/content")) {
    const fs::path path(file);
    if (std::distance(path.begin(), path.end()) == 3 && *std::next(path.begin()) == "pairs") {
      curated[path.begin()->string()].push_back(path.stem().string());
    }
  }
  size_t total = 0;
  for (const auto& [protocol, pairs] : curated) total += pairs.size();
  CHECK(total >= 30);
  const auto all_pages = html_pages();
  for (const auto& locale : kLocales) {
    for (const auto& [protocol, pairs] : curated) {
      const std::string index = page(prefix_of(locale) + protocol + "/index.html");
      REQUIRE(index.find("<section class=\"commonly-confused\"") != std::string::npos);
      for (const auto& pair : pairs) {
        const std::string low = pair.substr(0, pair.find('-')), high = pair.substr(pair.find('-') + 1);
        // The pair's page, found by its folder's code numbers.
        std::string file;
        for (const auto& candidate : all_pages) {
          const std::string folder = prefix_of(locale) + "compare/" + protocol + "/" + low + "-";
          if (candidate.rfind(folder, 0) == 0 && candidate.find("-vs-" + high + "-") != std::string::npos) file = candidate;
        }
        INFO(locale << " " << protocol << " " << pair);
        REQUIRE(!file.empty());
        const std::string html = page(file);
        const size_t section = html.find("<section class=\"curated\"");
        REQUIRE(section != std::string::npos);
        CHECK(section < html.find("<section class=\"code-section\""));
        CHECK(html.find("<pre") != std::string::npos);  // the example exchange
        // Translated in every locale: no part of it falls back to English.
        const std::string prose = html.substr(section, html.find("</section>", section) - section);
        if (locale != "en") CHECK(prose.find("lang=\"en\"") == std::string::npos);
        // Listed on the protocol index, linking to that page.
        const std::string folder = file.substr(file.find("compare/"), file.size() - file.find("compare/") - 10);
        CHECK(index.find(folder) != std::string::npos);
      }
    }
  }
}

TEST_CASE("every enhanced status code has a page in every locale, linked both ways with its basic reply codes",
          "[site][enhanced]") {
  const std::string content = test::repo_dir() + "/content/";
  size_t codes = 0, links = 0;
  for (const auto& file : test::list_files(content + "smtp-enhanced")) {
    const fs::path path(file);
    if (std::distance(path.begin(), path.end()) != 1 || path.extension() != ".json" || path.filename() == "protocol.json") continue;
    const auto entry = nlohmann::json::parse(test::read_file(content + "smtp-enhanced/" + file));
    const std::string slug = entry["slug"].get<std::string>();
    ++codes;
    for (const auto& locale : kLocales) {
      const std::string own = prefix_of(locale) + "smtp-enhanced/" + slug + "/index.html";
      INFO(own);
      REQUIRE(fs::exists(built_site() + "/" + own));
      const std::string html = page(own);
      for (const auto& basic : entry.value("basic_codes", nlohmann::json::array())) {
        const std::string number = std::to_string(basic.get<int>());
        const std::string basic_file = content + "smtp/" + number + ".json";
        if (!fs::exists(basic_file)) continue;  // the registry names codes the site does not describe
        const std::string basic_slug = nlohmann::json::parse(test::read_file(basic_file))["slug"].get<std::string>();
        // 5.7.1 -> 550, and the 550 page -> 5.7.1, in the same language.
        CHECK(html.find("href=\"../../smtp/" + basic_slug + "/\"") != std::string::npos);
        const std::string back = page(prefix_of(locale) + "smtp/" + basic_slug + "/index.html");
        CHECK(back.find("href=\"../../smtp-enhanced/" + slug + "/\"") != std::string::npos);
        ++links;
      }
    }
  }
  INFO(codes << " codes, " << links << " links checked both ways");
  CHECK(codes >= 110);  // every entry of the registry, in each class it is used with (content/README.md)
  CHECK(links > 0);
  // The registry entries most searched for are there, with the basic codes the registry gives them.
  const std::string code_571 = page("smtp-enhanced/5.7.1-delivery-not-authorized-message-refused/index.html");
  CHECK(code_571.find("href=\"../../smtp/550-mailbox-unavailable/\"") != std::string::npos);
  CHECK(page("smtp/550-mailbox-unavailable/index.html").find("href=\"../../smtp-enhanced/5.7.1-delivery-not-authorized-message-refused/\"") !=
        std::string::npos);
}

TEST_CASE("the whole site stays under Cloudflare Pages' 20,000 files per deployment", "[site][hosting]") {
  const auto files = test::list_files(built_site());
  INFO(files.size() << " files");
  CHECK(files.size() < 20000);
}
