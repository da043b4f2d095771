// Views: the data one template sees for one page. All sentence logic lives here (which intro
// variant, the class contrast, list items), so templates only place what they are given.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assets.h"
#include "catalog.h"
#include "config.h"
#include "locales.h"
#include "plan.h"

namespace sitegen {

// A code's English prose rendered to HTML once, shared by every page and locale that shows it.
struct CodeProse {
  std::string summary;       // inline HTML
  std::string summary_text;  // plain text, for meta descriptions and search
  std::string description;
  std::string when_seen;
  std::string how_to_fix;
};

// Everything views read, loaded and prepared once per build.
struct SiteData {
  const Config& config;
  const Catalog& catalog;
  const Locales& locales;
  std::map<const Code*, CodeProse> prose;
  std::map<const Protocol*, std::string> protocol_summaries;  // inline HTML
  const Assets& assets;
};

// Renders the Markdown of every code and protocol.
SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           const Assets& assets);

// The site-relative path of a locale's search index ("search.json", "fr/search.json").
std::string search_index_path(const std::string& locale, const Config& config);

// A locale's search index: every code with protocol, number, name, summary text and URL path.
std::string search_index(const std::string& locale, const SiteData& site);

// The locale keys the views use; the default locale must define all of them.
std::vector<std::string> required_locale_keys(const Catalog& catalog);

nlohmann::json make_view(const Page& page, const SiteData& site);

}  // namespace sitegen
