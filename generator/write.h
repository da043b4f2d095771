// Write: builds the new site in a staging folder beside the output and swaps it in atomically
// once every file is written, so a failed or killed build leaves the previous site untouched.
// Files whose inputs or bytes did not change are hard-linked from the previous build instead of
// rewritten. Safe to call from several threads at once.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

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
  // Checks the output folder and prepares a fresh staging folder beside it (removing what a
  // killed build left there). Throws OutputError when the folder exists, is not empty and has no
  // manifest: it holds someone else's files.
  explicit OutputWriter(std::string out_dir);
  // Without commit(), the staging folder is removed and the output stays as it was.
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Stages `bytes` as `relative_path` (e.g. "fr/smtp/index.html"). `inputs` is the fingerprint
  // of what the file was made from ("" when unknown). Throws OutputError for a path that would
  // leave the output folder.
  void write(const std::string& relative_path, const std::string& bytes, const std::string& inputs = "");

  // If the previous build made `relative_path` from the same `inputs`, stages that file again
  // and returns true: the caller need not render it.
  bool reuse(const std::string& relative_path, const std::string& inputs);

  // Keeps files in the output that sitegen did not make (a CNAME, say), writes the manifest and
  // swaps the staging folder in with one atomic rename. When no file changed, the output is left
  // alone (only the manifest is refreshed).
  void commit();

  int written() const { return written_; }
  int unchanged() const { return unchanged_; }
  int removed() const { return removed_; }
  // Files in the output folder that sitegen did not make and kept.
  const std::vector<std::string>& kept() const { return kept_; }
  const std::string& staging_dir() const { return staging_dir_; }

 private:
  std::string out_dir_;
  std::string staging_dir_;
  struct Entry {
    std::string bytes;   // fingerprint of the file's bytes
    std::string inputs;  // fingerprint of what it was made from, or "-"
  };
  bool link_previous(const std::string& relative_path);
  void record(const std::string& relative_path, Entry entry, bool unchanged);
  // Same bytes as the previous build: linked into staging, or remembered until staging exists.
  bool keep_previous(const std::string& relative_path, const Entry& entry);
  // Creates the staging folder at the first real change and links what was kept until then.
  void ensure_staging();

  std::map<std::string, Entry> previous_;  // from the old manifest
  std::map<std::string, Entry> current_;
  std::mutex mutex_;                       // guards current_ and the counters
  std::vector<std::string> kept_;
  std::vector<std::string> pending_links_;  // unchanged files, before staging exists
  bool staging_ready_ = false;              // a no-op rebuild never creates the staging folder
  bool committed_ = false;
  int written_ = 0, unchanged_ = 0, removed_ = 0;
};

// True for a relative path with no empty, "." or ".." segment and no backslash: it cannot leave
// the folder it is relative to.
bool is_safe_relative_path(const std::string& path);

}  // namespace sitegen
