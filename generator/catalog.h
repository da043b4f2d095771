// Catalog: the protocols and their codes, loaded from content/<protocol>/*.json and validated.
// The schema is documented in content/README.md.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "code_format.h"
#include "diagnostics.h"
#include "json_file.h"

namespace sitegen {

// One field of a translation (content/<protocol>/<locale>/<code>.json): the translated text and
// the hash of the English text it was made from (translations.h says when it is current).
struct TranslatedField {
  std::string text;
  std::string source;  // 16 hex digits, the XXH3-64 of the English field; empty if not given
  Position position;   // where the field is in the translation's file
};

// A translation of one code or protocol into one locale, by field name ("summary" -> …).
struct Translation {
  std::string file;  // "content/smtp/fr/535.json", for messages
  std::map<std::string, TranslatedField> fields;
};

// A full reply as a reader sees it ("550 5.7.1 Relaying denied"); a line quoted from a server
// product names it and the public page that documents the text.
struct Reply {
  std::string text;
  std::string product;  // optional: "Gmail"
  std::string source;   // required with product: an https:// URL
};

struct Code {
  std::string id;          // as written: "535", "5.7.1", "1000"
  CodeKey key{};           // the protocol's order (code_format.h)
  std::string subject;     // dotted codes: "x.7.x"; otherwise ""
  std::string name;        // "Help Message", shown as written on every page
  std::string slug;        // "214-help-message"
  std::string klass;       // "2xx"
  std::string summary;     // one sentence, inline Markdown
  std::string description; // Markdown
  std::string when_seen;   // Markdown
  std::string how_to_fix;  // Markdown
  std::string action;      // inline Markdown: what to do on this code, set against other codes
  std::string defined_in;  // "RFC 5321 §4.2.2"
  std::string trigger;     // plain-text noun phrase
  std::string retry;       // what the client does next: kRetryValues
  std::string outcome;     // empty: the class's usual outcome (Protocol::outcome_of)
  std::string retry_exception;  // why `retry` is not one its outcome implies (lint.h); usually empty
  // The codes of Protocol::refines this code is sent with (5.7.1: 550, 551), and, on a code of
  // that protocol, the codes that name it there (550: 5.1.1, …, 5.7.1), ascending.
  std::vector<std::string> basic_codes;
  std::vector<std::string> refined_by;
  std::vector<Reply> replies;  // typical full replies
  std::string file;        // where it came from, for messages
  std::map<std::string, Position> positions;  // field -> where it is in `file`, for messages
  std::map<std::string, Translation> translations;  // by locale ("fr"); see translations.h

  // The English text of a prose field ("summary", "description", … see kCodeProseFields).
  const std::string& english(const std::string& field) const;

  Position where(const std::string& field) const {
    auto it = positions.find(field);
    return it == positions.end() ? Position{} : it->second;
  }
};

// The prose of a pair people confuse (content/<protocol>/pairs/<low>-<high>.json), which its
// pair page shows first.
struct CuratedPair {
  std::string low, high;   // the two codes, the lower first
  std::string confusion;   // Markdown: what people confuse and why
  std::string tell_apart;  // Markdown: how to tell them apart
  std::string example;     // Markdown: an example exchange
  std::string file;
  std::map<std::string, Position> positions;
  std::map<std::string, Translation> translations;  // by locale

  const std::string& english(const std::string& field) const;  // kPairProseFields
};

// Which pairs of codes get a comparison page (protocol.json "pairs"); curated pairs always do.
enum class PairPolicy { all, same_class, same_subject, curated };

struct Protocol {
  std::string id;       // folder name and URL segment: "smtp"
  std::string name;     // "SMTP"
  std::string title;    // "Simple Mail Transfer Protocol"
  std::string summary;  // inline Markdown
  std::string rfc;      // "RFC 5321"
  std::string file;     // "content/smtp/protocol.json"
  CodeFormat format;    // how its codes are written (code_format.h)
  PairPolicy pairs = PairPolicy::all;
  // The protocol whose codes this one's refine ("smtp" for the enhanced status codes), and the
  // protocol that refines this one's; "" for none.
  std::string refines, refined_by;
  // "4xx" -> "transient"; "" for a class without a usual outcome, whose codes each give theirs.
  std::map<std::string, std::string> class_outcomes;
  std::vector<Code> codes;                             // ascending by key
  std::vector<CuratedPair> curated;                    // in code order of (low, high)
  std::map<std::string, Translation> translations;     // of title and summary, by locale

  const std::string& english(const std::string& field) const;  // "title" or "summary"

  const Code* find(const std::string& id) const;
  // The same condition in the protocol's other classes: 4.7.1 (and 2.7.1, if there were one)
  // for 5.7.1; nothing for codes without a subject. In code order.
  std::vector<const Code*> other_classes_of(const Code& code) const;
  // The curated prose of the pair of codes `a` and `b` (in either order), or nothing.
  const CuratedPair* curated_pair(const Code& a, const Code& b) const;
  // success | intermediate | redirect | transient | permanent
  const std::string& outcome_of(const Code& code) const;
};

// The prose fields a translation may give, in the order reports list them.
inline const char* const kCodeProseFields[] = {"summary", "description", "when_seen", "how_to_fix", "action",
                                               "trigger"};
inline const char* const kProtocolProseFields[] = {"title", "summary"};
inline const char* const kPairProseFields[] = {"confusion", "tell_apart", "example"};

// What a code means for the request, and what the client does next (content/README.md).
inline const char* const kOutcomes[] = {"success",   "intermediate", "interim",    "redirect",
                                        "transient", "permanent",    "unspecified"};
inline const char* const kRetryValues[] = {"not-needed", "later",          "if-idempotent", "new-connection",
                                           "maybe-later", "after-change", "follow"};

struct Catalog {
  std::vector<Protocol> protocols;  // ordered by id

  const Protocol* find(const std::string& id) const;
};

// Loads every protocol folder under content_dir. Every problem found is reported; the
// returned catalog holds only the entries that passed.
Catalog load_catalog(const std::string& content_dir, Diagnostics& diagnostics);

// Reads one code entry (content/<protocol>/<code>.json) of `protocol`; false if it has errors.
bool parse_code(const JsonFile& file, const Protocol& protocol, Code& code, Diagnostics& diagnostics);

// Reads a required, non-empty string field of a catalog file under the catalog's rules (its
// size limit; line breaks only in Markdown prose; no other control character); "" if wrong.
std::string catalog_string(const JsonFile& file, const char* key, Diagnostics& diagnostics);

// Warns about every field of `file` not in `known`, suggesting the likely one.
void warn_unknown_fields(const JsonFile& file, const std::set<std::string>& known, Diagnostics& diagnostics);

// "214-help-message" for code 214 named "Help Message": lowercase ASCII words joined by '-'.
std::string slug_for(const std::string& code, const std::string& name);

// "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.2" for "RFC 5321 §4.2.2", the IETF
// datatracker's page for an Internet-Draft ("draft-levine-mailbomb-header"); empty if malformed.
std::string rfc_url(const std::string& reference);

}  // namespace sitegen
