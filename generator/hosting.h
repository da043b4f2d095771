// Hosting: the files static hosts and search engines read besides the pages: sitemap.xml (split
// into an index past the protocol's URL limit), robots.txt, _headers, _redirects and .nojekyll.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "config.h"
#include "plan.h"

namespace sitegen {

struct HostingFile {
  std::string path;  // site-relative
  std::string bytes;
};

// The sitemap protocol allows 50,000 URLs per file.
inline constexpr size_t kSitemapUrlLimit = 50000;

std::vector<HostingFile> hosting_files(const std::vector<Page>& pages, const Catalog& catalog, const Config& config,
                                       size_t sitemap_url_limit = kSitemapUrlLimit);

// The base URL a built site was made for, read back from its robots.txt ("Sitemap: <base>sitemap.xml"),
// so that checking a site needs no --base-url repeated; empty when there is no such line.
std::string built_base_url(const std::string& out_dir);

}  // namespace sitegen
