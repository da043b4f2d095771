// Manifest: the list of files sitegen made in an output folder, with the digest of each file's
// bytes and the fingerprint of what it was made from, and the user's files it found there.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
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

// Files by path ("fr/smtp/index.html"). Looked up once per page on every build, so hashed;
// written out sorted.
using ManifestFiles = std::unordered_map<std::string, ManifestEntry>;

struct Manifest {
  ManifestFiles files;               // what sitegen made
  std::set<std::string> user_files;  // the user's files (and links) it carried over into that folder
  // The staging folder's manifest also ends with the output's folder times, kept as lines of
  // text for the user-files detection (write.cc), which reads them.
  std::string folder_lines;
};

// Reads a manifest's text. Lines it cannot read (damaged, or from an older sitegen whose digests
// were shorter) give entries without digests, or nothing: never an error, since the manifest is
// only a record of what sitegen made, and a file it does not recognise is made again.
Manifest parse_manifest(const std::string& text);

// One line per file, sorted by path: "<bytes digest> <inputs digest or -> <path>", then
// "user - <path>" for each of the user's files. Paths are escaped (escape_manifest_name).
std::string manifest_text(const ManifestFiles& files, const std::vector<std::string>& user_files);

// A file name as a manifest line holds it: "\\" for a backslash, "\n" and "\r" for line breaks,
// so any name the file system allows fits on one line; and back.
std::string escape_manifest_name(const std::string& name);
std::string unescape_manifest_name(const std::string& text);

// True for a relative path with no empty, "." or ".." segment: it cannot leave the folder it is
// relative to.
bool is_safe_relative_path(const std::string& path);

}  // namespace sitegen
