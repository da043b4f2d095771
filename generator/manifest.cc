#include "manifest.h"

#include "json_file.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
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

namespace {

// Reads whole lines of a manifest (`text` ends at a line's end) into `manifest`: first the files,
// then the user's files, then (in the staging folder's) the folder times.
void read_lines(std::string_view text, Manifest& manifest) {
  // Read by hand rather than with a stream: the manifest of a large site has a million lines, and
  // a no-op rebuild is mostly this.
  for (size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const size_t first = text.find(' ', start);
    const size_t second = first == std::string::npos ? first : text.find(' ', first + 1);
    if (second == std::string::npos || second >= end) continue;
    const std::string_view bytes = text.substr(start, first - start);
    if (bytes == "recorded") {
      manifest.folder_times.recorded_at = std::strtoll(text.data() + first + 1, nullptr, 10);
      continue;
    }
    const std::string_view field = text.substr(second + 1, end - second - 1);
    // A folder's line has its time, then its path's digest (an older sitegen's, its path).
    const bool folder = bytes == "folder";
    const int64_t time = folder ? std::strtoll(text.data() + first + 1, nullptr, 10) : 0;
    if (auto digest = folder ? digest_from_hex(field) : std::nullopt) {
      manifest.folder_times.add(*digest, time);
      continue;
    }
    std::string file = unescape_manifest_name(std::string(field));
    // A path that could leave the folder is never trusted, whatever wrote it.
    if (bytes.empty() || !is_safe_relative_path(file)) continue;
    if (folder) {
      manifest.folder_times.add(file, time);
    } else if (bytes == "user") {
      manifest.user_files.insert(std::move(file));
    } else {
      ManifestEntry entry;
      entry.bytes = digest_from_hex(bytes).value_or(Digest{});
      entry.inputs = digest_from_hex(text.substr(first + 1, second - first - 1)).value_or(Digest{});
      manifest.files.add(file, entry);
    }
  }
}

}  // namespace

Manifest parse_manifest(const std::string& text) {
  Manifest manifest;
  read_lines(text, manifest);
  manifest.files.seal();
  manifest.folder_times.seal();
  return manifest;
}

// A file's line has a 32-digit digest, "-" or another digest, two spaces, a path and a line break.
constexpr size_t kShortestFileLine = 32 + 1 + 1 + 1 + 1 + 1;

Manifest read_manifest_file(const std::string& path) {
  // A line at a time as the blocks come: a million pages' manifest is 140 MB, never held whole.
  Manifest manifest;
  std::string pending;  // the lines read so far that are not yet complete
  read_file_in_blocks(
      path,
      [&](std::string_view block) {
        pending.append(block);
        const size_t last = pending.rfind('\n');
        if (last == std::string::npos) return;
        read_lines(std::string_view(pending).substr(0, last + 1), manifest);
        pending.erase(0, last + 1);
      },
      [&](size_t size) {
        // Room for as many lines as the file could hold, made once: growing a list of a million
        // paths by doubling holds the old copy and the new at once, twice the memory for a
        // moment. Room never filled costs address space, not memory.
        manifest.files.reserve(size / kShortestFileLine, size);
      });
  read_lines(pending, manifest);
  manifest.files.seal();
  manifest.folder_times.seal();
  return manifest;
}

// Appended piece by piece into a block that is handed on when full: a large site's manifest has
// a million lines, and a line made of temporary strings cost more than writing it out.
constexpr size_t kManifestBlock = 64 * 1024;

ManifestWriter::ManifestWriter(std::function<void(std::string_view)> write) : write_(std::move(write)) {
  text_.reserve(kManifestBlock + 4096);
}

void ManifestWriter::flush_if_full() {
  if (text_.size() < kManifestBlock) return;
  write_(text_);
  text_.clear();
}

void ManifestWriter::file(std::string_view path, const ManifestEntry& entry) {
  text_.append(to_hex(entry.bytes)).append(1, ' ').append(entry.inputs.none() ? "-" : to_hex(entry.inputs));
  text_.append(1, ' ').append(escape_manifest_name(std::string(path))).append(1, '\n');
  flush_if_full();
}

void ManifestWriter::user_file(const std::string& path) {
  text_.append("user - ").append(escape_manifest_name(path)).append(1, '\n');
  flush_if_full();
}

void ManifestWriter::folder(const FolderTimes::Record& record) {
  text_.append("folder ").append(std::to_string(record.time)).append(1, ' ').append(to_hex(record.folder)).append(1, '\n');
  flush_if_full();
}

void ManifestWriter::recorded(int64_t time) {
  text_.append("recorded ").append(std::to_string(time)).append(" folders\n");
  flush_if_full();
}

void ManifestWriter::finish() {
  if (!text_.empty()) write_(text_);
  text_.clear();
}

void write_manifest(const ManifestFiles& files, const std::vector<std::string>& user_files,
                    const std::function<void(std::string_view)>& write) {
  ManifestWriter out(write);
  for (const auto& [path, entry] : files) out.file(path, entry);
  for (const auto& file : user_files) out.user_file(file);
  out.finish();
}

void write_folder_lines(const FolderTimes& folders, const std::function<void(std::string_view)>& write) {
  ManifestWriter out(write);
  for (const auto& record : folders.records()) out.folder(record);
  out.recorded(folders.recorded_at);
  out.finish();
}

std::string folder_lines(const FolderTimes& folders) {
  std::string text;
  write_folder_lines(folders, [&](std::string_view block) { text += block; });
  return text;
}

std::string manifest_text(const ManifestFiles& files, const std::vector<std::string>& user_files) {
  std::string text;
  write_manifest(files, user_files, [&](std::string_view block) { text += block; });
  return text;
}

void ManifestFiles::add(std::string_view path, const ManifestEntry& entry) {
  if (!records_.empty() && sealed_) sealed_ = path_of(records_.back()) < path;
  records_.push_back({names_.size(), static_cast<uint32_t>(path.size()), entry});
  names_.append(path);
}

void ManifestFiles::seal() {
  if (sealed_) return;
  // Stable, so that of equal paths the one added last is last; it is the one kept.
  std::stable_sort(records_.begin(), records_.end(),
                   [this](const Record& a, const Record& b) { return path_of(a) < path_of(b); });
  size_t kept = 0;
  for (size_t i = 0; i < records_.size(); ++i) {
    if (i + 1 < records_.size() && path_of(records_[i]) == path_of(records_[i + 1])) continue;
    records_[kept++] = records_[i];
  }
  // Not shrunk to fit: that would copy a million records, twice the memory for a moment, while
  // room reserved and never filled costs address space only.
  records_.resize(kept);
  sealed_ = true;
}

void ManifestFiles::reserve(size_t files, size_t path_bytes) {
  records_.reserve(files);
  names_.reserve(path_bytes);
}

void ManifestFiles::take_from(ManifestFiles& other) {
  for (const auto& record : other.records_) add(other.path_of(record), record.entry);
  other = ManifestFiles();  // its memory goes now, not when it is destroyed
}

const ManifestEntry* ManifestFiles::find(std::string_view path) const {
  auto at = std::lower_bound(records_.begin(), records_.end(), path,
                             [this](const Record& record, std::string_view p) { return path_of(record) < p; });
  return at != records_.end() && path_of(*at) == path ? &at->entry : nullptr;
}

const ManifestEntry& ManifestFiles::at(std::string_view path) const {
  const ManifestEntry* entry = find(path);
  if (!entry) throw std::out_of_range("no file " + std::string(path) + " in the manifest");
  return *entry;
}

bool ManifestFiles::has_file_under(std::string_view folder) const {
  const std::string prefix = std::string(folder) + "/";
  auto at = std::lower_bound(records_.begin(), records_.end(), prefix,
                             [this](const Record& record, const std::string& p) { return path_of(record) < p; });
  return at != records_.end() && path_of(*at).substr(0, prefix.size()) == prefix;
}

bool ManifestFiles::operator==(const ManifestFiles& other) const {
  if (records_.size() != other.records_.size()) return false;
  for (size_t i = 0; i < records_.size(); ++i) {
    if (path_of(records_[i]) != other.path_of(other.records_[i]) || records_[i].entry != other.records_[i].entry) {
      return false;
    }
  }
  return true;
}

void FolderTimes::seal() {
  std::sort(records_.begin(), records_.end(), [](const Record& a, const Record& b) { return a.folder < b.folder; });
  records_.erase(std::unique(records_.begin(), records_.end(),
                             [](const Record& a, const Record& b) { return a.folder == b.folder; }),
                 records_.end());
  records_.erase(std::remove_if(records_.begin(), records_.end(), [](const Record& r) { return r.time < 0; }),
                 records_.end());
}

size_t FolderTimes::find(std::string_view folder) const {
  const Digest digest = digest_of(folder);
  auto at = std::lower_bound(records_.begin(), records_.end(), digest,
                             [](const Record& r, const Digest& d) { return r.folder < d; });
  return at != records_.end() && at->folder == digest ? static_cast<size_t>(at - records_.begin()) : npos;
}

bool FolderTimes::operator==(const FolderTimes& other) const {
  if (recorded_at != other.recorded_at || records_.size() != other.records_.size()) return false;
  for (size_t i = 0; i < records_.size(); ++i) {
    if (records_[i].folder != other.records_[i].folder || records_[i].time != other.records_[i].time) return false;
  }
  return true;
}

}  // namespace sitegen
