#include "folder_tree.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sitegen {

namespace {

// Opens `path` below `dir` without following any symlink on the way or at the end (the kernel's
// openat2 RESOLVE_NO_SYMLINKS; on kernels without it, one name at a time). ELOOP when a
// symlink is met, ENOTDIR when a file stands where a folder should.
int open_beneath(int dir, const std::string& path, int flags, mode_t mode = 0) {
#ifdef SYS_openat2
  static bool has_openat2 = true;
  if (has_openat2) {
    open_how how{};
    how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
    const long fd = syscall(SYS_openat2, dir, path.c_str(), &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
    has_openat2 = false;
  }
#endif
  int at = dir;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    const int next = ::openat(at, path.substr(start, slash - start).c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (at != dir) ::close(at);
    if (next < 0) return -1;
    at = next;
  }
  const int fd = ::openat(at, path.c_str() + start, flags | O_NOFOLLOW | O_CLOEXEC, mode);
  if (at != dir) {
    const int error = errno;
    ::close(at);
    errno = error;
  }
  return fd;
}

// Removes the entry `name` of `dir` as itself: a file or symlink is unlinked (a link's target is
// never touched), a folder is emptied the same way and removed.
void remove_entry(int dir, const std::string& name) {
  if (::unlinkat(dir, name.c_str(), 0) == 0 || (errno != EISDIR && errno != EPERM)) return;
  const int fd = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  if (DIR* folder = ::fdopendir(fd)) {
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(folder)) {
      if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) names.push_back(entry->d_name);
    }
    for (const auto& child : names) remove_entry(::dirfd(folder), child);
    ::closedir(folder);
  } else {
    ::close(fd);
  }
  ::unlinkat(dir, name.c_str(), AT_REMOVEDIR);
}

// Makes `name` in `dir` a real folder: what stands there otherwise (a file, a symlink) goes.
bool make_folder(int dir, const std::string& name) {
  if (::mkdirat(dir, name.c_str(), 0777) == 0) return true;
  if (errno != EEXIST) return false;
  struct stat st;
  if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) return true;
  remove_entry(dir, name);
  return ::mkdirat(dir, name.c_str(), 0777) == 0;
}

// Runs `make` (an open or link that fails when something stands in the way) for the entry
// `rest` ("name" or "folder/name") below `base`, making room as FolderTree::write_new_file says.
int make_entry(int base, const std::string& rest, bool new_folder, const std::function<int()>& make) {
  const std::string sub = folder_of(rest);
  if (new_folder && !sub.empty()) ::mkdirat(base, sub.c_str(), 0777);  // fails harmlessly when it is there
  int result = make();
  if (result >= 0) return result;
  if (!sub.empty() && (errno == ENOENT || errno == ELOOP || errno == ENOTDIR)) {
    if (!make_folder(base, sub)) return -1;
    result = make();
    if (result >= 0) return result;
  }
  if (errno == EEXIST || errno == EISDIR || errno == ELOOP || errno == ENOTDIR) {
    const int folder = sub.empty() ? base : ::openat(base, sub.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder < 0) return -1;
    remove_entry(folder, name_of(rest));
    if (folder != base) ::close(folder);
    result = make();
  }
  return result;
}

void list_under(int dir_fd, const std::string& prefix, std::vector<std::string>& files,
                const std::function<bool(const std::string&)>& descend, const std::function<bool(const std::string&)>& keep) {
  DIR* dir = ::fdopendir(dir_fd);
  if (dir == nullptr) {
    ::close(dir_fd);
    return;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {  // file systems that do not fill d_type
      struct stat st;
      if (::fstatat(::dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
    }
    if (type == DT_REG || type == DT_LNK) {
      std::string path = prefix + name;
      if (!keep || keep(path)) files.push_back(std::move(path));
    } else if (type == DT_DIR && (!descend || descend(prefix + name))) {
      const int child = ::openat(::dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child >= 0) list_under(child, prefix + name + "/", files, descend, keep);
    }
  }
  ::closedir(dir);
}

}  // namespace

// "fr/http/404-not-found/index.html" -> "fr/http/404-not-found"; "" for a name at the top.
std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

FolderTree::FolderTree(std::string path) : path_(std::move(path)) { open(); }

FolderTree::~FolderTree() {
  for (const auto& [name, fd] : folders_) ::close(fd);
  if (root_ >= 0) ::close(root_);
}

bool FolderTree::open() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (root_ >= 0) return true;
  // The root itself may not be a link: the caller resolved the output folder once, up front.
  root_ = ::open(path_.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  return root_ >= 0;
}

int FolderTree::folder(const std::string& relative, bool create, bool cached) const {
  if (root_ < 0) return -1;
  if (relative.empty()) return cached ? root_ : ::dup(root_);
  if (cached) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = folders_.find(relative);
    if (found != folders_.end()) return found->second;
  }
  int at = root_;
  size_t start = 0;
  while (start <= relative.size()) {
    size_t slash = relative.find('/', start);
    if (slash == std::string::npos) slash = relative.size();
    const std::string name = relative.substr(start, slash - start);
    int next = ::openat(at, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0 && create && make_folder(at, name)) {
      next = ::openat(at, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (at != root_) ::close(at);
    if (next < 0) return -1;
    at = next;
    start = slash + 1;
  }
  if (!cached) return at;
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, added] = folders_.emplace(relative, at);
  if (!added) ::close(at);  // another thread opened it meanwhile
  return entry->second;
}

int FolderTree::base_of(const std::string& relative, bool create, std::string& rest) const {
  const std::string base = folder_of(folder_of(relative));
  rest = base.empty() ? relative : relative.substr(base.size() + 1);
  return folder(base, create, true);
}

bool FolderTree::is_file(const std::string& relative) const { return file_size(relative) >= 0; }

int64_t FolderTree::file_size(const std::string& relative) const {
  std::string rest;
  const int base = base_of(relative, false, rest);
  if (base < 0) return -1;
  struct stat st;
  const std::string sub = folder_of(rest);
  if (!sub.empty() && (::fstatat(base, sub.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))) return -1;
  if (::fstatat(base, rest.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<int64_t>(st.st_size);
}

NewFile::~NewFile() {
  if (fd_ >= 0) ::close(fd_);
}

void NewFile::write(std::string_view bytes) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw OutputError(shown_ + ": cannot write the file: " + std::strerror(errno));
    done += static_cast<size_t>(n);
  }
}

void NewFile::close() {
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw OutputError(shown_ + ": cannot write the file: " + std::strerror(errno));
}

void FolderTree::write_new_file(const std::string& relative, const std::string& bytes, bool new_folder) {
  NewFile file = create_file(relative, new_folder);
  file.write(bytes);
  file.close();
}

NewFile FolderTree::create_file(const std::string& relative, bool new_folder) {
  std::string shown = path_ + "/" + relative;
  std::string rest;
  const int base = base_of(relative, true, rest);
  if (base < 0) throw OutputError(path_ + "/" + folder_of(relative) + ": cannot create the folder: " + std::strerror(errno));
  const int fd = make_entry(base, rest, new_folder, [&] {
    return open_beneath(base, rest, O_WRONLY | O_CREAT | O_EXCL, 0666);
  });
  if (fd < 0) throw OutputError(shown + ": cannot write the file: " + std::strerror(errno));
  return NewFile(fd, std::move(shown));
}

bool FolderTree::link_from(const FolderTree& source, const std::string& relative) {
  std::string rest;
  const int from = source.base_of(relative, false, rest);
  if (from < 0) return false;
  struct stat st;
  const std::string sub = folder_of(rest);
  if (!sub.empty() && (::fstatat(from, sub.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))) return false;
  if (::fstatat(from, rest.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
    return false;
  }
  const int to = base_of(relative, true, rest);
  if (to < 0) throw OutputError(path_ + "/" + folder_of(relative) + ": cannot create the folder: " + std::strerror(errno));
  // linkat without AT_SYMLINK_FOLLOW links a symlink itself, not what it points to.
  if (make_entry(to, rest, false, [&] { return ::linkat(from, rest.c_str(), to, rest.c_str(), 0); }) == 0) return true;
  if (errno != EXDEV && errno != EPERM && errno != EMLINK) {
    throw OutputError(path_ + "/" + relative + ": cannot place the file: " + std::strerror(errno));
  }
  // A file system without hard links: a copy (of the link itself, for a symlink).
  if (S_ISLNK(st.st_mode)) {
    std::string target(static_cast<size_t>(st.st_size) + 1, '\0');
    const ssize_t n = ::readlinkat(from, rest.c_str(), target.data(), target.size());
    if (n < 0) return false;
    target.resize(static_cast<size_t>(n));
    return make_entry(to, rest, false, [&] { return ::symlinkat(target.c_str(), to, rest.c_str()); }) == 0;
  }
  const int in = open_beneath(from, rest, O_RDONLY);
  if (in < 0) return false;
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  for (ssize_t n; done < bytes.size() && (n = ::read(in, bytes.data() + done, bytes.size() - done)) > 0;) {
    done += static_cast<size_t>(n);
  }
  ::close(in);
  bytes.resize(done);
  write_new_file(relative, bytes);
  return true;
}

void FolderTree::forget_folders_under(const std::string& relative) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = folders_.begin(); it != folders_.end();) {
    if (it->first == relative || it->first.rfind(relative + "/", 0) == 0) {
      ::close(it->second);
      it = folders_.erase(it);
    } else {
      ++it;
    }
  }
}

void FolderTree::remove_file(const std::string& relative) {
  const std::string parent = folder_of(relative);
  const int dir = folder(parent, false, false);
  if (dir < 0) return;  // not there, or behind a link: nothing of ours to remove
  struct stat st;
  const std::string name = name_of(relative);
  if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode)) ::unlinkat(dir, name.c_str(), 0);
  ::close(dir);
  // The folders it leaves empty (removing a folder that is not empty fails, and stops here).
  for (std::string folder_path = parent; !folder_path.empty(); folder_path = folder_of(folder_path)) {
    const int above = folder(folder_of(folder_path), false, false);
    if (above < 0) break;
    const bool removed = ::unlinkat(above, name_of(folder_path).c_str(), AT_REMOVEDIR) == 0;
    ::close(above);
    if (!removed) break;
    forget_folders_under(folder_path);
  }
}

void FolderTree::replace_top_file(const std::string& name, const std::string& bytes) {
  replace_top_file(name, [&](NewFile& file) { file.write(bytes); });
}

void FolderTree::replace_top_file(const std::string& name, const std::function<void(NewFile&)>& write) {
  const std::string temporary = name + ".sitegen-tmp";
  NewFile file = create_file(temporary);
  write(file);
  file.close();
  if (::renameat(root_, temporary.c_str(), root_, name.c_str()) != 0) {
    throw OutputError(path_ + "/" + name + ": cannot replace the file: " + std::strerror(errno));
  }
}

void FolderTree::remove_top_file(const std::string& name) {
  if (root_ >= 0) ::unlinkat(root_, name.c_str(), 0);
}

std::vector<std::string> FolderTree::list(const std::string& start, const std::function<bool(const std::string&)>& descend,
                                          const std::function<bool(const std::string&)>& keep) const {
  std::vector<std::string> files;
  const int dir = folder(start, false, false);
  if (dir < 0) return files;
  // O_PATH descriptors cannot be listed: reopened for reading.
  const int readable = ::openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ::close(dir);
  if (readable >= 0) list_under(readable, start.empty() ? "" : start + "/", files, descend, keep);
  return files;
}

int64_t FolderTree::folder_time(const std::string& relative) const {
  // The folders that hold folders are few (one per locale and protocol), so they are cached.
  const int above = folder(folder_of(relative), false, true);
  struct stat st;
  if (above < 0 || ::fstatat(above, name_of(relative).c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
    return -1;
  }
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

}  // namespace sitegen
