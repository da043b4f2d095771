// HTML helpers: escaping, and marking English catalog prose inside pages of other languages.
// Everything a view puts into a page goes through one of these or through markdown.h.
#pragma once

#include <string>

namespace sitegen {

class Locale;

// The language the catalog prose is written in.
inline const char* kContentLanguage = "en";

// Escapes & < > " ' for use in text and attribute values.
std::string escape_html(const std::string& text);

// Wraps English HTML for a page in `locale`: nothing on an English page, otherwise an element
// with lang="en" (and dir="ltr" on a right-to-left page) so screen readers and the bidi
// algorithm treat it as English. `block` chooses <div> over <span>.
std::string mark_english(const std::string& html, const Locale& locale, bool block = false);

}  // namespace sitegen
