// CodeStrings: every sentence and label a code shows, in each locale, made once per build from
// the locale's frames (the class sentence, the title, the meaning line, the facts), and the
// LocaleWriter that makes them, which the page views build on.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "assets.h"
#include "catalog.h"
#include "config.h"
#include "locales.h"
#include "view_data.h"

namespace sitegen {

// A code's prose in one locale, rendered once and shared by every page that shows it: each field
// is the locale's current translation, or else the English marked lang="en" (html.h).
struct CodeProse {
  std::string summary;       // inline HTML
  std::string summary_text;  // plain text, for meta descriptions and search
  std::string description;   // block HTML
  std::string when_seen;
  std::string how_to_fix;
  std::string action;        // inline HTML; empty when the code has none
  std::string trigger;       // escaped text
  bool summary_in_english = false;  // the summary is the English fallback
  bool any_in_english = false;      // some field is (the page then says so in its footer)
};

// A curated pair's prose in one locale, the same way.
struct CuratedProse {
  std::string confusion, tell_apart, example;  // block HTML
  bool any_in_english = false;
};

// A protocol's title and summary in one locale, the same way.
struct ProtocolProse {
  std::string title;    // escaped text
  std::string summary;  // inline HTML
  bool any_in_english = false;
};

// A code's strings in one locale, made once per build: a code appears on its own page and on
// every pair page of its protocol (61 per locale for an HTTP code), which all show them. They are
// in two parts, by what they are made from (see PageInputs): a page may read a code's outline
// strings when it declares its protocol's outline, and its entry strings only when it declares
// that code's entry.
struct CodeOutlineStrings {           // made from the code's number, name and class
  std::string name;                 // "Help Message", escaped, marked English off English pages
  std::string with_name;            // "214 (Help Message)"
  std::string class_in_sentence;    // "2xx (Positive Completion)"
  std::string class_label;          // "2xx Positive Completion"
  std::string title;                // "SMTP 214 Help Message", marked and isolated for the page body
  std::string plain_title;          // the same for <title>: not marked
  std::string title_text;           // the same as plain text, for meta tags and structured data
  std::string use_label;            // "Use 214 (Help Message) when …"
  std::string compare_with;         // "Compare 214 with …"
  std::string other_pairs_heading;  // "Other comparisons with 214"
  // Pair titles are made as pages need them (a pair page shows five), not stored per pair: a
  // catalog of many codes has millions of pairs.
};
struct CodeEntryStrings {             // made from every field of the code
  std::string summary;              // inline HTML, marked
  std::string meaning;              // "214: The server …"
  std::string how_to_fix;           // block HTML, marked
  std::string action;               // inline HTML, marked: what to do on this code
  std::string trigger;              // escaped, marked
  std::string reference;            // the link to its RFC section
  std::string outcome_phrase;       // "reports a permanent failure", for Key Differences
  std::string retry_phrase;         // "repeating it unchanged fails again", for Key Differences
  std::string rfc_line;             // "214 is defined in <a …>RFC 5321 §4.2.2</a>"
  ViewData sections;                // what the code_section partial shows
  std::vector<std::pair<std::string, std::string>> facts;  // facts table rows: label, value (HTML)
};
struct LocalizedCode {
  CodeOutlineStrings outline;
  CodeEntryStrings entry;
};

// Everything views read, loaded and prepared once per build.
struct SiteData {
  const Config& config;
  const Catalog& catalog;
  const Locales& locales;
  std::map<std::pair<const Locale*, const Code*>, CodeProse> prose;
  std::map<std::pair<const Locale*, const Protocol*>, ProtocolProse> protocol_prose;
  std::map<std::pair<const Locale*, const CuratedPair*>, CuratedProse> curated_prose;
  const Assets& assets;
  std::map<std::pair<const Locale*, const Code*>, LocalizedCode> localized;
  std::map<const Locale*, ViewData> chrome;  // the fields every page of a locale shares (View::shared)
};

// Renders the Markdown of every code and protocol in every locale (translated where the
// translation is current), and every code's strings in every locale.
SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           const Assets& assets);


// Helpers bound to one locale: the sentences and labels made from its frames. HTML out: every
// value put into a frame is escaped or already HTML; the *_text variants make plain text.
class LocaleWriter {
 public:
  LocaleWriter(const Locale& locale, const SiteData& site) : locale_(locale), site_(site) {}

  const Locale& locale() const { return locale_; }

  // English HTML marked as such on a page of another language (html.h mark_english).
  std::string english(const std::string& html, bool block = false) const;
  // A code's name, escaped and marked.
  std::string name(const Code& code) const;
  const CodeProse& prose(const Code& code) const { return site_.prose.at({&locale_, &code}); }
  const Catalog& catalog() const { return site_.catalog; }
  const Config& config() const { return site_.config; }
  // "classes.smtp.2xx.name"
  std::string class_key(const Protocol& protocol, const std::string& klass, const char* field) const;
  // "2xx (Positive Completion)" for use inside a sentence.
  std::string class_in_sentence(const Protocol& protocol, const std::string& klass) const;
  // "2xx Positive Completion" for headings and table cells.
  std::string class_label(const Protocol& protocol, const std::string& klass) const;
  // "SMTP 214 Help Message"; `mark` marks the name as English (not wanted in <title>).
  std::string code_title(const Protocol& protocol, const Code& code, bool mark) const;
  // "SMTP 214 Help Message vs 535 Authentication Failed"; `a` and `b` are the codes' own strings.
  std::string pair_title(const Protocol& protocol, const Code& a, const CodeOutlineStrings& a_text, const Code& b,
                         const CodeOutlineStrings& b_text, bool mark) const;
  // The same as plain text, for meta tags and structured data.
  std::string pair_title_text(const Protocol& protocol, const Code& a, const Code& b) const;
  // Titles keep the catalog's Latin word order ("SMTP 214 Help Message vs 535 …"). On a
  // right-to-left page <bdi> lets the title's own first letter set its direction, so it is not
  // reordered into "Authentication Failed SMTP 214 …". `html` is false for <title> text.
  std::string isolate(const std::string& title, bool html) const;
  // Per-protocol strings ("SMTP Reply Codes", "HTTP Status Codes"): each protocol names its codes its own way.
  std::string protocol_text(const Protocol& protocol, const char* field) const;
  // "SMTP 214: The server is answering …"
  std::string meaning_line(const std::string& code_label, const Code& code) const;
  // The head, header and footer fields that are the same on every page of the locale.
  ViewData chrome() const;
  // Everything about one code that does not depend on the page showing it.
  LocalizedCode localize(const Protocol& protocol, const Code& code) const;

 protected:
  const Locale& locale_;
  const SiteData& site_;
};

}  // namespace sitegen
