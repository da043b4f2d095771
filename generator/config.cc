#include "config.h"

#include <algorithm>
#include <regex>

#include "json_file.h"

namespace sitegen {

std::string normalize_base_url(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

std::string base_path_of(const std::string& base_url) {
  size_t scheme = base_url.find("://");
  if (scheme == std::string::npos) return base_url.empty() || base_url[0] != '/' ? "/" + base_url : base_url;
  size_t path = base_url.find('/', scheme + 3);
  return path == std::string::npos ? "/" : base_url.substr(path);
}

Config load_config(const std::string& source_dir, Diagnostics& diagnostics) {
  Config config;
  const std::string shown = "sitegen.json";
  auto file = read_json_file(source_dir + "/sitegen.json", shown, diagnostics);
  if (!file) return config;
  const auto& j = file->value;

  auto string_field = [&](const char* key, std::string& target) {
    if (!j.contains(key)) return;
    if (j[key].is_string() && !j[key].get<std::string>().empty()) {
      target = j[key].get<std::string>();
    } else {
      diagnostics.error(shown, file->where(key), key, "must be a non-empty string");
    }
  };
  string_field("title", config.title);
  string_field("base_url", config.base_url);
  string_field("default_locale", config.default_locale);
  string_field("output", config.output);
  config.base_url = normalize_base_url(config.base_url);

  if (j.contains("locales")) {
    const auto& list = j["locales"];
    std::vector<std::string> locales;
    bool ok = list.is_array() && !list.empty();
    if (ok) {
      for (const auto& item : list) {
        static const std::regex locale_id("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
        if (!item.is_string() || !std::regex_match(item.get<std::string>(), locale_id)) {
          ok = false;
          break;
        }
        if (std::find(locales.begin(), locales.end(), item.get<std::string>()) != locales.end()) {
          diagnostics.error(shown, file->where("locales"), "locales",
                            "\"" + item.get<std::string>() + "\" is listed twice");
          continue;
        }
        locales.push_back(item.get<std::string>());
      }
    }
    if (ok) {
      config.locales = locales;
    } else {
      diagnostics.error(shown, file->where("locales"), "locales",
                        "must be a non-empty list of locale codes such as [\"en\", \"fr\"]");
    }
  }
  if (std::find(config.locales.begin(), config.locales.end(), config.default_locale) == config.locales.end()) {
    diagnostics.error(shown, file->where("default_locale"), "default_locale",
                      "\"" + config.default_locale + "\" is not one of \"locales\"");
  }
  const std::vector<std::string> known = {"title", "base_url", "locales", "default_locale", "output"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      diagnostics.warning(shown, file->where(key), key, "unknown setting; it is ignored" + did_you_mean(key, known));
    }
  }
  return config;
}

}  // namespace sitegen
