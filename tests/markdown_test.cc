#include <catch2/catch.hpp>

#include "markdown.h"

using namespace sitegen;

TEST_CASE("markdown renders GFM tables and strikethrough and autolinks", "[markdown]") {
  CHECK(render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
  CHECK(render_markdown("~~gone~~").find("<del>gone</del>") != std::string::npos);
  CHECK(render_markdown("see https://example.org/x now").find("<a href=\"https://example.org/x\">") !=
        std::string::npos);
  CHECK(render_markdown("use `MAIL FROM`") == "<p>use <code>MAIL FROM</code></p>\n");
}

TEST_CASE("markdown drops raw HTML and dangerous links", "[markdown][security]") {
  std::string html = render_markdown(
      "Hi <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n<div onclick=\"x()\">block</div>\n\n"
      "[click](javascript:alert(3)) [data](data:text/html;base64,AAAA) [vb](VBScript:x)");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("onerror") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("data:text/html") == std::string::npos);
  CHECK(html.find("VBScript:") == std::string::npos);
  CHECK(html.find("raw HTML omitted") != std::string::npos);
}

TEST_CASE("inline markdown has no paragraph wrapper", "[markdown]") {
  CHECK(render_inline_markdown("The *server* said `250`.") == "The <em>server</em> said <code>250</code>.");
  CHECK(render_inline_markdown("Fish & chips <b>") == "Fish &amp; chips <!-- raw HTML omitted -->");
}
