// The property incremental builds rest on: after any edit of any input, a rebuild into the
// previous output is byte for byte a clean build of the same input (the manifest aside). Every
// field of every catalog entry, every string of every locale, every template and asset and the
// settings are edited in turn, then two hundred seeded random letter edits of the prose.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "build.h"
#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// The positions of the ASCII letters of `text` that are not inside a Mustache tag ({{…}}):
// editing one changes what a page shows, never what the template or frame means.
std::vector<size_t> letter_positions(const std::string& text) {
  std::vector<size_t> positions;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0) ++depth, ++i;
    else if (text.compare(i, 2, "}}") == 0 && depth > 0) --depth, ++i;
    else if (depth == 0 && std::isalpha(static_cast<unsigned char>(text[i]))) positions.push_back(i);
  }
  return positions;
}

// Another letter of the same case.
char other_letter(char c, int offset = 1) {
  const char base = std::islower(static_cast<unsigned char>(c)) ? 'a' : 'A';
  return static_cast<char>(base + (c - base + offset) % 26);
}

// `text` with its middle letter (outside Mustache tags) changed; unchanged when it has none.
std::string edit_middle_letter(std::string text) {
  const auto positions = letter_positions(text);
  if (!positions.empty()) {
    const size_t at = positions[positions.size() / 2];
    text[at] = other_letter(text[at]);
  }
  return text;
}


// The fixture site, with every JSON file written the way edits write it, built once.
class Site {
 public:
  Site() {
    test::make_fixture_site("mini", dir_.path());
    for (const auto& file : json_files()) write_json(file, read_json(file));
    REQUIRE(build(dir_ / "public").empty());
  }

  std::string path(const std::string& file) const { return dir_ / file; }

  std::vector<std::string> json_files() const {
    std::vector<std::string> files;
    for (const auto& file : test::list_files(dir_.path())) {
      if (fs::path(file).extension() == ".json" && file.rfind("public", 0) != 0) files.push_back(file);
    }
    return files;
  }
  json read_json(const std::string& file) const { return json::parse(test::read_file(path(file))); }
  void write_json(const std::string& file, const json& value) const { test::write_file(path(file), value.dump(2) + "\n"); }

  // Runs `sitegen build` in this process; "" on success, else what it printed.
  std::string build(const std::string& out, std::string* summary = nullptr) const {
    BuildOptions options;
    options.source = dir_.path();
    options.out = out;
    std::ostringstream printed, errors;
    const int exit_code = run_build(options, printed, errors);
    if (summary) *summary = printed.str();
    return exit_code == 0 ? "" : "exit " + std::to_string(exit_code) + ": " + errors.str();
  }

  // After an edit: the incremental build equals a clean one.
  void check_rebuild(const std::string& what) const {
    INFO("after editing " << what);
    REQUIRE(build(dir_ / "public") == "");
    const std::string clean = dir_ / "clean";
    fs::remove_all(clean);
    fs::remove_all(dir_ / ".clean.sitegen-staging");
    REQUIRE(build(clean) == "");
    const auto incremental = test::site_files(dir_ / "public"), expected = test::site_files(clean);
    CHECK(incremental.size() == expected.size());
    for (const auto& [file, bytes] : expected) {
      INFO(file);
      auto found = incremental.find(file);
      REQUIRE(found != incremental.end());
      CHECK(found->second == bytes);
    }
    ++checked_;
  }

  // A rebuild with nothing changed renders nothing.
  void check_noop() const {
    std::string summary;
    REQUIRE(build(dir_ / "public", &summary) == "");
    CHECK(summary.find(": 0 rendered;") != std::string::npos);
  }

  int checked() const { return checked_; }

 private:
  test::TempDir dir_;
  mutable int checked_ = 0;
};

// Calls `visit` with the JSON pointer of every string leaf under `value`.
void for_each_string(const json& value, const std::string& pointer, const std::function<void(const std::string&)>& visit) {
  if (value.is_string()) {
    visit(pointer);
  } else if (value.is_object()) {
    for (const auto& [key, child] : value.items()) for_each_string(child, pointer + "/" + key, visit);
  }
}

// A catalog field edited into another valid value of it.
void edit_catalog_field(json& entry, const std::string& key) {
  std::string value = entry[key].is_string() ? entry[key].get<std::string>() : "";
  if (key == "retry" || key == "outcome") {
    // The two change together, to the next pair the lint accepts (a retry must fit its outcome)
    // and the fixture's SMTP locales word.
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        {"success", "not-needed"}, {"transient", "later"}, {"permanent", "after-change"}, {"intermediate", "not-needed"}};
    const std::string outcome = entry.contains("outcome") ? entry["outcome"].get<std::string>() : "";
    const std::string retry = entry["retry"].get<std::string>();
    size_t at = 0;
    while (at < pairs.size() && !(pairs[at].first == outcome && pairs[at].second == retry)) ++at;
    const auto& next = pairs[(at + 1) % pairs.size()];
    entry["outcome"] = next.first;
    entry["retry"] = next.second;
  } else if (key == "defined_in" || key == "rfc") {
    value.back() = value.back() == '9' ? '1' : static_cast<char>(value.back() + 1);  // "§4.2.2" -> "§4.2.3"
    entry[key] = value;
  } else if (key == "code" || key == "class") {
    // A code moves to another number in the same class (the slug follows), or to another class.
    const int number = entry["code"].get<int>();
    const int moved = key == "code" ? number + 5 : (number / 100 == 5 ? 200 : 500) + number % 100 + 1;
    entry["code"] = moved;
    entry["class"] = std::to_string(moved / 100) + "xx";
    entry["slug"] = std::to_string(moved) + entry["slug"].get<std::string>().substr(3);
    // The new class's usual outcome may not fit the code's retry: say the outcome that does.
    static const std::map<std::string, std::string> fitting = {
        {"not-needed", "success"}, {"later", "transient"}, {"after-change", "permanent"}};
    entry["outcome"] = fitting.at(entry["retry"].get<std::string>());
  } else {
    entry[key] = edit_middle_letter(value);
  }
}

}  // namespace

// content/<protocol>/<locale>/<code>.json: a translation, not a code.
bool is_translation(const std::string& file) { return std::count(file.begin(), file.end(), '/') == 3; }

TEST_CASE("incremental = clean after editing each field of each catalog entry", "[incremental][property]") {
  Site site;
  for (const auto& file : site.json_files()) {
    if (file.rfind("content/", 0) != 0 || is_translation(file)) continue;
    json entry = site.read_json(file);
    std::vector<std::string> keys;
    for (const auto& [key, value] : entry.items()) keys.push_back(key);
    if (!entry.contains("outcome") && file.find("protocol.json") == std::string::npos) keys.push_back("outcome");
    for (const auto& key : keys) {
      if (key == "classes") {
        for (auto& [klass, value] : entry["classes"].items()) {
          // success and intermediate both fit a retry of not-needed: the one class default the
          // fixture's codes let change without contradicting a retry (lint.h).
          const std::string outcome = value.value("outcome", "");
          if (outcome != "success" && outcome != "intermediate") continue;
          value["outcome"] = outcome == "success" ? "intermediate" : "success";
          site.write_json(file, entry);
          site.check_rebuild(file + " classes." + klass + ".outcome");
        }
        continue;
      }
      edit_catalog_field(entry, key);
      site.write_json(file, entry);
      site.check_rebuild(file + " " + key);
    }
  }
  // A code added, then one removed.
  json added = site.read_json("content/smtp/235.json");
  added["code"] = 252;
  added["slug"] = "252-cannot-verify-user";
  added["class"] = "2xx";
  added["name"] = "Cannot Verify User";
  site.write_json("content/smtp/252.json", added);
  site.check_rebuild("a new code");
  fs::remove(site.path("content/smtp/252.json"));
  site.check_rebuild("a removed code");
  site.check_noop();
  CHECK(site.checked() > 30);
}

TEST_CASE("incremental = clean after editing each field and source hash of each translation", "[incremental][property]") {
  Site site;
  size_t translations = 0;
  for (const auto& file : site.json_files()) {
    if (file.rfind("content/", 0) != 0 || !is_translation(file)) continue;
    ++translations;
    json entry = site.read_json(file);
    std::vector<std::string> pointers;
    for_each_string(entry, "", [&](const std::string& pointer) { pointers.push_back(pointer); });
    for (const auto& pointer : pointers) {
      const json::json_pointer at(pointer);
      std::string value = entry[at].get<std::string>();
      // A source hash edited is a translation gone stale: the page shows the English instead.
      if (pointer.rfind("/source/", 0) == 0) {
        value.back() = value.back() == '0' ? '1' : '0';
        entry[at] = value;
      } else {
        entry[at] = edit_middle_letter(value);
      }
      site.write_json(file, entry);
      site.check_rebuild(file + " " + pointer);
    }
  }
  CHECK(translations >= 2);
  site.check_noop();
}

TEST_CASE("incremental = clean after editing each string of each locale", "[incremental][property]") {
  Site site;
  for (const auto& file : site.json_files()) {
    if (file.rfind("locales/", 0) != 0) continue;
    json strings = site.read_json(file);
    std::vector<std::string> pointers;
    for_each_string(strings, "", [&](const std::string& pointer) { pointers.push_back(pointer); });
    for (const auto& pointer : pointers) {
      const json::json_pointer at(pointer);
      std::string value = strings[at].get<std::string>();
      if (pointer == "/meta/dir") {
        strings[at] = value == "rtl" ? "ltr" : "rtl";
      } else {
        strings[at] = edit_middle_letter(value);
      }
      site.write_json(file, strings);
      site.check_rebuild(file + " " + pointer);
    }
  }
  site.check_noop();
  CHECK(site.checked() > 200);
}

TEST_CASE("incremental = clean after editing each template, asset and setting", "[incremental][property]") {
  Site site;
  for (const auto& file : test::list_files(site.path("templates"))) {
    const std::string name = "templates/" + file;
    test::write_file(site.path(name), edit_middle_letter(test::read_file(site.path(name))));
    site.check_rebuild(name);
  }
  const std::pair<const char*, json> settings[] = {
      {"title", "Fixture Sitf"},
      {"base_url", "https://codes.example.test/docs/"},
      {"locales", json::array({"en", "ar", "fr"})},
      {"default_locale", "fr"},
      {"locales", json::array({"fr", "en"})},
      {"hosting", "github-pages"},
      {"hosting", "cloudflare-pages"},
  };
  for (const auto& [key, value] : settings) {
    json config = site.read_json("sitegen.json");
    config[key] = value;
    site.write_json("sitegen.json", config);
    site.check_rebuild(std::string("sitegen.json ") + key);
  }
  site.check_noop();
}

TEST_CASE("incremental = clean after each of 200 random letter edits of catalog prose", "[incremental][property]") {
  Site site;
  std::mt19937 random(20261201);  // seeded: a failure names its edit and can be replayed
  std::vector<std::string> files;
  for (const auto& file : site.json_files()) {
    if (file.rfind("content/", 0) == 0 && file.find("protocol.json") == std::string::npos && !is_translation(file)) {
      files.push_back(file);
    }
  }
  const char* const fields[] = {"summary", "description", "when_seen", "how_to_fix", "action", "trigger", "name"};
  for (int edit = 0; edit < 200; ++edit) {
    const std::string& file = files[random() % files.size()];
    const char* field = fields[random() % std::size(fields)];
    json entry = site.read_json(file);
    std::string text = entry[field].get<std::string>();
    const auto positions = letter_positions(text);
    REQUIRE_FALSE(positions.empty());
    const size_t at = positions[random() % positions.size()];
    text[at] = other_letter(text[at], 1 + static_cast<int>(random() % 25));
    entry[field] = text;
    site.write_json(file, entry);
    site.check_rebuild("edit " + std::to_string(edit) + ": " + file + " " + field + " at " + std::to_string(at));
  }
  site.check_noop();
}

TEST_CASE("incremental = clean after editing each field of a curated pair and its translation, and static files",
          "[incremental][property]") {
  Site site;
  // A curated pair of the fixture's codes, translated into French, and a static file; built once.
  site.write_json("content/smtp/pairs/235-535.json",
                  {{"confusion", "Both answer AUTH."}, {"tell_apart", "One accepts, one refuses."},
                   {"example", "```\nS: 535 5.7.8 Authentication credentials invalid\n```"}});
  site.write_json("content/smtp/fr/pairs/235-535.json",
                  {{"confusion", "Les deux répondent à AUTH."}, {"source", {{"confusion", "0000000000000000"}}}});
  test::write_file(site.path("static/CNAME"), "codes.example.test\n");
  site.check_rebuild("a new curated pair, its translation and a static file");
  for (const std::string file : {"content/smtp/pairs/235-535.json", "content/smtp/fr/pairs/235-535.json"}) {
    json entry = site.read_json(file);
    std::vector<std::string> pointers;
    for_each_string(entry, "", [&](const std::string& pointer) { pointers.push_back(pointer); });
    for (const auto& pointer : pointers) {
      const json::json_pointer at(pointer);
      entry[at] = edit_middle_letter(entry[at].get<std::string>());
      site.write_json(file, entry);
      site.check_rebuild(file + " " + pointer);
    }
  }
  test::write_file(site.path("static/CNAME"), "other.example.test\n");
  site.check_rebuild("static/CNAME");
  fs::remove(site.path("static/CNAME"));
  site.check_rebuild("static/CNAME removed");
  test::write_file(site.path("static/favicon.svg"), "<svg/>");
  site.check_rebuild("static/favicon.svg, an icon of the site's own");
  json code = site.read_json("content/smtp/535.json");
  code["retry_exception"] = "Why.";
  site.write_json("content/smtp/535.json", code);
  site.check_rebuild("content/smtp/535.json retry_exception");
  fs::remove(site.path("content/smtp/pairs/235-535.json"));
  site.check_rebuild("the curated pair removed");
  site.check_noop();
}

TEST_CASE("incremental = clean after editing a refining protocol: its codes, basic codes, replies and policy",
          "[incremental][property]") {
  Site site;
  // Dotted codes that refine the fixture's SMTP codes: 5.7.8 names 535, and 4.7.8 is the same
  // condition in another class; built once.
  site.write_json("content/smtp-enhanced/protocol.json",
                  {{"name", "SMTP"}, {"title", "Enhanced"}, {"summary", "Three numbers."}, {"rfc", "RFC 3463"},
                   {"code_format", {{"kind", "dotted"}}}, {"pairs", "same-subject"}, {"refines", "smtp"},
                   {"classes", {{"4.x.x", {{"outcome", "transient"}}}, {"5.x.x", {{"outcome", "permanent"}}}}}});
  json code = site.read_json("content/smtp/535.json");
  code["code"] = "5.7.8";
  code["slug"] = "5.7.8-authentication-failed";
  code["class"] = "5.x.x";
  code.erase("outcome");
  code["retry"] = "after-change";
  code["basic_codes"] = {535};
  code["replies"] = {{{"text", "535 5.7.8 Authentication credentials invalid"}},
                     {{"text", "535 5.7.8 Bad login"}, {"product", "Mailer"}, {"source", "https://mailer.example/docs"}}};
  site.write_json("content/smtp-enhanced/5.7.8.json", code);
  code["code"] = "4.7.8";
  code["slug"] = "4.7.8-authentication-failed";
  code["class"] = "4.x.x";
  code["retry"] = "later";
  code["basic_codes"] = json::array();
  code["replies"] = {{{"text", "454 4.7.8 Try again"}}};
  site.write_json("content/smtp-enhanced/4.7.8.json", code);
  site.check_rebuild("a refining protocol");
  for (const std::string file : {"content/smtp-enhanced/5.7.8.json", "content/smtp-enhanced/4.7.8.json"}) {
    json entry = site.read_json(file);
    std::vector<std::string> pointers;
    for_each_string(entry, "", [&](const std::string& pointer) { pointers.push_back(pointer); });
    for (size_t i = 0; i < entry["replies"].size(); ++i) {
      for (const auto& [key, value] : entry["replies"][i].items()) {
        if (key != "text") pointers.push_back("/replies/" + std::to_string(i) + "/" + key);
      }
    }
    for (const auto& pointer : pointers) {
      if (pointer == "/code" || pointer == "/slug" || pointer == "/class" || pointer == "/retry" ||
          pointer == "/defined_in" || pointer.rfind("/replies", 0) == 0) {
        continue;  // edited below, each into another valid value
      }
      const json::json_pointer at(pointer);
      entry[at] = edit_middle_letter(entry[at].get<std::string>());
      site.write_json(file, entry);
      site.check_rebuild(file + " " + pointer);
    }
  }
  auto edit = [&](const std::string& file, const std::function<void(json&)>& change, const std::string& what) {
    json entry = site.read_json(file);
    change(entry);
    site.write_json(file, entry);
    site.check_rebuild(file + " " + what);
  };
  const std::string enhanced = "content/smtp-enhanced/5.7.8.json";
  edit(enhanced, [](json& e) { e["basic_codes"] = {535, 550}; }, "basic_codes, one the site does not describe");
  edit(enhanced, [](json& e) { e["basic_codes"] = {550}; }, "basic_codes, 535 no longer");
  edit(enhanced, [](json& e) { e["basic_codes"] = {535}; }, "basic_codes, 535 again");
  edit(enhanced, [](json& e) { e["replies"][0]["text"] = "535 5.7.8 Credentials invalid"; }, "a reply's text");
  edit(enhanced, [](json& e) { e["replies"][1]["product"] = "Other Mailer"; }, "a reply's product");
  edit(enhanced, [](json& e) { e["replies"][1]["source"] = "https://other.example/docs"; }, "a reply's source");
  edit(enhanced, [](json& e) { e.erase("replies"); }, "replies removed");
  edit(enhanced, [](json& e) { e["defined_in"] = "draft-example-codes"; }, "defined_in, a draft");
  edit(enhanced, [](json& e) { e["code"] = "5.7.9"; e["slug"] = "5.7.9-authentication-failed"; }, "code, another detail");
  // The basic code's name and slug show on the refining code's page, and the other way round.
  edit("content/smtp/214.json", [](json& e) { e["name"] = "Help Text"; e["slug"] = "214-help-text"; }, "name and slug");
  edit("content/smtp-enhanced/4.7.8.json", [](json& e) { e["name"] = "Authentication Refused"; e["slug"] = "4.7.8-authentication-refused"; },
       "name and slug");
  edit("content/smtp-enhanced/protocol.json", [](json& e) { e["pairs"] = "all"; }, "pairs");
  edit("content/smtp-enhanced/protocol.json", [](json& e) { e["pairs"] = "curated"; }, "pairs");
  edit("content/smtp-enhanced/protocol.json", [](json& e) { e["name"] = "ESMTP"; }, "name");
  edit(enhanced, [](json& e) { e.erase("basic_codes"); }, "basic_codes removed");
  edit("content/smtp-enhanced/4.7.8.json", [](json& e) { e.erase("basic_codes"); }, "basic_codes removed");
  edit("content/smtp-enhanced/protocol.json", [](json& e) { e.erase("refines"); }, "refines removed");
  site.check_noop();
}
