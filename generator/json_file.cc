#include "json_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>

namespace sitegen {

namespace {

// Line and column (1-based) of a byte offset.
std::pair<int, int> position_of(const std::string& text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the file");
  // Sized once from the file's length: a large site's manifest is megabytes, read on every build.
  in.seekg(0, std::ios::end);
  std::string text(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw std::runtime_error(path + ": cannot read the file");
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

Position JsonFile::where(const std::string& field_path) const {
  // Follows the path key by key through the text; good enough to point at the right place,
  // and never wrong about which file.
  size_t from = 0;
  size_t found = std::string::npos;
  size_t start = 0;
  while (start <= field_path.size()) {
    size_t dot = field_path.find('.', start);
    std::string key = field_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    found = text.find("\"" + key + "\"", from);
    if (found == std::string::npos) return {};
    from = found + key.size() + 2;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  auto [line, column] = position_of(text, found);
  return {line, column};
}

std::optional<JsonFile> read_json_file(const std::string& disk_path, const std::string& shown_path,
                                       Diagnostics& diagnostics) {
  std::string text;
  try {
    text = read_text_file(disk_path);
  } catch (const std::exception&) {
    diagnostics.error(shown_path, 0, "", "cannot read the file");
    return std::nullopt;
  }
  return parse_json_text(std::move(text), shown_path, diagnostics);
}

std::optional<JsonFile> parse_json_text(std::string text, const std::string& shown_path, Diagnostics& diagnostics) {
  JsonFile file;
  file.path = shown_path;
  file.text = std::move(text);
  diagnostics.add_source(shown_path, file.text);
  if (file.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.error(shown_path, 0, "", "the file is empty; expected a JSON object");
    return std::nullopt;
  }
  try {
    file.value = nlohmann::json::parse(file.text);
  } catch (const nlohmann::json::exception& e) {
    // e.byte points just past the offending token; step back to where the token starts so the
    // column names the unexpected "slug" rather than the character after it.
    const auto* parse_error = dynamic_cast<const nlohmann::json::parse_error*>(&e);
    size_t byte = parse_error ? parse_error->byte : 0;
    size_t offset = byte > 0 ? std::min<size_t>(byte - 1, file.text.size() - 1) : 0;
    if (file.text[offset] == '"') {
      while (offset > 0 && !(file.text[offset - 1] == '"' && (offset < 2 || file.text[offset - 2] != '\\'))) --offset;
      if (offset > 0) --offset;
    } else {
      auto in_literal = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.'; };
      while (offset > 0 && in_literal(file.text[offset]) && in_literal(file.text[offset - 1])) --offset;
    }
    std::string what = e.what();
    auto [line, column] = position_of(file.text, offset);
    // Keep the library's explanation but drop its "[json.exception...]" prefix.
    size_t colon = what.find("syntax error");
    std::string reason = colon == std::string::npos ? "invalid JSON" : what.substr(colon);
    diagnostics.add({Severity::error, shown_path, line, column, "", "invalid JSON: " + reason});
    return std::nullopt;
  }
  if (!file.value.is_object()) {
    diagnostics.error(shown_path, 1, "", "expected a JSON object at the top level");
    return std::nullopt;
  }
  return file;
}

}  // namespace sitegen
