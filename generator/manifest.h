// Manifest: the list of files sitegen made in an output folder, with the digest of each file's
// bytes and the fingerprint of what it was made from, and the user's files it found there.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hash.h"

namespace sitegen {

// Its name in the output folder (and in the staging folder). A folder without one was not made
// by sitegen, and sitegen refuses to write into it.
inline const char* kManifestName = ".sitegen-manifest";

// What a manifest says about one file.
struct ManifestEntry {
  Digest bytes;   // digest of the file's bytes
  Digest inputs;  // fingerprint of what it was made from; none when unknown
  bool operator==(const ManifestEntry& other) const { return bytes == other.bytes && inputs == other.inputs; }
  bool operator!=(const ManifestEntry& other) const { return !(*this == other); }
};

// Files by path ("fr/smtp/index.html"), sorted by path. Held compactly, since a site of a million
// pages has a million of them: every path in one block of text, and 48 bytes per file beside it.
// Filled with add() (in any order), then seal()ed before it is read.
class ManifestFiles {
 public:
  struct Item {
    std::string_view path;
    const ManifestEntry& entry;
  };

  // Adds a file. Of a path added more than once, seal() keeps the entry added last.
  void add(std::string_view path, const ManifestEntry& entry);
  // Sorts by path and drops the earlier entries of a path added again; lookups and iteration
  // need it. Cheap when the files were added in order (a manifest read from disk).
  void seal();
  // Room for `files` files whose paths take `path_bytes` in all.
  void reserve(size_t files, size_t path_bytes);
  size_t path_bytes() const { return names_.size(); }
  // Appends every file of `other` (sealed or not) after this one's; `other` is left empty.
  void take_from(ManifestFiles& other);

  const ManifestEntry* find(std::string_view path) const;
  size_t count(std::string_view path) const { return find(path) ? 1 : 0; }
  const ManifestEntry& at(std::string_view path) const;  // throws std::out_of_range
  // Whether a file lies below the folder `folder` ("fr/smtp" holds "fr/smtp/index.html").
  bool has_file_under(std::string_view folder) const;
  size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  bool operator==(const ManifestFiles& other) const;
  bool operator!=(const ManifestFiles& other) const { return !(*this == other); }

  class Iterator {
   public:
    Iterator(const ManifestFiles* files, size_t index) : files_(files), index_(index) {}
    Item operator*() const { return {files_->path_of(files_->records_[index_]), files_->records_[index_].entry}; }
    Iterator& operator++() { ++index_; return *this; }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    const ManifestFiles* files_;
    size_t index_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, records_.size()}; }

 private:
  struct Record {
    uint64_t offset;  // of the path in names_
    uint32_t length;
    ManifestEntry entry;
  };
  std::string_view path_of(const Record& record) const { return {names_.data() + record.offset, record.length}; }
  std::string names_;
  std::vector<Record> records_;
  bool sealed_ = true;
};

// When each subfolder of the output last changed, as of `recorded_at`: a folder whose time is
// still the same holds the same names, so a build need not read it to find files the user added
// (user_files.h). Kept in the staging folder's manifest (as "folder" lines after the files), not
// in the output's, whose bytes depend only on the inputs. A site has nearly one folder per page,
// so a folder is known by the 128-bit digest of its path: 24 bytes each, whatever its path's
// length (the folders' names are those of the manifest's files, which a build has anyway).
class FolderTimes {
 public:
  struct Record {
    Digest folder;  // digest_of("fr/smtp")
    int64_t time;   // last change, ns since the epoch
  };
  int64_t recorded_at = 0;

  // Adds a folder, in any order; seal() sorts them before they are looked up.
  void add(std::string_view folder, int64_t time) { add(digest_of(folder), time); }
  void add(const Digest& folder, int64_t time) { records_.push_back({folder, time}); }
  // Sorts by digest, keeps one record per folder and drops those whose time is unknown (< 0).
  void seal();
  // Where the folder's record is in the sorted records, or npos; operator[] gives the record.
  size_t find(std::string_view folder) const;
  static constexpr size_t npos = static_cast<size_t>(-1);
  const Record& operator[](size_t i) const { return records_[i]; }
  size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  const std::vector<Record>& records() const { return records_; }
  bool operator==(const FolderTimes& other) const;

 private:
  std::vector<Record> records_;
};

struct Manifest {
  ManifestFiles files;               // what sitegen made
  std::set<std::string> user_files;  // the user's files (and links) it carried over into that folder
  // The staging folder's manifest also ends with the output's folder times.
  FolderTimes folder_times;
};

// Reads a manifest's text. Lines it cannot read (damaged, or from an older sitegen whose digests
// were shorter) give entries without digests, or nothing: never an error, since the manifest is
// only a record of what sitegen made, and a file it does not recognise is made again.
Manifest parse_manifest(const std::string& text);
// The same for the manifest at `path`, read in blocks (never held whole). Throws FileError when
// it cannot be read.
Manifest read_manifest_file(const std::string& path);

// Writes a manifest's lines as they are given (see write_manifest), in blocks of about 64 KB.
class ManifestWriter {
 public:
  explicit ManifestWriter(std::function<void(std::string_view)> write);
  void file(std::string_view path, const ManifestEntry& entry);
  void user_file(const std::string& path);  // after every file
  void folder(const FolderTimes::Record& record);  // after every user file
  void recorded(int64_t time);                     // after every folder
  void finish();

 private:
  void flush_if_full();
  std::function<void(std::string_view)> write_;
  std::string text_;
};

// One line per file, sorted by path: "<bytes digest> <inputs digest or -> <path>", then
// "user - <path>" for each of the user's files. Paths are escaped (escape_manifest_name).
// `files` must be sealed. Written in blocks of about 64 KB to `write`, never held whole.
void write_manifest(const ManifestFiles& files, const std::vector<std::string>& user_files,
                    const std::function<void(std::string_view)>& write);
// The folder lines that end the staging folder's manifest: "folder <ns> <digest of its path>"
// for each folder, then "recorded <ns> folders". Written in blocks to `write`, never held whole.
void write_folder_lines(const FolderTimes& folders, const std::function<void(std::string_view)>& write);
std::string folder_lines(const FolderTimes& folders);  // the same lines, whole
// The same text, whole.
std::string manifest_text(const ManifestFiles& files, const std::vector<std::string>& user_files);

// A file name as a manifest line holds it: "\\" for a backslash, "\n" and "\r" for line breaks,
// so any name the file system allows fits on one line; and back.
std::string escape_manifest_name(const std::string& name);
std::string unescape_manifest_name(const std::string& text);

// True for a relative path with no empty, "." or ".." segment: it cannot leave the folder it is
// relative to.
bool is_safe_relative_path(const std::string& path);

}  // namespace sitegen
