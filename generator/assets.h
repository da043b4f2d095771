// Assets: the files a site publishes besides its pages. Those under templates/assets/ (CSS, JS) go
// out under content-hashed names (assets/style.1a2b3c4d5e.css), so hosts can cache them for a year
// without serving stale ones; those under static/ (favicon, CNAME, verification files) as they are.
#pragma once

#include <map>
#include <string>

#include "diagnostics.h"

namespace sitegen {

struct Assets {
  // Name under templates/assets/ ("style.css") -> site-relative output path with the hash.
  std::map<std::string, std::string> paths;
  // Site-relative output path -> bytes.
  std::map<std::string, std::string> files;

  // The site's icon among its static/ files ("favicon.ico"), which every page links; empty if none.
  std::string icon;

  // The output path of `name`; throws std::logic_error if there is no such asset.
  const std::string& path(const std::string& name) const;
};

// Reads every file below `assets_dir`. `site_dir`, when given, is the site folder: an asset that
// is a symlink leading out of it is an error (a site is made from its own folder only).
Assets load_assets(const std::string& assets_dir, Diagnostics& diagnostics, const std::string& site_dir = "");

// Reads every file below `static_dir` (a site's static/ folder), by its path relative to it,
// which is also its path in the output. Symlinks leading out of `site_dir` are errors.
std::map<std::string, std::string> load_static_files(const std::string& static_dir, Diagnostics& diagnostics,
                                                     const std::string& site_dir);

// A short, stable fingerprint of some bytes (XXH3-64, first 10 hex digits).
std::string content_hash(const std::string& bytes);

}  // namespace sitegen
