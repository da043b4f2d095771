#include "check.h"

#include <filesystem>
#include <iostream>
#include <unistd.h>

#include "exit_codes.h"
#include "hosting.h"
#include "links.h"
#include "plan.h"
#include "mustache_tags.h"
#include "site.h"
#include "template_fields.h"
#include "translations.h"

namespace sitegen {

namespace {

// Each page template (with the partials it includes), asset and locale file, and whether it is
// the site's own or sitegen's theme's: what a site overrides, and what it still takes as it is.
void print_sources(const Site& site, const std::string& source_dir, std::ostream& out) {
  auto origin = [&](const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::path(source_dir) / path, ec) ? path + " (the site's)"
                                                                                 : path + " (sitegen's theme)";
  };
  out << "Files each page kind is made from:\n";
  for (const char* kind : kPageTemplates) {
    const std::string page = std::string("templates/") + kind + ".mustache";
    out << "  " << kind << ": " << origin(page);
    for (const MustacheTag& tag : mustache_tags(site.templates.pages_.at(kind))) {
      if (tag.kind == '>') out << ", " << origin("templates/partials/" + tag.name + ".mustache");
    }
    out << "\n";
  }
  out << "  assets:";
  for (const auto& [name, path] : site.assets.paths) out << " " << origin("templates/assets/" + name);
  out << "\n  locales:";
  for (const auto& locale : site.locales.list) out << " " << origin("locales/" + locale.id + ".json");
  out << "\n";
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  diagnostics.set_warnings_are_errors(options.strict);
  std::optional<Site> site = load_site(options.source, diagnostics);
  if (site) check_plan(site->catalog, site->config, diagnostics);
  if (site) check_static_files(site->static_files, site->catalog, site->config, diagnostics);
  if (site) {
    check_host_limits(planned_file_count(plan_site(site->catalog, site->config), site->config, site->assets.files.size(),
                                         site->static_files.size()),
                      site->config, diagnostics);
  }
  // With inputs that load, the templates are walked with real views: a name no page has is a
  // misspelling that would render empty.
  if (site && !diagnostics.has_errors()) {
    const Plan pages = plan_site(site->catalog, site->config);
    const SiteData data = prepare_site_data(site->config, site->catalog, site->locales, site->assets);
    check_template_fields(site->templates, pages, data, diagnostics);
  }
  LinkReport links;
  if (options.links && site) {
    std::string out_dir = options.out ? *options.out : options.source + "/" + site->config.output;
    // The site may have been built with --base-url: its robots.txt says for which URL.
    std::string base_url = options.base_url ? *options.base_url : built_base_url(out_dir);
    if (base_url.empty()) base_url = site->config.base_url;
    links = check_links(out_dir, base_url, diagnostics);
  }
  // A broken site can have thousands of broken links: the first ones are shown, the rest counted.
  Diagnostics::PrintOptions print;
  print.color = &err == &std::cerr && use_color(STDERR_FILENO);
  print.errors_only = options.quiet;
  diagnostics.print(err, print);

  size_t codes = 0, protocols = 0, locales = 0, templates = 0;
  if (site) {
    protocols = site->catalog.protocols.size();
    for (const auto& protocol : site->catalog.protocols) codes += protocol.codes.size();
    locales = site->locales.list.size();
    templates = site->templates.pages_.size() + site->templates.partials_.size();
  }
  if (options.quiet && !options.translations) return diagnostics.has_errors() ? kExitInputError : kExitOk;
  out << "sitegen check: " << diagnostics.error_count() << " error(s), " << diagnostics.warning_count()
      << " warning(s) in " << codes << " codes of " << protocols << " protocol(s), " << locales << " locale(s), "
      << templates << " template(s)";
  if (options.links) out << "; " << links.links << " internal links in " << links.pages << " pages checked";
  out << "\n";
  if (options.sources && site) print_sources(*site, options.source, out);
  bool gaps = false;
  if (options.translations && site) {
    const auto coverage = translation_coverage(site->catalog, site->config);
    print_coverage(coverage, out);
    for (const auto& locale : coverage) gaps = gaps || !locale.gaps.empty();
    if (gaps && options.strict) out << "sitegen check: --strict: every field must be translated and current\n";
  }
  return diagnostics.has_errors() || (gaps && options.strict) ? kExitInputError : kExitOk;
}

}  // namespace sitegen
