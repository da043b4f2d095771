#include "assets.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>

#include "hash.h"
#include "theme.h"
#include "json_file.h"
#include "urls.h"

namespace fs = std::filesystem;

namespace sitegen {

std::string content_hash(const std::string& bytes) { return short_hash(bytes, 10); }

const std::string& Assets::path(const std::string& name) const {
  auto it = paths.find(name);
  if (it == paths.end()) throw std::logic_error("no asset named " + name);
  return it->second;
}

namespace {

// Every file below `dir`, by path relative to it, read whole; `shown` names the folder in
// messages ("templates/assets/"). Folders are walked, not followed through symlinks (a loop
// cannot trap the walk), and a symlink leading out of `site_dir` is an error: a site is made
// from its own folder only.
std::map<std::string, std::string> read_files_below(const std::string& dir, const std::string& shown,
                                                    Diagnostics& diagnostics, const std::string& site_dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  std::vector<std::string> names;
  std::vector<std::string> folders{""};
  while (!folders.empty()) {
    const std::string folder = folders.back();
    folders.pop_back();
    for (const auto& entry : folder_entries((fs::path(dir) / folder).string())) {
      const std::string name = folder.empty() ? entry : folder + "/" + entry;
      struct stat st;
      if (::lstat((fs::path(dir) / name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        folders.push_back(name);
      } else {
        names.push_back(name);
      }
    }
  }
  std::sort(names.begin(), names.end());
  const fs::path site_root = site_dir.empty() ? fs::path() : fs::weakly_canonical(fs::absolute(site_dir), ec);
  for (const auto& name : names) {
    const fs::path path = fs::path(dir) / name;
    if (!site_root.empty() && fs::is_symlink(fs::symlink_status(path, ec))) {
      const fs::path target = fs::weakly_canonical(fs::absolute(path), ec);
      auto [end, unused] = std::mismatch(site_root.begin(), site_root.end(), target.begin(), target.end());
      if (!ec && end != site_root.end()) {
        diagnostics.error(shown + name, 0, "",
                          "is a symlink to " + target.string() + ", outside the site folder; copy the file in instead");
        continue;
      }
    }
    try {
      files[name] = read_text_file(path.string());
    } catch (const FileError& e) {
      diagnostics.error(shown + name, 0, "", e.reason());
    }
  }
  return files;
}

}  // namespace

Assets load_assets(const std::string& assets_dir, Diagnostics& diagnostics, const std::string& site_dir) {
  Assets assets;
  std::map<std::string, std::string> files = read_files_below(assets_dir, "templates/assets/", diagnostics, site_dir);
  // The default theme's stylesheet and script, where the site has none of its own (theme.h).
  const std::string theme_folder = "templates/assets/";
  for (const auto& [path, bytes] : builtin_theme_files()) {
    if (path.rfind(theme_folder, 0) == 0) files.emplace(path.substr(theme_folder.size()), bytes);
  }
  for (auto& [name, bytes] : files) {
    fs::path out(name);
    std::string hashed = (out.parent_path() / (out.stem().string() + "." + content_hash(bytes) + out.extension().string()))
                             .generic_string();
    assets.paths[name] = assets_folder() + hashed;
    assets.files[assets_folder() + hashed] = std::move(bytes);
  }
  return assets;
}

std::map<std::string, std::string> load_static_files(const std::string& static_dir, Diagnostics& diagnostics,
                                                     const std::string& site_dir) {
  std::map<std::string, std::string> files = read_files_below(static_dir, "static/", diagnostics, site_dir);
  // The default theme's icon, unless the site has an icon of its own.
  const bool has_icon = files.count("favicon.ico") || files.count("favicon.png") || files.count("favicon.svg");
  if (const std::string* icon = builtin_file("static/favicon.ico"); icon && !has_icon) files["favicon.ico"] = *icon;
  return files;
}

}  // namespace sitegen
