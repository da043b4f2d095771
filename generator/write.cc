#include "write.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/syscall.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "hash.h"
#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw OutputError(path.string() + ": cannot write the file");
}

// Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE): at every moment the output
// folder is either the whole old site or the whole new one.
bool swap_paths(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  return syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2 /* RENAME_EXCHANGE */) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

}  // namespace

bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::stringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment.empty() || segment == "." || segment == "..") return false;
  }
  return path.back() != '/';
}

OutputWriter::OutputWriter(std::string out_dir) : out_dir_(std::move(out_dir)) {
  std::error_code ec;
  fs::path dir = fs::path(out_dir_).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw OutputError(out_dir_ + ": exists and is not a folder; choose another --out");
  }
  fs::path manifest = dir / kManifestName;
  if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec) && !fs::exists(manifest, ec)) {
    throw OutputError(out_dir_ + ": refusing to write here: the folder is not empty and was not made by sitegen (it has no " +
                      kManifestName + "); choose an empty or new folder with --out");
  }
  if (fs::exists(manifest, ec)) {
    std::stringstream lines(read_text_file(manifest.string()));
    std::string bytes, inputs, path;
    while (lines >> bytes >> inputs && std::getline(lines >> std::ws, path)) {
      if (is_safe_relative_path(path)) previous_[path] = {bytes, inputs};
    }
  }
  // The staging folder sits beside the output, on the same file system, so the final rename is
  // atomic. A killed build leaves it behind; it is ours by name, so it is cleared here.
  fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  staging_dir_ = (parent / ("." + dir.filename().string() + ".sitegen-staging")).string();
  out_dir_ = dir.string();
  fs::remove_all(staging_dir_, ec);
}

void OutputWriter::ensure_staging() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (staging_ready_) return;
  std::error_code ec;
  fs::create_directories(staging_dir_, ec);
  if (ec) throw OutputError(staging_dir_ + ": cannot create the staging folder: " + ec.message());
  for (const auto& path : pending_links_) {
    if (!link_previous(path)) throw OutputError(out_dir_ + "/" + path + ": cannot link into the staging folder");
  }
  pending_links_.clear();
  staging_ready_ = true;
}

OutputWriter::~OutputWriter() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_dir_, ec);
  }
}

bool OutputWriter::link_previous(const std::string& relative_path) {
  fs::path target = fs::path(staging_dir_) / relative_path;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  fs::create_hard_link(fs::path(out_dir_) / relative_path, target, ec);
  return !ec;
}

void OutputWriter::record(const std::string& relative_path, Entry entry, bool unchanged) {
  std::lock_guard<std::mutex> lock(mutex_);
  current_[relative_path] = std::move(entry);
  ++(unchanged ? unchanged_ : written_);
}

bool OutputWriter::keep_previous(const std::string& relative_path, const Entry& entry) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(out_dir_) / relative_path, ec)) return false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!staging_ready_) {
      pending_links_.push_back(relative_path);
      current_[relative_path] = entry;
      ++unchanged_;
      return true;
    }
  }
  if (!link_previous(relative_path)) return false;
  record(relative_path, entry, true);
  return true;
}

bool OutputWriter::reuse(const std::string& relative_path, const std::string& inputs) {
  auto previous = previous_.find(relative_path);
  if (inputs.empty() || previous == previous_.end() || previous->second.inputs != inputs) return false;
  if (!is_safe_relative_path(relative_path)) return false;
  return keep_previous(relative_path, previous->second);
}

void OutputWriter::write(const std::string& relative_path, const std::string& bytes, const std::string& inputs) {
  if (!is_safe_relative_path(relative_path) || relative_path == kManifestName) {
    throw OutputError("refusing to write \"" + relative_path + "\": the path would leave the output folder");
  }
  Entry entry{hex64(fnv1a64(bytes)), inputs.empty() ? "-" : inputs};
  auto previous = previous_.find(relative_path);
  // Same bytes as last time: link the old file instead of writing it again (and keep its date).
  if (previous != previous_.end() && previous->second.bytes == entry.bytes && keep_previous(relative_path, entry)) return;
  ensure_staging();
  write_file(fs::path(staging_dir_) / relative_path, bytes);
  record(relative_path, std::move(entry), false);
}

void OutputWriter::commit() {
  std::error_code ec;
  for (const auto& [path, entry] : previous_) removed_ += current_.count(path) == 0;
  // Files the user put into the output folder are not sitegen's to delete: they are kept.
  if (fs::is_directory(out_dir_, ec)) {
    for (auto it = fs::recursive_directory_iterator(out_dir_, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string path = fs::relative(it->path(), out_dir_).generic_string();
      if (path != kManifestName && !previous_.count(path) && !current_.count(path)) kept_.push_back(path);
    }
    std::sort(kept_.begin(), kept_.end());
  }
  std::string manifest;
  for (const auto& [path, entry] : current_) manifest += entry.bytes + " " + entry.inputs + " " + path + "\n";

  if (!staging_ready_ && removed_ == 0 && fs::is_directory(out_dir_, ec)) {
    // Every file is byte-identical to the previous build: leave the site alone. The manifest is
    // only a cache of fingerprints, so replacing it in place (write, then rename) is safe.
    fs::path path = fs::path(out_dir_) / kManifestName;
    if (!fs::exists(path, ec) || read_text_file(path.string()) != manifest) {
      fs::path temporary = path;
      temporary += ".sitegen-tmp";
      write_file(temporary, manifest);
      fs::rename(temporary, path);
    }
    committed_ = true;
    return;
  }
  ensure_staging();
  for (const auto& path : kept_) {
    fs::path target = fs::path(staging_dir_) / path;
    fs::create_directories(target.parent_path(), ec);
    fs::create_hard_link(fs::path(out_dir_) / path, target, ec);
    if (ec) fs::copy_file(fs::path(out_dir_) / path, target, ec);
  }
  write_file(fs::path(staging_dir_) / kManifestName, manifest);

  if (fs::exists(out_dir_, ec)) {
    if (!swap_paths(staging_dir_, out_dir_)) {
      // No atomic exchange on this system: two renames, with the old site kept until the end.
      std::string old = staging_dir_ + "-old";
      fs::remove_all(old, ec);
      fs::rename(out_dir_, old);
      fs::rename(staging_dir_, out_dir_);
      fs::remove_all(old, ec);
      committed_ = true;
      return;
    }
    committed_ = true;
    fs::remove_all(staging_dir_, ec);  // now holds the previous site
  } else {
    fs::create_directories(fs::path(out_dir_).parent_path(), ec);
    fs::rename(staging_dir_, out_dir_);
    committed_ = true;
  }
}

}  // namespace sitegen
