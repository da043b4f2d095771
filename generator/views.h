// Views: the data one template sees for one page. All sentence logic lives here (which intro
// variant, the class contrast, list items), so templates only place what they are given.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <vector>

#include "assets.h"
#include "catalog.h"
#include "config.h"
#include "locales.h"
#include "plan.h"

namespace sitegen {

// What a template sees: kainjow's data, made directly by the views (it is what kainjow renders,
// and going through JSON first cost a page more than its rendering).
using ViewData = kainjow::mustache::data;

// The data of one page, in two layers: the fields every page of its locale shares (head, header,
// footer; made once per locale) beneath the page's own fields, which win where both have a name.
struct View {
  const ViewData* shared = nullptr;
  ViewData page;
};

// A code's English prose rendered to HTML once, shared by every page and locale that shows it.
struct CodeProse {
  std::string summary;       // inline HTML
  std::string summary_text;  // plain text, for meta descriptions and search
  std::string description;
  std::string when_seen;
  std::string how_to_fix;
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
  std::string plain_title;          // the same for <title> and meta tags: not marked
  std::string use_label;            // "Use 214 (Help Message) when …"
  std::string compare_with;         // "Compare 214 with …"
  std::string other_pairs_heading;  // "Other comparisons with 214"
  // The titles of this code's pairs with the codes after it in its protocol, marked for the page
  // body, by the other code's index in Protocol::codes: a pair page shows five pair titles.
  std::vector<std::string> pair_titles;
};
struct CodeEntryStrings {             // made from every field of the code
  std::string summary;              // inline HTML, marked
  std::string meaning;              // "214: The server …"
  std::string protocol_meaning;     // "SMTP 214: The server …"
  std::string trigger_line;         // "Typical trigger for 214: …"
  std::string how_to_fix;           // block HTML, marked
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
  std::map<const Code*, CodeProse> prose;
  std::map<const Protocol*, std::string> protocol_summaries;  // inline HTML
  const Assets& assets;
  std::map<std::pair<const Locale*, const Code*>, LocalizedCode> localized;
  std::map<const Locale*, ViewData> chrome;  // the fields every page of a locale shares (View::shared)
};

// Renders the Markdown of every code and protocol, and every code's strings in every locale.
SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           const Assets& assets);

// The site-relative path of a locale's search index ("search.json", "fr/search.json").
std::string search_index_path(const std::string& locale, const Config& config);

// A locale's search index: every code with protocol, number, name, summary text and URL path.
std::string search_index(const std::string& locale, const SiteData& site);

// The locale keys the views use; the default locale must define all of them.
std::vector<std::string> required_locale_keys(const Catalog& catalog);

// Every sentence frame the views fill ("code_title"), with the placeholders each is given: a
// locale's frame may use these and no others (load_locales checks every locale against it).
const FramePlaceholders& frame_placeholders();

// The data of `page`'s template. Reads the catalog only through page_inputs(page): reading
// anything else throws std::logic_error, so a view cannot show what its fingerprint misses.
View make_view(const Page& page, const SiteData& site);

}  // namespace sitegen
