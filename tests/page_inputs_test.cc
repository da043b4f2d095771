#include <catch2/catch.hpp>

#include "config.h"
#include "page_inputs.h"
#include "plan.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("each page kind declares the catalog data it shows", "[page_inputs]") {
  Diagnostics diagnostics;
  const Catalog catalog = load_catalog(test::repo_dir() + "/tests/fixtures/mini/content", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const Protocol& smtp = catalog.protocols.at(0);
  Config config;
  for (const Page& page : plan_site(catalog, config)) {
    INFO(page.path);
    const PageInputs inputs = page_inputs(page);
    switch (page.kind) {
      case PageKind::home:
      case PageKind::not_found:
        CHECK(inputs.reads_outline(smtp));
        for (const Code& code : smtp.codes) CHECK_FALSE(inputs.reads_entry(smtp, code));
        break;
      case PageKind::protocol_index:
        for (const Code& code : smtp.codes) CHECK(inputs.reads_entry(smtp, code));
        break;
      case PageKind::code:
        CHECK(inputs.reads_outline(smtp));
        for (const Code& code : smtp.codes) CHECK(inputs.reads_entry(smtp, code) == (&code == page.code));
        break;
      case PageKind::pair:
        CHECK(inputs.reads_outline(smtp));
        for (const Code& code : smtp.codes) {
          CHECK(inputs.reads_entry(smtp, code) == (&code == page.code || &code == page.other));
        }
        break;
    }
  }
}
