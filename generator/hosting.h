// Hosting: the files static hosts and search engines read besides the pages: sitemap.xml (split
// into an index past the protocol's URL limit), robots.txt, _headers, _redirects and .nojekyll.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "config.h"
#include "plan.h"

namespace sitegen {

struct HostingFile {
  std::string path;  // site-relative
  std::string bytes;
};

// Where the hosting files go, one after another and each piece by piece: a sitemap of 50,000 URLs
// is 40 MB, and a site of many pairs has as many redirect rules, so none is held whole.
class HostingSink {
 public:
  virtual ~HostingSink() = default;
  virtual void begin(const std::string& path) = 0;  // a new file (site-relative path)
  virtual void append(std::string_view bytes) = 0;
  virtual void end() = 0;  // the file begun last is complete
};

// What a static host documents that it takes, by sitegen.json "hosting" name (0: no limit known).
// The README's "Hosting" table is this one.
struct HostLimits {
  const char* name;            // "cloudflare-pages"
  const char* title;           // "Cloudflare Pages"
  size_t files;                // files per deployment
  size_t file_bytes;           // bytes per file
  unsigned long long site_bytes;  // bytes per site
  size_t redirect_rules;       // static _redirects rules it reads
  bool reads_redirects, reads_headers;  // whether _redirects and _headers mean anything there
};
const HostLimits& host_limits(const std::string& hosting);

// The files a build of `pages` writes besides the pages: assets, static files, search indexes,
// sitemaps, the host files and the manifest.
size_t planned_file_count(const Plan& pages, const Config& config, size_t assets, size_t static_files);

// Warns, before anything is written, when the site has more files than its host takes, naming
// the limit and the settings that make the site smaller.
void check_host_limits(size_t files, const Config& config, Diagnostics& diagnostics);

// Warns when the site as built is larger than its host takes, or has a file larger than it takes:
// said after the pages are made and before the new site replaces the old one (--strict stops
// there), since sizes are known only then.
void check_host_sizes(uint64_t site_bytes, const std::pair<uint64_t, std::string>& largest_file, const Config& config,
                      Diagnostics& diagnostics);

// The sitemap protocol allows 50,000 URLs and 50 MB (52,428,800 bytes) per file; a host may take
// smaller files (Cloudflare Pages: 25 MiB), and then each sitemap stays under its limit.
inline constexpr size_t kSitemapUrlLimit = 50000;
inline constexpr size_t kSitemapByteLimit = 52428800;

// Writes sitemap.xml (an index of sitemap-N.xml past the URL limit), robots.txt, and the files the
// host reads (_redirects, _headers, .nojekyll) into `sink`, in that order.
void write_hosting_files(const Plan& pages, const Catalog& catalog, const Config& config, HostingSink& sink,
                         size_t sitemap_url_limit = kSitemapUrlLimit, size_t sitemap_byte_limit = kSitemapByteLimit);
// The same files, each whole: for a small site (tests, and anyone who wants them in memory).
std::vector<HostingFile> hosting_files(const Plan& pages, const Catalog& catalog, const Config& config,
                                       size_t sitemap_url_limit = kSitemapUrlLimit,
                                       size_t sitemap_byte_limit = kSitemapByteLimit);

// The base URL a built site was made for, read back from its robots.txt ("Sitemap: <base>sitemap.xml"),
// so that checking a site needs no --base-url repeated; empty when there is no such line.
std::string built_base_url(const std::string& out_dir);

}  // namespace sitegen
