#include "lint.h"

#include <cctype>
#include <regex>

namespace sitegen {

namespace {

// Abbreviations whose period does not end a sentence.
const std::regex kAbbreviation("\\b(e\\.g|i\\.e|etc|vs|cf|approx)\\.", std::regex::icase);
// A sentence end followed by the start of another sentence.
const std::regex kSentenceBreak("[.!?]\\s+[A-Z0-9`*_]");
// "A help message response containing …", "The response indicating …": a noun phrase, no verb.
const std::regex kFragment(
    "^(A|An|The)\\s+([\\w-]+\\s+){0,5}(response|reply|message|status|code)\\s+"
    "(containing|indicating|that indicates|which indicates|meaning|used|sent|returned)\\b");
const std::regex kProtocolRfc("RFC [0-9]+");

// Code spans quote protocol text, not prose; "#" stands in for each so the words on either
// side of one are not taken for neighbours.
std::string without_code_spans(const std::string& markdown) {
  static const std::regex code_span("`+[^`]*`+");
  return std::regex_replace(markdown, code_span, "#");
}

void lint_code(const Code& code, Diagnostics& diagnostics) {
  auto report = [&](Severity severity, const std::string& field, const std::string& message) {
    Position at = code.where(field);
    diagnostics.add({severity, code.file, at.line, at.column, field, message});
  };
  const std::string number = std::to_string(code.number);

  // The summary fills "SMTP 250: {summary}" and the intro: it must be one whole sentence.
  const std::string& summary = code.summary;
  std::string plain = std::regex_replace(without_code_spans(summary), kAbbreviation, "$1");
  if (summary.back() != '.') {
    report(Severity::error, "summary", "must be one sentence ending with a period");
  }
  if (std::regex_search(plain, kSentenceBreak)) {
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
