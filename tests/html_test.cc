#include <catch2/catch.hpp>

#include "config.h"
#include "html.h"
#include "locales.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("escape_html escapes the five characters that can end text or an attribute", "[html]") {
  CHECK(escape_html("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(escape_html("plain text, no change") == "plain text, no change");
  CHECK(escape_html("") == "");
  CHECK(escape_html("&amp;") == "&amp;amp;");  // escaping twice shows the entity, as it must
}

TEST_CASE("English prose is marked on other locales' pages, right to left where needed", "[html]") {
  Config config;
  config.locales = {"en", "fr", "ar"};
  Diagnostics diagnostics;
  Locales locales = load_locales(test::repo_dir() + "/locales", config, {}, diagnostics);
  CHECK(mark_english("<em>x</em>", locales.get("en")) == "<em>x</em>");
  CHECK(mark_english("<em>x</em>", locales.get("fr")) == "<span lang=\"en\"><em>x</em></span>");
  CHECK(mark_english("<p>x</p>", locales.get("fr"), true) == "<div lang=\"en\"><p>x</p></div>");
  CHECK(mark_english("x", locales.get("ar")) == "<span lang=\"en\" dir=\"ltr\">x</span>");
}
