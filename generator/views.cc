#include "views.h"

#include <nlohmann/json.hpp>

#include "html.h"
#include "page_writer.h"
#include "pair_policy.h"
#include "search_index.h"
#include "urls.h"

namespace sitegen {

namespace {

using json = nlohmann::json;  // for the JSON-LD, which is JSON

// "support.google.com" for "https://support.google.com/a/answer/3726730": how a source is named.
std::string host_of(const std::string& url) {
  const size_t start = url.find("://");
  const size_t from = start == std::string::npos ? 0 : start + 3;
  return url.substr(from, url.find('/', from) - from);
}

// The footer's note that some explanations are in English, on the pages that show some.
ViewData english_note(const Locale& locale, bool shows_english) {
  return shows_english ? text(locale.html("ui.english_prose_note")) : ViewData(false);
}

ViewData home_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  bool shows_english = false;
  ViewData view = w.base(l.html("site.title"), l.text("site.tagline"));
  view["heading"] = text(l.html("site.title"));
  view["search_index_href"] = text(w.href(search_index_path(l.id, site.config)));
  view["search_root_href"] = text(w.href(home_path(locale_prefix(l.id, site.config.default_locale))));
  view["tagline"] = text(l.html("site.tagline"));
  view["protocols_heading"] = text(l.html("ui.protocols"));
  ViewData protocols = list(site.catalog.protocols.size());
  for (const auto& protocol : site.catalog.protocols) {
    const ProtocolProse& prose = w.protocol_prose(protocol);
    shows_english = shows_english || prose.any_in_english;
    append(protocols, fields("href", text(w.href(protocol_path(w.prefix(), protocol))),
                             "label", text(w.protocol_text(protocol, "title")),
                             "title", text(prose.title),
                             "summary", text(prose.summary)));
  }
  view["protocols"] = std::move(protocols);
  view["english_note"] = english_note(l, shows_english);
  view["json_ld"] = text(PageWriter::script_json({{"@context", "https://schema.org"},
                                                  {"@type", "WebSite"},
                                                  {"name", l.text("site.title")},
                                                  {"url", w.absolute(w.prefix())},
                                                  {"inLanguage", l.id}}));
  return view;
}

ViewData protocol_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  ViewData view = w.base(w.protocol_text(protocol, "title"), l.text("protocols." + protocol.id + ".intro"));
  view["heading"] = text(w.protocol_text(protocol, "title"));
  view["intro"] = text(w.protocol_text(protocol, "intro"));
  w.add_breadcrumb(view, nullptr, l.text("protocols." + protocol.id + ".title"));
  // The list filters itself by the locale's search index (summaries and explanations) once loaded.
  view["filter"] = fields("index_href", text(w.href(search_index_path(l.id, w.config()))),
                          "protocol", text(protocol_path("", protocol)));
  ViewData classes = list(protocol.class_outcomes.size());
  bool shows_english = false;
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    ViewData codes = list(protocol.codes.size());
    for (const auto& code : protocol.codes) {
      if (code.klass != klass) continue;
      const CodeProse& prose = w.prose(code);
      shows_english = shows_english || prose.summary_in_english;
      // site.js folds case and accents of this and of what the reader types alike.
      append(codes, fields("href", text(w.href(code_path(w.prefix(), protocol, code))),
                           "number", text(code.id),
                           "name", text(w.outline(code).name),
                           "summary", text(w.entry(code).summary),
                           "search", text(escape_html(code.id + " " + code.name + " " +
                                                      prose.summary_text))));
    }
    if (codes.is_empty_list()) continue;
    append(classes, fields("anchor", text("class-" + klass),
                           "heading", text(w.class_label(protocol, klass)),
                           "meaning", text(l.html(w.class_key(protocol, klass, "meaning"))),
                           "codes", std::move(codes)));
  }
  view["classes"] = std::move(classes);
  view["english_note"] = english_note(l, shows_english);
  // The comparisons people look for, before the list of every code.
  ViewData confused = list(protocol.curated.size());
  for (const auto& pair : protocol.curated) {
    const Code& low = *protocol.find(pair.low);
    const Code& high = *protocol.find(pair.high);
    append(confused, fields("href", text(w.href(pair_path(w.prefix(), protocol, low, high))),
                            "label", text(w.pair_title(protocol, low, high))));
  }
  view["commonly_confused"] = confused.is_empty_list()
                                  ? ViewData(false)
                                  : fields("heading", text(l.html("headings.commonly_confused")), "pairs",
                                           std::move(confused));
  return view;
}

// The sections of a code page that tie it to other codes: the same condition in the protocol's
// other classes (4.7.1 beside 5.7.1), the basic reply codes a refining code is sent with and,
// on a basic code, the codes that refine it; then the typical full replies.
void add_related_codes(const PageWriter& w, const Page& page, ViewData& view) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& code = *page.code;
  auto section = [&](const char* heading, ViewData links) -> ViewData {
    if (links.is_empty_list()) return ViewData(false);
    return fields("heading", text(l.html(heading)), "links", std::move(links));
  };
  ViewData siblings = list(2);
  for (const Code* other : protocol.other_classes_of(code)) {
    append(siblings, fields("href", text(w.href(code_path(w.prefix(), protocol, *other))),
                            "label", text(w.outline(*other).title),
                            "class", text(w.outline(*other).class_label),
                            "summary", text(w.entry(*other).summary)));
  }
  view["other_classes"] = section("headings.other_classes", std::move(siblings));
  // Links to the codes of the protocol this one refines, or that refines it: the registry lists
  // basic codes a site may not describe, which are named without a link.
  auto links_to = [&](const std::string& protocol_id, const std::vector<std::string>& ids) {
    ViewData links = list(ids.size());
    const Protocol* other_protocol = w.catalog().find(protocol_id);
    for (const auto& id : ids) {
      const Code* other = other_protocol ? other_protocol->find(id) : nullptr;
      if (other) {
        append(links, fields("href", text(w.href(code_path(w.prefix(), *other_protocol, *other))),
                             "label", text(w.outline(*other).title)));
      } else {
        append(links, fields("href", ViewData(false),
                             "label", text(escape_html((other_protocol ? other_protocol->name + " " : "") + id))));
      }
    }
    return links;
  };
  view["basic_codes"] = section("headings.basic_codes", links_to(protocol.refines, code.basic_codes));
  view["refined_by"] = section("headings.refined_by", links_to(protocol.refined_by, code.refined_by));
  ViewData lines = list(code.replies.size());
  for (const auto& reply : code.replies) {
    ViewData quoted(false);
    if (!reply.product.empty()) {
      const std::string link = "<a href=\"" + escape_html(reply.source) + "\">" + escape_html(host_of(reply.source)) + "</a>";
      quoted = text(l.frame("reply_quoted", {{"product", escape_html(reply.product)}, {"link", link}}));
    }
    append(lines, fields("text", text(escape_html(reply.text)), "quoted", std::move(quoted)));
  }
  view["replies"] = lines.is_empty_list() ? ViewData(false)
                                          : fields("heading", text(l.html("headings.replies")), "lines", std::move(lines));
}

ViewData code_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& code = *page.code;
  const CodeOutlineStrings& outline = w.outline(code);
  const CodeEntryStrings& entry = w.entry(code);
  const std::string number = code.id;
  const std::string& title_text = outline.title_text;
  // The summary follows when it is in the page's language (an untranslated one is English).
  std::string description =
      l.frame_text("meta_code", {{"protocol", protocol.name}, {"code", number}, {"name", code.name}});
  if (!w.prose(code).summary_in_english) description += " " + w.prose(code).summary_text;
  ViewData view = w.base(outline.plain_title, description);
  view["heading"] = text(outline.title);
  json term = {{"@type", "DefinedTerm"},
               {"name", title_text},
               {"termCode", number},
               {"description", w.prose(code).summary_text},
               {"url", w.absolute(page.path)},
               {"inDefinedTermSet", {{"@type", "DefinedTermSet"},
                                     {"name", l.text("protocols." + protocol.id + ".title")},
                                     {"url", w.absolute(protocol_path(w.prefix(), protocol))}}}};
  w.add_breadcrumb(view, &protocol, title_text, std::move(term));
  view["class_line"] = text(l.frame("code_class", {{"code", number}, {"class", outline.class_in_sentence}}));
  view["summary"] = text(entry.summary);
  view["code"] = ViewData(entry.sections);
  view["facts_heading"] = text(l.html("headings.facts"));
  ViewData rows = list(entry.facts.size());
  for (const auto& [label, value] : entry.facts) append(rows, fields("label", text(label), "value", text(value)));
  view["facts"] = std::move(rows);

  add_related_codes(w, page, view);

  // "Compare 214 with …": first the codes it is commonly confused with, then every code by class.
  view["compare_heading"] = text(outline.compare_with);
  ViewData groups = list(protocol.class_outcomes.size() + 1);
  ViewData confused = list(protocol.curated.size());
  for (const auto& pair : protocol.curated) {
    if (pair.low != code.id && pair.high != code.id) continue;
    const Code& other = *protocol.find(pair.low == code.id ? pair.high : pair.low);
    append(confused, fields("href", text(w.href(pair_path(w.prefix(), protocol, code, other))),
                            "label", text(w.outline(other).title)));
  }
  if (!confused.is_empty_list()) {
    append(groups, fields("heading", text(l.html("headings.commonly_confused")), "links", std::move(confused)));
  }
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    ViewData links = list(protocol.codes.size());
    for (const auto& other : protocol.codes) {
      if (other.id == code.id || other.klass != klass || !has_pair_page(protocol, code, other)) continue;
      append(links, fields("href", text(w.href(pair_path(w.prefix(), protocol, code, other))),
                           "label", text(w.outline(other).title)));
    }
    if (!links.is_empty_list()) {
      append(groups, fields("heading", text(w.class_label(protocol, klass)), "links", std::move(links)));
    }
  }
  view["compare_groups"] = std::move(groups);

  // Previous and next code of the protocol.
  view["code_navigation"] = text(l.html("ui.code_navigation"));
  const Code* previous = nullptr;
  const Code* next = nullptr;
  for (size_t i = 0; i < protocol.codes.size(); ++i) {
    if (protocol.codes[i].id != code.id) continue;
    if (i > 0) previous = &protocol.codes[i - 1];
    if (i + 1 < protocol.codes.size()) next = &protocol.codes[i + 1];
  }
  auto neighbour = [&](const Code* other, const char* label) -> ViewData {
    if (!other) return ViewData(false);
    return fields("href", text(w.href(code_path(w.prefix(), protocol, *other))),
                  "label", text(l.html(std::string("ui.") + label + "_code")),
                  "title", text(w.outline(*other).title));
  };
  view["previous"] = neighbour(previous, "previous");
  view["next"] = neighbour(next, "next");
  view["english_note"] = english_note(l, w.prose(code).any_in_english);
  return view;
}

// The two codes of a pair page with the strings the page shows of each.
struct PairCodes {
  const Protocol& protocol;
  const Code& a;
  const Code& b;
  const CodeOutlineStrings& oa;
  const CodeOutlineStrings& ob;
  const CodeEntryStrings& ea;
  const CodeEntryStrings& eb;
};

// The page's title, meta description and structured data (a TechArticle about both codes).
ViewData pair_head(const PageWriter& w, const Page& page, const PairCodes& p) {
  const Locale& l = w.locale();
  const std::string title_text = w.pair_title_text(p.protocol, p.a, p.b);
  const std::string description = l.frame_text("meta_pair", {{"protocol", p.protocol.name},
                                                             {"code_a", p.a.id},
                                                             {"name_a", p.a.name},
                                                             {"code_b", p.b.id},
                                                             {"name_b", p.b.name}});
  ViewData view = w.base(w.pair_title(p.protocol, p.a, p.b, false), description);
  view["heading"] = text(w.pair_title(p.protocol, p.a, p.b));
  json article;
  article["@type"] = "TechArticle";
  article["headline"] = title_text;
  article["description"] = description;
  article["inLanguage"] = l.id;
  article["url"] = w.absolute(page.path);
  json about = json::array();
  for (const Code* code : {&p.a, &p.b}) {
    json term;
    term["@type"] = "DefinedTerm";
    term["name"] = p.protocol.name + " " + code->id + " " + code->name;
    term["url"] = w.absolute(code_path(w.prefix(), p.protocol, *code));
    about.push_back(std::move(term));
  }
  article["about"] = std::move(about);
  w.add_breadcrumb(view, &p.protocol, title_text, std::move(article));
  return view;
}

// The intro: the class sentence (one of two variants), then one sentence per code.
std::string pair_intro(const Locale& l, const PairCodes& p) {
  const std::string protocol = escape_html(p.protocol.name);
  std::string intro =
      p.a.klass == p.b.klass
          ? l.frame("intro_same_class",
                    {{"protocol", protocol}, {"a", p.oa.with_name}, {"b", p.ob.with_name}, {"class", p.oa.class_in_sentence}})
          : l.frame("intro_different_class", {{"protocol", protocol},
                                              {"a", p.oa.with_name},
                                              {"b", p.ob.with_name},
                                              {"class_a", p.oa.class_in_sentence},
                                              {"class_b", p.ob.class_in_sentence}});
  // Each meaning is its own span so a right-to-left stylesheet can give each English sentence its own line.
  return intro + " <span class=\"meaning\">" + p.ea.meaning + "</span> <span class=\"meaning\">" + p.eb.meaning +
         "</span>";
}

// The side-by-side table: one row per fact, both codes' values, the rows that differ marked
// (a class for the eye, a word for screen readers).
ViewData pair_comparison_rows(const Locale& l, const PairCodes& p) {
  ViewData rows = list(p.ea.facts.size());
  for (size_t i = 0; i < p.ea.facts.size(); ++i) {
    const bool differs = p.ea.facts[i].second != p.eb.facts[i].second;
    append(rows, fields("label", text(p.ea.facts[i].first), "a", text(p.ea.facts[i].second), "b",
                        text(p.eb.facts[i].second), "differs",
                        differs ? text(l.html("ui.differs")) : ViewData(false)));
  }
  return rows;
}

// "RFC 4954" of "RFC 4954 §6": the document, which Key Differences compares.
std::string rfc_document(const std::string& reference) { return reference.substr(0, reference.find(" \u00a7")); }

// Key differences, from what differs between the two codes and nothing the page said before:
// the classes, then the outcome, what to do next, the defining document and the triggers.
ViewData pair_key_differences(const Locale& l, const PairCodes& p) {
  const std::string a = p.a.id, b = p.b.id;
  ViewData differences = list(5);
  // Each frame names its two values "<what>_a" and "<what>_b" (locale_keys.cc).
  auto contrast = [&](const char* frame, const char* key_a, const std::string& value_a, const char* key_b,
                      const std::string& value_b) {
    append(differences, text(l.frame(frame, {{"a", a}, {"b", b}, {key_a, value_a}, {key_b, value_b}})));
  };
  if (p.a.klass != p.b.klass) {
    contrast("class_contrast", "class_a", p.oa.class_in_sentence, "class_b", p.ob.class_in_sentence);
  }
  if (p.ea.outcome_phrase != p.eb.outcome_phrase) {
    contrast("outcome_contrast", "outcome_a", p.ea.outcome_phrase, "outcome_b", p.eb.outcome_phrase);
  }
  if (p.ea.retry_phrase != p.eb.retry_phrase) {
    contrast("retry_contrast", "retry_a", p.ea.retry_phrase, "retry_b", p.eb.retry_phrase);
  }
  if (rfc_document(p.a.defined_in) != rfc_document(p.b.defined_in)) {
    contrast("defined_contrast", "reference_a", p.ea.reference, "reference_b", p.eb.reference);
  }
  contrast("trigger_contrast", "trigger_a", p.ea.trigger, "trigger_b", p.eb.trigger);
  return differences;
}

// The curated prose of a pair people confuse, shown first on its page; nothing for other pairs.
ViewData pair_curated(const PageWriter& w, const PairCodes& p) {
  const CuratedPair* pair = p.protocol.curated_pair(p.a, p.b);
  if (!pair) return ViewData(false);
  const CuratedProse& prose = w.curated(*pair);
  const Locale& l = w.locale();
  return fields("heading", text(l.html("headings.why_confused")),
                "confusion", text(prose.confusion),
                "tell_apart_heading", text(l.html("headings.tell_apart")),
                "tell_apart", text(prose.tell_apart),
                "example_heading", text(l.html("headings.example")),
                "example", text(prose.example));
}

// For each code, the comparisons next to this one (its pairs with the codes just before and
// after the other code), then all of its comparisons on its own page. A constant number of
// links per page keeps pages small however large the catalog grows.
ViewData pair_related(const PageWriter& w, const PairCodes& p) {
  ViewData others = list(2);
  for (const Code* code : {&p.a, &p.b}) {
    const Code* partner = code == &p.a ? &p.b : &p.a;
    std::vector<const Code*> candidates;
    for (const auto& other : p.protocol.codes) {
      if (other.id != code->id && has_pair_page(p.protocol, *code, other)) candidates.push_back(&other);
    }
    size_t at = 0;
    while (candidates[at] != partner) ++at;
    ViewData links = list(3);
    for (size_t i : {at - 1, at + 1}) {  // at - 1 wraps to a huge number when at == 0
      if (i >= candidates.size()) continue;
      const Code& other = *candidates[i];
      append(links, fields("href", text(w.href(pair_path(w.prefix(), p.protocol, *code, other))),
                           "label", text(w.pair_title(p.protocol, *code, other))));
    }
    append(links, fields("href", text(w.href(code_path(w.prefix(), p.protocol, *code)) + "#compare-heading"),
                         "label", text(w.outline(*code).compare_with)));
    append(others, fields("heading", text(w.outline(*code).other_pairs_heading), "links", std::move(links)));
  }
  return others;
}

ViewData pair_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& a = *page.code;
  const Code& b = *page.other;
  const PairCodes p{protocol, a, b, w.outline(a), w.outline(b), w.entry(a), w.entry(b)};
  ViewData view = pair_head(w, page, p);
  view["intro"] = text(pair_intro(l, p));
  view["curated"] = pair_curated(w, p);
  ViewData codes = list(2);
  append(codes, p.ea.sections);
  append(codes, p.eb.sections);
  view["codes"] = std::move(codes);

  view["comparison_heading"] = text(l.html("headings.comparison"));
  view["code_column"] = text(l.html("facts.code"));
  view["code_a"] = text(p.oa.with_name);
  view["code_b"] = text(p.ob.with_name);
  view["comparison"] = pair_comparison_rows(l, p);

  view["key_differences_heading"] = text(l.html("headings.key_differences"));
  view["key_differences"] = pair_key_differences(l, p);

  view["when_to_use_heading"] = text(l.html("headings.when_to_use"));
  ViewData when_to_use = list(2);
  // What to do on each, in a sentence or two of its own (not How to Fix, which the page showed).
  append(when_to_use, fields("label", text(p.oa.use_label), "body", text(p.ea.action)));
  append(when_to_use, fields("label", text(p.ob.use_label), "body", text(p.eb.action)));
  view["when_to_use"] = std::move(when_to_use);

  view["learn_more_heading"] = text(l.html("headings.learn_more"));
  ViewData learn_more = list(5);
  append(learn_more, text(w.link(code_path(w.prefix(), protocol, a), p.oa.title)));
  append(learn_more, text(w.link(code_path(w.prefix(), protocol, b), p.ob.title)));
  append(learn_more, text(w.link(protocol_path(w.prefix(), protocol), w.protocol_text(protocol, "all_codes"))));
  append(learn_more, text(p.ea.rfc_line));
  append(learn_more, text(p.eb.rfc_line));
  view["learn_more"] = std::move(learn_more);

  view["other_pairs"] = pair_related(w, p);
  const CuratedPair* curated = protocol.curated_pair(a, b);
  view["english_note"] = english_note(l, w.prose(a).any_in_english || w.prose(b).any_in_english ||
                                             (curated && w.curated(*curated).any_in_english));
  return view;
}

ViewData not_found_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  ViewData view = w.base(l.html("ui.not_found_title"), l.text("ui.not_found_text"));
  view["heading"] = text(l.html("ui.not_found_title"));
  view["text"] = text(l.html("ui.not_found_text"));
  view["search_index_href"] = text(w.href(search_index_path(l.id, site.config)));
  view["search_root_href"] = text(w.href(home_path(locale_prefix(l.id, site.config.default_locale))));
  // Where the redirect script resolves reversed pair URLs and bare code URLs from, and the
  // URL scheme's folders it needs (site.js knows no folder name of its own).
  view["base_path"] = text(base_path_of(site.config.base_url));
  std::string prefixes;
  for (const auto& locale : site.config.locales) {
    const std::string prefix = locale_prefix(locale, site.config.default_locale);
    if (!prefix.empty()) prefixes += (prefixes.empty() ? "" : " ") + prefix;
  }
  view["locale_prefixes"] = text(prefixes);
  // A host with one 404 page serves this locale's for every locale: the script moves on to the
  // reader's (urls.h not_found_path), which it finds from the prefixes and this page's own.
  view["own_prefix"] = text(w.prefix());
  view["not_found_file"] = text(not_found_path(""));
  view["pairs_folder"] = text(pairs_folder(""));
  ViewData protocols = list(site.catalog.protocols.size());
  for (const auto& protocol : site.catalog.protocols) {
    append(protocols, fields("href", text(w.href(protocol_path(w.prefix(), protocol))),
                             "label", text(w.protocol_text(protocol, "title"))));
  }
  view["protocols"] = std::move(protocols);
  return view;
}

}  // namespace

View make_view(const Page& page, const SiteData& site) {
  PageWriter writer(page, site);
  View view;
  view.shared = &site.chrome.at(&writer.locale());
  switch (page.kind) {
    case PageKind::home: view.page = home_view(writer, site); break;
    case PageKind::protocol_index: view.page = protocol_view(writer, page); break;
    case PageKind::code: view.page = code_view(writer, page); break;
    case PageKind::pair: view.page = pair_view(writer, page); break;
    case PageKind::not_found: view.page = not_found_view(writer, site); break;
  }
  return view;
}

}  // namespace sitegen
