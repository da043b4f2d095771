#include "locales.h"

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <regex>
#include <set>
#include <stdexcept>

#include "html.h"
#include "json_file.h"

namespace sitegen {

namespace {

// {"a": {"b": "x"}} -> {"a.b": "x"}. Non-string leaves are reported.
void flatten(const nlohmann::json& node, const std::string& prefix, const JsonFile& file,
             std::map<std::string, std::string>& out, Diagnostics& diagnostics) {
  for (const auto& [key, value] : node.items()) {
    std::string path = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      flatten(value, path, file, out, diagnostics);
    } else if (value.is_string()) {
      out[path] = value.get<std::string>();
    } else {
      diagnostics.error(file.path, file.where(path), path,
                        std::string("must be a string or an object, got ") + value.type_name());
    }
  }
}

bool is_frame(const std::string& key) { return key.rfind("frames.", 0) == 0; }

}  // namespace

std::vector<std::string> placeholders_of(const std::string& frame) {
  static const std::regex tag("\\{\\{\\{?\\s*([A-Za-z0-9_.]+)\\s*\\}?\\}\\}");
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(frame.begin(), frame.end(), tag); it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1].str());
  }
  return {names.begin(), names.end()};
}

const std::string& Locale::text(const std::string& key) const {
  auto it = strings_.find(key);
  if (it == strings_.end()) throw std::logic_error("locale " + id + " has no key " + key);
  return it->second;
}

std::string Locale::html(const std::string& key) const { return escape_html(text(key)); }

struct Locale::CompiledFrame {
  explicit CompiledFrame(const std::string& text) : tmpl(escape_html(text)) {
    // Values are HTML already; escaping them again would show "&amp;lt;" to the reader.
    tmpl.set_custom_escape([](const std::string& s) { return s; });
  }
  kainjow::mustache::mustache tmpl;
};

void Locale::compile_frames() {
  frames_.clear();
  for (const auto& [key, text] : strings_) {
    if (is_frame(key)) frames_[key.substr(std::char_traits<char>::length("frames."))] = std::make_shared<CompiledFrame>(text);
  }
}

std::string Locale::frame(const std::string& key, FrameValues html_values) const {
  auto it = frames_.find(key);
  if (it == frames_.end()) throw std::logic_error("locale " + id + " has no frame " + key);
  kainjow::mustache::data data;
  for (const auto& [name, value] : html_values) {
    // kainjow's data copies a string it is given; this one is made in place.
    kainjow::mustache::data item(kainjow::mustache::data::type::string);
    const_cast<std::string&>(item.string_value()).assign(value.data(), value.size());
    data[name] = std::move(item);
  }
  // Rendered through a callback rather than kainjow's stream: a page renders a dozen frames,
  // and an ostringstream per frame cost more than the frame itself.
  std::string out;
  it->second->tmpl.render(data, [&out](const std::string& text) { out += text; });
  return out;
}

const Locale& Locales::get(const std::string& id) const {
  for (const auto& locale : list) {
    if (locale.id == id) return locale;
  }
  throw std::logic_error("unknown locale " + id);
}

Locales load_locales(const std::string& locales_dir, const Config& config,
                     const std::vector<std::string>& required_keys, Diagnostics& diagnostics) {
  Locales locales;
  std::map<std::string, JsonFile> files;
  for (const auto& id : config.locales) {
    Locale locale;
    locale.id = id;
    locale.is_default = id == config.default_locale;
    std::string shown = "locales/" + id + ".json";
    std::error_code ec;
    if (!std::filesystem::exists(locales_dir + "/" + id + ".json", ec)) {
      diagnostics.error("sitegen.json", 0, "locales",
                        "lists the locale \"" + id + "\", but " + shown + " does not exist");
      locales.list.push_back(std::move(locale));
      continue;
    }
    auto file = read_json_file(locales_dir + "/" + id + ".json", shown, diagnostics);
    if (file) {
      flatten(file->value, "", *file, locale.strings_, diagnostics);
      files.emplace(id, std::move(*file));
    }
    // The site's name comes from sitegen.json unless the locale translates it.
    if (!locale.has("site.title")) locale.strings_["site.title"] = config.title;
    locales.list.push_back(std::move(locale));
  }

  Locale* fallback = nullptr;
  for (auto& locale : locales.list) {
    if (locale.is_default) fallback = &locale;
  }
  if (!fallback || !files.count(fallback->id)) return locales;  // already reported
  const std::string fallback_shown = "locales/" + fallback->id + ".json";
  for (const auto& key : required_keys) {
    if (!fallback->has(key)) {
      diagnostics.error(fallback_shown, 0, key, "missing; every page needs this key in the default locale");
    }
  }

  for (auto& locale : locales.list) {
    if (!files.count(locale.id)) continue;
    const JsonFile& file = files.at(locale.id);
    if (&locale != fallback) {
      for (const auto& [key, english] : fallback->strings_) {
        if (!locale.has(key)) {
          // Under --strict there is no fallback to announce: the build stops.
          diagnostics.warning(file.path, 0, key,
                              "missing in locale \"" + locale.id + "\"" +
                                  (diagnostics.warnings_are_errors() ? "" : "; using the " + fallback->id + " text"));
          locale.strings_[key] = english;
        } else if (is_frame(key)) {
          auto theirs = placeholders_of(locale.strings_[key]);
          auto ours = placeholders_of(english);
          for (const auto& name : theirs) {
            if (!std::binary_search(ours.begin(), ours.end(), name)) {
              diagnostics.error(file.path, file.where(key), key,
                                "uses {{" + name + "}}, which the " + fallback->id + " frame does not provide");
            }
          }
          for (const auto& name : ours) {
            if (!std::binary_search(theirs.begin(), theirs.end(), name)) {
              diagnostics.warning(file.path, file.where(key), key, "does not use {{" + name + "}}");
            }
          }
        }
      }
      for (const auto& [key, text] : locale.strings_) {
        if (!fallback->has(key)) {
          std::vector<std::string> known;
          for (const auto& [english_key, unused] : fallback->strings_) known.push_back(english_key);
          diagnostics.warning(file.path, file.where(key), key,
                              "unknown key (not in " + fallback_shown + "); it is ignored" + did_you_mean(key, known));
        }
      }
    }
    for (const auto& [key, text] : locale.strings_) {
      if (!is_frame(key)) continue;
      kainjow::mustache::mustache tmpl(text);
      if (!tmpl.is_valid()) diagnostics.error(file.path, file.where(key), key, tmpl.error_message());
    }
    locale.dir = locale.has("meta.dir") ? locale.text("meta.dir") : "ltr";
    if (locale.dir != "ltr" && locale.dir != "rtl") {
      diagnostics.error(file.path, file.where("meta.dir"), "meta.dir", "must be \"ltr\" or \"rtl\"");
    }
    locale.endonym = locale.has("meta.endonym") ? locale.text("meta.endonym") : locale.id;
  }
  for (auto& locale : locales.list) locale.compile_frames();
  return locales;
}

}  // namespace sitegen
