// Links: verifies a built site on disk, so that every internal link, asset and sitemap entry
// resolves to a file, whatever base URL the site was built for.
#pragma once

#include <string>

#include "diagnostics.h"

namespace sitegen {

struct LinkReport {
  size_t pages = 0;  // HTML files read
  size_t links = 0;  // internal references checked
};

// Checks every href/src of every HTML file under `out_dir`, and every <loc> of its sitemaps.
// `base_url` is the URL the site was built for: absolute links under it and root-relative links
// under its path are internal; other absolute URLs are external and not checked.
LinkReport check_links(const std::string& out_dir, const std::string& base_url, Diagnostics& diagnostics);

}  // namespace sitegen
