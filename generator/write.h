// Write: builds the new site in a staging folder beside the output and swaps it in atomically
// once every file is written, so a failed or killed build leaves the previous site untouched.
// After the swap the staging folder holds the previous site, and the next build only brings the
// files that differ up to date, so a small edit costs a few writes, not a copy of the whole site.
// Safe to call from several threads at once.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "hash.h"

namespace sitegen {

// The list of files sitegen made in an output folder, with their fingerprints. A folder without
// one was not made by sitegen, and sitegen refuses to write into it.
inline const char* kManifestName = ".sitegen-manifest";

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputWriter {
 public:
  // Checks the output folder and the staging folder beside it: a staging folder without a
  // manifest is what a killed or failed build left, and is removed. Throws OutputError when the
  // output folder exists, is not empty and has no manifest: it holds someone else's files.
  explicit OutputWriter(std::string out_dir);
  // Without commit(), a staging folder this build changed is removed; the output stays as it was.
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Stages `bytes` as `relative_path` (e.g. "fr/smtp/index.html"). `inputs` is the fingerprint
  // of what the file was made from (none when unknown). Throws OutputError for a path that would
  // leave the output folder.
  void write(const std::string& relative_path, const std::string& bytes, const Digest& inputs = {});

  // If the previous build made `relative_path` from the same `inputs`, stages that file again
  // and returns true: the caller need not render it.
  bool reuse(const std::string& relative_path, const Digest& inputs);
  // The same for a group of files made together from `inputs` (the sitemaps, say): if the
  // previous build made some from these inputs and all of them are still there, they are all
  // staged again and the caller need not make them.
  bool reuse_all(const Digest& inputs);

  // Keeps files in the output that sitegen did not make (a CNAME, say), writes the manifest and
  // swaps the staging folder in with one atomic exchange; the previous site stays in the staging
  // folder for the next build. When no file changed, nothing is touched (only the manifest may be
  // refreshed).
  void commit();

  int written() const { return written_; }
  int unchanged() const { return unchanged_; }
  int removed() const { return removed_; }
  // Files in the output folder that sitegen did not make and carried over into the new site
  // (empty after a build that changed nothing, which does not look through the folder).
  const std::vector<std::string>& kept() const { return kept_; }
  const std::string& staging_dir() const { return staging_dir_; }

 private:
  // What a manifest says about a file: what it holds and what it was made from.
  struct Entry {
    Digest bytes;   // digest of the file's bytes
    Digest inputs;  // fingerprint of what it was made from; none when unknown
    bool operator==(const Entry& other) const { return bytes == other.bytes && inputs == other.inputs; }
    bool operator!=(const Entry& other) const { return !(*this == other); }
  };
  // Files by path ("fr/smtp/index.html"). Looked up once per page on every build, so hashed;
  // written out sorted.
  using Files = std::unordered_map<std::string, Entry>;
  // A manifest: the files sitegen made, and the user's files it carried over into that folder.
  // The staging folder's manifest also ends with the output's FolderTimes, kept as lines of text.
  struct Manifest {
    Files files;
    std::set<std::string> user_files;
    std::string folder_lines;
  };
  // When each subfolder of the output last changed, as of `recorded_at` (ns since the epoch): a
  // folder whose time is still the same holds the same names, so a build need not read it to find
  // files the user added. Kept in the staging folder's manifest, not in the output's, whose bytes
  // depend only on the inputs.
  struct FolderTimes {
    std::map<std::string, int64_t> times;  // "fr/http" -> last change, ns
    int64_t recorded_at = 0;
  };
  static FolderTimes read_folder_lines(const std::string& lines);
  static std::string folder_lines(const FolderTimes& folders);
  static Manifest read_manifest(const std::string& path);

  // Records `relative_path` as part of the new site and makes the staging copy hold `bytes` (or,
  // when `bytes` is null, the same file as the output). `unchanged`: same bytes as the output.
  void place(const std::string& relative_path, const Entry& entry, const std::string* bytes, bool unchanged);
  // Marks the staging folder as being changed (its manifest goes first, so a build killed from
  // here on leaves a folder the next one discards) and applies the links put off until now.
  void ensure_staging();
  bool is_staged(const std::string& relative_path, const Digest& bytes) const;
  void link_from_output(const std::string& relative_path);
  static std::string manifest_text(const Files& files, const std::vector<std::string>& user_files);
 public:
  // A file name as a manifest line holds it: "\\" for a backslash, "\n" and "\r" for line
  // breaks, so any name the file system allows fits on one line; and back.
  static std::string escape_name(const std::string& name);
  static std::string unescape_name(const std::string& text);
 private:
  // The files in the output folder that the previous build did not make, reading only the folders
  // that changed since it recorded them (a site has a folder per page).
  std::vector<std::string> files_not_made_by_sitegen() const;
  // The last-change time of every folder of the staging folder that holds a file of the new site.
  FolderTimes folder_times(const std::vector<std::string>& kept) const;

  std::string out_dir_;
  int out_fd_ = -1;  // the output folder as it was when the build began, if it existed
  std::string staging_dir_;
  int staging_fd_ = -1;             // the staging folder, when it exists (it keeps its inode through the swap)
  bool staging_was_empty_ = false;  // made by this build: every page goes into a new folder
  Manifest previous_;  // the output folder's manifest: the site as the previous build left it
  // The staging folder's manifest: the site of the build before that (see spare()).
  const Manifest& spare() const;
  mutable Manifest spare_;
  mutable std::once_flag spare_loaded_;
  // The files in the output folder sitegen did not make, listed in the background from the first
  // change on; commit() carries them over.
  std::future<std::vector<std::string>> user_files_;
  // The files of the new site as they are placed, spread over shards by path so that the
  // threads placing pages seldom wait for each other (one lock for all cost more than the
  // rest of a no-op rebuild together). Gathered into current_ by commit().
  struct Shard {
    std::mutex mutex;
    std::vector<std::pair<std::string, Entry>> placed;
    // Unchanged files (path, bytes digest) to link once the staging folder is in use.
    std::vector<std::pair<std::string, Digest>> pending_links;
  };
  std::array<Shard, 64> shards_;
  Shard& shard_of(const std::string& relative_path);
  Files current_;
  std::mutex mutex_;  // guards the setting up of the staging folder and kept_
  std::vector<std::string> kept_;
  // Set once the staging folder is in use (a no-op rebuild never touches it); read under a
  // shard's lock, set before the shards' pending links are taken.
  std::atomic<bool> staging_ready_{false};
  bool committed_ = false;
  std::atomic<int> written_{0}, unchanged_{0};
  int removed_ = 0;
};

// The staging folder of an output folder: ".site.sitegen-staging" beside "site".
std::string staging_dir_of(const std::string& out_dir);

// True for a relative path with no empty, "." or ".." segment and no backslash: it cannot leave
// the folder it is relative to.
bool is_safe_relative_path(const std::string& path);

}  // namespace sitegen
