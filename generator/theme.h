// Theme: sitegen's default templates, assets, UI strings (en, fr, de, ar) and icon, built into
// the binary; a site's own files override them one file, and one locale key, at a time.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sitegen {

// Every file of the default theme by its path in a site folder ("templates/partials/head.mustache",
// "locales/fr.json", "static/favicon.ico"). Made by CMake (generated/builtin_theme.cc).
const std::map<std::string, std::string>& builtin_theme_files();

// The default theme's files directly in `folder` ("templates/", "templates/partials/"), by name.
std::map<std::string, std::string> builtin_files_in(const std::string& folder);

// The default theme's file at `path`, or nothing.
const std::string* builtin_file(const std::string& path);

}  // namespace sitegen
