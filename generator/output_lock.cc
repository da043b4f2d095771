#include "output_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

std::string lock_path_of(const std::string& out_dir) {
  fs::path dir = fs::path(out_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  return (parent / ("." + dir.filename().string() + ".sitegen-lock")).string();
}

OutputLock::OutputLock(const std::string& out_dir, const std::string& holder) : path_(lock_path_of(out_dir)) {
  std::error_code ec;
  fs::create_directories(fs::path(path_).parent_path(), ec);
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd_ < 0) throw OutputError(path_ + ": cannot open the lock file: " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    // Who holds it, as that process wrote it down (it may not have yet, a moment after taking it).
    char text[256] = {};
    const ssize_t n = ::pread(fd_, text, sizeof text - 1, 0);
    std::string other = n > 0 ? std::string(text, static_cast<size_t>(n)) : "";
    while (!other.empty() && (other.back() == '\n' || other.back() == '\0')) other.pop_back();
    ::close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK) throw OutputError(path_ + ": cannot lock: " + std::strerror(error));
    throw OutputError(out_dir + ": another sitegen is writing this folder (" +
                      (other.empty() ? std::string("a process that just started") : other) +
                      "); nothing was written. Wait for it to finish, or choose another --out");
  }
  const std::string text = holder + ", pid " + std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] ssize_t written = ::pwrite(fd_, text.data(), text.size(), 0);
  }
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  if (remove_file_) ::unlink(path_.c_str());
  ::close(fd_);  // releases the lock
}

}  // namespace sitegen
