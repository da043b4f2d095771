#include "config.h"

#include <algorithm>
#include <cctype>

#include "json_file.h"

namespace sitegen {

const std::vector<std::string>& known_hosts() {
  static const std::vector<std::string> hosts = {"generic", "cloudflare-pages", "netlify", "github-pages"};
  return hosts;
}

bool is_known_host(const std::string& name) {
  return std::find(known_hosts().begin(), known_hosts().end(), name) != known_hosts().end();
}

std::string known_host_names() {
  const auto& hosts = known_hosts();
  std::string out;
  for (size_t i = 0; i < hosts.size(); ++i) {
    out += std::string(i == 0 ? "" : i + 1 == hosts.size() ? " or " : ", ") + "\"" + hosts[i] + "\"";
  }
  return out;
}

bool is_locale_id(const std::string& id) {
  size_t i = 0;
  while (i < id.size() && id[i] >= 'a' && id[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  if (i == id.size()) return true;
  if (id[i] != '-') return false;
  const size_t rest = id.size() - i - 1;
  return rest >= 2 && rest <= 8 && std::all_of(id.begin() + static_cast<long>(i) + 1, id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80;
         });
}

std::optional<std::string> base_url_problem(const std::string& url) {
  if (url.empty()) return "must not be empty";
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return "\"" + url + "\" holds a character a URL cannot hold as it is (space, quote, backslash, < or >)";
    }
    if (c == '?' || c == '#') return "\"" + url + "\" must not have a query (?) or a fragment (#)";
  }
  if (url[0] == '/') return url.size() > 1 && url[1] == '/' ? std::optional<std::string>("\"" + url + "\" needs a scheme: https://…") : std::nullopt;
  for (const char* scheme : {"https://", "http://"}) {
    const size_t length = std::char_traits<char>::length(scheme);
    if (url.compare(0, length, scheme) == 0) {
      const size_t host_end = url.find('/', length);
      if (host_end == length || url.size() == length) return "\"" + url + "\" has no host name";
      return std::nullopt;
    }
  }
  return "\"" + url + "\" must be an absolute URL such as https://codes.example.org/ (or a path such as /docs/)";
}

std::string normalize_base_url(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

std::string base_path_of(const std::string& base_url) {
  size_t scheme = base_url.find("://");
  if (scheme == std::string::npos) return base_url.empty() || base_url[0] != '/' ? "/" + base_url : base_url;
  size_t path = base_url.find('/', scheme + 3);
  return path == std::string::npos ? "/" : base_url.substr(path);
}

Config load_config(const std::string& source_dir, Diagnostics& diagnostics) {
  Config config;
  const std::string shown = "sitegen.json";
  auto file = read_json_file(source_dir + "/sitegen.json", shown, diagnostics);
  if (!file) return config;
  const auto& j = file->value;

  auto string_field = [&](const char* key, std::string& target) {
    if (!j.contains(key)) return;
    if (j[key].is_string() && !j[key].get<std::string>().empty()) {
      const std::string value = j[key].get<std::string>();
      // Settings reach attributes and file names as they are: no NUL or other control character.
      if (std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        diagnostics.error(shown, file->where(key), key, "holds a control character; remove it");
        return;
      }
      target = value;
    } else {
      diagnostics.error(shown, file->where(key), key, "must be a non-empty string");
    }
  };
  string_field("title", config.title);
  string_field("base_url", config.base_url);
  if (auto problem = base_url_problem(config.base_url)) {
    diagnostics.error(shown, file->where("base_url"), "base_url", *problem);
    config.base_url = "/";
  }
  string_field("default_locale", config.default_locale);
  string_field("output", config.output);
  string_field("hosting", config.hosting);
  if (!is_known_host(config.hosting)) {
    diagnostics.error(shown, file->where("hosting"), "hosting",
                      "\"" + config.hosting + "\" must be one of " + known_host_names());
    config.hosting = "generic";
  }
  config.base_url = normalize_base_url(config.base_url);

  if (j.contains("locales")) {
    const auto& list = j["locales"];
    std::vector<std::string> locales;
    bool ok = list.is_array() && !list.empty();
    if (ok) {
      for (const auto& item : list) {
        if (!item.is_string() || !is_locale_id(item.get<std::string>())) {
          ok = false;
          break;
        }
        if (std::find(locales.begin(), locales.end(), item.get<std::string>()) != locales.end()) {
          diagnostics.error(shown, file->where("locales"), "locales",
                            "\"" + item.get<std::string>() + "\" is listed twice");
          continue;
        }
        locales.push_back(item.get<std::string>());
      }
    }
    if (ok) {
      config.locales = locales;
    } else {
      diagnostics.error(shown, file->where("locales"), "locales",
                        "must be a non-empty list of locale codes such as [\"en\", \"fr\"]");
    }
  }
  if (std::find(config.locales.begin(), config.locales.end(), config.default_locale) == config.locales.end()) {
    diagnostics.error(shown, file->where("default_locale"), "default_locale",
                      "\"" + config.default_locale + "\" is not one of \"locales\"");
  }
  const std::vector<std::string> known = {"title", "base_url", "locales", "default_locale", "output", "hosting"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      diagnostics.warning(shown, file->where(key), key, "unknown setting; it is ignored" + did_you_mean(key, known));
    }
  }
  return config;
}

}  // namespace sitegen
