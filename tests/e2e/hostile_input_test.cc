// Hostile inputs, generated here (some would be megabytes as files): each one is an error with the
// exit code and the message a user can act on. None may crash (SIGSEGV, SIGABRT), hang, or take
// a gigabyte of memory.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace sitegen;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

struct Hostile {
  const char* name;
  std::function<void(const std::string& dir)> make;  // turns the fixture site at `dir` hostile
  std::string args;                                  // after "build --source DIR"; may use {dir}
  int exit_code;
  std::string message;  // a line of what sitegen prints, whole or in part
};

void edit_json(const std::string& path, const std::function<void(json&)>& edit) {
  json value = json::parse(test::read_file(path));
  edit(value);
  test::write_file(path, value.dump(2));
}

void set_code_field(const std::string& dir, const char* field, const json& value) {
  edit_json(dir + "/content/smtp/235.json", [&](json& entry) { entry[field] = value; });
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

const long kMemoryLimitKb = 1024 * 1024;  // 1 GB

}  // namespace

TEST_CASE("hostile inputs are errors with their file and limit, never a crash, a hang or a memory bomb", "[hostile]") {
  const std::string deep_locale = [] {
    std::string text = "{\"x\": ";
    for (int i = 0; i < 20000; ++i) text += "{\"a\": ";
    text += "\"b\"";
    for (int i = 0; i < 20000; ++i) text += "}";
    return text + "}";
  }();
  const Hostile cases[] = {
      {"a slug of 50,000 characters",
       [](const std::string& dir) { set_code_field(dir, "slug", "235-" + std::string(50000, 'a')); }, "", 1,
       "content/smtp/235.json:4:3: error: \"slug\": is 50004 bytes long; the limit is 200"},
      {"a slug of 20,000 \"-a\" segments",
       [](const std::string& dir) {
         std::string slug = "235";
         for (int i = 0; i < 20000; ++i) slug += "-a";
         set_code_field(dir, "slug", slug);
       },
       "", 1, "\"slug\": is 40003 bytes long; the limit is 200"},
      {"a slug one byte too long for a file name",
       [](const std::string& dir) { set_code_field(dir, "slug", "235-" + std::string(252, 'a')); }, "", 1,
       "\"slug\": is 256 bytes long; the limit is 200"},
      {"a defined_in of 40 KB",
       [](const std::string& dir) { set_code_field(dir, "defined_in", "RFC 4954 §" + std::string(40000, '1')); }, "", 1,
       "\"defined_in\": is 40011 bytes long; the limit is 100"},
      {"a NUL in a code's name",
       [](const std::string& dir) { set_code_field(dir, "name", std::string("Auth\0Success", 12)); }, "", 1,
       "content/smtp/235.json:3:3: error: \"name\": holds the control character U+0000; remove it"},
      {"a NUL in the site's title",
       [](const std::string& dir) { edit_json(dir + "/sitegen.json", [](json& j) { j["title"] = std::string("A\0B", 3); }); },
       "", 1, "sitegen.json:2:3: error: \"title\": holds a control character; remove it"},
      {"a locale nested 20,000 objects deep",
       [&](const std::string& dir) { test::write_file(dir + "/locales/fr.json", deep_locale); }, "", 1,
       "locales/fr.json:1:"},
      {"a partial tag of 200 KB",
       [](const std::string& dir) {
         test::write_file(dir + "/templates/partials/footer.mustache", "<p>\n{{>" + std::string(200000, 'a') + "}}</p>");
       },
       "", 1, "templates/partials/footer.mustache:2: error: uses a partial whose name is 200000 bytes long"},
      {"a frame placeholder of 200 KB",
       [](const std::string& dir) {
         edit_json(dir + "/locales/fr.json", [](json& j) { j["frames"]["compare_with"] = "{{" + std::string(200000, 'a') + "}}"; });
       },
       "", 1, "error: \"frames.compare_with\": is 200004 bytes long; the limit is 10000"},
      {"a template with 10,000 nested sections",
       [](const std::string& dir) {
         std::string text;
         for (int i = 0; i < 10000; ++i) text += "{{#x}}";
         for (int i = 0; i < 10000; ++i) text += "{{/x}}";
         test::write_file(dir + "/templates/404.mustache", text);
       },
       "", 1, "templates/404.mustache:1: error: nests sections deeper than 32 levels"},
      {"a template with 100,000 nested sections",
       [](const std::string& dir) {
         std::string text;
         for (int i = 0; i < 100000; ++i) text += "{{#x}}";
         for (int i = 0; i < 100000; ++i) text += "{{/x}}";
         test::write_file(dir + "/templates/404.mustache", text);
       },
       "", 1, "templates/404.mustache: error: is 1200000 bytes; the limit is 1048576"},
      {"partials that include each other ten times per level, seven levels deep",
       [](const std::string& dir) {
         for (int level = 0; level < 7; ++level) {
           std::string text = "x";
           for (int i = 0; i < 10; ++i) text += "{{>bomb" + std::to_string(level + 1) + "}}";
           test::write_file(dir + "/templates/partials/bomb" + std::to_string(level) + ".mustache", text);
         }
         test::write_file(dir + "/templates/partials/bomb7.mustache", "x");
         test::write_file(dir + "/templates/404.mustache", "{{>bomb0}}");
       },
       "", 1, "templates/404.mustache: error: with its partials spliced in, it is more than 2097152 bytes"},
      {"a partial named like a file elsewhere",
       [](const std::string& dir) {
         test::write_file(dir + "/templates/partials/footer.mustache", "<footer>\n\n{{>../../etc/passwd}}</footer>");
       },
       "", 1,
       "templates/partials/footer.mustache:3: error: uses the partial \"../../etc/passwd\", but "
       "templates/partials/../../etc/passwd.mustache does not exist"},
      {"a partial with a dot in its name",
       [](const std::string& dir) { test::write_file(dir + "/templates/partials/footer.mustache", "{{>nosuch.x}}"); }, "",
       1, "templates/partials/footer.mustache:1: error: uses the partial \"nosuch.x\""},
      {"a default-locale frame with an unknown placeholder",
       [](const std::string& dir) {
         edit_json(dir + "/locales/en.json", [](json& j) { j["frames"]["compare_with"] = "Compare {{code}} with {{nosuch}} others"; });
       },
       "", 1, "locales/en.json:"},
      {"an asset that is a symlink to /etc/passwd",
       [](const std::string& dir) { fs::create_symlink("/etc/passwd", dir + "/templates/assets/passwd.txt"); }, "", 1,
       "templates/assets/passwd.txt: error: is a symlink to /etc/passwd, outside the site folder"},
      {"a protocol folder named like a locale",
       [](const std::string& dir) { fs::copy(dir + "/content/smtp", dir + "/content/fr", fs::copy_options::recursive); }, "",
       1, "content/fr/protocol.json: error: the protocol folder content/fr/ would take the URL /fr/"},
      {"a protocol folder named compare",
       [](const std::string& dir) { fs::copy(dir + "/content/smtp", dir + "/content/compare", fs::copy_options::recursive); },
       "", 1, "would take the URL /compare/, which is the pair pages (compare/)"},
      {"--out \".\"", [](const std::string&) {}, "--out '{dir}'", 2, "holds the site's content/ folder"},
      {"--out \"\"", [](const std::string&) {}, "--out ''", 2, "sitegen: error: --out needs a folder name"},
      {"--out inside the templates", [](const std::string&) {}, "--out '{dir}/templates/assets/gen'", 2,
       "is inside the site's templates/ folder"},
      {"output in sitegen.json inside the content",
       [](const std::string& dir) { edit_json(dir + "/sitegen.json", [](json& j) { j["output"] = "content/site"; }); }, "",
       1, "sitegen.json: error: \"output\": is inside the site's content/ folder"},
      {"--base-url javascript:", [](const std::string&) {}, "--base-url 'javascript:alert(1)//'", 2,
       "--base-url: \"javascript:alert(1)//\" must be an absolute URL"},
      {"--base-url without a scheme", [](const std::string&) {}, "--base-url example.org", 2,
       "--base-url: \"example.org\" must be an absolute URL"},
      {"--base-url with markup", [](const std::string&) {}, "--base-url '?q=<y>'", 2, "--base-url: \"?q=<y>\""},
      {"base_url javascript: in sitegen.json",
       [](const std::string& dir) { edit_json(dir + "/sitegen.json", [](json& j) { j["base_url"] = "javascript:alert(1)//"; }); },
       "", 1, "sitegen.json:3:3: error: \"base_url\": \"javascript:alert(1)//\" must be an absolute URL"},
      {"base_url that closes an attribute in sitegen.json",
       [](const std::string& dir) {
         edit_json(dir + "/sitegen.json", [](json& j) { j["base_url"] = "https://x.test/\"><script>alert(1)</script>"; });
       },
       "", 1, "holds a character a URL cannot hold as it is"},
  };
  for (const Hostile& hostile : cases) {
    INFO(hostile.name);
    test::TempDir dir;
    test::make_fixture_site("mini", dir.path());
    hostile.make(dir.path());
    auto result = test::run_sitegen("build --source '" + dir.path() + "' " + replace_all(hostile.args, "{dir}", dir.path()),
                                    "timeout 60 ");
    INFO(result.err.substr(0, 2000));
    CHECK(result.signal == 0);
    CHECK(result.exit_code == hostile.exit_code);
    CHECK(result.err.find(hostile.message) != std::string::npos);
    CHECK(result.peak_rss_kb < kMemoryLimitKb);
    if (hostile.exit_code != 0) CHECK_FALSE(fs::exists(dir / "public/index.html"));
  }
}
