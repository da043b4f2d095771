#include "build.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unistd.h>

#include "diagnostics.h"
#include "hosting.h"
#include "plan.h"
#include "site.h"
#include "views.h"
#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// "en 597, fr 597" in config order.
std::string per_locale_counts(const std::vector<Page>& pages, const Config& config) {
  std::map<std::string, int> counts;
  for (const auto& page : pages) {
    if (page.kind != PageKind::not_found) ++counts[page.locale];
  }
  std::string out;
  for (const auto& locale : config.locales) {
    if (!out.empty()) out += ", ";
    out += locale + " " + std::to_string(counts[locale]);
  }
  return out;
}

}  // namespace

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  const fs::path source(options.source);
  Diagnostics diagnostics;
  diagnostics.set_warnings_are_errors(options.strict);
  auto report = [&]() {
    for (const auto& d : diagnostics.all()) {
      if (!options.quiet || d.severity == Severity::error) err << format_diagnostic(d) << "\n";
    }
  };

  // load
  std::optional<Site> loaded = load_site(source.string(), diagnostics);
  report();
  if (!loaded || diagnostics.has_errors()) {
    err << "sitegen: " << diagnostics.error_count() << " error(s); nothing was written\n";
    return kExitInputError;
  }
  Site& input = *loaded;
  Config& config = input.config;
  if (options.base_url) config.base_url = normalize_base_url(*options.base_url);

  // plan
  std::vector<Page> pages = plan_site(input.catalog, config);
  SiteData site = prepare_site_data(config, input.catalog, input.locales, input.assets);

  fs::path out_dir = options.out ? fs::path(*options.out) : source / config.output;
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  try {
    OutputWriter writer(out_dir.string());
    for (const auto& [path, bytes] : input.assets.files) writer.write(path, bytes);
    for (const auto& locale : config.locales) writer.write(search_index_path(locale, config), search_index(locale, site));
    for (const auto& file : hosting_files(pages, input.catalog, config)) writer.write(file.path, file.bytes);
    size_t done = 0;
    for (const auto& page : pages) {
      // view -> render -> write
      writer.write(page.file, input.templates.render(page_kind_name(page.kind), make_view(page, site)));
      if (show_progress && (++done % 250 == 0 || done == pages.size())) {
        err << "\r[" << done << "/" << pages.size() << "] pages" << std::flush;
      }
    }
    if (show_progress) err << "\n";
    writer.commit();
    for (const auto& file : writer.kept()) {
      if (!options.quiet) err << (out_dir / file).string() << ": warning: not made by sitegen; kept\n";
    }

    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char time[32];
    std::snprintf(time, sizeof time, "%.2f", seconds);
    if (!options.quiet) {
      out << "sitegen: built " << pages.size() << " pages (" << per_locale_counts(pages, config)
          << ", plus 404.html) in " << time << " s: " << writer.written() << " written, " << writer.unchanged()
          << " unchanged, " << writer.removed() << " removed -> " << out_dir.string() << "\n";
    }
  } catch (const OutputError& e) {
    err << "sitegen: error: " << e.what() << "\n";
    return kExitOutputError;
  } catch (const fs::filesystem_error& e) {
    err << "sitegen: error: " << e.what() << "\n";
    return kExitOutputError;
  }
  return kExitOk;
}

}  // namespace sitegen
