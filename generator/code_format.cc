#include "code_format.h"

#include <algorithm>

namespace sitegen {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "0", "17", "4999": digits without a leading zero, at most 9 of them (an int).
std::optional<int> parse_number(const std::string& text) {
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), is_digit)) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  return std::stoi(text);
}

}  // namespace

std::optional<CodeFormat> parse_code_format(const nlohmann::json& value, std::string& error) {
  CodeFormat format;
  if (value.is_null()) return format;
  const std::string usage =
      "must be {\"kind\": \"integer\", \"digits\": 3}, {\"kind\": \"integer\", \"min\": 0, \"max\": 4095} or "
      "{\"kind\": \"dotted\"}";
  if (!value.is_object() || !value.contains("kind") || !value["kind"].is_string()) {
    error = usage;
    return std::nullopt;
  }
  for (const auto& [key, unused] : value.items()) {
    if (key != "kind" && key != "digits" && key != "min" && key != "max") {
      error = "has an unknown field \"" + key + "\"; it " + usage.substr(5);
      return std::nullopt;
    }
  }
  const std::string kind = value["kind"].get<std::string>();
  if (kind == "dotted") {
    if (value.size() != 1) {
      error = "a dotted format has no other field: {\"kind\": \"dotted\"}";
      return std::nullopt;
    }
    format.kind = CodeFormat::Kind::dotted;
    format.digits = 0;
    return format;
  }
  if (kind != "integer") {
    error = "\"kind\" must be \"integer\" or \"dotted\"";
    return std::nullopt;
  }
  auto small_int = [&](const char* key, int low, int high, int& out) {
    if (!value.contains(key)) return true;
    if (!value[key].is_number_integer() || value[key].get<long long>() < low || value[key].get<long long>() > high) {
      error = std::string("\"") + key + "\" must be a whole number from " + std::to_string(low) + " to " +
              std::to_string(high);
      return false;
    }
    out = value[key].get<int>();
    return true;
  };
  if (value.contains("digits")) {
    if (value.contains("min") || value.contains("max")) {
      error = "give either \"digits\" or \"min\" and \"max\", not both";
      return std::nullopt;
    }
    if (!small_int("digits", 1, 9, format.digits)) return std::nullopt;
    format.min = format.digits == 1 ? 0 : 1;
    for (int i = 1; i < format.digits; ++i) format.min *= 10;
    format.max = format.min == 0 ? 9 : format.min * 10 - 1;
    return format;
  }
  if (!value.contains("min") || !value.contains("max")) {
    error = "an integer format gives \"digits\", or \"min\" and \"max\"";
    return std::nullopt;
  }
  format.digits = 0;
  if (!small_int("min", 0, 999999999, format.min) || !small_int("max", 0, 999999999, format.max)) return std::nullopt;
  if (format.min > format.max) {
    error = "\"min\" must not be above \"max\"";
    return std::nullopt;
  }
  return format;
}

std::string class_key_problem(const CodeFormat& format, const std::string& klass) {
  if (format.kind == CodeFormat::Kind::dotted) {
    if (klass.size() == 5 && is_digit(klass[0]) && klass.compare(1, 4, ".x.x") == 0) return "";
    return "a class of dotted codes is written like \"5.x.x\"";
  }
  if (format.digits == 0) return "";  // a named range (parse_code_format's caller reads its "range")
  const std::string example = std::string("2") + std::string(static_cast<size_t>(format.digits - 1), 'x');
  if (klass.size() == static_cast<size_t>(format.digits) && is_digit(klass[0]) &&
      std::all_of(klass.begin() + 1, klass.end(), [](char c) { return c == 'x'; })) {
    return "";
  }
  return "a class of " + std::to_string(format.digits) + "-digit codes is written like \"" + example + "\"";
}

std::optional<CodeId> parse_code_text(const CodeFormat& format, const std::string& text) {
  CodeId id;
  id.text = text;
  if (format.kind == CodeFormat::Kind::dotted) {
    // class.subject.detail: each a number of at most three digits (RFC 3463 §2), class one digit.
    size_t first = text.find('.');
    size_t second = first == std::string::npos ? first : text.find('.', first + 1);
    if (second == std::string::npos || text.find('.', second + 1) != std::string::npos) return std::nullopt;
    auto a = parse_number(text.substr(0, first));
    auto b = parse_number(text.substr(first + 1, second - first - 1));
    auto c = parse_number(text.substr(second + 1));
    if (!a || !b || !c || *a > 9 || *b > 999 || *c > 999) return std::nullopt;
    id.key = {*a, *b, *c};
    return id;
  }
  auto n = parse_number(text);
  if (!n || *n < format.min || *n > format.max) return std::nullopt;
  if (format.digits && text.size() != static_cast<size_t>(format.digits)) return std::nullopt;
  id.key = {*n, 0, 0};
  return id;
}

std::optional<CodeId> parse_code_value(const CodeFormat& format, const nlohmann::json& value) {
  if (format.kind == CodeFormat::Kind::dotted) {
    if (!value.is_string()) return std::nullopt;
    return parse_code_text(format, value.get<std::string>());
  }
  if (!value.is_number_integer()) return std::nullopt;
  const long long n = value.get<long long>();
  if (n < 0 || n > 999999999) return std::nullopt;
  return parse_code_text(format, std::to_string(n));
}

std::string class_of(const CodeFormat& format, const CodeId& code) {
  if (format.kind == CodeFormat::Kind::dotted) return std::to_string(code.key[0]) + ".x.x";
  if (format.digits) return code.text.substr(0, 1) + std::string(code.text.size() - 1, 'x');
  for (const auto& range : format.ranges) {
    if (code.key[0] >= range.low && code.key[0] <= range.high) return range.klass;
  }
  return "";
}

std::string subject_of(const CodeFormat& format, const CodeId& code) {
  if (format.kind != CodeFormat::Kind::dotted) return "";
  return "x." + std::to_string(code.key[1]) + ".x";
}

std::string class_display(const CodeFormat& format, const std::string& klass) {
  for (const auto& range : format.ranges) {
    if (range.klass == klass) return std::to_string(range.low) + "\u2013" + std::to_string(range.high);
  }
  return klass;
}

std::string code_format_example(const CodeFormat& format) {
  if (format.kind == CodeFormat::Kind::dotted) return "a string such as \"5.7.1\" (class.subject.detail)";
  if (format.digits == 3) return "a three-digit number such as 250";
  if (format.digits) return "a " + std::to_string(format.digits) + "-digit number such as " + std::to_string(format.min);
  return "a whole number from " + std::to_string(format.min) + " to " + std::to_string(format.max);
}

}  // namespace sitegen
