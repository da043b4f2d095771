// Write: builds the new site in a staging folder beside the output and swaps it in atomically
// once every file is written, so a failed or killed build leaves the previous site untouched.
// After the swap the staging folder holds the previous site, and the next build only brings the
// files that differ up to date, so a small edit costs a few writes, not a copy of the whole site.
// Safe to call from several threads at once.
#pragma once

#include <array>
#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

#include "folder_tree.h"
#include "hash.h"
#include "manifest.h"
#include "user_files.h"

namespace sitegen {

// Files of the user's (not made by sitegen) that stand where the new site needs a page or a
// folder. Nothing was written: the build must be told to replace them (--force).
class UserFilesInTheWay : public OutputError {
 public:
  UserFilesInTheWay(const std::string& out_dir, std::vector<std::string> paths);
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::vector<std::string> paths_;
};

class OutputWriter {
 public:
  // Checks the output folder and the staging folder beside it: a staging folder without a
  // manifest is what a killed or failed build left, and is removed. Throws OutputError when the
  // output folder exists, is not empty and has no manifest: it holds someone else's files.
  // `replace_user_files`: a file of the user's that stands where the new site needs a page is
  // moved aside (into replaced_dir()) instead of failing the build.
  // `clock` tells the time the output's folders are recorded at (user_files.h); tests set it.
  explicit OutputWriter(std::string out_dir, bool replace_user_files = false, Clock clock = system_clock_ns);
  // Without commit(), a staging folder this build changed is removed; the output stays as it was.
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Stages `bytes` as `relative_path` (e.g. "fr/smtp/index.html"). `inputs` is the fingerprint
  // of what the file was made from (none when unknown). Throws OutputError for a path that would
  // leave the output folder.
  void write(const std::string& relative_path, const std::string& bytes, const Digest& inputs = {});

  // The site's pages, by number (the plan's). Their entries are kept by number, 32 bytes each, and
  // their paths made again by `file_of` when needed: a site of a million pages would otherwise
  // hold a million paths. Called before any write_page() or reuse_page().
  void expect_pages(size_t count, std::function<std::string(size_t)> file_of);
  // write() and reuse() for page number `index`, whose file is `relative_path` (file_of(index)).
  void write_page(size_t index, const std::string& relative_path, const std::string& bytes, const Digest& inputs);
  bool reuse_page(size_t index, const std::string& relative_path, const Digest& inputs);

  // A file written piece by piece (the sitemaps and _redirects of a large site run to tens of
  // megabytes): the pieces go to the staging folder as they come, and are never held whole.
  // finish() places the file as write() would have; without it, the file is not part of the site.
  class StreamedFile {
   public:
    void append(std::string_view bytes);
    void finish();

   private:
    friend class OutputWriter;
    StreamedFile(OutputWriter& writer, std::string relative_path, const Digest& inputs);
    OutputWriter& writer_;
    std::string relative_path_;
    Digest inputs_;
    DigestBuilder bytes_digest_;
    uint64_t size_ = 0;
    NewFile file_;
  };
  std::unique_ptr<StreamedFile> write_streamed(const std::string& relative_path, const Digest& inputs = {});

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
  // refreshed). Throws UserFilesInTheWay when files of the user's stand where the new site needs
  // pages or folders (unless they are to be replaced), and nothing is swapped in.
  void commit();
  // Instead of a build: fills the staging folder with the output's files (hard links) and their
  // manifest, as a swap leaves it. After a first build, which leaves no staging folder, the next
  // build then updates a few files instead of linking the whole site again (serve does this
  // while nobody waits).
  void prime_staging();
  // The output folder is this process's own (serve's private temporary folder): nobody else
  // writes in it, so the files its manifest names are there as the manifest says, and there are
  // no files of the user's to look for. Saves a look at every file of the site per build.
  void treat_as_private() { private_ = true; }

  // The bytes of every file placed so far, and the largest file: what the host is asked to take.
  // (Unknown for reused files of a private folder, which are not looked at: counted as 0.)
  uint64_t site_bytes() const { return site_bytes_; }
  std::pair<uint64_t, std::string> largest_file() const;

  int written() const { return written_; }
  int unchanged() const { return unchanged_; }
  int removed() const { return removed_; }
  // Files in the output folder that sitegen did not make and carried over into the new site
  // (empty after a build that changed nothing, which does not look through the folder).
  const std::vector<std::string>& kept() const { return kept_; }
  // The user's files that pages replaced (replace_user_files), now kept in replaced_dir().
  const std::vector<std::string>& replaced() const { return replaced_; }
  const std::string& replaced_dir() const { return replaced_dir_; }
  const std::string& staging_dir() const { return staging_dir_; }

 private:
  // Records `relative_path` as part of the new site and makes the staging copy hold `bytes` (or,
  // when `bytes` is null, the same file as the output). `unchanged`: same bytes as the output.
  // `staged`: a streamed file already written into the staging folder. `page`: its number, for a
  // page (expect_pages), else kNotAPage.
  static constexpr size_t kNotAPage = ~size_t{0};
  void place(const std::string& relative_path, const ManifestEntry& entry, const std::string* bytes, bool unchanged,
             bool staged = false, size_t page = kNotAPage);
  void write_file(const std::string& relative_path, const std::string& bytes, const Digest& inputs, size_t page);
  bool reuse_file(const std::string& relative_path, const Digest& inputs, size_t page);
  // After gather_placed(): whether the new site has a file at `path`, and every file it has
  // (the files other than pages by path, then the pages in order).
  bool in_new_site(std::string_view path) const;
  void for_each_new_file(const std::function<void(std::string_view, const ManifestEntry&)>& visit) const;
  size_t new_file_count() const;
  void write_new_manifest(NewFile& file, const std::vector<std::string>& user_files) const;
  // The previous build made `relative_path` with these bytes, and it is still in the output.
  bool same_as_output(const std::string& relative_path, const Digest& bytes) const;
  // Marks the staging folder as being changed (its manifest goes first, so a build killed from
  // here on leaves a folder the next one discards) and applies the links put off until now.
  void ensure_staging();
  bool is_staged(const std::string& relative_path, const Digest& bytes) const;
  void link_from_output(const std::string& relative_path);
  // The steps of commit(): the placed files gathered, the user's files kept (or refused), the
  // staging folder swapped in.
  void gather_placed();
  void keep_user_files();
  void swap_in();
  // The user's files that stand where the new site has a file or needs a folder.
  std::vector<std::string> in_the_way(const std::vector<std::string>& user_files) const;
  void set_aside(const std::vector<std::string>& paths);

  std::string out_dir_;
  std::string staging_dir_;
  std::string replaced_dir_;
  bool replace_user_files_ = false;
  bool private_ = false;
  Clock clock_;
  // The output folder as it was when the build began (if it existed), and the staging folder.
  std::unique_ptr<FolderTree> out_;
  std::unique_ptr<FolderTree> staging_;
  bool staging_was_empty_ = false;  // made by this build: every page goes into a new folder
  Manifest previous_;               // the output folder's manifest: the site as the previous build left it
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
    ManifestFiles placed;
    // Unchanged files (path, bytes digest) to link once the staging folder is in use.
    std::vector<std::pair<std::string, Digest>> pending_links;
    std::vector<size_t> pending_pages;  // the same for pages, by number
  };
  std::array<Shard, 64> shards_;
  Shard& shard_of(const std::string& relative_path);
  ManifestFiles current_;  // the new site's files other than pages (gather_placed())
  // The pages (expect_pages): each one's entry by number, whether it was placed, and, from
  // gather_placed() on, the digests of the placed pages' paths, sorted, for in_new_site().
  std::function<std::string(size_t)> page_file_;
  std::vector<ManifestEntry> pages_;
  std::vector<uint8_t> page_placed_;
  size_t placed_pages_ = 0;
  mutable std::optional<std::vector<Digest>> page_path_digests_;
  std::mutex mutex_;  // guards the setting up of the staging folder
  std::vector<std::string> kept_;
  std::vector<std::string> replaced_;
  // Set once the staging folder is in use (a no-op rebuild never touches it); read under a
  // shard's lock, set before the shards' pending links are taken.
  std::atomic<bool> staging_ready_{false};
  bool committed_ = false;
  std::atomic<int> written_{0}, unchanged_{0};
  void count_bytes(const std::string& relative_path, uint64_t bytes);
  std::atomic<uint64_t> site_bytes_{0}, largest_bytes_{0};
  mutable std::mutex largest_mutex_;
  std::string largest_path_;
  int removed_ = 0;
};

// The output folder a build writes: `out_dir` itself, or, when it is a symlink, the folder it
// leads to, resolved once so that every build writes the same folder (and never replaces the link).
std::string resolve_output_folder(const std::string& out_dir);

// The staging folder of an output folder: ".site.sitegen-staging" beside "site".
std::string staging_dir_of(const std::string& out_dir);
// Where files of the user's that pages replaced are kept: ".site.sitegen-replaced" beside "site".
std::string replaced_dir_of(const std::string& out_dir);

}  // namespace sitegen
