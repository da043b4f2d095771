#include "locales.h"

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <cctype>
#include <set>
#include <stdexcept>

#include "html.h"
#include "input_limits.h"
#include "json_file.h"
#include "mustache_tags.h"
#include "theme.h"

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

// A frame of `file` (its own text, not a fallback's) uses only placeholders it is given, each a
// plain {{name}} (no sections, partials or comments: a frame is a sentence, not a template).
void check_frame(const std::string& key, const std::string& text, const JsonFile& file, const FramePlaceholders& frames,
                 Diagnostics& diagnostics) {
  const auto given = frames.find(key.substr(std::char_traits<char>::length("frames.")));
  std::string allowed;
  if (given != frames.end()) {
    for (const auto& name : given->second) allowed += (allowed.empty() ? "{{" : ", {{") + name + "}}";
  }
  std::set<std::string> used;
  for (const auto& tag : mustache_tags(text)) {
    if (tag.name.size() <= kMaxPlaceholderBytes && !is_plain_variable(tag)) {
      diagnostics.error(file.path, file.where(key), key,
                        "a frame holds only placeholders written {{name}}; \"" + text.substr(tag.begin, 20) +
                            "\" is not one");
    } else if (tag.name.size() > kMaxPlaceholderBytes) {
      diagnostics.error(file.path, file.where(key), key, "has a placeholder name longer than " +
                                                              std::to_string(kMaxPlaceholderBytes) + " bytes");
    } else if (given != frames.end() &&
               std::find(given->second.begin(), given->second.end(), tag.name) == given->second.end()) {
      diagnostics.error(file.path, file.where(key), key,
                        "uses {{" + tag.name + "}}, which this frame is not given; it can use " +
                            (allowed.empty() ? "no placeholder" : allowed));
    }
    used.insert(tag.name);
  }
  kainjow::mustache::mustache tmpl(text);
  if (!tmpl.is_valid()) diagnostics.error(file.path, file.where(key), key, tmpl.error_message());
  if (given == frames.end()) return;
  for (const auto& name : given->second) {
    if (!used.count(name)) diagnostics.warning(file.path, file.where(key), key, "does not use {{" + name + "}}");
  }
}

// The default locale's strings a locale lacks, filled in (each a warning), and the keys it has
// that the default locale does not (each a warning: a typo, most likely).
void fill_from_default(Locale& locale, const Locale& fallback, const JsonFile& file, Diagnostics& diagnostics) {
  const std::string fallback_shown = "locales/" + fallback.id + ".json";
  for (const auto& [key, english] : fallback.strings_) {
    if (!locale.has(key)) {
      // Under --strict there is no fallback to announce: the build stops.
      diagnostics.warning(file.path, 0, key,
                          "missing in locale \"" + locale.id + "\"" +
                              (diagnostics.warnings_are_errors() ? "" : "; using the " + fallback.id + " text"));
      locale.strings_[key] = english;
    }
  }
  for (const auto& [key, text] : locale.strings_) {
    if (!fallback.has(key)) {
      std::vector<std::string> known;
      for (const auto& [english_key, unused] : fallback.strings_) known.push_back(english_key);
      diagnostics.warning(file.path, file.where(key), key,
                          "unknown key (not in " + fallback_shown + "); it is ignored" + did_you_mean(key, known));
    }
  }
}

// The strings a locale's own file defines: within the length limit, frames with only the
// placeholders they are given; and its direction and name.
void check_own_strings(Locale& locale, const std::set<std::string>& own_keys, const JsonFile& file,
                       const FramePlaceholders& frames, Diagnostics& diagnostics) {
  for (const auto& [key, text] : locale.strings_) {
    if (!own_keys.count(key)) continue;  // a fallback: checked in its own file
    if (text.size() > kMaxLocaleStringBytes) {
      diagnostics.error(file.path, file.where(key), key, "is " + std::to_string(text.size()) +
                                                            " bytes long; the limit is " +
                                                            std::to_string(kMaxLocaleStringBytes));
      continue;
    }
    if (is_frame(key)) check_frame(key, text, file, frames, diagnostics);
  }
  locale.dir = locale.has("meta.dir") ? locale.text("meta.dir") : "ltr";
  if (locale.dir != "ltr" && locale.dir != "rtl") {
    diagnostics.error(file.path, file.where("meta.dir"), "meta.dir", "must be \"ltr\" or \"rtl\"");
  }
  locale.endonym = locale.has("meta.endonym") ? locale.text("meta.endonym") : locale.id;
}

}  // namespace

std::vector<std::string> placeholders_of(const std::string& frame) {
  std::set<std::string> names;
  for (const auto& tag : mustache_tags(frame)) {
    if (is_plain_variable(tag)) names.insert(tag.name);
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

std::string Locale::frame_text(const std::string& key, FrameValues text_values) const {
  const std::string& source = text("frames." + key);
  // A frame holds only plain placeholders (load_locales checks it), so this is substitution.
  std::string out;
  size_t last = 0;
  for (const auto& tag : mustache_tags(source)) {
    out.append(source, last, tag.begin - last);
    for (const auto& [name, value] : text_values) {
      if (tag.name == name) out.append(value.data(), value.size());
    }
    last = tag.end;
  }
  out.append(source, std::min(last, source.size()), std::string::npos);
  return out;
}

const Locale& Locales::get(const std::string& id) const {
  for (const auto& locale : list) {
    if (locale.id == id) return locale;
  }
  throw std::logic_error("unknown locale " + id);
}

Locales load_locales(const std::string& locales_dir, const Config& config,
                     const std::vector<std::string>& required_keys, Diagnostics& diagnostics,
                     const FramePlaceholders& frames) {
  Locales locales;
  std::map<std::string, JsonFile> files;
  std::map<std::string, std::set<std::string>> own_keys;  // the keys each locale's file defines
  for (const auto& id : config.locales) {
    Locale locale;
    locale.id = id;
    locale.is_default = id == config.default_locale;
    std::string shown = "locales/" + id + ".json";
    std::error_code ec;
    const std::string* builtin = builtin_file(shown);
    const bool own = std::filesystem::exists(locales_dir + "/" + id + ".json", ec);
    if (!own && !builtin) {
      diagnostics.error("sitegen.json", 0, "locales",
                        "lists the locale \"" + id + "\", but " + shown + " does not exist (sitegen's own theme has "
                        "en, fr, de and ar)");
      locales.list.push_back(std::move(locale));
      continue;
    }
    // The site's own file, or else the default theme's (theme.h).
    auto file = own ? read_json_file(locales_dir + "/" + id + ".json", shown, diagnostics)
                    : parse_json_text(*builtin, shown + " (sitegen's theme)", diagnostics);
    if (file) {
      flatten(file->value, "", *file, locale.strings_, diagnostics);
      for (const auto& [key, text] : locale.strings_) own_keys[id].insert(key);
      files.emplace(id, std::move(*file));
    }
    // A key the site's file lacks comes from the theme's file of the same language, silently: a
    // site overrides the strings it wants and keeps the others.
    if (own && builtin) {
      Diagnostics ignored;
      if (auto theme = parse_json_text(*builtin, shown, ignored)) {
        std::map<std::string, std::string> theme_strings;
        flatten(theme->value, "", *theme, theme_strings, ignored);
        for (auto& [key, text] : theme_strings) locale.strings_.emplace(key, std::move(text));
      }
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
    if (&locale != fallback) fill_from_default(locale, *fallback, file, diagnostics);
    check_own_strings(locale, own_keys[locale.id], file, frames, diagnostics);
  }
  for (auto& locale : locales.list) locale.compile_frames();
  return locales;
}

}  // namespace sitegen
