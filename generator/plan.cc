#include "plan.h"

#include <algorithm>
#include <map>
#include <unordered_map>

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

std::string path_in_locale(const Page& page, const std::string& locale, const Config& config) {
  std::string prefix = locale_prefix(locale, config.default_locale);
  switch (page.kind) {
    case PageKind::home: return home_path(prefix);
    case PageKind::protocol_index: return protocol_path(prefix, *page.protocol);
    case PageKind::code: return code_path(prefix, *page.protocol, *page.code);
    case PageKind::pair: return pair_path(prefix, *page.protocol, *page.code, *page.other);
    case PageKind::not_found: return not_found_path(prefix);
  }
  return prefix;
}

std::vector<Page> plan_site(const Catalog& catalog, const Config& config) {
  std::vector<Page> pages;
  size_t per_locale = 2;  // the home and 404 pages
  for (const auto& protocol : catalog.protocols) {
    per_locale += 1 + protocol.codes.size() + pair_page_count(protocol);
  }
  pages.reserve(per_locale * config.locales.size());
  auto add = [&](Page page) {
    page.path = path_in_locale(page, page.locale, config);
    page.file = page.kind == PageKind::not_found ? page.path : page.path + "index.html";
    pages.push_back(std::move(page));
  };
  for (const auto& locale : config.locales) {
    add({PageKind::home, locale, nullptr, nullptr, nullptr, "", ""});
    for (const auto& protocol : catalog.protocols) {
      add({PageKind::protocol_index, locale, &protocol, nullptr, nullptr, "", ""});
      for (const auto& code : protocol.codes) {
        add({PageKind::code, locale, &protocol, &code, nullptr, "", ""});
      }
      for_each_pair_page(protocol, [&](size_t i, size_t j) {
        add({PageKind::pair, locale, &protocol, &protocol.codes[i], &protocol.codes[j], "", ""});
      });
    }
    // Each locale has its own page for missing URLs (urls.h not_found_path).
    add({PageKind::not_found, locale, nullptr, nullptr, nullptr, "", ""});
  }
  return pages;
}

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
  // Every page of one locale (the others only add a prefix): no two may share a path.
  Config one_locale = config;
  one_locale.locales = {config.default_locale};
  std::unordered_map<std::string, const Page*> at;
  const std::vector<Page> pages = plan_site(catalog, one_locale);
  auto source_of = [](const Page& page) {
    if (page.kind == PageKind::pair) return "the pair of " + page.code->file + " and " + page.other->file;
    if (page.code) return "the page of " + page.code->file;
    if (page.protocol) return "the index of " + page.protocol->file;
    return std::string("the ") + page_kind_name(page.kind) + " page";
  };
  for (const Page& page : pages) {
    auto [other, added] = at.emplace(page.file, &page);
    if (!added) {
      diagnostics.error(page.code ? page.code->file : "sitegen.json", 0, "slug",
                        source_of(page) + " and " + source_of(*other->second) + " would both be " + page.path +
                            "; change one of the slugs");
    }
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
