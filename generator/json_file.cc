#include "json_file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

#include "input_limits.h"

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

namespace {

// Where objects and lists first nest deeper than kMaxJsonDepth (outside strings), or npos.
size_t too_deep(const std::string& text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string::npos;
}

// Why `path` cannot be opened, in words a user acts on.
std::string open_failure(const std::string& path, int error) {
  struct stat link;
  if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    return "is a symlink to a file that does not exist";
  }
  if (error == ELOOP) return "is a symlink loop (too many levels of symbolic links)";
  if (error == EACCES) return "cannot be read: permission denied";
  if (error == ENOENT) return "does not exist";
  return std::string("cannot be read: ") + std::strerror(error);
}

// Opens `path` for reading if it is a regular file (its size into `size`); throws FileError.
int open_regular_file(const std::string& path, size_t& size) {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw FileError(path, open_failure(path, errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw FileError(path, S_ISDIR(st.st_mode) ? "is a folder, not a file"
                                              : "is not a regular file (a FIFO, socket or device)");
  }
  size = static_cast<size_t>(st.st_size);
  return fd;
}

// Closes a descriptor on every way out.
struct ClosedAtEnd {
  int fd;
  ~ClosedAtEnd() { ::close(fd); }
};

// Up to `capacity` bytes from `fd` into `into` (0 at the end); throws FileError.
size_t read_some(int fd, char* into, size_t capacity, const std::string& path) {
  while (true) {
    const ssize_t n = ::read(fd, into, capacity);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    throw FileError(path, errno == EISDIR ? "is a folder, not a file"
                                          : std::string("cannot be read: ") + std::strerror(errno));
  }
}

}  // namespace

std::string read_text_file(const std::string& path) {
  size_t size = 0;
  const ClosedAtEnd file{open_regular_file(path, size)};
  // Sized once from the file's length: one read for most files.
  std::string text(size, '\0');
  size_t done = 0;
  while (true) {
    if (done == text.size()) text.resize(text.size() + 4096);  // the file grew while read
    const size_t n = read_some(file.fd, text.data() + done, text.size() - done, path);
    if (n == 0) break;
    done += n;
  }
  text.resize(done);
  return text;
}

void read_file_in_blocks(const std::string& path, const std::function<void(std::string_view)>& block,
                         const std::function<void(size_t)>& told_size) {
  size_t size = 0;
  const ClosedAtEnd file{open_regular_file(path, size)};
  if (told_size) told_size(size);
  std::vector<char> buffer(256 * 1024);
  for (size_t n; (n = read_some(file.fd, buffer.data(), buffer.size(), path)) > 0;) block({buffer.data(), n});
}

std::vector<std::string> folder_entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* folder = ::opendir(dir.c_str());
  if (folder == nullptr) return names;
  while (const dirent* entry = ::readdir(folder)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(folder);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> broken_link(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode) || ::stat(path.c_str(), &st) == 0) return std::nullopt;
  return open_failure(path, errno);
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
  } catch (const FileError& e) {
    diagnostics.error(shown_path, 0, "", e.reason());
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
  if (file.text.size() > kMaxJsonBytes) {
    diagnostics.error(shown_path, 0, "", "is " + std::to_string(file.text.size()) + " bytes; the limit is " +
                                             std::to_string(kMaxJsonBytes) + " bytes");
    return std::nullopt;
  }
  // Nesting is bounded before the parser sees it: every later step walks the tree.
  if (const size_t deep = too_deep(file.text); deep != std::string::npos) {
    auto [line, column] = position_of(file.text, deep);
    diagnostics.add({Severity::error, shown_path, line, column, "",
                     "nests deeper than " + std::to_string(kMaxJsonDepth) + " levels of objects and lists"});
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
