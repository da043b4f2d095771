#include <catch2/catch.hpp>
#include <sstream>

#include "links.h"
#include "test_support.h"

using namespace sitegen;

namespace {

std::string messages(const Diagnostics& diagnostics) {
  std::ostringstream out;
  diagnostics.print(out, {false, false, 100});
  return out.str();
}

}  // namespace

TEST_CASE("internal links resolve relatively, root-relatively and absolutely under the base URL", "[links]") {
  test::TempDir dir;
  test::write_file(dir / "site/index.html",
                   "<a href=\"smtp/\">x</a> <a href=\"/docs/smtp/535/\">y</a> <a href=\"https://ex.test/docs/\">z</a>"
                   "<a href=\"https://elsewhere.test/\">external</a> <a href=\"#top\">anchor</a>");
  test::write_file(dir / "site/smtp/index.html", "<a href=\"../\">home</a> <img src=\"535/pic.png\">");
  test::write_file(dir / "site/smtp/535/index.html", "<a href=\"../../smtp/\">up</a>");
  test::write_file(dir / "site/smtp/535/pic.png", "png");
  test::write_file(dir / "site/sitemap.xml", "<urlset><url><loc>https://ex.test/docs/smtp/535/</loc></url></urlset>");
  Diagnostics diagnostics;
  const LinkReport report = check_links(dir / "site", "https://ex.test/docs/", diagnostics);
  INFO(messages(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(report.pages == 3);
  CHECK(report.links == 7);
}

TEST_CASE("a broken link and a link out of the site are errors naming the page", "[links]") {
  test::TempDir dir;
  test::write_file(dir / "site/index.html", "<a href=\"missing/\">x</a> <a href=\"../../etc/passwd\">y</a>");
  Diagnostics diagnostics;
  check_links(dir / "site", "https://ex.test/", diagnostics);
  const std::string text = messages(diagnostics);
  CHECK(diagnostics.error_count() == 2);
  CHECK(text.find("/site/index.html: error: broken link \"missing/\": missing/index.html does not exist") != std::string::npos);
  CHECK(text.find("/site/index.html: error: link \"../../etc/passwd\" leaves the site") != std::string::npos);
}

TEST_CASE("checking a folder that is not there says to build first", "[links]") {
  Diagnostics diagnostics;
  check_links("/nonexistent/site", "https://ex.test/", diagnostics);
  CHECK(messages(diagnostics).find("no built site here; run sitegen build first") != std::string::npos);
}
