// Plan: the list of every page the site has (kind, locale, subject, URL path, output file),
// decided before anything is rendered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
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

// Every page of the site, in a fixed order: per locale (config order) the home page, then per
// protocol its index, its code pages (ascending) and its pair pages (lower code first); the 404
// page last. Pages are made on demand from their number, not stored: a site of a million pages
// keeps only its pair list (8 bytes per pair, shared by every locale) and a few counts.
class Plan {
 public:
  Plan(const Catalog& catalog, const Config& config);

  size_t size() const { return per_locale_ * locales_.size(); }
  bool empty() const { return size() == 0; }
  // Pages of one locale, its 404 page included.
  size_t pages_per_locale() const { return per_locale_; }
  Page operator[](size_t index) const;  // index < size()

  // Walks the pages in order (each one made as it is reached).
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Page;
    using difference_type = std::ptrdiff_t;
    using pointer = const Page*;
    using reference = Page;
    Iterator(const Plan* plan, size_t index) : plan_(plan), index_(index) {}
    Page operator*() const { return (*plan_)[index_]; }
    Iterator& operator++() { ++index_; return *this; }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const Plan* plan_;
    size_t index_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

 private:
  // One protocol's pages within a locale: its index, then its codes, then its pairs.
  struct Section {
    const Protocol* protocol;
    size_t first;                                       // the index page's number within the locale
    std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (i, j) indexes into protocol->codes, i < j
  };
  std::vector<std::string> locales_;
  std::string default_locale_;
  std::vector<Section> sections_;
  size_t per_locale_ = 0;
};

Plan plan_site(const Catalog& catalog, const Config& config);

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
