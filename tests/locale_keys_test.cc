#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>

#include "locale_keys.h"
#include "test_support.h"

using namespace sitegen;

TEST_CASE("every frame the views fill is a required key, and the English frames use what they are given", "[locale_keys]") {
  Diagnostics diagnostics;
  const Catalog catalog = load_catalog(test::repo_dir() + "/content", diagnostics);
  const auto keys = required_locale_keys(catalog);
  for (const auto& [frame, placeholders] : frame_placeholders()) {
    CHECK(std::count(keys.begin(), keys.end(), "frames." + frame) == 1);
  }
  for (const auto& protocol : catalog.protocols) {
    CHECK(std::count(keys.begin(), keys.end(), "protocols." + protocol.id + ".title") == 1);
  }
  // The views source names exactly these frames: each frame("x", …) call has its entry.
  const std::string views = test::read_file(test::repo_dir() + "/generator/views.cc") +
                            test::read_file(test::repo_dir() + "/generator/code_strings.cc") +
                            test::read_file(test::repo_dir() + "/generator/page_writer.cc");
  static const std::regex call("frame(?:_text)?\\(\\s*\"([a-z_]+)\"");
  for (auto it = std::sregex_iterator(views.begin(), views.end(), call); it != std::sregex_iterator(); ++it) {
    INFO((*it)[1].str());
    CHECK(frame_placeholders().count((*it)[1].str()) == 1);
  }
}
