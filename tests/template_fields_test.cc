#include <catch2/catch.hpp>
#include <set>

#include "locale_keys.h"
#include "mustache_tags.h"
#include "site.h"
#include "template_fields.h"
#include "test_support.h"

using namespace sitegen;

namespace {

// Diagnostics of check_template_fields on the mini fixture with `edit` applied to one template.
std::string warnings_after(const std::string& file, const std::string& from, const std::string& to) {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  std::string text = test::read_file(dir / file);
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  test::write_file(dir / file, text);
  Diagnostics diagnostics;
  auto site = load_site(dir.path(), diagnostics);
  REQUIRE(site);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto pages = plan_site(site->catalog, site->config);
  const SiteData data = prepare_site_data(site->config, site->catalog, site->locales, site->assets);
  check_template_fields(site->templates, pages, data, diagnostics);
  std::string out;
  for (const auto& d : diagnostics.all()) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a name no page of the template's kind has is a warning with file, line and column", "[template_fields]") {
  CHECK(warnings_after("templates/code.mustache", "{{{facts_heading}}}", "{{{facts_headng}}}")
            .find("templates/code.mustache:59:70: warning: {{facts_headng}}: no page that uses this template has a "
                  "field of this name") != std::string::npos);
  // Inside a section, in a partial, dotted: each is found where Mustache would look.
  CHECK(warnings_after("templates/partials/footer.mustache", "{{{ui.footer}}}", "{{{ui.fotter}}}")
            .find("templates/partials/footer.mustache:") != std::string::npos);
  CHECK(warnings_after("templates/pair.mustache", "{{{label}}}", "{{{lable}}}").find("{{lable}}") != std::string::npos);
  // The repository's own templates, unchanged, have none.
  CHECK(warnings_after("templates/code.mustache", "{{{facts_heading}}}", "{{{facts_heading}}}") == "");
}

TEST_CASE("docs/TEMPLATES.md lists every name the repository's templates use", "[template_fields]") {
  const std::string doc = test::read_file(test::repo_dir() + "/docs/TEMPLATES.md");
  for (const auto& file : test::list_files(test::repo_dir() + "/templates")) {
    if (file.size() < 9 || file.compare(file.size() - 9, 9, ".mustache") != 0) continue;
    for (const MustacheTag& tag : mustache_tags(test::read_file(test::repo_dir() + "/templates/" + file))) {
      if (tag.kind == '>' || tag.kind == '!' || tag.kind == '/' || tag.name.empty()) continue;
      INFO(file << ": " << tag.name);
      CHECK(doc.find("`" + tag.name + "`") != std::string::npos);
    }
  }
}
