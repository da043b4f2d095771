#include "lint.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>

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

// The text without the period of "e.g.", "i.e.", "etc.", "vs.", "cf." and "approx.", which does
// not end a sentence.
std::string without_abbreviation_periods(const std::string& text) {
  static const char* const kAbbreviations[] = {"e.g", "i.e", "etc", "vs", "cf", "approx"};
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

void lint_code(const Code& code, Diagnostics& diagnostics) {
  auto report = [&](Severity severity, const std::string& field, const std::string& message) {
    Position at = code.where(field);
    diagnostics.add({severity, code.file, at.line, at.column, field, message});
  };
  const std::string number = std::to_string(code.number);

  // The summary fills "SMTP 250: {summary}" and the intro: it must be one whole sentence.
  const std::string& summary = code.summary;
  std::string plain = without_abbreviation_periods(without_code_spans(summary));
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
  if (std::regex_search(summary, kFragment)) {
    report(Severity::error, "summary",
           "reads as a fragment (\"A … response containing …\"); write a sentence with its own subject and verb");
  }

  if (!code.trigger.empty() && code.trigger.back() == '.') {
    report(Severity::error, "trigger", "must be a noun phrase without a final period; the frames add punctuation");
  }

  const std::pair<const char*, const std::string*> prose[] = {
      {"name", &code.name},           {"summary", &code.summary},       {"description", &code.description},
      {"when_seen", &code.when_seen}, {"how_to_fix", &code.how_to_fix}, {"trigger", &code.trigger}};
  for (const auto& [field, text] : prose) {
    std::string word = doubled_word(*text);
    if (!word.empty()) report(Severity::error, field, "doubled word \"" + word + "\"");
  }

  std::string expected = slug_for(code.number, code.name);
  if (!code.slug.empty() && code.slug != expected) {
    report(Severity::warning, "slug", "\"" + code.slug + "\" does not match the name; expected \"" + expected + "\"");
  }
}

}  // namespace

std::string doubled_word(const std::string& text) {
  std::string plain = without_code_spans(text);
  std::string previous, word;
  for (size_t i = 0; i <= plain.size(); ++i) {
    unsigned char c = i < plain.size() ? static_cast<unsigned char>(plain[i]) : ' ';
    if (std::isalpha(c) || c >= 0x80 || c == '\'') {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (!word.empty()) {
      if (word == previous) return word + " " + word;
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
    for (const auto& code : protocol.codes) lint_code(code, diagnostics);
  }
}

}  // namespace sitegen
