#include "manifest.h"

#include <algorithm>
#include <string_view>

namespace sitegen {

bool is_safe_relative_path(const std::string& path) {
  // A backslash is an ordinary character in a Linux file name (a user's file may have one), and
  // every path is opened below the folder without following links, so only ".." and "/" matter.
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  for (size_t start = 0; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const size_t length = end - start;
    if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path.compare(start, 2, "..") == 0)) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string escape_manifest_name(const std::string& name) {
  if (name.find_first_of("\\\n\r") == std::string::npos) return name;  // almost every name
  std::string out;
  out.reserve(name.size() + 8);
  for (char c : name) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string unescape_manifest_name(const std::string& text) {
  if (text.find('\\') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
  }
  return out;
}

Manifest parse_manifest(const std::string& text) {
  Manifest manifest;
  manifest.files.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  // Read by hand rather than with a stream: the manifest of a large site has tens of thousands
  // of lines, and a no-op rebuild is mostly this.
  for (size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const size_t first = text.find(' ', start);
    const size_t second = first == std::string::npos ? first : text.find(' ', first + 1);
    if (second == std::string::npos || second >= end) continue;
    const std::string_view bytes(text.data() + start, first - start);
    if (bytes == "folder" || bytes == "recorded") {  // the last lines: kept as they are, for later
      manifest.folder_lines = text.substr(start);
      break;
    }
    std::string file = unescape_manifest_name(text.substr(second + 1, end - second - 1));
    // A path that could leave the folder is never trusted, whatever wrote it.
    if (bytes.empty() || !is_safe_relative_path(file)) continue;
    if (bytes == "user") {
      manifest.user_files.insert(std::move(file));
    } else {
      ManifestEntry entry;
      entry.bytes = digest_from_hex(bytes).value_or(Digest{});
      entry.inputs = digest_from_hex(std::string_view(text.data() + first + 1, second - first - 1)).value_or(Digest{});
      manifest.files.emplace(std::move(file), entry);
    }
  }
  return manifest;
}

std::string manifest_text(const ManifestFiles& files, const std::vector<std::string>& user_files) {
  // Sorted by path, so the same site always gives the same manifest.
  std::vector<const ManifestFiles::value_type*> sorted;
  sorted.reserve(files.size());
  for (const auto& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  // Appended piece by piece into one string sized up front: a large site's manifest has tens of
  // thousands of lines, and a line made of temporary strings cost more than writing it out.
  size_t size = 0;
  for (const auto* file : sorted) size += 66 + file->first.size() + 1;
  for (const auto& file : user_files) size += file.size() + 8;
  std::string text;
  text.reserve(size);
  for (const auto* file : sorted) {
    const ManifestEntry& entry = file->second;
    text.append(to_hex(entry.bytes)).append(1, ' ').append(entry.inputs.none() ? "-" : to_hex(entry.inputs));
    text.append(1, ' ').append(escape_manifest_name(file->first)).append(1, '\n');
  }
  for (const auto& file : user_files) text.append("user - ").append(escape_manifest_name(file)).append(1, '\n');
  return text;
}

}  // namespace sitegen
