// FolderTree: a folder sitegen reads or writes (the output, the staging folder), reached only
// through file descriptors, so that no operation below it ever follows a symlink out of it.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitegen {

// The output folder (or the staging folder beside it) cannot be written as sitegen needs.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "fr/http/404-not-found/index.html" -> "fr/http/404-not-found" ("" for a name at the top), and
// -> "index.html": the two halves of a path below a folder.
std::string folder_of(const std::string& path);
std::string name_of(const std::string& path);

// A file being written, piece by piece (FolderTree::create_file). close() reports a failed
// write; a NewFile dropped without it (on the way out of an error) closes quietly.
class NewFile {
 public:
  NewFile(int fd, std::string shown) : fd_(fd), shown_(std::move(shown)) {}
  ~NewFile();
  NewFile(NewFile&& other) noexcept : fd_(other.fd_), shown_(std::move(other.shown_)) { other.fd_ = -1; }
  NewFile(const NewFile&) = delete;
  NewFile& operator=(const NewFile&) = delete;
  NewFile& operator=(NewFile&&) = delete;
  void write(std::string_view bytes);  // throws OutputError
  void close();                        // throws OutputError

 private:
  int fd_;
  std::string shown_;
};

// Every path below the root is resolved one name at a time without following links (openat2's
// RESOLVE_NO_SYMLINKS where the kernel has it): a symlink someone put inside is an entry like a
// file, never a way into another folder. Safe to use from several threads at once.
class FolderTree {
 public:
  // `path` must be a real folder or not exist yet (see open()); `shown` names it in messages.
  explicit FolderTree(std::string path);
  ~FolderTree();
  FolderTree(const FolderTree&) = delete;
  FolderTree& operator=(const FolderTree&) = delete;

  // (Re)opens the root, once it exists; false if it does not.
  bool open();
  bool exists() const { return root_ >= 0; }
  const std::string& path() const { return path_; }

  // A regular file at `relative`, reached without a symlink on the way.
  bool is_file(const std::string& relative) const;
  // Its size in bytes, or -1 when it is not such a file.
  int64_t file_size(const std::string& relative) const;
  // Writes `relative` as a new file, never through an existing one (which may be a hard link
  // shared with the live site). Whatever stands there, or where one of its folders must be (a
  // file, a folder, a symlink: removed as itself, never its target), goes first: this is for a
  // tree that is sitegen's own. `new_folder`: the file's folder is most likely new (a site
  // written from empty), so it is made first instead of after a failed open. Throws OutputError.
  void write_new_file(const std::string& relative, const std::string& bytes, bool new_folder = false);
  // The same for a file whose bytes come piece by piece.
  NewFile create_file(const std::string& relative, bool new_folder = false);
  // Makes `relative` here the same file as `relative` in `source` (a hard link, or a copy on a
  // file system without them), making room as write_new_file does. The source entry must be a
  // regular file or a symlink reached without a symlink on the way; false if there is none.
  bool link_from(const FolderTree& source, const std::string& relative);
  // Removes the file or symlink at `relative` (never a folder, never anything behind a link)
  // and the folders it leaves empty.
  void remove_file(const std::string& relative);
  // Replaces the file `name` at the top of the tree in one step (written beside, then renamed),
  // so a reader never sees half of it. Throws OutputError.
  void replace_top_file(const std::string& name, const std::string& bytes);
  // The same, with the bytes written by `write` (the manifest of a large site, never held whole).
  void replace_top_file(const std::string& name, const std::function<void(NewFile&)>& write);
  // Removes the file `name` at the top of the tree, if there is one.
  void remove_top_file(const std::string& name);

  // Every regular file and symlink below `folder` ("" for the root), as paths relative to the
  // root. `descend(subfolder)` says whether to go into a subfolder, `keep(path)` whether a file
  // is listed (the few a caller wants of a large site's files); by default every one.
  std::vector<std::string> list(const std::string& folder = "",
                                const std::function<bool(const std::string&)>& descend = nullptr,
                                const std::function<bool(const std::string&)>& keep = nullptr) const;
  // When the folder `relative` last changed (an entry added, removed or renamed), in ns; -1 when
  // it is not a folder reached without a link.
  int64_t folder_time(const std::string& relative) const;

 private:
  // The folder `relative` ("" for the root), walked one name at a time without following links.
  // With `create`, missing folders are made, and anything standing where one must be is removed.
  // Returns a descriptor the caller closes (`cached`: one this tree keeps and closes itself), or
  // -1. Only the folders two levels above files are cached: a site has few of them, and a page's
  // own folder is reached from there with one call.
  int folder(const std::string& relative, bool create, bool cached) const;
  // The cached folder holding the folder of `relative`, and the rest of the path below it (at
  // most "folder/name"): the two-call way every file operation starts.
  int base_of(const std::string& relative, bool create, std::string& rest) const;
  void forget_folders_under(const std::string& relative) const;

  std::string path_;
  int root_ = -1;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, int> folders_;
};

}  // namespace sitegen
