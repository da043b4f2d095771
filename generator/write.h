// Write: puts rendered files into the output folder, skipping files whose bytes did not change,
// removing files an earlier build made that this one no longer makes, and never touching a
// folder sitegen did not create (it keeps a manifest of its files in every output folder).
#pragma once

#include <set>
#include <stdexcept>
#include <string>

namespace sitegen {

inline const char* kManifestName = ".sitegen-manifest";

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputWriter {
 public:
  // Opens (or creates) the output folder. Throws OutputError when the folder exists, is not
  // empty and has no manifest: it holds someone else's files.
  explicit OutputWriter(std::string out_dir);

  // Writes `bytes` to `relative_path` (e.g. "fr/smtp/index.html"). Throws OutputError for a
  // path that would leave the output folder.
  void write(const std::string& relative_path, const std::string& bytes);

  // Deletes the previous build's files that were not written this time and saves the manifest.
  void finish();

  int written() const { return written_; }
  int unchanged() const { return unchanged_; }
  int removed() const { return removed_; }

 private:
  std::string out_dir_;
  std::set<std::string> previous_;  // from the manifest
  std::set<std::string> current_;
  int written_ = 0, unchanged_ = 0, removed_ = 0;
};

}  // namespace sitegen
