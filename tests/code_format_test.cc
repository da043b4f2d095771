// CodeFormat: which codes each format accepts, how they sort, and their class and subject.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "code_format.h"

using namespace sitegen;
using json = nlohmann::json;

namespace {

CodeFormat format_of(const json& value) {
  std::string error;
  auto format = parse_code_format(value, error);
  INFO(error);
  REQUIRE(format);
  return *format;
}

std::string error_of(const json& value) {
  std::string error;
  CHECK_FALSE(parse_code_format(value, error));
  return error;
}

}  // namespace

TEST_CASE("without code_format a protocol has three-digit codes whose class is the first digit", "[code_format]") {
  const CodeFormat format = format_of(json());
  for (const char* text : {"100", "250", "999"}) {
    auto id = parse_code_text(format, text);
    REQUIRE(id);
    CHECK(class_of(format, *id) == std::string(1, text[0]) + "xx");
    CHECK(subject_of(format, *id) == "");
  }
  for (const char* text : {"99", "1000", "050", "25a", "", "-250", "2.5"}) {
    INFO(text);
    CHECK_FALSE(parse_code_text(format, text));
  }
  CHECK(parse_code_value(format, json(250))->text == "250");
  CHECK_FALSE(parse_code_value(format, json("250")));  // integers are written as numbers
  CHECK(class_key_problem(format, "2xx") == "");
  CHECK(class_key_problem(format, "2xxx") != "");
}

TEST_CASE("four-digit codes (WebSocket close codes) have classes such as 1xxx", "[code_format]") {
  const CodeFormat format = format_of({{"kind", "integer"}, {"digits", 4}});
  CHECK(format.min == 1000);
  CHECK(format.max == 9999);
  CHECK(class_of(format, *parse_code_text(format, "1011")) == "1xxx");
  CHECK_FALSE(parse_code_text(format, "999"));
  CHECK(class_key_problem(format, "4xxx") == "");
  CHECK(class_key_problem(format, "4xx") == "a class of 4-digit codes is written like \"2xxx\"");
}

TEST_CASE("codes from min to max (DNS RCODEs) belong to the class whose range holds them", "[code_format]") {
  CodeFormat format = format_of({{"kind", "integer"}, {"min", 0}, {"max", 4095}});
  format.ranges = {{"base", 0, 15}, {"extended", 16, 4095}};
  CHECK(class_of(format, *parse_code_text(format, "0")) == "base");
  CHECK(class_of(format, *parse_code_text(format, "15")) == "base");
  CHECK(class_of(format, *parse_code_text(format, "16")) == "extended");
  CHECK_FALSE(parse_code_text(format, "4096"));
  CHECK_FALSE(parse_code_text(format, "07"));  // one way to write each code
  CHECK(class_display(format, "extended") == "16\u20134095");
  CHECK(class_display(format_of(json()), "5xx") == "5xx");
}

TEST_CASE("dotted codes are class.subject.detail and sort number by number", "[code_format]") {
  const CodeFormat format = format_of({{"kind", "dotted"}});
  auto id = parse_code_value(format, json("5.7.1"));
  REQUIRE(id);
  CHECK(class_of(format, *id) == "5.x.x");
  CHECK(subject_of(format, *id) == "x.7.x");
  for (const char* text : {"5.7", "5.7.1.2", "5.07.1", "10.1.1", "5..1", ".7.1", "5.7.1000", "x.7.1"}) {
    INFO(text);
    CHECK_FALSE(parse_code_text(format, text));
  }
  CHECK_FALSE(parse_code_value(format, json(571)));
  // 5.7.9 before 5.7.10, as the registry lists them, not as text sorts them.
  std::vector<std::string> texts = {"5.7.10", "4.7.1", "5.7.9", "2.0.0", "5.1.10", "5.1.2"};
  std::vector<CodeId> ids;
  for (const auto& text : texts) ids.push_back(*parse_code_text(format, text));
  std::sort(ids.begin(), ids.end(), [](const CodeId& a, const CodeId& b) { return a.key < b.key; });
  std::vector<std::string> sorted;
  for (const auto& code : ids) sorted.push_back(code.text);
  CHECK(sorted == std::vector<std::string>{"2.0.0", "4.7.1", "5.1.2", "5.1.10", "5.7.9", "5.7.10"});
  CHECK(class_key_problem(format, "5.x.x") == "");
  CHECK(class_key_problem(format, "5xx") != "");
}

TEST_CASE("a malformed code_format says what it must look like", "[code_format]") {
  CHECK(error_of("dotted").find("must be {\"kind\": \"integer\"") == 0);
  CHECK(error_of({{"kind", "roman"}}) == "\"kind\" must be \"integer\" or \"dotted\"");
  CHECK(error_of({{"kind", "integer"}, {"digits", 0}}) == "\"digits\" must be a whole number from 1 to 9");
  CHECK(error_of({{"kind", "integer"}, {"digits", 3}, {"min", 0}}) == "give either \"digits\" or \"min\" and \"max\", not both");
  CHECK(error_of({{"kind", "integer"}, {"min", 9}, {"max", 1}}) == "\"min\" must not be above \"max\"");
  CHECK(error_of({{"kind", "integer"}, {"min", 0}}) == "an integer format gives \"digits\", or \"min\" and \"max\"");
  CHECK(error_of({{"kind", "dotted"}, {"digits", 3}}) == "a dotted format has no other field: {\"kind\": \"dotted\"}");
  CHECK(error_of({{"kind", "dotted"}, {"base", 3}}).find("unknown field \"base\"") != std::string::npos);
}
