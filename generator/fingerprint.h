// Fingerprint: for each page, a hash of every input it is made from (settings, templates,
// assets, its locale's strings, the catalog entries it shows), so a rebuild can skip pages whose
// inputs did not change.
#pragma once

#include <map>
#include <string>

#include "plan.h"
#include "site.h"

namespace sitegen {

class Fingerprints {
 public:
  // `site.config` must already carry command-line overrides (such as --base-url).
  explicit Fingerprints(const Site& site);

  // 15 hex digits (fingerprint_hex); equal for two builds exactly when the page's inputs are equal.
  std::string page(const Page& page) const;
  // The same for the files made from the whole site's outline: sitemaps, redirects, headers.
  std::string hosting() const;
  // The same for a locale's search index (every code's number, name and summary).
  std::string search_index(const std::string& locale) const;

 private:
  uint64_t global_ = 0;                                   // settings, templates, assets, sitegen version
  std::map<std::string, uint64_t> locales_;               // every string of a locale (with fallbacks)
  std::map<const Protocol*, uint64_t> protocol_outline_;  // header and every code's number, name, slug, class
  std::map<const Protocol*, uint64_t> protocol_full_;     // outline and every code's full entry
  std::map<const Code*, uint64_t> codes_;                 // one entry, every field
  uint64_t all_protocols_ = 0;                            // outline of every protocol (home, 404)
  uint64_t all_protocols_full_ = 0;                       // every protocol's full entries
};

}  // namespace sitegen
