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

TEST_CASE("a link or image to a dangerous URL keeps only its text", "[markdown][security]") {
  CHECK(render_inline_markdown("[click](javascript:alert(3)) now") == "click now");
  CHECK(render_inline_markdown("![a chart](data:image/png;base64,AAAA)") == "a chart");
  CHECK(render_inline_markdown("<DATA:image/gif,xx>") == "DATA:image/gif,xx");
  CHECK(render_inline_markdown("[a](%20java%0Ascript:x) [b](file:///etc/passwd)") == "<a href=\"%20java%0Ascript:x\">a</a> b");
  CHECK(render_inline_markdown("[**bold** link](vbscript:x)") == "<strong>bold</strong> link");
  CHECK(render_inline_markdown("[![x](data:image/png,1)](javascript:y)") == "x");
  CHECK(render_inline_markdown("[RFC 5321](https://www.rfc-editor.org/rfc/rfc5321)") ==
        "<a href=\"https://www.rfc-editor.org/rfc/rfc5321\">RFC 5321</a>");
}

TEST_CASE("inline markdown has no paragraph wrapper", "[markdown]") {
  CHECK(render_inline_markdown("The *server* said `250`.") == "The <em>server</em> said <code>250</code>.");
  CHECK(render_inline_markdown("Fish & chips <b>") == "Fish &amp; chips <!-- raw HTML omitted -->");
}
