#include "plan.h"

#include <algorithm>
#include <map>

#include "hash.h"
#include "pair_policy.h"
#include "urls.h"

namespace sitegen {

const char* page_kind_name(PageKind kind) {
  switch (kind) {
    case PageKind::home: return "home";
    case PageKind::protocol_index: return "protocol";
    case PageKind::code: return "code";
    case PageKind::pair: return "pair";
    case PageKind::not_found: return "404";
  }
  return "";
}

namespace {

std::string path_with_prefix(const Page& page, const std::string& prefix) {
  switch (page.kind) {
    case PageKind::home: return home_path(prefix);
    case PageKind::protocol_index: return protocol_path(prefix, *page.protocol);
    case PageKind::code: return code_path(prefix, *page.protocol, *page.code);
    case PageKind::pair: return pair_path(prefix, *page.protocol, *page.code, *page.other);
    case PageKind::not_found: return not_found_path(prefix);
  }
  return prefix;
}

}  // namespace

std::string path_in_locale(const Page& page, const std::string& locale, const Config& config) {
  return path_with_prefix(page, locale_prefix(locale, config.default_locale));
}

Plan::Plan(const Catalog& catalog, const Config& config)
    : locales_(config.locales), default_locale_(config.default_locale) {
  per_locale_ = 1;  // the home page
  for (const auto& protocol : catalog.protocols) {
    Section section{&protocol, per_locale_, {}};
    section.pairs.reserve(pair_page_count(protocol));
    for_each_pair_page(protocol, [&](size_t i, size_t j) {
      section.pairs.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    });
    per_locale_ += 1 + protocol.codes.size() + section.pairs.size();
    sections_.push_back(std::move(section));
  }
  ++per_locale_;  // each locale has its own page for missing URLs (urls.h not_found_path)
}

Page Plan::operator[](size_t index) const {
  Page page;
  page.locale = locales_[index / per_locale_];
  const size_t at = index % per_locale_;
  if (at == 0) {
    page.kind = PageKind::home;
  } else if (at == per_locale_ - 1) {
    page.kind = PageKind::not_found;
  } else {
    // The last section that starts at or before `at`.
    auto section = std::upper_bound(sections_.begin(), sections_.end(), at,
                                    [](size_t value, const Section& s) { return value < s.first; }) - 1;
    const Protocol& protocol = *section->protocol;
    const size_t within = at - section->first;
    page.protocol = &protocol;
    if (within == 0) {
      page.kind = PageKind::protocol_index;
    } else if (within <= protocol.codes.size()) {
      page.kind = PageKind::code;
      page.code = &protocol.codes[within - 1];
    } else {
      const auto [i, j] = section->pairs[within - 1 - protocol.codes.size()];
      page.kind = PageKind::pair;
      page.code = &protocol.codes[i];
      page.other = &protocol.codes[j];
    }
  }
  page.path = path_with_prefix(page, locale_prefix(page.locale, default_locale_));
  page.file = page.kind == PageKind::not_found ? page.path : page.path + "index.html";
  return page;
}

Plan plan_site(const Catalog& catalog, const Config& config) { return Plan(catalog, config); }

}  // namespace sitegen

namespace sitegen {

void check_plan(const Catalog& catalog, const Config& config, Diagnostics& diagnostics) {
  // The top of the URL space: each locale's folder, and the site's own folders.
  auto folder_name = [](std::string folder) { return folder.substr(0, folder.size() - 1); };
  std::map<std::string, std::string> reserved = {
      {folder_name(assets_folder()), "the site's stylesheets and scripts (" + assets_folder() + ")"},
      {folder_name(pairs_folder("")), "the pair pages (" + pairs_folder("") + ")"}};
  for (const auto& locale : config.locales) {
    if (locale != config.default_locale) reserved[locale] = "the pages of the locale \"" + locale + "\" (sitegen.json)";
  }
  for (const auto& protocol : catalog.protocols) {
    auto clash = reserved.find(protocol.id);
    if (clash != reserved.end()) {
      diagnostics.error(protocol.file, 0, "", "the protocol folder content/" + protocol.id + "/ would take the URL /" +
                                                 protocol.id + "/, which is " + clash->second + "; rename the folder");
    }
  }
  if (diagnostics.has_errors()) return;
  // Every page of one locale (the others only add a prefix): no two may share a path. Paths are
  // compared by digest first, so that a catalog of many pairs is checked without holding them all.
  Config one_locale = config;
  one_locale.locales = {config.default_locale};
  const Plan pages = plan_site(catalog, one_locale);
  std::vector<std::pair<uint64_t, size_t>> by_digest;  // (digest of the file, page number)
  by_digest.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) by_digest.emplace_back(digest_of(pages[i].file).low, i);
  std::sort(by_digest.begin(), by_digest.end());
  auto source_of = [](const Page& page) {
    if (page.kind == PageKind::pair) return "the pair of " + page.code->file + " and " + page.other->file;
    if (page.code) return "the page of " + page.code->file;
    if (page.protocol) return "the index of " + page.protocol->file;
    return std::string("the ") + page_kind_name(page.kind) + " page";
  };
  for (size_t k = 1; k < by_digest.size(); ++k) {
    if (by_digest[k].first != by_digest[k - 1].first) continue;
    // The first page of the run with this digest, against this one (the plan's order).
    size_t first = k - 1;
    while (first > 0 && by_digest[first - 1].first == by_digest[k].first) --first;
    const Page page = pages[by_digest[k].second], other = pages[by_digest[first].second];
    if (page.file != other.file) continue;  // two paths with one digest: not a clash
    diagnostics.error(page.code ? page.code->file : "sitegen.json", 0, "slug",
                      source_of(page) + " and " + source_of(other) + " would both be " + page.path +
                          "; change one of the slugs");
  }
}

void check_static_files(const std::map<std::string, std::string>& files, const Catalog& catalog, const Config& config,
                        Diagnostics& diagnostics) {
  auto folder_name = [](std::string folder) { return folder.substr(0, folder.size() - 1); };
  std::map<std::string, std::string> folders = {{folder_name(assets_folder()), "the site's stylesheets and scripts"},
                                                {folder_name(pairs_folder("")), "the pair pages"}};
  for (const auto& locale : config.locales) {
    if (locale != config.default_locale) folders[locale] = "the pages of the locale \"" + locale + "\"";
  }
  for (const auto& protocol : catalog.protocols) folders[protocol.id] = "the pages of " + protocol.name;
  static const std::vector<std::string> kRootFiles = {"index.html", "robots.txt", "_redirects", "_headers", ".nojekyll"};
  for (const auto& [path, bytes] : files) {
    const std::string shown = "static/" + path;
    const size_t slash = path.find('/');
    const std::string top = path.substr(0, slash);
    std::string why;
    if (slash != std::string::npos && folders.count(top)) {
      why = "its folder " + top + "/ holds " + folders.at(top);
    } else if (std::find(kRootFiles.begin(), kRootFiles.end(), path) != kRootFiles.end() || path == not_found_path() ||
               path == search_index_file("") || (path.rfind("sitemap", 0) == 0 && path.size() > 4 &&
                                                 path.compare(path.size() - 4, 4, ".xml") == 0)) {
      why = "sitegen writes " + path + " itself";
    } else if (top.rfind(".sitegen", 0) == 0) {
      why = "names starting with .sitegen are sitegen's own bookkeeping";
    }
    if (!why.empty()) diagnostics.error(shown, 0, "", "cannot be published: " + why);
  }
}

}  // namespace sitegen
