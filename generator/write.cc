#include "write.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <filesystem>
#include <functional>
#include <set>
#include <unistd.h>

#include "hash.h"
#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// "fr/http/404-not-found/index.html" -> "fr/http/404-not-found"; "" for a file at the top.
std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// Makes room for a new file at root/relative: whatever stands there goes (a file that may be a
// hard link shared with the live site, which writing through would change, or a folder), and so
// does a file standing where one of its folders must be.
void clear_way(const fs::path& root, const std::string& relative) {
  std::error_code ec;
  fs::path path = root / relative;
  fs::remove_all(path, ec);
  if (fs::create_directories(path.parent_path(), ec) || !ec) return;
  fs::path folder = root;
  for (const auto& segment : fs::path(relative).parent_path()) {
    folder /= segment;
    if (!fs::is_directory(fs::symlink_status(folder, ec))) {
      fs::remove(folder, ec);
      break;
    }
  }
  fs::create_directories(path.parent_path(), ec);
  if (ec) throw OutputError(path.parent_path().string() + ": cannot create the folder: " + ec.message());
}

// Makes a new entry at root/relative with `make(target)` (an open or link that fails when
// something stands there), where `target` is `relative` from `dir`, root opened, or the whole
// path when dir is AT_FDCWD. The common cases cost what `cp` pays: one call, or, for an entry in
// a new folder, one mkdir and one call; anything standing in the way goes through clear_way.
// `new_folder`: the folder is most likely new (a page of a site written from empty), so it is
// made first instead of after a call that fails. Returns what the last `make` returned.
int make_new_entry(int dir, const fs::path& root, const std::string& relative, bool new_folder,
                   const std::function<int(const char*)>& make) {
  const std::string target = dir == AT_FDCWD ? (root / relative).string() : relative;
  const std::string folder = folder_of(target);
  auto make_folder = [&] { return !folder.empty() && ::mkdirat(dir, folder.c_str(), 0777) == 0; };
  if (new_folder) make_folder();  // fails harmlessly when the folder is there or its parent is not
  int result = make(target.c_str());
  if (result < 0 && errno == ENOENT && make_folder()) result = make(target.c_str());
  if (result < 0 && (errno == EEXIST || errno == ENOENT || errno == ENOTDIR || errno == EISDIR)) {
    clear_way(root, relative);
    result = make(target.c_str());
  }
  return result;
}

// Writes root/relative as a new file (never through an existing one, which may be a hard link
// shared with the live site). `root_fd`, when given, is `root` opened: the kernel then walks only
// `relative`. `new_folder`: see make_new_entry.
void write_new_file(const fs::path& root, const std::string& relative, const std::string& bytes,
                    int root_fd = -1, bool new_folder = false) {
  const fs::path path = root / relative;
  const int dir = root_fd >= 0 ? root_fd : AT_FDCWD;
  const int fd = make_new_entry(dir, root, relative, new_folder, [dir](const char* target) {
    return ::openat(dir, target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  });
  if (fd < 0) throw OutputError(path.string() + ": cannot write the file: " + std::strerror(errno));
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = errno;
      ::close(fd);
      throw OutputError(path.string() + ": cannot write the file: " + std::strerror(error));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) throw OutputError(path.string() + ": cannot write the file: " + std::strerror(errno));
}

// Replaces a file in one step (write beside it, then rename), so a reader never sees half of it.
void replace_file(const fs::path& path, const std::string& bytes) {
  const std::string temporary = path.filename().string() + ".sitegen-tmp";
  write_new_file(path.parent_path(), temporary, bytes);
  fs::rename(path.parent_path() / temporary, path);
}

// Removes the file root/relative (never a folder) and the folders it leaves empty.
void remove_file(const fs::path& root, const std::string& relative) {
  std::error_code ec;
  fs::path path = root / relative;
  if (fs::is_directory(fs::symlink_status(path, ec)) || !fs::remove(path, ec)) return;
  for (fs::path folder = path.parent_path(); folder != root && fs::is_empty(folder, ec) && !ec;
       folder = folder.parent_path()) {
    fs::remove(folder, ec);
  }
}

// Every regular file under `dir`, as paths relative to it. Walked with openat and readdir's
// d_type rather than std::filesystem: a large site has tens of thousands of folders, and this
// runs on every build that changes something.
// `descend` says whether to go into a subfolder ("fr/http"); by default every one.
void list_files_under(int dir_fd, const std::string& prefix, std::vector<std::string>& files,
                      const std::function<bool(const std::string&)>& descend = nullptr) {
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
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    if (type == DT_REG) {
      files.push_back(prefix + name);
    } else if (type == DT_DIR && (!descend || descend(prefix + name))) {
      int child = ::openat(::dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child >= 0) list_files_under(child, prefix + name + "/", files, descend);
    }
  }
  ::closedir(dir);
}

// Runs look(begin, end) over [0, count) in two halves side by side: for loops of one file-system
// call per page.
void in_two_halves(size_t count, const std::function<void(size_t, size_t)>& look) {
  auto first_half = std::async(std::launch::async, look, 0, count / 2);
  look(count / 2, count);
  first_half.get();
}

std::vector<std::string> list_files(const fs::path& dir) {
  std::vector<std::string> files;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) list_files_under(fd, "", files);
  return files;
}

// When a folder last changed (an entry added, removed or renamed), in ns; -1 when it is not a folder.
int64_t folder_time(int root_fd, const std::string& relative) {
  struct stat st;
  if (::fstatat(root_fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) return -1;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// A folder whose time was recorded less than this long after it last changed may change again
// within the same tick of the file system's clock without its time changing, so it is read anyway.
constexpr int64_t kSettledNs = 1000000000;

// True for a regular file (not a symlink to one). Called for every page, so a plain fstatat.
bool is_file(const std::string& path, int dir_fd = AT_FDCWD) {
  struct stat st;
  return ::fstatat(dir_fd, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
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

std::string staging_dir_of(const std::string& out_dir) {
  fs::path dir = fs::path(out_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  return (parent / ("." + dir.filename().string() + ".sitegen-staging")).string();
}

bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/' || path.find('\\') != std::string::npos) return false;
  for (size_t start = 0; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const size_t length = end - start;
    if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path.compare(start, 2, "..") == 0)) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string OutputWriter::escape_name(const std::string& name) {
  if (name.find_first_of("\\\n\r") == std::string::npos) return name;  // almost every name
  std::string out;
  out.reserve(name.size() + 8);
  for (char c : name) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string OutputWriter::unescape_name(const std::string& text) {
  if (text.find('\\') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
  }
  return out;
}

// One line per file: "<bytes digest> <inputs digest or -> <path>", and "user - <path>" for a file
// of the user's that was in the folder when sitegen last wrote it. Paths are escaped
// (escape_name). A line that does not read as one of these (a manifest of an older sitegen,
// whose digests were shorter) gives an entry with no digests: its file is still known as
// sitegen's, but is made again.
OutputWriter::Manifest OutputWriter::read_manifest(const std::string& path) {
  Manifest manifest;
  const std::string text = read_text_file(path);
  manifest.files.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  // Read by hand rather than with a stream: the manifest of a large site has tens of thousands
  // of lines, and a no-op rebuild is mostly this.
  for (size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t first = text.find(' ', start), second = first == std::string::npos ? first : text.find(' ', first + 1);
    if (second == std::string::npos || second >= end) continue;
    const std::string_view bytes(text.data() + start, first - start);
    if (bytes == "folder" || bytes == "recorded") {  // the last lines: kept as they are, for later
      manifest.folder_lines = text.substr(start);
      break;
    }
    std::string file = unescape_name(text.substr(second + 1, end - second - 1));
    if (bytes.empty() || !is_safe_relative_path(file)) continue;
    if (bytes == "user") {
      manifest.user_files.insert(std::move(file));
    } else {
      Entry entry;
      entry.bytes = digest_from_hex(bytes).value_or(Digest{});
      entry.inputs = digest_from_hex(std::string_view(text.data() + first + 1, second - first - 1)).value_or(Digest{});
      manifest.files.emplace(std::move(file), entry);
    }
  }
  return manifest;
}

OutputWriter::FolderTimes OutputWriter::read_folder_lines(const std::string& lines) {
  FolderTimes folders;
  for (size_t start = 0, end; start < lines.size(); start = end + 1) {
    end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    size_t first = lines.find(' ', start), second = first == std::string::npos ? first : lines.find(' ', first + 1);
    if (second == std::string::npos || second >= end) continue;
    const int64_t time = std::strtoll(lines.c_str() + first + 1, nullptr, 10);
    if (lines.compare(start, first - start, "recorded") == 0) {
      folders.recorded_at = time;
    } else if (lines.compare(start, first - start, "folder") == 0) {
      std::string folder = lines.substr(second + 1, end - second - 1);
      if (is_safe_relative_path(folder)) folders.times.emplace_hint(folders.times.end(), std::move(folder), time);
    }
  }
  return folders;
}

std::string OutputWriter::folder_lines(const FolderTimes& folders) {
  std::string text;
  text.reserve(folders.times.size() * 64);
  for (const auto& [folder, time] : folders.times) {
    text.append("folder ").append(std::to_string(time)).append(1, ' ').append(folder).append(1, '\n');
  }
  return text.append("recorded ").append(std::to_string(folders.recorded_at)).append(" folders\n");
}

std::string OutputWriter::manifest_text(const Files& files, const std::vector<std::string>& user_files) {
  // Sorted by path, so the same site always gives the same manifest.
  std::vector<const Files::value_type*> sorted;
  sorted.reserve(files.size());
  for (const auto& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  // Appended piece by piece into one string sized up front: a large site's manifest has tens of
  // thousands of lines, and a line made of temporary strings cost more than writing it out.
  size_t size = 0;
  for (const auto* file : sorted) size += 66 + file->first.size() + 1;
  for (const auto& file : user_files) size += file.size() + 8;
  std::string text;
  text.reserve(size);
  for (const auto* file : sorted) {
    const Entry& entry = file->second;
    text.append(to_hex(entry.bytes)).append(1, ' ').append(entry.inputs.none() ? "-" : to_hex(entry.inputs));
    text.append(1, ' ').append(escape_name(file->first)).append(1, '\n');
  }
  for (const auto& file : user_files) text.append("user - ").append(escape_name(file)).append(1, '\n');
  return text;
}

std::vector<std::string> OutputWriter::files_not_made_by_sitegen() const {
  std::vector<std::string> files;
  const FolderTimes folders = read_folder_lines(spare().folder_lines);
  if (folders.times.empty()) {  // not recorded: a first build, or the staging folder was cleared
    for (auto& path : list_files(out_dir_)) {
      if (!previous_.files.count(path)) files.push_back(std::move(path));
    }
    return files;
  }
  int root = ::open(out_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return files;
  // The files directly in `folder` ("" for the top) that sitegen did not make, and every file
  // under its subfolders that were not there when the folders were recorded.
  auto read_folder = [&](const std::string& folder) {
    int fd = ::openat(root, folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    std::vector<std::string> found;
    list_files_under(fd, folder.empty() ? "" : folder + "/", found,
                     [&](const std::string& subfolder) { return !folders.times.count(subfolder); });
    for (auto& path : found) {
      if (!previous_.files.count(path)) files.push_back(std::move(path));
    }
  };
  read_folder("");
  std::set<std::string> unchanged;
  for (const auto& [folder, recorded] : folders.times) {
    const int64_t now = folder_time(root, folder);
    if (now < 0) continue;  // gone, and whatever it held with it
    if (now == recorded && recorded < folders.recorded_at - kSettledNs) {
      unchanged.insert(folder);
    } else {
      read_folder(folder);
    }
  }
  ::close(root);
  // An unchanged folder holds the same names as before: the user's files among them are the ones
  // the manifest lists.
  for (const auto& path : previous_.user_files) {
    const std::string folder = folder_of(path);
    if (!folder.empty() && unchanged.count(folder)) files.push_back(path);
  }
  return files;
}

OutputWriter::FolderTimes OutputWriter::folder_times(const std::vector<std::string>& kept) const {
  // Taken before the folders are looked at: a change made while they are is then never older.
  const int64_t recorded_at = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count();
  std::set<std::string> names;
  auto add = [&](const std::string& file) {
    for (std::string folder = folder_of(file); !folder.empty(); folder = folder_of(folder)) {
      if (!names.insert(folder).second) break;  // and so were the folders above it
    }
  };
  for (const auto& [path, entry] : current_) add(path);
  for (const auto& path : kept) add(path);
  const std::vector<std::string> folders(names.begin(), names.end());
  std::vector<int64_t> times(folders.size(), -1);
  int root = ::open(staging_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root >= 0) {
    in_two_halves(folders.size(), [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) times[i] = folder_time(root, folders[i]);
    });
    ::close(root);
  }
  FolderTimes out;
  out.recorded_at = recorded_at;
  for (size_t i = 0; i < folders.size(); ++i) {
    if (times[i] >= 0) out.times.emplace_hint(out.times.end(), folders[i], times[i]);
  }
  return out;
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
  if (fs::exists(manifest, ec)) previous_ = read_manifest(manifest.string());
  // The staging folder sits beside the output, on the same file system, so the swap is atomic.
  // Between builds it holds the previous site, described by its own manifest. Without one it is
  // what a killed or failed build left half-changed: it is ours by name, so it is cleared.
  staging_dir_ = staging_dir_of(out_dir_);
  out_dir_ = dir.string();
  // Files of the output are looked up from the folder itself: one per page, on every build.
  out_fd_ = ::open(out_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  fs::path spare_manifest = fs::path(staging_dir_) / kManifestName;
  if (!fs::is_directory(staging_dir_, ec) || !is_file(spare_manifest.string())) fs::remove_all(staging_dir_, ec);
  // Its files are looked up from the folder itself, as the output's are.
  staging_fd_ = ::open(staging_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

// Read the first time it is needed: a build that changes nothing never needs it.
const OutputWriter::Manifest& OutputWriter::spare() const {
  std::call_once(spare_loaded_, [this] {
    fs::path manifest = fs::path(staging_dir_) / kManifestName;
    if (is_file(manifest.string())) spare_ = read_manifest(manifest.string());
  });
  return spare_;
}

OutputWriter::~OutputWriter() {
  if (out_fd_ >= 0) ::close(out_fd_);
  if (staging_fd_ >= 0) ::close(staging_fd_);
  // A staging folder this build began to change no longer matches its manifest: it goes.
  if (!committed_ && staging_ready_) {
    std::error_code ec;
    fs::remove_all(staging_dir_, ec);
  }
}

void OutputWriter::link_from_output(const std::string& relative_path) {
  const char* source = relative_path.c_str();
  if (make_new_entry(staging_fd_, staging_dir_, relative_path, false, [this, source](const char* target) {
        return ::linkat(out_fd_, source, staging_fd_, target, 0);
      }) == 0) {
    return;
  }
  // A file system without hard links.
  clear_way(staging_dir_, relative_path);
  fs::path target = fs::path(staging_dir_) / relative_path;
  std::error_code ec;
  fs::copy_file(fs::path(out_dir_) / relative_path, target, ec);
  if (ec) throw OutputError(target.string() + ": cannot place the file in the staging folder: " + ec.message());
}

void OutputWriter::ensure_staging() {
  if (staging_ready_) return;  // called for every file written: most calls end here, without a lock
  std::lock_guard<std::mutex> lock(mutex_);
  if (staging_ready_) return;
  std::error_code ec;
  spare();  // read before it goes; it also holds the output's folder times
  // The output folder is listed in the background while the build goes on: commit() needs the
  // user's files in it. A build that changes nothing never needs the list.
  user_files_ = std::async(std::launch::async, [this] { return files_not_made_by_sitegen(); });
  fs::remove(fs::path(staging_dir_) / kManifestName, ec);
  staging_was_empty_ = fs::create_directories(staging_dir_, ec);
  if (ec) throw OutputError(staging_dir_ + ": cannot create the staging folder: " + ec.message());
  if (staging_fd_ < 0) staging_fd_ = ::open(staging_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (staging_fd_ < 0) throw OutputError(staging_dir_ + ": cannot open the staging folder: " + std::strerror(errno));
  // From here on place() links unchanged files itself; the ones it put off until now are taken
  // after this is set (see place()), so none is missed or linked twice.
  staging_ready_ = true;
  // Every file placed so far: when the first change comes late in a build, most of the site.
  std::vector<std::pair<std::string, Digest>> pending;
  for (auto& shard : shards_) {
    std::lock_guard<std::mutex> shard_lock(shard.mutex);
    for (auto& link : shard.pending_links) pending.push_back(std::move(link));
    shard.pending_links.clear();
  }
  in_two_halves(pending.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (!is_staged(pending[i].first, pending[i].second)) link_from_output(pending[i].first);
    }
  });
}

OutputWriter::Shard& OutputWriter::shard_of(const std::string& relative_path) {
  return shards_[std::hash<std::string>()(relative_path) % shards_.size()];
}

// The staging folder may already hold these bytes: the file is the same as in the build before
// the previous one.
bool OutputWriter::is_staged(const std::string& relative_path, const Digest& bytes) const {
  auto spare = this->spare().files.find(relative_path);
  return spare != this->spare().files.end() && spare->second.bytes == bytes && is_file(relative_path, staging_fd_);
}

void OutputWriter::place(const std::string& relative_path, const Entry& entry, const std::string* bytes,
                         bool unchanged) {
  if (bytes != nullptr && !is_staged(relative_path, entry.bytes)) {
    ensure_staging();
    write_new_file(staging_dir_, relative_path, *bytes, staging_fd_, staging_was_empty_);
  }
  ++(unchanged ? unchanged_ : written_);
  Shard& shard = shard_of(relative_path);
  std::unique_lock<std::mutex> lock(shard.mutex);
  shard.placed.emplace_back(relative_path, entry);
  if (bytes != nullptr) return;
  // Same file as in the output: linked into staging, or, until something forces the staging
  // folder into use, remembered (a no-op rebuild never touches it).
  if (!staging_ready_) {
    shard.pending_links.emplace_back(relative_path, entry.bytes);
    return;
  }
  lock.unlock();
  if (!is_staged(relative_path, entry.bytes)) link_from_output(relative_path);
}

bool OutputWriter::reuse(const std::string& relative_path, const Digest& inputs) {
  auto previous = previous_.files.find(relative_path);
  if (inputs.none() || previous == previous_.files.end() || previous->second.inputs != inputs) return false;
  if (!is_safe_relative_path(relative_path) || !is_file(relative_path, out_fd_)) return false;
  place(relative_path, previous->second, nullptr, true);
  return true;
}

bool OutputWriter::reuse_all(const Digest& inputs) {
  if (inputs.none()) return false;
  std::vector<std::string> group;
  for (const auto& [path, entry] : previous_.files) {
    if (entry.inputs != inputs) continue;
    if (!is_file(path, out_fd_)) return false;
    group.push_back(path);
  }
  if (group.empty()) return false;
  for (const auto& path : group) place(path, previous_.files.at(path), nullptr, true);
  return true;
}

void OutputWriter::write(const std::string& relative_path, const std::string& bytes, const Digest& inputs) {
  if (!is_safe_relative_path(relative_path) || relative_path == kManifestName) {
    throw OutputError("refusing to write \"" + relative_path + "\": the path would leave the output folder");
  }
  const Entry entry{digest_of(bytes), inputs};
  auto previous = previous_.files.find(relative_path);
  // Same bytes as last time: the output's file is kept (with its date) instead of written again.
  bool unchanged = previous != previous_.files.end() && previous->second.bytes == entry.bytes &&
                   is_file(relative_path, out_fd_);
  place(relative_path, entry, unchanged ? nullptr : &bytes, unchanged);
}

void OutputWriter::commit() {
  std::error_code ec;
  // Placed in turn into each path's shard: the last placement of a path wins.
  size_t placed = 0;
  for (const auto& shard : shards_) placed += shard.placed.size();
  current_.reserve(placed);
  for (auto& shard : shards_) {
    for (auto& [path, entry] : shard.placed) current_.insert_or_assign(std::move(path), std::move(entry));
    shard.placed.clear();
  }
  for (const auto& [path, entry] : previous_.files) removed_ += current_.count(path) == 0;
  fs::path out_manifest = fs::path(out_dir_) / kManifestName;
  if (written_ == 0 && removed_ == 0 && fs::is_directory(out_dir_, ec)) {
    // Every file is byte-identical to the previous build: leave the site alone, without even
    // looking through it (the user's files there are untouched, so there is nothing to report).
    // The manifest is only a cache of fingerprints, so replacing it in place (write, then
    // rename) is safe.
    // The manifest read at the start already says this, unless only input fingerprints changed.
    if (current_ != previous_.files || !is_file(out_manifest.string())) {
      replace_file(out_manifest, manifest_text(current_, {previous_.user_files.begin(), previous_.user_files.end()}));
    }
    committed_ = true;
    return;
  }

  // Bring the rest of the staging folder in line with the new site: the older site's pages that
  // are gone, the user's files that are gone, and the user's files as they are now.
  ensure_staging();
  // Files the user put into the output folder are not sitegen's to delete: they are kept.
  for (const auto& path : user_files_.get()) {
    // A ".sitegen-tmp" file is half of a replace_file() that a killed build left: ours, and gone.
    const bool leftover = path.size() > 12 && path.compare(path.size() - 12, 12, ".sitegen-tmp") == 0;
    if (path != kManifestName && !leftover && !current_.count(path)) kept_.push_back(path);
  }
  std::sort(kept_.begin(), kept_.end());
  std::set<std::string> kept(kept_.begin(), kept_.end());
  for (const auto& [path, entry] : spare().files) {
    if (!current_.count(path) && !kept.count(path)) remove_file(staging_dir_, path);
  }
  for (const auto& path : spare().user_files) {
    if (!current_.count(path) && !kept.count(path)) remove_file(staging_dir_, path);
  }
  for (const auto& path : kept_) link_from_output(path);
  write_new_file(staging_dir_, kManifestName, manifest_text(current_, kept_));

  if (!fs::exists(out_dir_, ec)) {
    fs::create_directories(fs::path(out_dir_).parent_path(), ec);
    fs::rename(staging_dir_, out_dir_);
    committed_ = true;
    // No staging folder is left to hold the folders' times (so they are not taken): the next
    // build that changes something reads every folder.
    return;
  }
  // Taken before the swap: nobody but sitegen changes the staging folder.
  const std::string folder_times_now = folder_lines(folder_times(kept_));
  if (!swap_paths(staging_dir_, out_dir_)) {
    // No atomic exchange on this system: three renames, with the old site kept until the end.
    std::string old = staging_dir_ + "-old";
    fs::remove_all(old, ec);
    fs::rename(out_dir_, old);
    fs::rename(staging_dir_, out_dir_);
    fs::rename(old, staging_dir_);
  }
  committed_ = true;
  // The staging folder now holds the previous site. Its manifest predates the user's files that
  // were added since, so it is rewritten to name the files the folder really holds.
  // The new site is in place whatever happens here; if the manifest cannot be rewritten, the
  // staging folder loses it and the next build clears the folder instead of trusting it.
  fs::path spare_manifest = fs::path(staging_dir_) / kManifestName;
  try {
    replace_file(spare_manifest, manifest_text(previous_.files, kept_) + folder_times_now);
  } catch (const std::exception&) {
    fs::remove(spare_manifest, ec);
  }
}

}  // namespace sitegen
