#include "hosting.h"

#include "pair_policy.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>

#include "html.h"
#include "urls.h"

namespace sitegen {

namespace {

// Pieces of a file, handed to the sink in blocks of about 64 KB rather than one call per line.
class BufferedFile {
 public:
  BufferedFile(HostingSink& sink, const std::string& path) : sink_(sink) {
    sink_.begin(path);
    buffer_.reserve(kBlock + 4096);
  }
  BufferedFile& operator<<(std::string_view bytes) {
    buffer_ += bytes;
    if (buffer_.size() >= kBlock) flush();
    return *this;
  }
  void end() {
    flush();
    sink_.end();
  }

 private:
  static constexpr size_t kBlock = 64 * 1024;
  void flush() {
    if (!buffer_.empty()) sink_.append(buffer_);
    buffer_.clear();
  }
  HostingSink& sink_;
  std::string buffer_;
};

// A page's sitemap entry: its URL and its alternates in every locale (and x-default).
std::string sitemap_entry(const Page& page, const Config& config) {
  std::string entry = "<url><loc>" + escape_html(config.base_url + page.path) + "</loc>";
  for (const auto& locale : config.locales) {
    entry += "<xhtml:link rel=\"alternate\" hreflang=\"" + locale + "\" href=\"" +
             escape_html(config.base_url + path_in_locale(page, locale, config)) + "\"/>";
  }
  entry += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           escape_html(config.base_url + path_in_locale(page, config.default_locale, config)) + "\"/></url>\n";
  return entry;
}

// Every page but the 404 pages, at most `url_limit` URLs and `byte_limit` bytes per file: one
// sitemap.xml, or sitemap-1.xml, sitemap-2.xml, ... and sitemap.xml as their index.
void write_sitemaps(const Plan& pages, const Config& config, size_t url_limit, size_t byte_limit, HostingSink& sink) {
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  const std::string tail = "</urlset>\n";
  // One file or several: past the URL limit, or (counted first, without writing) past the bytes.
  const size_t urls = pages.size() - config.locales.size();  // each locale has one 404 page
  bool split = urls > url_limit;
  for (size_t i = 0, bytes = head.size() + tail.size(); !split && i < pages.size(); ++i) {
    const Page page = pages[i];
    if (page.kind != PageKind::not_found) split = (bytes += sitemap_entry(page, config).size()) > byte_limit;
  }
  std::optional<BufferedFile> out;
  size_t in_file = 0, file_bytes = 0, files = 0;
  for (const Page& page : pages) {
    if (page.kind == PageKind::not_found) continue;
    const std::string entry = sitemap_entry(page, config);
    if (!out || in_file == url_limit || (in_file > 0 && file_bytes + entry.size() + tail.size() > byte_limit)) {
      if (out) {
        *out << tail;
        out->end();
      }
      ++files;
      out.emplace(sink, split ? "sitemap-" + std::to_string(files) + ".xml" : "sitemap.xml");
      *out << head;
      in_file = 0;
      file_bytes = head.size();
    }
    *out << entry;
    file_bytes += entry.size();
    ++in_file;
  }
  if (!out) out.emplace(sink, "sitemap.xml") << head;  // a site of 404 pages only
  *out << tail;
  out->end();
  if (!split) return;
  BufferedFile index(sink, "sitemap.xml");
  index << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = 1; i <= files; ++i) {
    index << "<sitemap><loc>" << escape_html(config.base_url + "sitemap-" + std::to_string(i) + ".xml")
          << "</loc></sitemap>\n";
  }
  index << "</sitemapindex>\n";
  index.end();
}

// Netlify and Cloudflare Pages read _redirects: bare code URLs and reversed pairs get a 301 to
// the canonical page. (Hosts that do not read it get the same from the 404 page's script.)
void write_redirects(const Catalog& catalog, const Config& config, size_t rule_limit, HostingSink& sink) {
  const std::string base = base_path_of(config.base_url);
  BufferedFile out(sink, "_redirects");
  out << "# Written by sitegen: short and reversed URLs to the canonical pages.\n";
  // A host that reads at most `rule_limit` rules (Cloudflare Pages: 2,000) gets the short code URLs
  // first and as many reversed pairs as fit; the 404 page's script handles the rest.
  size_t rules = 0;
  auto room = [&] { return !rule_limit || rules < rule_limit; };
  auto add = [&](const std::string& from, const std::string& to) {
    if (!room()) return;
    out << from << " " << to << " 301\n";
    ++rules;
  };
  for (const auto& locale : config.locales) {
    std::string prefix = locale_prefix(locale, config.default_locale);
    for (const auto& protocol : catalog.protocols) {
      for (const auto& code : protocol.codes) {
        std::string bare = base + prefix + protocol.id + "/" + code.id;
        std::string target = base + code_path(prefix, protocol, code);
        add(bare, target);
        add(bare + "/", target);
      }
    }
  }
  for (const auto& locale : config.locales) {
    std::string prefix = locale_prefix(locale, config.default_locale);
    for (const auto& protocol : catalog.protocols) {
      for_each_pair_page(protocol, [&](size_t i, size_t j) {
        if (!room()) return;
        const Code& low = protocol.codes[i];
        const Code& high = protocol.codes[j];
        add(base + reversed_pair_path(prefix, protocol, low, high), base + pair_path(prefix, protocol, low, high));
      });
    }
  }
  out.end();
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

size_t planned_file_count(const Plan& pages, const Config& config, size_t assets, size_t static_files) {
  const HostLimits& host = host_limits(config.hosting);
  const size_t sitemaps = pages.empty() ? 1 : (pages.size() + kSitemapUrlLimit - 1) / kSitemapUrlLimit;
  return pages.size() + assets + static_files + config.locales.size() + sitemaps + (sitemaps > 1) +
         1 /* robots.txt */ + host.reads_redirects + host.reads_headers + 1 /* .nojekyll */ + 1 /* manifest */;
}

namespace {

std::string with_commas(uint64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<size_t>(at), ",");
  return digits;
}

// "25 MiB", "1 GB", "1.37 GB": a size as the hosts write their limits.
std::string size_text(uint64_t bytes, bool binary) {
  const double unit = binary ? 1024.0 * 1024.0 : 1e9;
  char text[32];
  std::snprintf(text, sizeof text, binary ? "%.2f MiB" : "%.2f GB", static_cast<double>(bytes) / unit);
  std::string out = text;
  for (const char* whole : {".00 MiB", ".00 GB"}) {
    const size_t at = out.find(whole);
    if (at != std::string::npos) out.erase(at, 3);
  }
  return out;
}

const char* const kShrink =
    "give the largest protocols a narrower \"pairs\" policy in their protocol.json (\"same-class\", "
    "\"same-subject\" or \"curated\"), or build fewer \"locales\"";

}  // namespace

void check_host_sizes(uint64_t site_bytes, const std::pair<uint64_t, std::string>& largest_file, const Config& config,
                      Diagnostics& diagnostics) {
  const HostLimits& host = host_limits(config.hosting);
  if (host.file_bytes && largest_file.first > host.file_bytes) {
    diagnostics.warning("sitegen.json", 0, "hosting",
                        largest_file.second + " is " + size_text(largest_file.first, true) + ", and " + host.title +
                            " takes at most " + size_text(host.file_bytes, true) + " per file");
  }
  if (host.site_bytes && site_bytes > host.site_bytes) {
    diagnostics.warning("sitegen.json", 0, "hosting",
                        "the site is " + size_text(site_bytes, false) + " (" + with_commas(site_bytes) + " bytes), and " +
                            host.title + " takes at most " + size_text(host.site_bytes, false) + ": " + kShrink);
  }
}

void check_host_limits(size_t files, const Config& config, Diagnostics& diagnostics) {
  const HostLimits& host = host_limits(config.hosting);
  if (host.files && files > host.files) {
    diagnostics.warning("sitegen.json", 0, "hosting",
                        "the site has " + with_commas(files) + " files, and " + host.title + " takes at most " +
                            with_commas(host.files) + " per deployment: " + kShrink);
  }
}

void write_hosting_files(const Plan& pages, const Catalog& catalog, const Config& config, HostingSink& sink,
                         size_t sitemap_url_limit, size_t sitemap_byte_limit) {
  const HostLimits& host = host_limits(config.hosting);
  write_sitemaps(pages, config, sitemap_url_limit,
                 host.file_bytes ? std::min(sitemap_byte_limit, host.file_bytes) : sitemap_byte_limit, sink);
  auto whole = [&](const std::string& path, const std::string& bytes) {
    sink.begin(path);
    sink.append(bytes);
    sink.end();
  };
  whole("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + config.base_url + "sitemap.xml\n");
  // Only what the host reads: GitHub Pages would publish these files as pages.
  if (host.reads_redirects) write_redirects(catalog, config, host.redirect_rules, sink);
  if (host.reads_headers) whole("_headers", headers(catalog, config));
  // GitHub Pages would otherwise run Jekyll, which skips files starting with "_".
  whole(".nojekyll", "");
}

std::vector<HostingFile> hosting_files(const Plan& pages, const Catalog& catalog, const Config& config,
                                       size_t sitemap_url_limit, size_t sitemap_byte_limit) {
  struct Collect : HostingSink {
    std::vector<HostingFile> files;
    void begin(const std::string& path) override { files.push_back({path, ""}); }
    void append(std::string_view bytes) override { files.back().bytes += bytes; }
    void end() override {}
  } collect;
  write_hosting_files(pages, catalog, config, collect, sitemap_url_limit, sitemap_byte_limit);
  return std::move(collect.files);
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
