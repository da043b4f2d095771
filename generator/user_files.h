// UserFiles: finds the files in an output folder that sitegen did not make (a CNAME, say), which
// a build keeps, reading only the folders whose times changed since the last build recorded them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "folder_tree.h"
#include "manifest.h"

namespace sitegen {

// The time, in ns since the epoch; the writer takes it as a parameter so tests need not sleep.
using Clock = std::function<int64_t()>;
int64_t system_clock_ns();

// The files and symlinks in `out` that `previous` (its manifest) does not list, reading only the
// folders whose times changed since `recorded` was taken (every one when nothing was recorded, or
// when it was recorded for other files than `previous` lists).
std::vector<std::string> files_not_made_by_sitegen(const FolderTree& out, const Manifest& previous,
                                                   const FolderTimes& recorded);

// Calls `visit` with the folder of every file `each_file` gives and every folder above it. Files
// come in runs that share folders (a manifest's sorted order, the plan's order), so a folder the
// file before had is not visited again; a folder may still come more than once.
using EachFile = std::function<void(const std::function<void(std::string_view)>&)>;
void for_each_folder(const EachFile& each_file, const std::function<void(const std::string&)>& visit);

// The last-change time of every folder of `tree` that holds one of `files` or `kept`, as of clock().
// `each_file` calls its argument with the path of every file.
FolderTimes folder_times(const FolderTree& tree, const EachFile& each_file, const std::vector<std::string>& kept,
                         const Clock& clock);
FolderTimes folder_times(const FolderTree& tree, const ManifestFiles& files, const std::vector<std::string>& kept,
                         const Clock& clock);

// Runs look(begin, end) over [0, count) in two halves side by side: for loops of one file-system
// call per page.
void in_two_halves(size_t count, const std::function<void(size_t, size_t)>& look);

}  // namespace sitegen
