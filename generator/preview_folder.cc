#include "preview_folder.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

const char* const kPrefix = "sitegen-serve-";
const char* const kOwnerFile = "serve.pid";

}  // namespace

std::string temporary_folder() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? std::string(tmp) : std::string("/tmp");
}

PreviewFolder::PreviewFolder() {
  std::string pattern = temporary_folder() + "/" + kPrefix + "XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (!::mkdtemp(name.data())) {
    throw std::runtime_error("cannot make a preview folder in " + temporary_folder() + ": " + std::strerror(errno));
  }
  path_ = name.data();  // mkdtemp makes it 0700
  std::ofstream(path_ + "/" + kOwnerFile) << ::getpid() << "\n";
}

PreviewFolder::~PreviewFolder() { remove(); }

void PreviewFolder::remove() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);  // does not follow symlinks inside
  path_.clear();
}

int remove_stale_preview_folders(const std::string& temp_dir) {
  int removed = 0;
  for (const auto& name : folder_entries(temp_dir)) {
    if (name.rfind(kPrefix, 0) != 0) continue;
    const std::string path = temp_dir + "/" + name;
    struct stat info {};
    // lstat: a symlink by that name is someone else's trick, not a folder of ours.
    if (::lstat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid() ||
        (info.st_mode & 0777) != 0700) {
      continue;
    }
    std::ifstream mark(path + "/" + kOwnerFile);
    long pid = 0;
    if (!(mark >> pid) || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to ask)
    std::error_code ec;
    fs::remove_all(path, ec);
    if (!ec) ++removed;
  }
  return removed;
}

}  // namespace sitegen
