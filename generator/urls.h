// URLs: where every page lives (the URL scheme, docs/ARCHITECTURE.md) and how one page links to another.
// Paths are site-relative folders such as "fr/smtp/214-help-message/"; "" is the English home.
#pragma once

#include <string>

namespace sitegen {

struct Code;
struct Protocol;

// The site-relative folder of each page kind in a locale ("" prefix for the default locale).
std::string locale_prefix(const std::string& locale, const std::string& default_locale);
std::string home_path(const std::string& prefix);
std::string protocol_path(const std::string& prefix, const Protocol& protocol);
std::string code_path(const std::string& prefix, const Protocol& protocol, const Code& code);
// Lower code first, whatever order the arguments come in.
std::string pair_path(const std::string& prefix, const Protocol& protocol, const Code& a, const Code& b);

// The high-vs-low folder of a pair, which redirects to pair_path().
std::string reversed_pair_path(const std::string& prefix, const Protocol& protocol, const Code& a, const Code& b);
// The folder that holds a locale's pair pages ("compare/", "fr/compare/").
std::string pairs_folder(const std::string& prefix);
// A locale's search index ("search.json", "fr/search.json").
std::string search_index_file(const std::string& prefix);
// A locale's page for a missing URL ("404.html", "fr/404.html"): hosts that serve the nearest
// 404.html (Cloudflare Pages, `sitegen serve`) show it for any missing URL in the locale's
// folder; hosts with one 404 page serve the root's, whose script moves on to the locale's.
std::string not_found_path(const std::string& prefix = "");
// The folder of the fingerprinted stylesheets and scripts.
std::string assets_folder();

// The href that leads from the page at folder `from` to the page at folder `to`, relative so the
// site works under any base path. Both are site-relative; a folder path ends with '/'.
std::string relative_href(const std::string& from, const std::string& to);

}  // namespace sitegen
