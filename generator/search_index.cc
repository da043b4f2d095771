#include "search_index.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "markdown.h"
#include "translations.h"

#include "urls.h"

namespace sitegen {

using json = nlohmann::json;

std::string search_index_path(const std::string& locale, const Config& config) {
  return search_index_file(locale_prefix(locale, config.default_locale));
}

namespace {

// The words of `text` not yet in `seen`, lowercased (ASCII) and each once, joined by spaces: the
// search matches words, so their order and repeats need no room in the index.
std::string new_words(const std::string& text, std::set<std::string>& seen) {
  std::string out, word;
  auto flush = [&] {
    // "server." and "--": the period ends the sentence; "5.7.8" and "re-send" keep theirs.
    while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.pop_back();
    if (word.size() > 1 && seen.insert(word).second) out += (out.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char raw : text) {
    const unsigned char c = static_cast<unsigned char>(raw);
    // Bytes of multi-byte UTF-8 characters are letters of some script; the rest splits words.
    if (std::isalnum(c) || c >= 0x80 || c == '.' || c == '-') {
      word += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

std::string search_index(const std::string& locale_id, const SiteData& site) {
  const Locale& locale = site.locales.get(locale_id);
  json entries = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    for (const auto& code : protocol.codes) {
      const CodeProse& prose = site.prose.at({&locale, &code});
      // The summary's own words are searched in "s"; "w" adds the rest of the explanation.
      std::set<std::string> seen;
      new_words(prose.summary_text, seen);
      std::string words;
      for (const char* field : {"description", "when_seen"}) {
        const std::string& english = code.english(field);
        const TranslatedField* t = current_translation(code.translations, locale_id, field, english);
        std::string more = new_words(render_plain_text(t ? t->text : english), seen);
        if (!more.empty()) words += (words.empty() ? "" : " ") + more;
      }
      // Paths are relative to the locale's home page, where the search box lives.
      json entry = {{"p", protocol.name},
                    {"c", code.id},
                    {"n", code.name},
                    {"s", prose.summary_text},
                    {"w", words},
                    {"u", code_path("", protocol, code)}};
      if (prose.summary_in_english) entry["e"] = 1;
      entries.push_back(std::move(entry));
    }
  }
  return entries.dump() + "\n";
}

}  // namespace sitegen
