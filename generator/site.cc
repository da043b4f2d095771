#include "site.h"

#include <algorithm>
#include <filesystem>

#include "lint.h"
#include "locale_keys.h"
#include "translations.h"

namespace fs = std::filesystem;

namespace sitegen {

std::optional<Site> load_site(const std::string& source_dir, Diagnostics& diagnostics) {
  const fs::path source(source_dir);
  std::error_code ec;
  // Anything at that name is read (a folder or a FIFO there is an error saying so), but with
  // nothing there at all, this is not a site folder.
  if (!fs::exists(fs::symlink_status(source / "sitegen.json", ec))) {
    diagnostics.error((source / "sitegen.json").string(), 0, "",
                      "not found; run sitegen in a site folder or pass --source DIR");
    return std::nullopt;
  }
  Site site;
  const int errors_before_config = diagnostics.error_count();
  site.config = load_config(source.string(), diagnostics);
  const bool config_read = diagnostics.error_count() == errors_before_config;
  site.catalog = load_catalog((source / "content").string(), diagnostics);
  load_translations((source / "content").string(), site.config, site.catalog, diagnostics);
  lint_catalog(site.catalog, diagnostics);
  site.locales = load_locales((source / "locales").string(), site.config, required_locale_keys(site.catalog), diagnostics,
                              frame_placeholders());
  site.templates = Templates::load((source / "templates").string(), diagnostics);
  site.assets = load_assets((source / "templates" / "assets").string(), diagnostics, source.string());
  site.static_files = load_static_files((source / "static").string(), diagnostics, source.string());
  for (const char* icon : {"favicon.svg", "favicon.png", "favicon.ico"}) {
    if (site.static_files.count(icon)) site.assets.icon = icon;
  }
  if (fs::is_directory(source / "templates", ec)) {
    for (const char* name : kPageTemplates) {
      const std::string file = std::string("templates/") + name + ".mustache";
      // A template there but unreadable has its error already; "missing" would only mislead.
      const bool reported = std::any_of(diagnostics.all().begin(), diagnostics.all().end(),
                                        [&](const Diagnostic& d) { return d.file == file; });
      if (!site.templates.has_page(name) && !reported) {
        diagnostics.error(file, 0, "", "missing; every site needs this page template");
      }
    }
    for (const char* name : kRequiredAssets) {
      if (!site.assets.paths.count(name)) {
        diagnostics.error(std::string("templates/assets/") + name, 0, "", "missing; the page templates link to it");
      }
    }
  }
  if (config_read && site.config.base_url.find("://") == std::string::npos) {
    diagnostics.warning("sitegen.json", 0, "base_url",
                        "\"" + site.config.base_url + "\" is not an absolute URL (https://host/…); canonical links and "
                        "the sitemap need one");
  }
  return site;
}

}  // namespace sitegen
