#include "write.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// A relative path with no empty, "." or ".." segment and no backslash cannot leave the folder.
bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::stringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment.empty() || segment == "." || segment == "..") return false;
  }
  return path.back() != '/';
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  // Write beside the target and rename, so a reader never sees half a file.
  fs::path temporary = path;
  temporary += ".sitegen-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw OutputError(path.string() + ": cannot write the file");
  }
  fs::rename(temporary, path);
}

}  // namespace

OutputWriter::OutputWriter(std::string out_dir) : out_dir_(std::move(out_dir)) {
  std::error_code ec;
  fs::path dir(out_dir_);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw OutputError(out_dir_ + ": exists and is not a folder; choose another --out");
  }
  fs::path manifest = dir / kManifestName;
  if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec) && !fs::exists(manifest, ec)) {
    throw OutputError(out_dir_ + ": refusing to write here: the folder is not empty and was not made by sitegen (it has no " +
                      kManifestName + "); choose an empty or new folder with --out");
  }
  fs::create_directories(dir, ec);
  if (ec) throw OutputError(out_dir_ + ": cannot create the folder: " + ec.message());
  if (fs::exists(manifest, ec)) {
    std::stringstream lines(read_text_file(manifest.string()));
    std::string line;
    while (std::getline(lines, line)) {
      if (is_safe_relative_path(line)) previous_.insert(line);
    }
  }
}

void OutputWriter::write(const std::string& relative_path, const std::string& bytes) {
  if (!is_safe_relative_path(relative_path) || relative_path == kManifestName) {
    throw OutputError("refusing to write \"" + relative_path + "\": the path would leave the output folder");
  }
  current_.insert(relative_path);
  fs::path path = fs::path(out_dir_) / relative_path;
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == bytes.size() && read_text_file(path.string()) == bytes) {
    ++unchanged_;
    return;
  }
  write_file(path, bytes);
  ++written_;
}

void OutputWriter::finish() {
  std::error_code ec;
  for (const auto& stale : previous_) {
    if (current_.count(stale)) continue;
    fs::path path = fs::path(out_dir_) / stale;
    if (fs::remove(path, ec)) ++removed_;
    // Remove folders the stale file leaves empty, up to the output folder itself.
    for (fs::path parent = path.parent_path(); parent != fs::path(out_dir_) && fs::is_empty(parent, ec);
         parent = parent.parent_path()) {
      fs::remove(parent, ec);
    }
  }
  std::string manifest;
  for (const auto& file : current_) manifest += file + "\n";
  write_file(fs::path(out_dir_) / kManifestName, manifest);
}

}  // namespace sitegen
