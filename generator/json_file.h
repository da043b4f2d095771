// JsonFile: one JSON input file read from disk, with its text kept so that errors can name a line.
// Syntax errors become diagnostics with line and column instead of library exception text.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diagnostics.h"

namespace sitegen {

struct JsonFile {
  std::string path;     // as shown to the user
  std::string text;
  nlohmann::json value;

  // Where a dotted field path ("frames.intro") is written: the opening quote of its last key;
  // {0, 0} if it cannot be found.
  Position where(const std::string& field_path) const;
  int line_of(const std::string& field_path) const { return where(field_path).line; }
};

// Reads and parses; on failure reports to diagnostics and returns nothing.
std::optional<JsonFile> read_json_file(const std::string& disk_path, const std::string& shown_path,
                                       Diagnostics& diagnostics);

// Parses text already in memory (the same checks as read_json_file).
std::optional<JsonFile> parse_json_text(std::string text, const std::string& shown_path, Diagnostics& diagnostics);

// Reads a whole file; throws std::runtime_error naming the file on failure.
std::string read_text_file(const std::string& path);

}  // namespace sitegen
