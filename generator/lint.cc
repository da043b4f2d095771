#include "lint.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "html.h"

namespace sitegen {

namespace {

// "A help message response containing …", "The response indicating …": a noun phrase, no verb.
const std::regex kFragment(
    "^(A|An|The)\\s+([\\w-]+\\s+){0,5}(response|reply|message|status|code)\\s+"
    "(containing|indicating|that indicates|which indicates|meaning|used|sent|returned)\\b");
const std::regex kProtocolRfc("RFC [0-9]+");

// The scans below run over every prose field on every build, so they are written out rather
// than made with std::regex, which cost more than loading the rest of the catalog.

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Code spans quote protocol text, not prose; "#" stands in for each so the words on either
// side of one are not taken for neighbours. A span is a run of backticks, text without one, and
// the next run; a run with no closing one is a span only if it has two backticks or more.
std::string without_code_spans(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size();) {
    if (markdown[i] != '`') {
      out += markdown[i++];
      continue;
    }
    const size_t run_end = std::min(markdown.find_first_not_of('`', i), markdown.size());
    const size_t closing = markdown.find('`', run_end);
    if (closing != std::string::npos) {
      out += '#';
      i = std::min(markdown.find_first_not_of('`', closing), markdown.size());
    } else if (run_end - i >= 2) {
      out += '#';
      i = run_end;
    } else {
      out += markdown[i++];
    }
  }
  return out;
}

// The text without the periods of abbreviations, which do not end a sentence: "e.g.", "i.e.",
// "etc.", "vs.", "cf.", "approx.", and in French "p. ex.", in German "z. B.", "d. h.", "bzw.".
std::string without_abbreviation_periods(const std::string& text, const std::string& language) {
  static const std::vector<const char*> kEnglish{"e.g", "i.e", "etc", "vs", "cf", "approx"};
  static const std::vector<const char*> kFrench{"etc", "cf", "p", "ex", "env", "c.-à-d"};
  static const std::vector<const char*> kGerman{"z", "b", "d", "h", "u", "a", "bzw", "ggf", "usw", "evtl",
                                                "ca", "vgl", "nr", "etc"};
  const auto& kAbbreviations = language == "de" ? kGerman : language == "fr" ? kFrench : kEnglish;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool found = false;
    if (is_word_char(text[i]) && (i == 0 || !is_word_char(text[i - 1]))) {
      for (const char* abbreviation : kAbbreviations) {
        const size_t length = std::strlen(abbreviation);
        if (i + length < text.size() && text[i + length] == '.' &&
            std::equal(abbreviation, abbreviation + length, text.begin() + i,
                       [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
          out.append(text, i, length);
          i += length + 1;
          found = true;
          break;
        }
      }
    }
    if (!found) out += text[i++];
  }
  return out;
}

// True when a sentence end (".", "!", "?") is followed by white space and the start of another
// sentence (a capital, a digit, or Markdown that may open one).
bool has_sentence_break(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    size_t next = i + 1;
    while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
    if (next == i + 1 || next == text.size()) continue;
    const char c = text[next];
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '`' || c == '*' || c == '_') return true;
  }
  return false;
}

using Report = std::function<void(Severity, const std::string& field, const std::string& message)>;

// The rules of the prose fields in any language: what the sentence frames need of them.
void lint_prose(const std::map<std::string, const std::string*>& prose, const std::string& number,
                const std::string& language, const Report& report) {
  // The summary fills "SMTP 250: {summary}" and the intro: it must be one whole sentence.
  if (auto it = prose.find("summary"); it != prose.end()) {
    const std::string& summary = *it->second;
    std::string plain = without_abbreviation_periods(without_code_spans(summary), language);
    if (summary.back() != '.') {
      report(Severity::error, "summary", "must be one sentence ending with a period");
    }
    if (has_sentence_break(plain)) {
      report(Severity::error, "summary", "must be one sentence; move the rest to \"description\"");
    }
    if (summary.compare(0, number.size(), number) == 0) {
      report(Severity::error, "summary",
             "must not start with the code: the pages already put \"" + number + ":\" in front of it");
    }
    if (language == kContentLanguage && std::regex_search(summary, kFragment)) {
      report(Severity::error, "summary",
             "reads as a fragment (\"A … response containing …\"); write a sentence with its own subject and verb");
    }
  }
  // The action follows "For 535 (Authentication Failed):": whole sentences of its own.
  if (auto it = prose.find("action"); it != prose.end() && !it->second->empty()) {
    const std::string& action = *it->second;
    if (action.back() != '.') report(Severity::error, "action", "must be one or two sentences ending with a period");
    if (action.compare(0, number.size(), number) == 0) {
      report(Severity::error, "action",
             "must not start with the code: the pages already put \"For " + number + " (…):\" in front of it");
    }
  }
  if (auto it = prose.find("trigger"); it != prose.end() && !it->second->empty() && it->second->back() == '.') {
    report(Severity::error, "trigger", "must be a noun phrase without a final period; the frames add punctuation");
  }
  for (const auto& [field, text] : prose) {
    std::string word = doubled_word(*text, language);
    if (!word.empty()) {
      report(Severity::error, field, "doubled word \"" + word + "\"");
    }
  }
}

// The retry values each outcome allows (content/README.md). Another one contradicts the outcome
// on the page (a transient failure that must not be repeated, a success to retry) and needs a
// documented retry_exception.
bool retry_fits(const std::string& outcome, const std::string& retry) {
  static const std::map<std::string, std::set<std::string>> kAllowed = {
      {"success", {"not-needed"}},
      {"intermediate", {"not-needed"}},
      {"interim", {"not-needed"}},
      {"redirect", {"follow"}},
      {"transient", {"later", "if-idempotent", "new-connection"}},
      {"permanent", {"after-change"}},
      {"unspecified", {"maybe-later", "if-idempotent", "after-change"}},
  };
  auto it = kAllowed.find(outcome);
  return it == kAllowed.end() || it->second.count(retry) > 0;
}

// A field's diagnostics at its place in a translation's file.
Report report_in(const Translation& translation, Diagnostics& diagnostics) {
  return [&translation, &diagnostics](Severity severity, const std::string& field, const std::string& message) {
    const Position at = translation.fields.at(field).position;
    diagnostics.add({severity, translation.file, at.line, at.column, field, message});
  };
}

// Every translation of a code or pair, under the rules of its own language.
void lint_translations(const std::map<std::string, Translation>& translations, const std::string& number,
                       Diagnostics& diagnostics) {
  for (const auto& entry : translations) {
    std::map<std::string, const std::string*> prose;
    for (const auto& [field, translated] : entry.second.fields) prose[field] = &translated.text;
    lint_prose(prose, number, entry.first, report_in(entry.second, diagnostics));
  }
}

// A curated pair's prose (which has no summary, action or trigger: the doubled-word rule is what
// applies), and its translations.
void lint_pair(const CuratedPair& pair, Diagnostics& diagnostics) {
  std::map<std::string, const std::string*> prose;
  for (const char* field : kPairProseFields) prose[field] = &pair.english(field);
  lint_prose(prose, "", kContentLanguage, [&](Severity severity, const std::string& field, const std::string& message) {
    auto at = pair.positions.find(field);
    const Position where = at == pair.positions.end() ? Position{} : at->second;
    diagnostics.add({severity, pair.file, where.line, where.column, field, message});
  });
  lint_translations(pair.translations, "", diagnostics);
}

void lint_code(const Protocol& protocol, const Code& code, Diagnostics& diagnostics) {
  auto report = [&](Severity severity, const std::string& field, const std::string& message) {
    Position at = code.where(field);
    diagnostics.add({severity, code.file, at.line, at.column, field, message});
  };
  const std::string number = code.id;
  lint_prose({{"name", &code.name},           {"summary", &code.summary},       {"description", &code.description},
              {"when_seen", &code.when_seen}, {"how_to_fix", &code.how_to_fix}, {"action", &code.action},
              {"trigger", &code.trigger}},
             number, kContentLanguage, report);
  if (!code.klass.empty() && protocol.class_outcomes.count(code.klass) && !code.retry.empty()) {
    const std::string& outcome = protocol.outcome_of(code);
    const bool fits = outcome.empty() || retry_fits(outcome, code.retry);
    if (!fits && code.retry_exception.empty()) {
      report(Severity::error, "retry",
             "\"" + code.retry + "\" contradicts the outcome \"" + outcome +
                 "\"; change one of them, or say in \"retry_exception\" why this code is an exception");
    } else if (fits && !code.retry_exception.empty()) {
      report(Severity::warning, "retry_exception",
             "\"" + code.retry + "\" is what the outcome \"" + outcome + "\" implies; no exception to explain");
    }
  }
  // A refining code is sent after a basic code of its own class: "550 5.7.1 …", never "451 5.7.1".
  if (!protocol.refines.empty() && protocol.format.kind == CodeFormat::Kind::dotted) {
    const std::string class_digit = code.id.substr(0, 1);
    for (const auto& basic : code.basic_codes) {
      if (basic.compare(0, 1, class_digit) != 0) {
        report(Severity::error, "basic_codes",
               basic + " is not a " + class_digit + "xx reply; class " + code.klass + " codes follow " + class_digit + "xx replies");
      }
    }
    for (size_t i = 0; i < code.replies.size(); ++i) {
      const std::string& line = code.replies[i].text;
      const bool shaped = line.size() > 4 + code.id.size() && std::isdigit(static_cast<unsigned char>(line[0])) &&
                          std::isdigit(static_cast<unsigned char>(line[1])) &&
                          std::isdigit(static_cast<unsigned char>(line[2])) && (line[3] == ' ' || line[3] == '-') &&
                          line.compare(4, code.id.size(), code.id) == 0 &&
                          (line.size() == 4 + code.id.size() || line[4 + code.id.size()] == ' ');
      if (!shaped || line.compare(0, 1, class_digit) != 0) {
        report(Severity::error, "replies",
               "replies[" + std::to_string(i) + "] \"" + line + "\" must be a reply as a server sends it: a " +
                   class_digit + "xx code, then " + code.id + ", then the text (\"" + class_digit + "50 " + code.id + " …\")");
      }
    }
  }
  // Translations meet the same rules, in their own language.
  lint_translations(code.translations, number, diagnostics);

  std::string expected = slug_for(code.id, code.name);
  if (!code.slug.empty() && code.slug != expected) {
    report(Severity::warning, "slug", "\"" + code.slug + "\" does not match the name; expected \"" + expected + "\"");
  }
}

}  // namespace

bool may_double(const std::string& word, const std::string& language) {
  static const std::set<std::string> kGerman{"die", "der", "das", "den", "dem", "des", "sie"};
  static const std::set<std::string> kFrench{"nous", "vous"};
  return (language == "de" && kGerman.count(word)) || (language == "fr" && kFrench.count(word));
}

std::string doubled_word(const std::string& text, const std::string& language) {
  std::string plain = without_code_spans(text);
  std::string previous, word;
  for (size_t i = 0; i <= plain.size(); ++i) {
    unsigned char c = i < plain.size() ? static_cast<unsigned char>(plain[i]) : ' ';
    if (std::isalpha(c) || c >= 0x80 || c == '\'') {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (!word.empty()) {
      if (word == previous && !may_double(word, language)) return word + " " + word;
      previous = word;
      word.clear();
    }
    // Only spaces may stand between two words for them to count as doubled.
    if (c != ' ' && c != '\t' && c != '\n') previous.clear();
  }
  return "";
}

void lint_catalog(const Catalog& catalog, Diagnostics& diagnostics) {
  for (const auto& protocol : catalog.protocols) {
    if (!std::regex_match(protocol.rfc, kProtocolRfc)) {
      diagnostics.error(protocol.file, 0, "rfc", "\"" + protocol.rfc + "\" must look like \"RFC 5321\"");
    }
    for (const auto& code : protocol.codes) lint_code(protocol, code, diagnostics);
    for (const auto& pair : protocol.curated) lint_pair(pair, diagnostics);
  }
}

}  // namespace sitegen
