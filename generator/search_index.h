// SearchIndex: each locale's search.json, which the home and 404 pages search as the reader types
// (no server needed): every code with its protocol, number, name, summary, words and URL path,
// in the locale's language where translated.
#pragma once

#include <string>

#include "code_strings.h"

namespace sitegen {

// The site-relative path of a locale's search index ("search.json", "fr/search.json").
std::string search_index_path(const std::string& locale, const Config& config);

// A locale's search index: for every code, "p" protocol, "c" number, "n" name, "s" summary
// (plain text), "w" the other words of its explanation (each once), "u" URL path, and "e": 1
// when the summary is the English fallback.
std::string search_index(const std::string& locale, const SiteData& site);

}  // namespace sitegen
