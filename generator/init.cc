#include "init.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "config.h"
#include "exit_codes.h"
#include "theme.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary);
  file << bytes;
  if (!file) throw fs::filesystem_error("cannot write", path, std::make_error_code(std::errc::io_error));
}

}  // namespace

int run_init(const InitOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path dir(options.dir);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(dir, ec)) && (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec))) {
    err << "sitegen init: " << options.dir << " is not empty; init writes only into a new or empty folder, so that "
        << "nothing of yours is overwritten\n";
    return kExitUsage;
  }
  for (const auto& locale : options.locales) {
    if (!is_locale_id(locale)) {
      err << "sitegen init: --locales: \"" << locale << "\" is not a locale code such as en, fr or pt-BR\n";
      return kExitUsage;
    }
  }
  try {
    nlohmann::ordered_json config;
    config["title"] = "Reply Code Reference";
    config["base_url"] = "https://example.org/";
    config["locales"] = options.locales;
    config["default_locale"] = options.locales.front();
    config["output"] = "site";
    write(dir / "sitegen.json", config.dump(2) + "\n");
    // The example protocol, and its translations into the requested languages the theme knows.
    for (const auto& [path, bytes] : builtin_theme_files()) {
      if (path.rfind("content/", 0) != 0) continue;
      const fs::path relative(path);
      const auto depth = std::distance(relative.begin(), relative.end());
      const std::string folder = std::next(relative.begin(), 2)->string();
      const bool wanted = depth == 3 || std::find(options.locales.begin(), options.locales.end(), folder) != options.locales.end();
      if (wanted) write(dir / path, bytes);
    }
    // A language the theme does not have gets the English strings to translate.
    std::vector<std::string> to_translate;
    for (const auto& locale : options.locales) {
      if (builtin_file("locales/" + locale + ".json")) continue;
      write(dir / "locales" / (locale + ".json"), *builtin_file("locales/en.json"));
      to_translate.push_back(locale);
    }
    if (options.quiet) return kExitOk;
    out << "sitegen init: a new site in " << options.dir << ": sitegen.json and content/smtp/ (three codes)";
    for (const auto& locale : to_translate) out << "; locales/" << locale << ".json (English, to translate)";
    out << ".\nTemplates, styles and the en, fr, de and ar strings come from sitegen's own theme; add a file under "
           "templates/ or locales/ to change one. Next:\n  sitegen build --source "
        << options.dir << "\n  sitegen serve --source " << options.dir
        << "\nand set base_url in sitegen.json to the address the site will have.\n";
  } catch (const fs::filesystem_error& e) {
    err << "sitegen init: " << e.what() << "\n";
    return kExitOutputError;
  }
  return kExitOk;
}

}  // namespace sitegen
