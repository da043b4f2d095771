// SearchIndex: each locale's search.json, which the home and 404 pages search as the reader types
// (no server needed): every code with its protocol, number, name, summary and URL path.
#pragma once

#include <string>

#include "code_strings.h"

namespace sitegen {

// The site-relative path of a locale's search index ("search.json", "fr/search.json").
std::string search_index_path(const std::string& locale, const Config& config);

// A locale's search index: every code with protocol, number, name, summary text and URL path.
std::string search_index(const std::string& locale, const SiteData& site);

}  // namespace sitegen
