// Fingerprint: for each page, a digest of every input it is made from (the sitegen binary,
// settings, templates, assets, its locale's strings and the catalog data its PageInputs declare),
// so a rebuild can skip pages whose inputs did not change.
#pragma once

#include <map>
#include <string>

#include "hash.h"
#include "plan.h"
#include "site.h"

namespace sitegen {

class Fingerprints {
 public:
  // `site.config` must already carry command-line overrides (such as --base-url).
  explicit Fingerprints(const Site& site);

  // Equal for two builds exactly when the page's inputs are equal (page_inputs(page) says which).
  Digest page(const Page& page) const;
  // The same for the files made from the whole site's outline: sitemaps, redirects, headers.
  Digest hosting() const;
  // The same for a locale's search index (every code's number, name and summary).
  Digest search_index(const std::string& locale) const;

 private:
  // Catalog data is digested per locale: a page shows the translations of its own locale.
  using InLocale = std::pair<std::string, const void*>;  // (locale, protocol or code)
  std::string site_default_locale_;         // the hosting files list the default locale's URLs too
  std::string hosting_;                     // and are made for the host sitegen.json names
  Digest global_;                            // the binary, settings, templates, assets
  std::map<std::string, Digest> locales_;    // every string of a locale (with fallbacks)
  std::map<InLocale, Digest> outlines_;      // header and every code's number, name, slug, class
  std::map<InLocale, Digest> every_entry_;   // outline and every code's full entry
  std::map<InLocale, Digest> entries_;       // one code, every field
  std::map<InLocale, Digest> curated_;       // one curated pair's prose
  std::map<std::string, Digest> every_outline_;                   // of every protocol (home, 404)
  std::map<std::string, Digest> every_entry_of_every_protocol_;  // the search index
};

}  // namespace sitegen
