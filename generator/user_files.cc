#include "user_files.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <set>
#include <string_view>

namespace sitegen {

namespace {

// A folder whose time was recorded less than this long after it last changed may change again
// within the same tick of the file system's clock without its time changing, so it is read anyway.
constexpr int64_t kSettledNs = 1000000000;

}  // namespace

int64_t system_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void in_two_halves(size_t count, const std::function<void(size_t, size_t)>& look) {
  auto first_half = std::async(std::launch::async, look, 0, count / 2);
  look(count / 2, count);
  first_half.get();
}

void for_each_folder(const EachFile& each_file, const std::function<void(const std::string&)>& visit) {
  std::vector<std::string> chain, next;  // the last file's folder and those above it, nearest first
  each_file([&](std::string_view file) {
    const size_t slash = file.rfind('/');
    if (slash == std::string_view::npos) return;  // a file at the top
    const std::string_view folder = file.substr(0, slash);
    if (!chain.empty() && chain.front() == folder) return;
    next.clear();
    for (std::string_view f = folder;; f = f.substr(0, f.rfind('/'))) {
      next.emplace_back(f);
      if (f.find('/') == std::string_view::npos) break;
    }
    for (const auto& f : next) {
      if (std::find(chain.begin(), chain.end(), f) == chain.end()) visit(f);
    }
    chain.swap(next);
  });
}

std::vector<std::string> files_not_made_by_sitegen(const FolderTree& out, const Manifest& previous,
                                                   const FolderTimes& folders) {
  // Only these are listed: a site's own files are nearly all it holds.
  auto not_made = [&](const std::string& path) { return !previous.files.count(path); };
  std::vector<std::string> files;
  auto read_everything = [&] { return files = out.list("", nullptr, not_made); };
  if (folders.empty()) return read_everything();  // not recorded: a first build, or the staging folder was cleared
  // The files directly in `folder` ("" for the top) that sitegen did not make, and every file
  // under its subfolders that were not there when the folders were recorded.
  auto read_folder = [&](const std::string& folder) {
    auto unrecorded = [&](const std::string& subfolder) { return folders.find(subfolder) == FolderTimes::npos; };
    for (auto& path : out.list(folder, unrecorded, not_made)) files.push_back(std::move(path));
  };
  read_folder("");
  // The folders recorded are those of the files the last build made and kept, and the folders
  // above them: their names are the manifest's. Of those that held the user's files, the
  // unchanged ones are remembered (remembering every unchanged folder would cost as much memory
  // as the site has pages).
  std::set<std::string> user_folders, unchanged;
  for (const auto& path : previous.user_files) user_folders.insert(folder_of(path));
  std::vector<char> seen(folders.size(), 0);
  size_t seen_count = 0;
  bool as_recorded = true;
  const EachFile made_and_kept = [&](const std::function<void(std::string_view)>& visit) {
    for (const auto& [path, entry] : previous.files) visit(path);
    for (const auto& path : previous.user_files) visit(path);
  };
  for_each_folder(made_and_kept, [&](const std::string& folder) {
    const size_t at = folders.find(folder);
    if (at == FolderTimes::npos) as_recorded = false;
    if (at == FolderTimes::npos || seen[at]) return;
    seen[at] = 1;
    ++seen_count;
    const int64_t now = out.folder_time(folder);
    if (now < 0) return;  // gone, and whatever it held with it
    if (now == folders[at].time && folders[at].time < folders.recorded_at - kSettledNs) {
      if (user_folders.count(folder)) unchanged.insert(folder);
    } else {
      read_folder(folder);
    }
  });
  // Times recorded for another set of folders than this manifest's (another build's) say nothing.
  if (!as_recorded || seen_count != folders.size()) return read_everything();
  // An unchanged folder holds the same names as before: the user's files among them are the ones
  // the manifest lists.
  for (const auto& path : previous.user_files) {
    const std::string folder = folder_of(path);
    if (!folder.empty() && unchanged.count(folder)) files.push_back(path);
  }
  return files;
}

FolderTimes folder_times(const FolderTree& tree, const ManifestFiles& files, const std::vector<std::string>& kept,
                         const Clock& clock) {
  return folder_times(
      tree, [&](const std::function<void(std::string_view)>& visit) {
        for (const auto& [path, entry] : files) visit(path);
      },
      kept, clock);
}

FolderTimes folder_times(const FolderTree& tree, const EachFile& each_file, const std::vector<std::string>& kept,
                         const Clock& clock) {
  FolderTimes out;
  // Taken before the folders are looked at: a change made while they are is then never older.
  out.recorded_at = clock();
  // Looked at a few thousand at a time, in two halves side by side: a site has nearly one folder
  // per page.
  std::vector<std::string> batch;
  std::vector<int64_t> times;
  auto look = [&] {
    times.assign(batch.size(), -1);
    in_two_halves(batch.size(), [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) times[i] = tree.folder_time(batch[i]);
    });
    for (size_t i = 0; i < batch.size(); ++i) out.add(batch[i], times[i]);
    batch.clear();
  };
  const EachFile made_and_kept = [&](const std::function<void(std::string_view)>& visit) {
    each_file(visit);
    for (const auto& path : kept) visit(path);
  };
  for_each_folder(made_and_kept, [&](const std::string& folder) {
    batch.push_back(folder);
    if (batch.size() == 4096) look();
  });
  look();
  out.seal();  // one record per folder, the gone ones (time -1) dropped
  return out;
}

}  // namespace sitegen
