// PreviewFolder: the private folder `sitegen serve` builds its preview in when no --out is given:
// made with mkdtemp (an unguessable name, mode 0700), never reused, removed on every way out.
#pragma once

#include <string>

namespace sitegen {

class PreviewFolder {
 public:
  // Makes /tmp/sitegen-serve-XXXXXX (under $TMPDIR if set) and marks it with this process's id;
  // throws std::runtime_error saying why it cannot.
  PreviewFolder();
  ~PreviewFolder();  // removes the folder and everything in it
  PreviewFolder(const PreviewFolder&) = delete;
  PreviewFolder& operator=(const PreviewFolder&) = delete;

  const std::string& path() const { return path_; }
  // Where the site is built inside it (its staging folder is beside, inside too).
  std::string site() const { return path_ + "/site"; }
  void remove();

 private:
  std::string path_;
};

// Removes the preview folders that earlier runs of serve by this user left behind when they
// were killed: those whose process is gone. Only real folders owned by this user, mode 0700,
// with a process-id mark, are touched; returns how many were removed.
int remove_stale_preview_folders(const std::string& temp_dir);

// The folder temporary files go to: $TMPDIR, or /tmp.
std::string temporary_folder();

}  // namespace sitegen
