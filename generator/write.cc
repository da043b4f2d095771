#include "write.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <set>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "json_file.h"
#include "user_files.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

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

// "site" for "site/", "out/site/." and the like.
fs::path normal_folder(const std::string& dir) {
  fs::path path = fs::path(dir).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  return path;
}

// A name beside the output folder: ".site.<suffix>" beside "site".
std::string beside(const std::string& out_dir, const std::string& suffix) {
  const fs::path dir = normal_folder(out_dir);
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  return (parent / ("." + dir.filename().string() + "." + suffix)).string();
}

// Every file sitegen writes goes through here: nothing outside the output folder, and never over
// the manifest, which only the writer itself makes.
void check_writable(const std::string& relative_path) {
  if (!is_safe_relative_path(relative_path) || relative_path == kManifestName) {
    throw OutputError("refusing to write \"" + relative_path + "\": the path would leave the output folder");
  }
}

bool is_leftover(const std::string& path) {
  // Half of a replace_top_file() that a killed build left: ours, and gone.
  return path.size() > 12 && path.compare(path.size() - 12, 12, ".sitegen-tmp") == 0;
}

}  // namespace

UserFilesInTheWay::UserFilesInTheWay(const std::string& out_dir, std::vector<std::string> paths)
    : OutputError(out_dir + "/" + paths.front() + ": not made by sitegen, and the new site needs this path" +
                  (paths.size() > 1 ? " (and " + std::to_string(paths.size() - 1) + " more)" : std::string()) +
                  "; nothing was written. Move it away, or build with --force to replace it (it is then kept in " +
                  replaced_dir_of(out_dir) + ")"),
      paths_(std::move(paths)) {}

std::string resolve_output_folder(const std::string& out_dir) {
  std::error_code ec;
  const fs::path dir = normal_folder(out_dir);
  if (!fs::is_symlink(fs::symlink_status(dir, ec))) return dir.string();
  const fs::path target = fs::canonical(dir, ec);
  return ec ? dir.string() : target.string();
}

std::string staging_dir_of(const std::string& out_dir) { return beside(out_dir, "sitegen-staging"); }
std::string replaced_dir_of(const std::string& out_dir) { return beside(out_dir, "sitegen-replaced"); }

OutputWriter::OutputWriter(std::string out_dir, bool replace_user_files, Clock clock)
    : out_dir_(normal_folder(out_dir).string()), replace_user_files_(replace_user_files), clock_(std::move(clock)) {
  std::error_code ec;
  const auto status = fs::symlink_status(out_dir_, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw OutputError(out_dir_ + ": exists and is not a folder; choose another --out");
  }
  out_ = std::make_unique<FolderTree>(out_dir_);
  const fs::path manifest = fs::path(out_dir_) / kManifestName;
  if (out_->exists() && !fs::is_empty(out_dir_, ec) && !out_->is_file(kManifestName)) {
    throw OutputError(out_dir_ + ": refusing to write here: the folder is not empty and was not made by sitegen (it has no " +
                      kManifestName + "); choose an empty or new folder with --out");
  }
  if (out_->is_file(kManifestName)) previous_ = read_manifest_file(manifest.string());
  // The staging folder sits beside the output, on the same file system, so the swap is atomic.
  // Between builds it holds the previous site, described by its own manifest. Without one it is
  // what a killed or failed build left half-changed: it is ours by name, so it is cleared.
  staging_dir_ = staging_dir_of(out_dir_);
  replaced_dir_ = replaced_dir_of(out_dir_);
  const auto staging_status = fs::symlink_status(staging_dir_, ec);
  staging_ = std::make_unique<FolderTree>(staging_dir_);
  if (fs::exists(staging_status) && (!fs::is_directory(staging_status) || !staging_->is_file(kManifestName))) {
    staging_.reset();
    fs::remove_all(staging_dir_, ec);  // a symlink by that name goes as a link
    staging_ = std::make_unique<FolderTree>(staging_dir_);
  }
}

// Read the first time it is needed: a build that changes nothing never needs it.
const Manifest& OutputWriter::spare() const {
  std::call_once(spare_loaded_, [this] {
    if (staging_->is_file(kManifestName)) {
      spare_ = read_manifest_file((fs::path(staging_dir_) / kManifestName).string());
    }
  });
  return spare_;
}

OutputWriter::~OutputWriter() {
  // A staging folder this build began to change no longer matches its manifest: it goes.
  if (!committed_ && staging_ready_) {
    staging_.reset();
    std::error_code ec;
    fs::remove_all(staging_dir_, ec);
  }
}

void OutputWriter::link_from_output(const std::string& relative_path) {
  if (!staging_->link_from(*out_, relative_path)) {
    throw OutputError(out_dir_ + "/" + relative_path + ": is gone, or behind a symlink, while the build reads it");
  }
}

void OutputWriter::ensure_staging() {
  if (staging_ready_) return;  // called for every file written: most calls end here, without a lock
  std::lock_guard<std::mutex> lock(mutex_);
  if (staging_ready_) return;
  std::error_code ec;
  spare();  // read before it goes; it also holds the output's folder times
  // The output folder is listed in the background while the build goes on: commit() needs the
  // user's files in it. A build that changes nothing never needs the list.
  if (private_) {
    std::promise<std::vector<std::string>> none;  // nobody else writes in a private folder
    none.set_value({});
    user_files_ = none.get_future();
  } else {
    user_files_ = std::async(std::launch::async, [this] {
      auto files = files_not_made_by_sitegen(*out_, previous_, spare().folder_times);
      spare_.folder_times = FolderTimes();  // read once: its memory goes now
      return files;
    });
  }
  staging_->remove_top_file(kManifestName);
  staging_was_empty_ = fs::create_directories(staging_dir_, ec);
  if (ec) throw OutputError(staging_dir_ + ": cannot create the staging folder: " + ec.message());
  if (!staging_->open()) throw OutputError(staging_dir_ + ": cannot open the staging folder: " + std::strerror(errno));
  // From here on place() links unchanged files itself; the ones it put off until now are taken
  // after this is set (see place()), so none is missed or linked twice.
  staging_ready_ = true;
  // Every file placed so far: when the first change comes late in a build, most of the site.
  std::vector<std::pair<std::string, Digest>> pending;
  std::vector<size_t> pending_pages;
  for (auto& shard : shards_) {
    std::lock_guard<std::mutex> shard_lock(shard.mutex);
    for (auto& link : shard.pending_links) pending.push_back(std::move(link));
    pending_pages.insert(pending_pages.end(), shard.pending_pages.begin(), shard.pending_pages.end());
    shard.pending_links = {};
    shard.pending_pages = {};
  }
  in_two_halves(pending.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (!is_staged(pending[i].first, pending[i].second)) link_from_output(pending[i].first);
    }
  });
  in_two_halves(pending_pages.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const size_t page = pending_pages[i];
      const std::string path = page_file_(page);
      if (!is_staged(path, pages_[page].bytes)) link_from_output(path);
    }
  });
}

OutputWriter::Shard& OutputWriter::shard_of(const std::string& relative_path) {
  return shards_[std::hash<std::string>()(relative_path) % shards_.size()];
}

// The staging folder may already hold these bytes: the file is the same as in the build before
// the previous one.
bool OutputWriter::is_staged(const std::string& relative_path, const Digest& bytes) const {
  const ManifestEntry* spare = this->spare().files.find(relative_path);
  return spare && spare->bytes == bytes &&
         (private_ || staging_->is_file(relative_path));
}

void OutputWriter::place(const std::string& relative_path, const ManifestEntry& entry, const std::string* bytes,
                         bool unchanged, bool staged, size_t page) {
  if (bytes != nullptr && !staged && !is_staged(relative_path, entry.bytes)) {
    ensure_staging();
    staging_->write_new_file(relative_path, *bytes, staging_was_empty_);
  }
  ++(unchanged ? unchanged_ : written_);
  Shard& shard = shard_of(relative_path);
  if (page != kNotAPage) {  // its own slot, which no other thread writes
    pages_[page] = entry;
    page_placed_[page] = 1;
  }
  std::unique_lock<std::mutex> lock(shard.mutex);
  if (page == kNotAPage) shard.placed.add(relative_path, entry);
  if (bytes != nullptr || staged) return;
  // Same file as in the output: linked into staging, or, until something forces the staging
  // folder into use, remembered (a no-op rebuild never touches it).
  if (!staging_ready_) {
    if (page == kNotAPage) {
      shard.pending_links.emplace_back(relative_path, entry.bytes);
    } else {
      shard.pending_pages.push_back(page);  // its path is made again when it is linked
    }
    return;
  }
  lock.unlock();
  if (!is_staged(relative_path, entry.bytes)) link_from_output(relative_path);
}

void OutputWriter::expect_pages(size_t count, std::function<std::string(size_t)> file_of) {
  page_file_ = std::move(file_of);
  pages_.assign(count, ManifestEntry{});
  page_placed_.assign(count, 0);
}

void OutputWriter::write_page(size_t index, const std::string& relative_path, const std::string& bytes,
                              const Digest& inputs) {
  write_file(relative_path, bytes, inputs, index);
}

bool OutputWriter::reuse_page(size_t index, const std::string& relative_path, const Digest& inputs) {
  return reuse_file(relative_path, inputs, index);
}

bool OutputWriter::reuse(const std::string& relative_path, const Digest& inputs) {
  return reuse_file(relative_path, inputs, kNotAPage);
}

void OutputWriter::count_bytes(const std::string& relative_path, uint64_t bytes) {
  site_bytes_ += bytes;
  if (bytes < largest_bytes_.load(std::memory_order_relaxed)) return;  // almost every file
  std::lock_guard<std::mutex> lock(largest_mutex_);
  // Of two files of one size, the first by path: the same whichever thread comes first.
  if (bytes > largest_bytes_ || (bytes == largest_bytes_ && relative_path < largest_path_)) {
    largest_bytes_ = bytes;
    largest_path_ = relative_path;
  }
}

std::pair<uint64_t, std::string> OutputWriter::largest_file() const {
  std::lock_guard<std::mutex> lock(largest_mutex_);
  return {largest_bytes_, largest_path_};
}

bool OutputWriter::reuse_file(const std::string& relative_path, const Digest& inputs, size_t page) {
  const ManifestEntry* previous = previous_.files.find(relative_path);
  if (inputs.none() || !previous || previous->inputs != inputs) return false;
  if (!is_safe_relative_path(relative_path)) return false;
  const int64_t size = private_ ? 0 : out_->file_size(relative_path);
  if (size < 0) return false;
  count_bytes(relative_path, static_cast<uint64_t>(size));
  place(relative_path, *previous, nullptr, true, false, page);
  return true;
}

bool OutputWriter::reuse_all(const Digest& inputs) {
  if (inputs.none()) return false;
  struct Reused {
    std::string path;
    ManifestEntry entry;
    uint64_t size;
  };
  std::vector<Reused> group;
  for (const auto& [path, entry] : previous_.files) {
    if (entry.inputs != inputs) continue;
    const std::string file(path);
    const int64_t size = private_ ? 0 : out_->file_size(file);
    if (size < 0) return false;
    group.push_back({file, entry, static_cast<uint64_t>(size)});
  }
  if (group.empty()) return false;
  for (const auto& file : group) {
    count_bytes(file.path, file.size);
    place(file.path, file.entry, nullptr, true);
  }
  return true;
}

void OutputWriter::write(const std::string& relative_path, const std::string& bytes, const Digest& inputs) {
  write_file(relative_path, bytes, inputs, kNotAPage);
}

bool OutputWriter::same_as_output(const std::string& relative_path, const Digest& bytes) const {
  const ManifestEntry* previous = previous_.files.find(relative_path);
  return previous && previous->bytes == bytes && (private_ || out_->is_file(relative_path));
}

void OutputWriter::write_file(const std::string& relative_path, const std::string& bytes, const Digest& inputs,
                              size_t page) {
  check_writable(relative_path);
  const ManifestEntry entry{digest_of(bytes), inputs};
  count_bytes(relative_path, bytes.size());
  // Same bytes as last time: the output's file is kept (with its date) instead of written again.
  const bool unchanged = same_as_output(relative_path, entry.bytes);
  place(relative_path, entry, unchanged ? nullptr : &bytes, unchanged, false, page);
}

OutputWriter::StreamedFile::StreamedFile(OutputWriter& writer, std::string relative_path, const Digest& inputs)
    : writer_(writer),
      relative_path_(std::move(relative_path)),
      inputs_(inputs),
      file_(writer.staging_->create_file(relative_path_, writer.staging_was_empty_)) {}

void OutputWriter::StreamedFile::append(std::string_view bytes) {
  bytes_digest_.add_bytes(bytes);
  size_ += bytes.size();
  file_.write(bytes);
}

void OutputWriter::StreamedFile::finish() {
  file_.close();
  writer_.count_bytes(relative_path_, size_);
  const ManifestEntry entry{bytes_digest_.done(), inputs_};
  const bool unchanged = writer_.same_as_output(relative_path_, entry.bytes);
  // Same bytes as the output's file: that one is linked in its place (and keeps its date).
  if (unchanged) writer_.staging_->remove_file(relative_path_);
  writer_.place(relative_path_, entry, nullptr, unchanged, /*staged=*/!unchanged);
}

std::unique_ptr<OutputWriter::StreamedFile> OutputWriter::write_streamed(const std::string& relative_path, const Digest& inputs) {
  check_writable(relative_path);
  ensure_staging();  // the pieces go straight into it
  return std::unique_ptr<StreamedFile>(new StreamedFile(*this, relative_path, inputs));
}

std::vector<std::string> OutputWriter::in_the_way(const std::vector<std::string>& user_files) const {
  std::set<std::string> conflicts;
  if (user_files.empty()) return {};
  for (const auto& path : user_files) {
    // A file of the new site there, or a page of the new site where one of the user's folders is.
    bool blocked = in_new_site(path);
    for (std::string folder = folder_of(path); !blocked && !folder.empty(); folder = folder_of(folder)) {
      blocked = in_new_site(folder);
    }
    if (blocked) conflicts.insert(path);
  }
  // A file of the user's where the new site needs a folder.
  const std::set<std::string> user(user_files.begin(), user_files.end());
  for_each_new_file([&](std::string_view path, const ManifestEntry&) {
    for (std::string folder = folder_of(std::string(path)); !folder.empty(); folder = folder_of(folder)) {
      if (user.count(folder)) conflicts.insert(folder);
    }
  });
  return {conflicts.begin(), conflicts.end()};
}

bool OutputWriter::in_new_site(std::string_view path) const {
  if (current_.count(path)) return true;
  // Made the first time it is needed: a first build into a new folder never needs it. 128 bits
  // of XXH3 per path: two paths of one site with the same digest are beyond belief, as for the
  // pages' contents (hash.h).
  if (!page_path_digests_) {
    page_path_digests_.emplace();
    page_path_digests_->reserve(placed_pages_);
    for (size_t i = 0; i < pages_.size(); ++i) {
      if (page_placed_[i]) page_path_digests_->push_back(digest_of(page_file_(i)));
    }
    std::sort(page_path_digests_->begin(), page_path_digests_->end());
  }
  return std::binary_search(page_path_digests_->begin(), page_path_digests_->end(), digest_of(path));
}

void OutputWriter::for_each_new_file(const std::function<void(std::string_view, const ManifestEntry&)>& visit) const {
  for (const auto& [path, entry] : current_) visit(path, entry);
  for (size_t i = 0; i < pages_.size(); ++i) {
    if (page_placed_[i]) visit(page_file_(i), pages_[i]);
  }
}

size_t OutputWriter::new_file_count() const { return current_.size() + placed_pages_; }

void OutputWriter::write_new_manifest(NewFile& file, const std::vector<std::string>& user_files) const {
  // The files other than pages sorted by path, then the pages in the plan's order: the same site
  // gives the same manifest, and reading it sorts it again (ManifestFiles::seal).
  ManifestWriter out([&](std::string_view block) { file.write(block); });
  for_each_new_file([&](std::string_view path, const ManifestEntry& entry) { out.file(path, entry); });
  for (const auto& file : user_files) out.user_file(file);
  out.finish();
}

void OutputWriter::set_aside(const std::vector<std::string>& paths) {
  // One folder per build, named by the time: a file set aside is never overwritten by a later one.
  char stamp[32];
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H-%M-%SZ", &utc);
  std::error_code ec;
  const std::string dir = replaced_dir_ + "/" + stamp;
  fs::create_directories(dir, ec);
  if (ec) throw OutputError(dir + ": cannot create the folder: " + ec.message());
  FolderTree aside(dir);
  for (const auto& path : paths) {
    if (!aside.link_from(*out_, path)) throw OutputError(out_dir_ + "/" + path + ": cannot be kept aside");
    replaced_.push_back(path);
  }
}

void OutputWriter::gather_placed() {
  // Placed in turn into each path's shard: the last placement of a path wins.
  size_t placed = 0, path_bytes = 0;
  for (const auto& shard : shards_) placed += shard.placed.size(), path_bytes += shard.placed.path_bytes();
  current_.reserve(placed, path_bytes);
  for (auto& shard : shards_) current_.take_from(shard.placed);
  current_.seal();
  page_path_digests_.reset();
  placed_pages_ = static_cast<size_t>(std::count(page_placed_.begin(), page_placed_.end(), 1));
  for (const auto& [path, entry] : previous_.files) removed_ += !in_new_site(path);
}

void OutputWriter::keep_user_files() {
  // Files the user put into the output folder are not sitegen's to delete: they are kept, and
  // one that stands where the new site needs a path stops the build unless it may be replaced.
  std::vector<std::string> user_files;
  for (auto& path : user_files_.get()) {
    if (path != kManifestName && !is_leftover(path)) user_files.push_back(std::move(path));
  }
  const std::vector<std::string> conflicts = in_the_way(user_files);
  if (!conflicts.empty() && !replace_user_files_) throw UserFilesInTheWay(out_dir_, conflicts);
  if (!conflicts.empty()) set_aside(conflicts);
  const std::set<std::string> replaced(conflicts.begin(), conflicts.end());
  for (const auto& path : user_files) {
    if (!replaced.count(path)) kept_.push_back(path);
  }
  std::sort(kept_.begin(), kept_.end());
  // The staging folder in line with the new site: the older site's pages and the user's files
  // that are gone go, the user's files as they are now come in.
  std::set<std::string> kept(kept_.begin(), kept_.end());
  for (const auto& [path, entry] : spare().files) {
    const std::string file(path);
    if (!in_new_site(file) && !kept.count(file)) staging_->remove_file(file);
  }
  for (const auto& path : spare().user_files) {
    if (!in_new_site(path) && !kept.count(path)) staging_->remove_file(path);
  }
  for (const auto& path : kept_) link_from_output(path);
}

void OutputWriter::swap_in() {
  std::error_code ec;
  if (!out_->exists()) {
    fs::create_directories(fs::path(out_dir_).parent_path(), ec);
    fs::rename(staging_dir_, out_dir_);
    committed_ = true;
    // No staging folder is left to hold the folders' times (so they are not taken): the next
    // build that changes something reads every folder.
    return;
  }
  // Taken before the swap: nobody but sitegen changes the staging folder.
  const FolderTimes folder_times_now = private_ ? FolderTimes() : folder_times(
      *staging_, [&](const std::function<void(std::string_view)>& visit) {
        for_each_new_file([&](std::string_view path, const ManifestEntry&) { visit(path); });
      },
      kept_, clock_);
  if (!swap_paths(staging_dir_, out_dir_)) {
    // No atomic exchange on this system: three renames, with the old site kept until the end.
    std::string old = staging_dir_ + "-old";
    fs::remove_all(old, ec);
    fs::rename(out_dir_, old);
    fs::rename(staging_dir_, out_dir_);
    fs::rename(old, staging_dir_);
  }
  committed_ = true;
  // The staging folder now holds the previous site (the folder out_ was opened on). Its manifest
  // predates the user's files that were added since, so it is rewritten to name the files the
  // folder really holds. The new site is in place whatever happens here; if the manifest cannot
  // be rewritten, the staging folder loses it and the next build clears the folder instead of
  // trusting it.
  try {
    out_->replace_top_file(kManifestName, [&](NewFile& file) {
      write_manifest(previous_.files, kept_, [&](std::string_view block) { file.write(block); });
      if (!private_) write_folder_lines(folder_times_now, [&](std::string_view block) { file.write(block); });
    });
  } catch (const std::exception&) {
    out_->remove_top_file(kManifestName);
  }
}

void OutputWriter::prime_staging() {
  if (!out_->exists() || previous_.files.empty()) return;
  for (const auto& [path, entry] : previous_.files) {
    const std::string file(path);
    if (out_->is_file(file)) place(file, entry, nullptr, true);
  }
  ensure_staging();  // links every file placed
  gather_placed();
  NewFile manifest = staging_->create_file(kManifestName);
  write_new_manifest(manifest, {});
  manifest.close();
  committed_ = true;  // the staging folder matches its manifest: it stays
}

void OutputWriter::commit() {
  gather_placed();
  if (written_ == 0 && removed_ == 0 && out_->exists()) {
    // Every file is byte-identical to the previous build: leave the site alone, without even
    // looking through it (the user's files there are untouched, so there is nothing to report).
    // The manifest is only a cache of fingerprints, so replacing it in place (write, then
    // rename) is safe; the one read at the start already says this, unless only input
    // fingerprints changed.
    bool same = new_file_count() == previous_.files.size();
    if (same) {
      for_each_new_file([&](std::string_view path, const ManifestEntry& entry) {
        const ManifestEntry* before = previous_.files.find(path);
        same = same && before && *before == entry;
      });
    }
    if (!same || !out_->is_file(kManifestName)) {
      out_->replace_top_file(kManifestName, [&](NewFile& file) {
        write_new_manifest(file, {previous_.user_files.begin(), previous_.user_files.end()});
      });
    }
    committed_ = true;
    return;
  }
  ensure_staging();
  keep_user_files();
  // Not read again: its files' memory goes before the folders' times are taken (swap_in).
  spare_ = Manifest();
  NewFile manifest = staging_->create_file(kManifestName);
  write_new_manifest(manifest, kept_);
  manifest.close();
  swap_in();
}

}  // namespace sitegen
