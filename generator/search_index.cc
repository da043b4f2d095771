#include "search_index.h"

#include <nlohmann/json.hpp>

#include "urls.h"

namespace sitegen {

using json = nlohmann::json;

std::string search_index_path(const std::string& locale, const Config& config) {
  return search_index_file(locale_prefix(locale, config.default_locale));
}

std::string search_index(const std::string& locale, const SiteData& site) {
  std::string prefix = locale_prefix(locale, site.config.default_locale);
  json entries = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    for (const auto& code : protocol.codes) {
      // Paths are relative to the locale's home page, where the search box lives.
      entries.push_back({{"p", protocol.name},
                         {"c", std::to_string(code.number)},
                         {"n", code.name},
                         {"s", site.prose.at(&code).summary_text},
                         {"u", code_path("", protocol, code)}});
    }
  }
  return entries.dump() + "\n";
}

}  // namespace sitegen
