#include "hosting.h"

#include "pair_policy.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>

#include "html.h"
#include "urls.h"

namespace sitegen {

namespace {

// The alternates of a page in every locale (and x-default): the same for each locale's version of
// the page, so they are made once per page and shared.
std::string sitemap_alternates(const Page& page, const Config& config) {
  std::string links;
  for (const auto& locale : config.locales) {
    links += "<xhtml:link rel=\"alternate\" hreflang=\"" + locale + "\" href=\"" +
             escape_html(config.base_url + path_in_locale(page, locale, config)) + "\"/>";
  }
  links += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           escape_html(config.base_url + path_in_locale(page, config.default_locale, config)) + "\"/>";
  return links;
}

std::vector<HostingFile> sitemaps(const std::vector<Page>& pages, const Config& config, size_t limit) {
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  // Built in place: the default site's sitemap is several megabytes.
  std::vector<std::string> chunks{head};
  size_t in_chunk = 0;
  std::map<std::tuple<PageKind, const Protocol*, const Code*, const Code*>, std::string> alternates;
  for (const auto& page : pages) {
    if (page.kind == PageKind::not_found) continue;
    if (in_chunk == limit) {
      chunks.emplace_back(head);
      in_chunk = 0;
    }
    auto [links, made] = alternates.try_emplace({page.kind, page.protocol, page.code, page.other});
    if (made) links->second = sitemap_alternates(page, config);
    std::string& chunk = chunks.back();
    // Reserved up front from the first entry's size: growing a string of megabytes by doubling
    // costs more in copies and page faults than making it.
    if (in_chunk == 1) chunk.reserve(chunk.size() * std::min(limit, pages.size()) * 5 / 4);
    chunk += "<url><loc>";
    chunk += escape_html(config.base_url + page.path);
    chunk += "</loc>";
    chunk += links->second;
    chunk += "</url>\n";
    ++in_chunk;
  }
  for (auto& chunk : chunks) chunk += "</urlset>\n";
  std::vector<HostingFile> files;
  if (chunks.size() == 1) {
    files.push_back({"sitemap.xml", std::move(chunks[0])});  // moved: an initializer list would copy
    return files;
  }
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = 0; i < chunks.size(); ++i) {
    std::string name = "sitemap-" + std::to_string(i + 1) + ".xml";
    index += "<sitemap><loc>" + escape_html(config.base_url + name) + "</loc></sitemap>\n";
    files.push_back({std::move(name), std::move(chunks[i])});
  }
  files.push_back({"sitemap.xml", index + "</sitemapindex>\n"});
  return files;
}

// Netlify and Cloudflare Pages read _redirects: bare code URLs and reversed pairs get a 301 to
// the canonical page. (Hosts that do not read it get the same from the 404 page's script.)
std::string redirects(const Catalog& catalog, const Config& config, size_t rule_limit) {
  const std::string base = base_path_of(config.base_url);
  std::string out = "# Written by sitegen: short and reversed URLs to the canonical pages.\n";
  // A host that reads at most `rule_limit` rules (Cloudflare Pages: 2,000) gets the short code URLs
  // first and as many reversed pairs as fit; the 404 page's script handles the rest.
  size_t rules = 0;
  auto add = [&](const std::string& line) {
    if (rule_limit && rules >= rule_limit) return;
    out += line;
    ++rules;
  };
  for (const auto& locale : config.locales) {
    std::string prefix = locale_prefix(locale, config.default_locale);
    for (const auto& protocol : catalog.protocols) {
      for (const auto& code : protocol.codes) {
        std::string bare = base + prefix + protocol.id + "/" + code.id;
        std::string target = base + code_path(prefix, protocol, code);
        add(bare + " " + target + " 301\n");
        add(bare + "/ " + target + " 301\n");
      }
    }
  }
  for (const auto& locale : config.locales) {
    std::string prefix = locale_prefix(locale, config.default_locale);
    for (const auto& protocol : catalog.protocols) {
      for_each_pair_page(protocol, [&](size_t i, size_t j) {
        const Code& low = protocol.codes[i];
        const Code& high = protocol.codes[j];
        if (rule_limit && rules >= rule_limit) return;
        add(base + reversed_pair_path(prefix, protocol, low, high) + " " + base + pair_path(prefix, protocol, low, high) +
            " 301\n");
      });
    }
  }
  return out;
}

// Long caching for fingerprinted assets, revalidation for everything else. The rules do not
// overlap, because hosts join the values of every rule that matches a path.
std::string headers(const Catalog& catalog, const Config& config) {
  const std::string base = base_path_of(config.base_url);
  std::string out = base + assets_folder() + "*\n  Cache-Control: public, max-age=31536000, immutable\n";
  std::vector<std::string> html = {base, base + "index.html", base + not_found_path(), base + search_index_file(""),
                                   base + pairs_folder("") + "*"};
  for (const auto& protocol : catalog.protocols) html.push_back(base + protocol.id + "/*");
  for (const auto& locale : config.locales) {
    if (locale != config.default_locale) html.push_back(base + locale + "/*");
  }
  for (const auto& path : html) {
    out += path + "\n  Cache-Control: public, max-age=0, must-revalidate\n  X-Content-Type-Options: nosniff\n";
  }
  return out;
}

}  // namespace

const HostLimits& host_limits(const std::string& hosting) {
  // From each host's documentation: Cloudflare Pages "Limits" (20,000 files per deployment on the
  // free plan, 25 MiB per file, 2,000 static and 100 dynamic redirects); GitHub Pages "Usage
  // limits" (a published site no larger than 1 GB) and GitHub's 100 MiB file limit, no
  // _redirects or _headers; Netlify reads every rule of both files and documents no file limit.
  static const HostLimits kHosts[] = {
      {"generic", "any static host", 0, 0, 0, 0, true, true},
      {"cloudflare-pages", "Cloudflare Pages", 20000, 25u * 1024 * 1024, 0, 2000, true, true},
      {"netlify", "Netlify", 0, 0, 0, 0, true, true},
      {"github-pages", "GitHub Pages", 0, 100u * 1024 * 1024, 1000000000ull, 0, false, false},
  };
  for (const auto& host : kHosts) {
    if (hosting == host.name) return host;
  }
  return kHosts[0];
}

size_t planned_file_count(const std::vector<Page>& pages, const Config& config, size_t assets, size_t static_files) {
  const HostLimits& host = host_limits(config.hosting);
  const size_t sitemaps = pages.empty() ? 1 : (pages.size() + kSitemapUrlLimit - 1) / kSitemapUrlLimit;
  return pages.size() + assets + static_files + config.locales.size() + sitemaps + (sitemaps > 1) +
         1 /* robots.txt */ + host.reads_redirects + host.reads_headers + 1 /* .nojekyll */ + 1 /* manifest */;
}

void check_host_limits(size_t files, const Config& config, Diagnostics& diagnostics) {
  const HostLimits& host = host_limits(config.hosting);
  if (host.files && files > host.files) {
    auto with_commas = [](size_t n) {
      std::string digits = std::to_string(n);
      for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<size_t>(at), ",");
      return digits;
    };
    diagnostics.warning("sitegen.json", 0, "hosting",
                        "the site has " + with_commas(files) + " files, and " + host.title + " takes at most " +
                            with_commas(host.files) + " per deployment: give the largest protocols a narrower \"pairs\" "
                            "policy in their protocol.json (\"same-class\", \"same-subject\" or \"curated\"), or build "
                            "fewer \"locales\"");
  }
}

std::vector<HostingFile> hosting_files(const std::vector<Page>& pages, const Catalog& catalog, const Config& config,
                                       size_t sitemap_url_limit) {
  const HostLimits& host = host_limits(config.hosting);
  std::vector<HostingFile> files = sitemaps(pages, config, sitemap_url_limit);
  std::string sitemap_url = config.base_url + "sitemap.xml";
  files.push_back({"robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + sitemap_url + "\n"});
  // Only what the host reads: GitHub Pages would publish these files as pages.
  if (host.reads_redirects) files.push_back({"_redirects", redirects(catalog, config, host.redirect_rules)});
  if (host.reads_headers) files.push_back({"_headers", headers(catalog, config)});
  // GitHub Pages would otherwise run Jekyll, which skips files starting with "_".
  files.push_back({".nojekyll", ""});
  return files;
}

std::string built_base_url(const std::string& out_dir) {
  std::ifstream robots(out_dir + "/robots.txt");
  const std::string prefix = "Sitemap: ", suffix = "sitemap.xml";
  for (std::string line; std::getline(robots, line);) {
    if (line.rfind(prefix, 0) == 0 && line.size() > prefix.size() + suffix.size() &&
        line.compare(line.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return line.substr(prefix.size(), line.size() - prefix.size() - suffix.size());
    }
  }
  return "";
}

}  // namespace sitegen
