// Site: every input of one site folder loaded and validated together (sitegen.json, content/,
// locales/, templates/), so `build` and `check` judge the inputs by the same rules.
#pragma once

#include <optional>
#include <string>

#include "assets.h"
#include "catalog.h"
#include "config.h"
#include "diagnostics.h"
#include "locales.h"
#include "templates.h"

namespace sitegen {

struct Site {
  Config config;
  Catalog catalog;
  Locales locales;
  Templates templates;
  Assets assets;
  std::map<std::string, std::string> static_files;  // static/: output path -> bytes, published as they are
};

// Loads and lints everything under `source_dir`, reporting every problem to diagnostics. Returns
// nothing only when there is no sitegen.json at all (reported too); otherwise the caller looks at
// diagnostics.has_errors().
std::optional<Site> load_site(const std::string& source_dir, Diagnostics& diagnostics);

// The page templates and assets every site needs.
inline const char* const kPageTemplates[] = {"home", "protocol", "code", "pair", "404"};
inline const char* const kRequiredAssets[] = {"style.css", "site.js"};

}  // namespace sitegen
