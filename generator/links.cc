#include "links.h"

#include <filesystem>
#include <unordered_set>
#include <vector>

#include "config.h"
#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// The values of every `attribute="…"` in `html`.
std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> values;
  const std::string needle = " " + attribute + "=\"";
  for (size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) {
    size_t start = at + needle.size();
    size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    values.push_back(html.substr(start, end - start));
  }
  return values;
}

std::vector<std::string> element_texts(const std::string& xml, const std::string& tag) {
  std::vector<std::string> values;
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
    size_t start = at + open.size();
    size_t end = xml.find(close, start);
    if (end == std::string::npos) break;
    values.push_back(xml.substr(start, end - start));
  }
  return values;
}

std::string unescape_amp(std::string text) {
  for (size_t at = text.find("&amp;"); at != std::string::npos; at = text.find("&amp;", at + 1)) text.replace(at, 5, "&");
  return text;
}

class Resolver {
 public:
  Resolver(const std::string& out_dir, const std::string& base_url)
      : base_url_(normalize_base_url(base_url)), base_path_(base_path_of(base_url_)) {
    for (const auto& entry : fs::recursive_directory_iterator(out_dir)) {
      if (entry.is_regular_file()) files_.insert(fs::relative(entry.path(), out_dir).generic_string());
    }
  }

  const std::unordered_set<std::string>& files() const { return files_; }

  // The site-relative file a reference from `page` leads to; "" for an external reference.
  // `inside` is false when an internal-looking reference leaves the site.
  std::string resolve(const std::string& page, std::string target, bool& inside) const {
    inside = true;
    target = unescape_amp(target.substr(0, target.find('#')));
    target = target.substr(0, target.find('?'));
    std::string path;
    if (target.rfind(base_url_, 0) == 0) {
      path = target.substr(base_url_.size());
    } else if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0 ||
               target.rfind("//", 0) == 0) {
      return "";
    } else if (!target.empty() && target[0] == '/') {
      if (target.rfind(base_path_, 0) != 0) {
        inside = false;
        return target;
      }
      path = target.substr(base_path_.size());
    } else {
      path = (fs::path(page).parent_path() / target).generic_string();
    }
    std::string normal = fs::path(path).lexically_normal().generic_string();
    if (normal == "." || normal.empty()) normal = "";
    if (normal.rfind("..", 0) == 0) {
      inside = false;
      return normal;
    }
    if (normal.empty() || normal.back() == '/') normal += "index.html";
    return normal;
  }

 private:
  std::string base_url_;
  std::string base_path_;
  std::unordered_set<std::string> files_;
};

}  // namespace

LinkReport check_links(const std::string& out_dir, const std::string& base_url, Diagnostics& diagnostics) {
  LinkReport report;
  std::error_code ec;
  if (!fs::is_directory(out_dir, ec)) {
    diagnostics.error(out_dir, 0, "", "no built site here; run sitegen build first");
    return report;
  }
  Resolver resolver(out_dir, base_url);
  std::vector<std::string> files(resolver.files().begin(), resolver.files().end());
  std::sort(files.begin(), files.end());
  const std::string shown_dir = fs::path(out_dir).lexically_normal().generic_string();
  for (const auto& file : files) {
    bool html = fs::path(file).extension() == ".html";
    bool sitemap = file.rfind("sitemap", 0) == 0 && fs::path(file).extension() == ".xml";
    if (!html && !sitemap) continue;
    std::string text = read_text_file((fs::path(out_dir) / file).string());
    std::vector<std::string> targets;
    if (html) {
      ++report.pages;
      for (const char* attribute : {"href", "src"}) {
        for (auto& value : attribute_values(text, attribute)) targets.push_back(std::move(value));
      }
    } else {
      targets = element_texts(text, "loc");
      for (auto& value : attribute_values(text, "href")) targets.push_back(std::move(value));
    }
    for (const auto& target : targets) {
      if (target.empty() || target[0] == '#') continue;
      bool inside = true;
      std::string resolved = resolver.resolve(file, target, inside);
      if (resolved.empty() && inside) continue;  // external
      ++report.links;
      if (!inside) {
        diagnostics.error(shown_dir + "/" + file, 0, "", "link \"" + target + "\" leaves the site");
      } else if (!resolver.files().count(resolved)) {
        diagnostics.error(shown_dir + "/" + file, 0, "", "broken link \"" + target + "\": " + resolved + " does not exist");
      }
    }
  }
  return report;
}

}  // namespace sitegen
