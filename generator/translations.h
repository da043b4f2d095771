// Translations: the catalog's prose in other languages (content/<protocol>/<locale>/<code>.json),
// loaded beside the English, and the state of each field in each locale: current, stale or missing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog.h"
#include "config.h"
#include "diagnostics.h"

namespace sitegen {

// Reads the translation folders of every protocol (one per locale of sitegen.json other than
// English) into the codes' and protocols' `translations`. Every problem is reported; a stale
// field (translated from an English text that has changed since) is a warning naming the field,
// the locale and the hash to record once the translation is brought up to date.
void load_translations(const std::string& content_dir, const Config& config, Catalog& catalog,
                       Diagnostics& diagnostics);

// What a translation records of the English text it was made from: 16 hex digits of XXH3-64.
std::string source_hash(const std::string& english);

enum class TranslationState { current, stale, missing };
const char* translation_state_name(TranslationState state);  // "current", "stale", "missing"

// The state of one field in one locale. Pages show only current translations: a stale one may
// no longer say what the English says (a fact corrected since), so the English shows instead.
TranslationState translation_state(const std::map<std::string, Translation>& translations,
                                   const std::string& locale, const std::string& field,
                                   const std::string& english);

// The translation a page in `locale` shows for `field`, or nothing when it shows the English.
const TranslatedField* current_translation(const std::map<std::string, Translation>& translations,
                                           const std::string& locale, const std::string& field,
                                           const std::string& english);

// Coverage of one locale: every prose field of the catalog, counted by state.
struct LocaleCoverage {
  std::string locale;
  size_t fields = 0, current = 0, stale = 0, missing = 0;
  struct Gap {                // a field not translated, or translated from an older English text
    std::string file;         // the translation's file (which may not exist yet)
    std::string field;
    TranslationState state;
    std::string source;       // the hash to record once it is translated
  };
  std::vector<Gap> gaps;      // in catalog order
};

// The coverage of every locale of the site but English, in the order of sitegen.json.
std::vector<LocaleCoverage> translation_coverage(const Catalog& catalog, const Config& config);

// "fr 100% (320 fields), de 97% (310 of 320; 4 stale, 6 missing)": the build summary's line.
std::string coverage_line(const std::vector<LocaleCoverage>& coverage);

// The report of `sitegen check --translations`: per locale the shares, then each gap.
void print_coverage(const std::vector<LocaleCoverage>& coverage, std::ostream& out);

}  // namespace sitegen
