// CodeFormat: how one protocol writes its codes (protocol.json "code_format"): which codes are
// valid, how they sort, and which class (and, for dotted codes, which subject) each belongs to.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace sitegen {

// Sorts codes: an integer code is {n, 0, 0}, a dotted one {class, subject, detail}.
using CodeKey = std::array<int, 3>;

// A class that covers a range of integer codes (DNS RCODE-shaped: "base" is 0–15).
struct ClassRange {
  std::string klass;
  int low = 0, high = 0;
};

struct CodeFormat {
  // integer: "250", "1000", "0"; dotted: "5.7.1" (class.subject.detail, RFC 3463 §2).
  enum class Kind { integer, dotted } kind = Kind::integer;
  // Integer codes: exactly `digits` digits (classes "2xx", "1xxx": the first digit), or, when
  // 0, any number from `min` to `max` whose classes are `ranges`.
  int digits = 3;
  int min = 0, max = 999;
  std::vector<ClassRange> ranges;
};

// A code as written in its file ("5.7.1") and its sort key.
struct CodeId {
  std::string text;
  CodeKey key{};
};

// Reads protocol.json's "code_format" value (absent: three-digit integers). On a problem,
// returns nothing and sets `error` to a message for the field.
std::optional<CodeFormat> parse_code_format(const nlohmann::json& value, std::string& error);

// Whether `klass` names a class the format can derive (protocol.json "classes" keys), or why not.
std::string class_key_problem(const CodeFormat& format, const std::string& klass);

// The code of a code file's "code" value (an integer, or a string for dotted codes); nothing if
// it is not one of the format's codes.
std::optional<CodeId> parse_code_value(const CodeFormat& format, const nlohmann::json& value);
// The same from text: a file name's stem, half of a pair file's name.
std::optional<CodeId> parse_code_text(const CodeFormat& format, const std::string& text);

// The class a code belongs to: "5xx", "1xxx", "5.x.x", or the range class; "" if none.
std::string class_of(const CodeFormat& format, const CodeId& code);
// The subject of a dotted code ("x.7.x" for 5.7.1); "" in other formats.
std::string subject_of(const CodeFormat& format, const CodeId& code);

// How pages write a class: its key ("5xx", "5.x.x"), or the range of a range class ("16–4095").
std::string class_display(const CodeFormat& format, const std::string& klass);

// What a code of this format looks like, for messages: "a three-digit number such as 250".
std::string code_format_example(const CodeFormat& format);

}  // namespace sitegen
