// Plan: the list of every page the site has (kind, locale, subject, URL path, output file),
// decided before anything is rendered.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog.h"
#include "config.h"

namespace sitegen {

enum class PageKind { home, protocol_index, code, pair, not_found };

const char* page_kind_name(PageKind kind);  // also the template name: "code" -> templates/code.mustache

struct Page {
  PageKind kind = PageKind::home;
  std::string locale;
  const Protocol* protocol = nullptr;  // protocol_index, code, pair
  const Code* code = nullptr;          // code page; the lower code of a pair
  const Code* other = nullptr;         // the higher code of a pair
  std::string path;                    // site-relative URL path: "fr/smtp/214-help-message/", "404.html"
  std::string file;                    // output file under the output folder
};

// Every page, in a fixed order: per locale (config order) the home page, then per protocol its
// index, its code pages (ascending) and its pair pages (lower code first); the 404 page last.
std::vector<Page> plan_site(const Catalog& catalog, const Config& config);

// Reports what would make two pages share a path, or a page take a path the site needs for
// itself: a protocol named like a locale or like "assets" or "compare", or two pairs whose
// slugs join to one path. Each error names both sources. Run before plan_site().
void check_plan(const Catalog& catalog, const Config& config, Diagnostics& diagnostics);

// The files of static/ (by output path) may go anywhere sitegen writes nothing: not into the
// folders of locales, protocols, pairs or assets, and not over the files static hosts read.
void check_static_files(const std::map<std::string, std::string>& files, const Catalog& catalog, const Config& config,
                        Diagnostics& diagnostics);

// The URL path of `page` in another locale.
std::string path_in_locale(const Page& page, const std::string& locale, const Config& config);

}  // namespace sitegen
