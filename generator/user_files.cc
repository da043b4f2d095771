#include "user_files.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <set>

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

FolderTimes read_folder_lines(const std::string& lines) {
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
      std::string folder = unescape_manifest_name(lines.substr(second + 1, end - second - 1));
      if (is_safe_relative_path(folder)) folders.times.emplace_hint(folders.times.end(), std::move(folder), time);
    }
  }
  return folders;
}

std::string folder_lines(const FolderTimes& folders) {
  std::string text;
  text.reserve(folders.times.size() * 64);
  for (const auto& [folder, time] : folders.times) {
    text.append("folder ").append(std::to_string(time)).append(1, ' ').append(escape_manifest_name(folder)).append(1, '\n');
  }
  return text.append("recorded ").append(std::to_string(folders.recorded_at)).append(" folders\n");
}

std::vector<std::string> files_not_made_by_sitegen(const FolderTree& out, const Manifest& previous,
                                                   const std::string& recorded_folder_lines) {
  std::vector<std::string> files;
  const FolderTimes folders = read_folder_lines(recorded_folder_lines);
  if (folders.times.empty()) {  // not recorded: a first build, or the staging folder was cleared
    for (auto& path : out.list()) {
      if (!previous.files.count(path)) files.push_back(std::move(path));
    }
    return files;
  }
  // The files directly in `folder` ("" for the top) that sitegen did not make, and every file
  // under its subfolders that were not there when the folders were recorded.
  auto read_folder = [&](const std::string& folder) {
    for (auto& path : out.list(folder, [&](const std::string& subfolder) { return !folders.times.count(subfolder); })) {
      if (!previous.files.count(path)) files.push_back(std::move(path));
    }
  };
  read_folder("");
  // Of the folders that held the user's files, the unchanged ones (remembering every unchanged
  // folder would cost as much memory as the site has pages).
  std::set<std::string> user_folders, unchanged;
  for (const auto& path : previous.user_files) user_folders.insert(folder_of(path));
  for (const auto& [folder, recorded] : folders.times) {
    const int64_t now = out.folder_time(folder);
    if (now < 0) continue;  // gone, and whatever it held with it
    if (now == recorded && recorded < folders.recorded_at - kSettledNs) {
      if (user_folders.count(folder)) unchanged.insert(folder);
    } else {
      read_folder(folder);
    }
  }
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
  // Taken before the folders are looked at: a change made while they are is then never older.
  const int64_t recorded_at = clock();
  // Every file's folder, then (sorted, once each) the folders above them: one string per folder,
  // and a site has nearly one folder per page.
  std::vector<std::string> folders;
  auto add = [&](const std::string& file) {
    std::string folder = folder_of(file);
    if (!folder.empty() && (folders.empty() || folders.back() != folder)) folders.push_back(std::move(folder));
  };
  each_file([&](std::string_view path) { add(std::string(path)); });
  for (const auto& path : kept) add(path);
  auto sort_unique = [&] {
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  };
  sort_unique();
  for (size_t i = 0, count = folders.size(); i < count; ++i) {
    for (std::string above = folder_of(folders[i]); !above.empty(); above = folder_of(above)) {
      // The folder just before in sorted order is often this one's parent, or under it.
      if (i > 0 && folders[i - 1].compare(0, above.size() + 1, above + "/") == 0) break;
      folders.push_back(above);
    }
  }
  sort_unique();
  std::vector<int64_t> times(folders.size(), -1);
  in_two_halves(folders.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) times[i] = tree.folder_time(folders[i]);
  });
  FolderTimes out;
  out.recorded_at = recorded_at;
  for (size_t i = 0; i < folders.size(); ++i) {
    if (times[i] >= 0) out.times.emplace_hint(out.times.end(), std::move(folders[i]), times[i]);
  }
  return out;
}

}  // namespace sitegen
