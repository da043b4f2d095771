#include "translations.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <set>

#include "hash.h"
#include "html.h"
#include "json_file.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

bool is_source_hash(const nlohmann::json& value) {
  if (!value.is_string()) return false;
  const std::string& text = value.get_ref<const std::string&>();
  return text.size() == 16 &&
         text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Reads one translation file: the fields of `allowed` it gives, each with its source hash.
std::optional<Translation> parse_translation(const JsonFile& file, const std::vector<std::string>& allowed,
                                             Diagnostics& diagnostics) {
  if (!file.value.is_object()) {
    diagnostics.error(file.path, 1, "", "a translation is an object of translated fields, such as {\"summary\": …}");
    return std::nullopt;
  }
  std::set<std::string> known(allowed.begin(), allowed.end());
  known.insert("source");
  warn_unknown_fields(file, known, diagnostics);
  const nlohmann::json* source = file.value.contains("source") ? &file.value["source"] : nullptr;
  if (source && !source->is_object()) {
    diagnostics.error(file.path, file.where("source"), "source",
                      "must be an object giving, for each field, the hash of the English it was translated from");
    source = nullptr;
  }
  Translation translation;
  translation.file = file.path;
  for (const auto& field : allowed) {
    if (!file.value.contains(field)) continue;
    std::string text = catalog_string(file, field.c_str(), diagnostics);
    if (text.empty()) continue;
    TranslatedField translated{std::move(text), "", file.where(field)};
    if (source && source->contains(field)) {
      if (is_source_hash((*source)[field])) {
        translated.source = (*source)[field].get<std::string>();
      } else {
        diagnostics.error(file.path, file.where("source." + field), "source." + field,
                          "must be 16 lowercase hex digits, the hash of the English text (sitegen check "
                          "--translations prints it)");
      }
    }
    translation.fields[field] = std::move(translated);
  }
  if (source) {
    for (const auto& [field, value] : source->items()) {
      if (!translation.fields.count(field) && known.count(field) && field != "source") {
        diagnostics.warning(file.path, file.where("source." + field), "source." + field,
                            "records the source of a field this file does not translate");
      } else if (!known.count(field)) {
        diagnostics.warning(file.path, file.where("source." + field), "source." + field,
                            "is not a translatable field; it is ignored" + did_you_mean(field, allowed));
      }
    }
  }
  return translation;
}

// Warns about each field translated from another English text than the current one.
void report_stale(const Translation& translation, const std::string& english_file,
                  const std::function<const std::string&(const std::string&)>& english, Diagnostics& diagnostics) {
  for (const auto& [field, translated] : translation.fields) {
    const std::string current = source_hash(english(field));
    if (translated.source.empty()) {
      diagnostics.warning(translation.file, translated.position, field,
                          "stale: the translation does not say which English text it was made from; check it "
                          "against " + english_file + " and record source." + field + " = \"" + current + "\"");
    } else if (translated.source != current) {
      diagnostics.warning(translation.file, translated.position, field,
                          "stale: the English text in " + english_file + " has changed since this was translated; "
                          "update the translation, then record source." + field + " = \"" + current + "\"");
    }
  }
}

std::vector<std::string> field_names(const char* const* first, const char* const* last) {
  return std::vector<std::string>(first, last);
}

// Reads the translation at `path` of `english` (a Code, Protocol or CuratedPair: its `file`, its
// `english(field)` and its `translations`) into `english.translations[locale]`.
template <typename Translated>
void read_translation(const fs::path& path, const std::string& shown, const std::vector<std::string>& fields,
                      const std::string& locale, Translated& english, Diagnostics& diagnostics) {
  auto file = read_json_file(path.string(), shown, diagnostics);
  if (!file) return;
  if (auto translation = parse_translation(*file, fields, diagnostics)) {
    report_stale(*translation, english.file,
                 [&](const std::string& field) -> const std::string& { return english.english(field); }, diagnostics);
    english.translations[locale] = std::move(*translation);
  }
}

// Reads content/<protocol>/<locale>/ into the protocol and its codes.
void load_locale_folder(const fs::path& dir, const std::string& shown_dir, const std::string& locale,
                        Protocol& protocol, Diagnostics& diagnostics) {
  static const std::vector<std::string> code_fields =
      field_names(std::begin(kCodeProseFields), std::end(kCodeProseFields));
  static const std::vector<std::string> protocol_fields =
      field_names(std::begin(kProtocolProseFields), std::end(kProtocolProseFields));
  static const std::vector<std::string> pair_fields =
      field_names(std::begin(kPairProseFields), std::end(kPairProseFields));
  std::error_code ec;
  if (fs::is_directory(dir / "pairs", ec)) {
    for (const auto& name : folder_entries((dir / "pairs").string())) {
      const fs::path path = dir / "pairs" / name;
      if (path.extension() != ".json") continue;
      const std::string shown = shown_dir + "/pairs/" + name;
      CuratedPair* pair = nullptr;
      for (auto& candidate : protocol.curated) {
        if (candidate.low + "-" + candidate.high == path.stem().string()) pair = &candidate;
      }
      if (!pair) {
        diagnostics.warning(shown, 0, "",
                            "translates the pair " + path.stem().string() + ", which content/" + protocol.id +
                                "/pairs/ does not have; it is not used");
        continue;
      }
      read_translation(path, shown, pair_fields, locale, *pair, diagnostics);
    }
  }
  for (const auto& name : folder_entries(dir.string())) {
    const fs::path path = dir / name;
    if (path.extension() != ".json") continue;
    const std::string shown = shown_dir + "/" + name;
    if (name == "protocol.json") {
      read_translation(path, shown, protocol_fields, locale, protocol, diagnostics);
      continue;
    }
    const std::string stem = path.stem().string();
    Code* code = nullptr;
    for (auto& candidate : protocol.codes) {
      if (candidate.id == stem) code = &candidate;
    }
    if (!code) {
      diagnostics.warning(shown, 0, "",
                          "translates code " + stem + ", which content/" + protocol.id +
                              "/ does not define; it is not used (a translation is named after its code, such as 535.json)");
      continue;
    }
    read_translation(path, shown, code_fields, locale, *code, diagnostics);
  }
}

}  // namespace

std::string source_hash(const std::string& english) { return short_hash(english, 16); }

const char* translation_state_name(TranslationState state) {
  switch (state) {
    case TranslationState::current: return "current";
    case TranslationState::stale: return "stale";
    case TranslationState::missing: return "missing";
  }
  return "";
}

void load_translations(const std::string& content_dir, const Config& config, Catalog& catalog,
                       Diagnostics& diagnostics) {
  std::vector<std::string> locales;
  for (const auto& locale : config.locales) {
    if (locale != kContentLanguage) locales.push_back(locale);
  }
  for (auto& protocol : catalog.protocols) {
    const fs::path dir = fs::path(content_dir) / protocol.id;
    for (const auto& name : folder_entries(dir.string())) {
      const fs::path path = dir / name;
      const std::string shown = "content/" + protocol.id + "/" + name;
      std::error_code ec;
      if (auto broken = broken_link(path.string())) {
        diagnostics.error(shown, 0, "", *broken);
        continue;
      }
      if (!fs::is_directory(path, ec) || name == "pairs") continue;  // pairs/: the curated pairs (catalog.h)
      if (name == kContentLanguage) {
        diagnostics.warning(shown, 0, "", std::string("the catalog is written in ") + kContentLanguage +
                                              ": its text lives in content/" + protocol.id +
                                              "/*.json, so this folder is not used");
        continue;
      }
      if (std::find(locales.begin(), locales.end(), name) == locales.end()) {
        std::string known;
        for (const auto& locale : locales) known += (known.empty() ? "" : ", ") + locale;
        diagnostics.warning(shown, 0, "",
                            "is not a locale of sitegen.json" + (known.empty() ? std::string() : " (" + known + ")") +
                                ", so its translations are not used" + did_you_mean(name, locales));
        continue;
      }
      load_locale_folder(path, shown, name, protocol, diagnostics);
    }
  }
}

TranslationState translation_state(const std::map<std::string, Translation>& translations,
                                   const std::string& locale, const std::string& field,
                                   const std::string& english) {
  auto translation = translations.find(locale);
  if (translation == translations.end()) return TranslationState::missing;
  auto translated = translation->second.fields.find(field);
  if (translated == translation->second.fields.end()) return TranslationState::missing;
  return translated->second.source == source_hash(english) ? TranslationState::current : TranslationState::stale;
}

const TranslatedField* current_translation(const std::map<std::string, Translation>& translations,
                                           const std::string& locale, const std::string& field,
                                           const std::string& english) {
  if (translation_state(translations, locale, field, english) != TranslationState::current) return nullptr;
  return &translations.at(locale).fields.at(field);
}

std::vector<LocaleCoverage> translation_coverage(const Catalog& catalog, const Config& config) {
  std::vector<LocaleCoverage> out;
  for (const auto& locale : config.locales) {
    if (locale == kContentLanguage) continue;
    LocaleCoverage coverage;
    coverage.locale = locale;
    auto count = [&](const std::map<std::string, Translation>& translations, const std::string& file,
                     const std::string& field, const std::string& english) {
      ++coverage.fields;
      const TranslationState state = translation_state(translations, locale, field, english);
      if (state == TranslationState::current) {
        ++coverage.current;
        return;
      }
      ++(state == TranslationState::stale ? coverage.stale : coverage.missing);
      coverage.gaps.push_back({file, field, state, source_hash(english)});
    };
    for (const auto& protocol : catalog.protocols) {
      const std::string folder = "content/" + protocol.id + "/" + locale + "/";
      for (const char* field : kProtocolProseFields) {
        count(protocol.translations, folder + "protocol.json", field, protocol.english(field));
      }
      for (const auto& code : protocol.codes) {
        for (const char* field : kCodeProseFields) {
          if (code.english(field).empty()) continue;  // an optional field the code does not have
          count(code.translations, folder + code.id + ".json", field, code.english(field));
        }
      }
      for (const auto& pair : protocol.curated) {
        for (const char* field : kPairProseFields) {
          count(pair.translations, folder + "pairs/" + pair.low + "-" + pair.high + ".json",
                field, pair.english(field));
        }
      }
    }
    out.push_back(std::move(coverage));
  }
  return out;
}

namespace {

// "97.5%": rounded down, so that only a complete translation reads 100%.
std::string share(size_t part, size_t whole) {
  if (whole == 0 || part == whole) return "100%";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", std::floor(1000.0 * part / whole) / 10);
  return text;
}

}  // namespace

std::string coverage_line(const std::vector<LocaleCoverage>& coverage) {
  std::string line;
  for (const auto& c : coverage) {
    if (!line.empty()) line += ", ";
    line += c.locale + " " + share(c.current, c.fields);
    if (c.stale || c.missing) {
      line += " (" + std::to_string(c.stale) + " stale, " + std::to_string(c.missing) + " missing)";
    }
  }
  return line;
}

void print_coverage(const std::vector<LocaleCoverage>& coverage, std::ostream& out) {
  if (coverage.empty()) {
    out << "Translations: the site has no locale but " << kContentLanguage << ".\n";
    return;
  }
  out << "Translations (" << coverage.front().fields << " prose fields per locale):\n";
  for (const auto& c : coverage) {
    out << "  " << c.locale << ": " << share(c.current, c.fields) << " translated (" << c.current << " of "
        << c.fields << "), " << c.stale << " stale, " << c.missing << " missing\n";
  }
  for (const auto& c : coverage) {
    if (c.gaps.empty()) continue;
    out << "\n" << c.locale << ", to translate (field, state, the source hash to record):\n";
    for (const auto& gap : c.gaps) {
      out << "  " << gap.file << "  " << gap.field << "  " << translation_state_name(gap.state) << "  "
          << gap.source << "\n";
    }
  }
}

}  // namespace sitegen
