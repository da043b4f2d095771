// UserFiles: finds the files in an output folder that sitegen did not make (a CNAME, say), which
// a build keeps, reading only the folders whose times changed since the last build recorded them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "folder_tree.h"
#include "manifest.h"

namespace sitegen {

// The time, in ns since the epoch; the writer takes it as a parameter so tests need not sleep.
using Clock = std::function<int64_t()>;
int64_t system_clock_ns();

// When each subfolder of the output last changed, as of `recorded_at`: a folder whose time is
// still the same holds the same names, so a build need not read it to find files the user added.
// Kept in the staging folder's manifest (as "folder" lines after the files), not in the output's,
// whose bytes depend only on the inputs.
struct FolderTimes {
  std::map<std::string, int64_t> times;  // "fr/http" -> last change, ns
  int64_t recorded_at = 0;
};
FolderTimes read_folder_lines(const std::string& lines);
std::string folder_lines(const FolderTimes& folders);

// The files and symlinks in `out` that `previous` (its manifest) does not list, reading only the
// folders whose times changed since `recorded_folder_lines` were taken (every one without them).
std::vector<std::string> files_not_made_by_sitegen(const FolderTree& out, const Manifest& previous,
                                                   const std::string& recorded_folder_lines);

// The last-change time of every folder of `tree` that holds one of `files` or `kept`, as of clock().
// `each_file` calls its argument with the path of every file.
using EachFile = std::function<void(const std::function<void(std::string_view)>&)>;
FolderTimes folder_times(const FolderTree& tree, const EachFile& each_file, const std::vector<std::string>& kept,
                         const Clock& clock);
FolderTimes folder_times(const FolderTree& tree, const ManifestFiles& files, const std::vector<std::string>& kept,
                         const Clock& clock);

// Runs look(begin, end) over [0, count) in two halves side by side: for loops of one file-system
// call per page.
void in_two_halves(size_t count, const std::function<void(size_t, size_t)>& look);

}  // namespace sitegen
