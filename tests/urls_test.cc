#include <catch2/catch.hpp>

#include "catalog.h"
#include "urls.h"

using namespace sitegen;

TEST_CASE("relative_href climbs out of the current folder and into the target", "[urls]") {
  CHECK(relative_href("smtp/214-help-message/", "smtp/") == "../");
  CHECK(relative_href("smtp/", "smtp/214-help-message/") == "214-help-message/");
  CHECK(relative_href("", "smtp/") == "smtp/");
  CHECK(relative_href("fr/compare/smtp/a-vs-b/", "fr/") == "../../../");
  CHECK(relative_href("fr/compare/smtp/a-vs-b/", "compare/smtp/a-vs-b/") == "../../../../compare/smtp/a-vs-b/");
  CHECK(relative_href("smtp/", "smtp/") == "./");
  CHECK(relative_href("fr/", "") == "../");
  CHECK(relative_href("", "assets/style.css") == "assets/style.css");
}

TEST_CASE("relative_href does not mistake a shared name prefix for a shared folder", "[urls]") {
  // "smtp-x/" and "smtp/" share the characters "smtp" but not a folder.
  CHECK(relative_href("smtp-x/", "smtp/") == "../smtp/");
}

TEST_CASE("page paths follow the URL scheme", "[urls]") {
  Protocol smtp;
  smtp.id = "smtp";
  Code help;
  help.id = "214"; help.key = {214, 0, 0};
  help.slug = "214-help-message";
  Code failed;
  failed.id = "535"; failed.key = {535, 0, 0};
  failed.slug = "535-authentication-failed";

  CHECK(locale_prefix("en", "en") == "");
  CHECK(locale_prefix("ar", "en") == "ar/");
  CHECK(protocol_path("", smtp) == "smtp/");
  CHECK(protocol_path("de/", smtp) == "de/smtp/");
  CHECK(code_path("ar/", smtp, help) == "ar/smtp/214-help-message/");
  SECTION("a pair puts the lower code first whatever the argument order") {
    std::string expected = "compare/smtp/214-help-message-vs-535-authentication-failed/";
    CHECK(pair_path("", smtp, help, failed) == expected);
    CHECK(pair_path("", smtp, failed, help) == expected);
    CHECK(pair_path("fr/", smtp, failed, help) == "fr/" + expected);
  }
}
