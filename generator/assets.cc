#include "assets.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "hash.h"
#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

std::string content_hash(const std::string& bytes) { return hex64(hash64(bytes)).substr(0, 10); }

const std::string& Assets::path(const std::string& name) const {
  auto it = paths.find(name);
  if (it == paths.end()) throw std::logic_error("no asset named " + name);
  return it->second;
}

Assets load_assets(const std::string& assets_dir, Diagnostics& diagnostics) {
  Assets assets;
  std::error_code ec;
  if (!fs::is_directory(assets_dir, ec)) return assets;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(assets_dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string name = fs::relative(file, assets_dir).generic_string();
    std::string bytes;
    try {
      bytes = read_text_file(file.string());
    } catch (const std::exception&) {
      diagnostics.error("templates/assets/" + name, 0, "", "cannot read the file");
      continue;
    }
    fs::path out(name);
    std::string hashed = (out.parent_path() / (out.stem().string() + "." + content_hash(bytes) + out.extension().string()))
                             .generic_string();
    assets.paths[name] = "assets/" + hashed;
    assets.files["assets/" + hashed] = std::move(bytes);
  }
  return assets;
}

}  // namespace sitegen
