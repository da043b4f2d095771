// Lint: style rules for catalog prose that the schema cannot express, so that every sentence
// frame reads well with every entry (one-sentence summaries, no doubled words, tidy slugs).
#pragma once

#include <string>

#include "catalog.h"
#include "diagnostics.h"

namespace sitegen {

// Reports every finding with file, line and field. Run by `sitegen check` and before every build.
void lint_catalog(const Catalog& catalog, Diagnostics& diagnostics);

// Whether `language` doubles `word` (lower case) in correct sentences: German "die die" (a
// relative pronoun before an article), "Sie sie"; French "vous vous" (a reflexive verb).
bool may_double(const std::string& word, const std::string& language);

// The first word repeated right after itself ("when when") that `language` does not double,
// ignoring case and Markdown code spans; empty if there is none.
std::string doubled_word(const std::string& text, const std::string& language = "en");

}  // namespace sitegen
