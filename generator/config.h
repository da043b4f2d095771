// Config: the site settings from sitegen.json (title, base URL, locales, output folder).
// Command-line options override some of them; see build.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"

namespace sitegen {

struct Config {
  std::string title = "Reply Code Reference";
  std::string base_url = "/";               // always ends with '/'
  std::vector<std::string> locales{"en"};   // in the order the language switcher shows them
  std::string default_locale = "en";        // lives at the site root
  std::string output = "site";              // relative to the source folder unless absolute
  std::string hosting = "generic";          // the static host it is for (hosting.h known_hosts)
};

// "en", "fr", "pt-BR", "zh-Hant": two or three lowercase letters, then optionally '-' and two to
// eight letters or digits. What sitegen.json's "locales" (and `init --locales`) may hold.
bool is_locale_id(const std::string& id);

// The "hosting" names sitegen knows, the default first (hosting.h has what each host takes).
const std::vector<std::string>& known_hosts();
bool is_known_host(const std::string& name);
std::string known_host_names();  // for messages: "\"generic\", … or \"github-pages\""

// Reads <source>/sitegen.json. Problems are reported to diagnostics; the defaults fill the gaps.
Config load_config(const std::string& source_dir, Diagnostics& diagnostics);

// What is wrong with a base URL (from sitegen.json or --base-url), or nothing. It must be an
// absolute http:// or https:// URL with a host, or a path that starts with "/", and hold no
// query, fragment, white space, control character, quote, backslash or angle bracket: it goes
// into attributes, robots.txt and redirect rules as it is.
std::optional<std::string> base_url_problem(const std::string& url);

// "https://host/sub" -> "https://host/sub/"; the path part ("/sub/") is what links are built on.
std::string normalize_base_url(std::string url);
std::string base_path_of(const std::string& base_url);

}  // namespace sitegen
