// JsonFile: one JSON input file read from disk, with its text kept so that errors can name a line.
// Syntax errors become diagnostics with line and column instead of library exception text.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

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

// Why a file could not be read. what() is "<path>: <reason>"; reason() is the reason alone,
// for a diagnostic that names the file itself.
class FileError : public std::runtime_error {
 public:
  FileError(const std::string& path, std::string reason)
      : std::runtime_error(path + ": " + reason), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// Reads a whole regular file. Never waits on a FIFO or device and never follows a symlink loop:
// anything but a readable regular file (a folder, a FIFO, a dangling symlink, no permission)
// throws FileError saying which.
std::string read_text_file(const std::string& path);
// The same file, handed to `block` piece by piece (a large manifest, never held whole). `size`,
// when given, is told the file's size first, to make room for what is read.
void read_file_in_blocks(const std::string& path, const std::function<void(std::string_view)>& block,
                         const std::function<void(size_t)>& size = nullptr);

// The entries of a folder, sorted by name, without throwing: nothing when it cannot be read.
std::vector<std::string> folder_entries(const std::string& dir);

// Why the entry at `path` can be neither read nor listed, when it is a symlink that leads nowhere
// (to nothing, or round in a loop); nothing otherwise.
std::optional<std::string> broken_link(const std::string& path);

}  // namespace sitegen
