// OutputLock: one sitegen at a time writes an output folder. An advisory lock (flock) on a file
// beside the folder, held from before the previous site is read until the new one is in place.
#pragma once

#include <string>

namespace sitegen {

class OutputLock {
 public:
  // Takes the lock of `out_dir` at once, or throws OutputError naming the process that holds it.
  // `holder` says who takes it ("sitegen build"); it is what a refused process is told.
  OutputLock(const std::string& out_dir, const std::string& holder);
  // Releases the lock; with `remove_file`, also removes the lock file (for a folder nobody else
  // can know of, such as serve's temporary one).
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  void remove_file_on_release() { remove_file_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool remove_file_ = false;
};

// The lock file of an output folder: ".site.sitegen-lock" beside "site".
std::string lock_path_of(const std::string& out_dir);

}  // namespace sitegen
