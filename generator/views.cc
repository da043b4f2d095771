#include "views.h"

#include <cctype>
#include <future>
#include <nlohmann/json.hpp>
#include <set>

#include "html.h"
#include "markdown.h"
#include "page_inputs.h"
#include "urls.h"

namespace sitegen {

namespace {

using json = nlohmann::json;  // for the JSON-LD and the search index, which are JSON

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// kainjow's data copies whatever it is given, and its move is not noexcept, so a growing
// std::vector of it copies every item again. Views are built with these helpers, which move.

// A string value. kainjow hands its string out only as const; this one is ours and not const.
ViewData text(std::string value) {
  ViewData out(ViewData::type::string);
  const_cast<std::string&>(out.string_value()) = std::move(value);
  return out;
}

// An empty list with room for `capacity` items, and appending to it.
ViewData list(size_t capacity) {
  ViewData out(ViewData::type::list);
  const_cast<kainjow::mustache::list&>(out.list_value()).reserve(capacity);
  return out;
}
void append(ViewData& list, ViewData item) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
}

// An object from name, value pairs: fields("href", text(href), "label", text(label)).
void set_fields(ViewData&) {}
template <typename... Rest>
void set_fields(ViewData& object, const char* name, ViewData value, Rest&&... rest) {
  object[name] = std::move(value);
  set_fields(object, std::forward<Rest>(rest)...);
}
template <typename... Pairs>
ViewData fields(Pairs&&... pairs) {
  ViewData object;
  set_fields(object, std::forward<Pairs>(pairs)...);
  return object;
}

// Helpers bound to one locale: the sentences and labels made from its frames.
class LocaleWriter {
 public:
  LocaleWriter(const Locale& locale, const SiteData& site) : locale_(locale), site_(site) {}

  const Locale& locale() const { return locale_; }

  std::string english(const std::string& html, bool block = false) const {
    return mark_english(html, locale_, block);
  }

  std::string name(const Code& code) const { return english(escape_html(code.name)); }

  const CodeProse& prose(const Code& code) const { return site_.prose.at(&code); }

  std::string class_key(const Protocol& protocol, const std::string& klass, const char* field) const {
    return "classes." + protocol.id + "." + klass + "." + field;
  }

  // "2xx (Positive Completion)" for use inside a sentence.
  std::string class_in_sentence(const Protocol& protocol, const std::string& klass) const {
    return locale_.frame("class_in_sentence",
                         {{"class", escape_html(klass)}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
  }

  // "2xx Positive Completion" for headings and table cells.
  std::string class_label(const Protocol& protocol, const std::string& klass) const {
    return locale_.frame("class_label",
                         {{"class", escape_html(klass)}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
  }

  // "SMTP 214 Help Message"; `mark` marks the name as English (not wanted in <title>).
  std::string code_title(const Protocol& protocol, const Code& code, bool mark) const {
    return isolate(locale_.frame("code_title", {{"protocol", escape_html(protocol.name)},
                                                {"code", std::to_string(code.number)},
                                                {"name", mark ? name(code) : escape_html(code.name)}}),
                   mark);
  }

  // "SMTP 214 Help Message vs 535 Authentication Failed"; `a` and `b` are the codes' own strings.
  std::string pair_title(const Protocol& protocol, const Code& a, const CodeOutlineStrings& a_text, const Code& b,
                         const CodeOutlineStrings& b_text, bool mark) const {
    return isolate(locale_.frame("pair_title", {{"protocol", escape_html(protocol.name)},
                                                {"code_a", std::to_string(a.number)},
                                                {"name_a", mark ? a_text.name : escape_html(a.name)},
                                                {"code_b", std::to_string(b.number)},
                                                {"name_b", mark ? b_text.name : escape_html(b.name)}}),
                   mark);
  }

  // Titles keep the catalog's Latin word order ("SMTP 214 Help Message vs 535 …"). On a
  // right-to-left page <bdi> lets the title's own first letter set its direction, so it is not
  // reordered into "Authentication Failed SMTP 214 …". `html` is false for <title> text.
  std::string isolate(const std::string& title, bool html) const {
    return html && locale_.dir == "rtl" ? "<bdi>" + title + "</bdi>" : title;
  }

  // Per-protocol strings ("SMTP Reply Codes", "HTTP Status Codes"): each protocol names its codes its own way.
  std::string protocol_text(const Protocol& protocol, const char* field) const {
    return locale_.html("protocols." + protocol.id + "." + field);
  }

  // "SMTP 214: The server is answering …"
  std::string meaning_line(const std::string& code_label, const Code& code) const {
    return locale_.frame("meaning_line", {{"code", code_label}, {"summary", english(prose(code).summary)}});
  }

  // The head, header and footer fields that are the same on every page of the locale.
  ViewData chrome() const {
    ViewData view;
    view["lang"] = text(locale_.id);
    view["dir"] = text(locale_.dir);
    view["site_title"] = text(locale_.html("site.title"));
    view["og_locale"] = text(locale_.html("meta.og_locale"));
    view["ui"] = fields("skip_to_content", text(locale_.html("ui.skip_to_content")),
                        "breadcrumb", text(locale_.html("ui.breadcrumb")),
                        "languages", text(locale_.html("ui.languages")),
                        "footer", text(locale_.html("ui.footer")),
                        "search_label", text(locale_.html("ui.search_label")),
                        "search_placeholder", text(locale_.html("ui.search_placeholder")),
                        "search_no_results", text(locale_.html("ui.search_no_results")));
    view["english_note"] =
        locale_.id == kContentLanguage ? ViewData(false) : text(locale_.html("ui.english_prose_note"));
    view["breadcrumb"] = list(0);
    view["json_ld"] = ViewData(false);
    return view;
  }

  // Everything about one code that does not depend on the page showing it.
  LocalizedCode localize(const Protocol& protocol, const Code& code) const {
    const CodeProse& p = prose(code);
    const std::string number = std::to_string(code.number);
    LocalizedCode out;
    CodeOutlineStrings& o = out.outline;
    o.name = name(code);
    o.with_name = locale_.frame("code_with_name", {{"code", number}, {"name", o.name}});
    o.class_in_sentence = class_in_sentence(protocol, code.klass);
    o.class_label = class_label(protocol, code.klass);
    o.title = code_title(protocol, code, true);
    o.plain_title = code_title(protocol, code, false);
    o.use_label = locale_.frame("use_which_item", {{"code", number}, {"name", o.name}});
    o.compare_with = locale_.frame("compare_with", {{"code", number}});
    o.other_pairs_heading = locale_.frame("other_pairs", {{"code", number}});
    CodeEntryStrings& e = out.entry;
    e.summary = english(p.summary);
    e.meaning = meaning_line(number, code);
    e.protocol_meaning = meaning_line(escape_html(protocol.name) + " " + number, code);
    const std::string trigger = english(escape_html(code.trigger));
    e.trigger_line = locale_.frame("trigger_line", {{"code", number}, {"trigger", trigger}});
    e.how_to_fix = english(p.how_to_fix, true);
    std::string reference =
        "<a href=\"" + escape_html(rfc_url(code.defined_in)) + "\">" + escape_html(code.defined_in) + "</a>";
    e.rfc_line = locale_.frame("learn_more_rfc", {{"code", number}, {"reference", reference}});
    e.sections = fields("anchor", text("code-" + number),
                        "heading", text(o.with_name),
                        "description_heading", text(locale_.html("headings.description")),
                        "when_seen_heading", text(locale_.html("headings.when_seen")),
                        "how_to_fix_heading", text(locale_.html("headings.how_to_fix")),
                        "description", text(english(p.description, true)),
                        "when_seen", text(english(p.when_seen, true)),
                        "how_to_fix", text(e.how_to_fix));
    e.facts = {
        {locale_.html("facts.class"), o.class_label},
        {locale_.html("facts.class_meaning"), locale_.html(class_key(protocol, code.klass, "meaning"))},
        {locale_.html("facts.outcome"), locale_.html("values.outcome." + protocol.outcome_of(code))},
        {locale_.html("facts.retry"), locale_.html("values.retry." + code.retry)},
        {locale_.html("facts.defined_in"), reference},
        {locale_.html("facts.trigger"), trigger},
    };
    return out;
  }

 protected:
  const Locale& locale_;
  const SiteData& site_;
};

// Helpers bound to one page: where its links start from, on top of its locale's helpers.
class PageWriter : public LocaleWriter {
 public:
  PageWriter(const Page& page, const SiteData& site)
      : LocaleWriter(site.locales.get(page.locale), site), page_(page), inputs_(page_inputs(page)),
        prefix_(locale_prefix(page.locale, site.config.default_locale)) {}

  const std::string& prefix() const { return prefix_; }

  // The catalog data of this page, checked against what page_inputs() declares for it: the
  // fingerprint covers exactly that, so reading anything else would make rebuilds stale.
  const CodeOutlineStrings& outline(const Code& code) const {
    require(page_.protocol && inputs_.reads_outline(*page_.protocol) && belongs(code), "the outline of", code);
    return site_.localized.at({&locale_, &code}).outline;
  }
  const CodeEntryStrings& entry(const Code& code) const {
    require(page_.protocol && belongs(code) && inputs_.reads_entry(*page_.protocol, code), "the entry of", code);
    return site_.localized.at({&locale_, &code}).entry;
  }
  const CodeProse& prose(const Code& code) const {
    require(page_.protocol && belongs(code) && inputs_.reads_entry(*page_.protocol, code), "the prose of", code);
    return LocaleWriter::prose(code);
  }
  const std::string& protocol_summary(const Protocol& protocol) const {
    if (!inputs_.reads_outline(protocol)) {
      throw std::logic_error(std::string("the view of ") + page_.path + " reads the summary of " + protocol.id +
                             ", which page_inputs() does not declare");
    }
    return site_.protocol_summaries.at(&protocol);
  }

  // The 404 page is served at whatever URL was missing, so its links cannot be relative:
  // they start from the base URL's path instead.
  std::string href(const std::string& target) const {
    if (page_.kind == PageKind::not_found) return base_path_of(site_.config.base_url) + target;
    return relative_href(page_.path, target);
  }

  std::string link(const std::string& target, const std::string& label_html) const {
    return "<a href=\"" + escape_html(href(target)) + "\">" + label_html + "</a>";
  }

  // The title of the pair of `a` and `b`, in either order; `mark`: see LocaleWriter::pair_title.
  std::string pair_title(const Protocol& protocol, const Code& a, const Code& b, bool mark = true) const {
    const Code& low = a.number < b.number ? a : b;
    const Code& high = a.number < b.number ? b : a;
    if (mark) return outline(low).pair_titles.at(static_cast<size_t>(&high - protocol.codes.data()));
    return LocaleWriter::pair_title(protocol, low, outline(low), high, outline(high), mark);
  }

  ViewData crumb(const std::string& target, const std::string& label_html) const {
    return fields("href", text(href(target)), "label", text(label_html));
  }

  // The head, header and footer fields every page template uses, beyond its locale's shared
  // ones. `title_html` is the page's own title; `description` is plain text for the meta
  // description.
  ViewData base(const std::string& title_html, const std::string& description) const {
    const auto& config = site_.config;
    ViewData view;
    view["title"] = text(page_.kind == PageKind::home ? title_html
                                                      : locale_.frame("document_title", {{"page", title_html},
                                                                                         {"site", locale_.html("site.title")}}));
    view["page_title"] = text(title_html);
    view["description"] = text(escape_html(description));
    view["canonical"] = text(absolute(page_.path));
    // Hosts that serve 404.html for a missing path with status 200 would otherwise get it indexed.
    view["noindex"] = ViewData(page_.kind == PageKind::not_found);
    view["og_type"] = text(page_.kind == PageKind::code || page_.kind == PageKind::pair ? "article" : "website");
    view["home_href"] = text(href(home_path(prefix_)));
    view["stylesheet_href"] = text(href(site_.assets.path("style.css")));
    view["script_href"] = text(href(site_.assets.path("site.js")));
    ViewData languages = list(config.locales.size());
    ViewData alternates = list(config.locales.size() + 1);
    for (const auto& other_id : config.locales) {
      const Locale& other = site_.locales.get(other_id);
      std::string other_path = page_.kind == PageKind::not_found
                                   ? home_path(locale_prefix(other.id, config.default_locale))
                                   : path_in_locale(page_, other.id, config);
      append(languages, fields("lang", text(other.id),
                               "dir", text(other.dir),
                               "endonym", text(escape_html(other.endonym)),
                               "href", text(href(other_path)),
                               "current", ViewData(other.id == locale_.id)));
      append(alternates, fields("hreflang", text(other.id), "href", text(absolute(other_path))));
    }
    if (page_.kind != PageKind::not_found) {
      append(alternates, fields("hreflang", text("x-default"),
                                "href", text(absolute(path_in_locale(page_, config.default_locale, config)))));
      view["alternates"] = std::move(alternates);
    } else {
      view["alternates"] = list(0);
    }
    view["languages"] = std::move(languages);
    return view;
  }

  // An absolute URL for canonical links, alternates, the sitemap and structured data.
  std::string absolute(const std::string& path) const { return site_.config.base_url + path; }

  // Adds the breadcrumb trail (home, then the protocol index when there is one) and its JSON-LD.
  void add_breadcrumb(ViewData& view, const Protocol* protocol, const std::string& current_title_text,
                      json structured = nullptr) const {
    // Built by assignment and moves: nlohmann's nested initializer lists copy every level.
    ViewData crumbs = list(2);
    json items = json::array();
    auto add_item = [&](const std::string& target, const std::string& name) {
      json item;
      item["@type"] = "ListItem";
      item["position"] = items.size() + 1;
      item["name"] = name;
      item["item"] = absolute(target);
      items.push_back(std::move(item));
    };
    append(crumbs, crumb(home_path(prefix_), locale_.html("ui.home")));
    add_item(home_path(prefix_), locale_.text("ui.home"));
    if (protocol) {
      append(crumbs, crumb(protocol_path(prefix_, *protocol), escape_html(protocol->name)));
      add_item(protocol_path(prefix_, *protocol), protocol->name);
    }
    add_item(page_.path, current_title_text);
    view["breadcrumb"] = std::move(crumbs);
    json list;
    list["@type"] = "BreadcrumbList";
    list["itemListElement"] = std::move(items);
    json graph = json::array();
    graph.push_back(std::move(list));
    if (!structured.is_null()) graph.push_back(std::move(structured));
    json root;
    root["@context"] = "https://schema.org";
    root["@graph"] = std::move(graph);
    view["json_ld"] = text(script_json(root));
  }

  // JSON for a <script type="application/ld+json"> element: "<", ">" and "&" are escaped so no
  // catalog text can close the element.
  static std::string script_json(const json& value) {
    std::string text = value.dump();
    if (text.find_first_of("<>&") == std::string::npos) return text;  // most pages
    std::string out;
    out.reserve(text.size() + 64);
    for (char c : text) {
      if (c == '<') out += "\\u003c";
      else if (c == '>') out += "\\u003e";
      else if (c == '&') out += "\\u0026";
      else out += c;
    }
    return out;
  }

  // Plain-text frame output (for meta descriptions and JSON-LD): the frame escapes, so unescape.
  static std::string text_of_frame(const std::string& html) {
    std::string out;
    for (size_t i = 0; i < html.size(); ++i) {
      if (html[i] == '<') {
        i = html.find('>', i);
        if (i == std::string::npos) break;
        continue;
      }
      if (html[i] == '&') {
        static const std::pair<const char*, char> entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
        bool matched = false;
        for (const auto& [entity, c] : entities) {
          if (html.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
            out += c;
            i += std::char_traits<char>::length(entity) - 1;
            matched = true;
            break;
          }
        }
        if (matched) continue;
      }
      out += html[i];
    }
    return out;
  }

 private:
  bool belongs(const Code& code) const {
    const auto& codes = page_.protocol->codes;
    return &code >= codes.data() && &code < codes.data() + codes.size();
  }
  void require(bool declared, const char* what, const Code& code) const {
    if (!declared) {
      throw std::logic_error(std::string("the view of ") + page_.path + " reads " + what + " code " +
                             std::to_string(code.number) + ", which page_inputs() does not declare");
    }
  }

  const Page& page_;
  PageInputs inputs_;
  std::string prefix_;
};

ViewData home_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  ViewData view = w.base(l.html("site.title"), l.text("site.tagline"));
  view["heading"] = text(l.html("site.title"));
  view["search_index_href"] = text(w.href(search_index_path(l.id, site.config)));
  view["search_root_href"] = text(w.href(home_path(locale_prefix(l.id, site.config.default_locale))));
  view["tagline"] = text(l.html("site.tagline"));
  view["protocols_heading"] = text(l.html("ui.protocols"));
  ViewData protocols = list(site.catalog.protocols.size());
  for (const auto& protocol : site.catalog.protocols) {
    append(protocols, fields("href", text(w.href(protocol_path(w.prefix(), protocol))),
                             "label", text(w.protocol_text(protocol, "title")),
                             "title", text(w.english(escape_html(protocol.title))),
                             "summary", text(w.english(w.protocol_summary(protocol)))));
  }
  view["protocols"] = std::move(protocols);
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
  ViewData classes = list(protocol.class_outcomes.size());
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    ViewData codes = list(protocol.codes.size());
    for (const auto& code : protocol.codes) {
      if (code.klass != klass) continue;
      append(codes, fields("href", text(w.href(code_path(w.prefix(), protocol, code))),
                           "number", text(std::to_string(code.number)),
                           "name", text(w.outline(code).name),
                           "summary", text(w.entry(code).summary),
                           "search", text(escape_html(lowercase(std::to_string(code.number) + " " + code.name + " " +
                                                                w.prose(code).summary_text)))));
    }
    if (codes.is_empty_list()) continue;
    append(classes, fields("anchor", text("class-" + klass),
                           "heading", text(w.class_label(protocol, klass)),
                           "meaning", text(l.html(w.class_key(protocol, klass, "meaning"))),
                           "codes", std::move(codes)));
  }
  view["classes"] = std::move(classes);
  return view;
}

ViewData code_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& code = *page.code;
  const CodeOutlineStrings& outline = w.outline(code);
  const CodeEntryStrings& entry = w.entry(code);
  const std::string number = std::to_string(code.number);
  const std::string title_text = PageWriter::text_of_frame(outline.plain_title);
  // English pages add the summary itself; elsewhere it would be English inside another language.
  std::string description = PageWriter::text_of_frame(l.frame(
      "meta_code", {{"protocol", escape_html(protocol.name)}, {"code", number}, {"name", escape_html(code.name)}}));
  if (l.id == kContentLanguage) description += " " + w.prose(code).summary_text;
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

  // "Compare 214 with …", grouped by the other code's class.
  view["compare_heading"] = text(outline.compare_with);
  ViewData groups = list(protocol.class_outcomes.size());
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    ViewData links = list(protocol.codes.size());
    for (const auto& other : protocol.codes) {
      if (other.number == code.number || other.klass != klass) continue;
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
    if (protocol.codes[i].number != code.number) continue;
    if (i > 0) previous = &protocol.codes[i - 1];
    if (i + 1 < protocol.codes.size()) next = &protocol.codes[i + 1];
  }
  auto neighbour = [&](const Code* other, const char* label) -> ViewData {
    if (!other) return ViewData(false);
    return fields("href", text(w.href(code_path(w.prefix(), protocol, *other))),
                  "rel", text(label),
                  "label", text(l.html(std::string("ui.") + label + "_code")),
                  "title", text(w.outline(*other).title));
  };
  view["previous"] = neighbour(previous, "previous");
  view["next"] = neighbour(next, "next");
  return view;
}

ViewData pair_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& a = *page.code;
  const Code& b = *page.other;
  const CodeOutlineStrings& oa = w.outline(a);
  const CodeOutlineStrings& ob = w.outline(b);
  const CodeEntryStrings& ea = w.entry(a);
  const CodeEntryStrings& eb = w.entry(b);
  const std::string na = std::to_string(a.number), nb = std::to_string(b.number);
  const std::string proto = escape_html(protocol.name);
  const bool same_class = a.klass == b.klass;

  const std::string plain_title = w.pair_title(protocol, a, b, false);
  const std::string title_text = PageWriter::text_of_frame(plain_title);
  std::string description = PageWriter::text_of_frame(l.frame("meta_pair", {{"protocol", proto},
                                                                           {"code_a", na},
                                                                           {"name_a", escape_html(a.name)},
                                                                           {"code_b", nb},
                                                                           {"name_b", escape_html(b.name)}}));
  ViewData view = w.base(plain_title, description);
  view["heading"] = text(w.pair_title(protocol, a, b));
  json article;
  article["@type"] = "TechArticle";
  article["headline"] = title_text;
  article["description"] = description;
  article["inLanguage"] = l.id;
  article["url"] = w.absolute(page.path);
  json about = json::array();
  for (const Code* code : {&a, &b}) {
    json term;
    term["@type"] = "DefinedTerm";
    term["name"] = protocol.name + " " + std::to_string(code->number) + " " + code->name;
    term["url"] = w.absolute(code_path(w.prefix(), protocol, *code));
    about.push_back(std::move(term));
  }
  article["about"] = std::move(about);
  w.add_breadcrumb(view, &protocol, title_text, std::move(article));

  // Intro: the class sentence (one of two variants), then one sentence per code.
  std::string intro =
      same_class
          ? l.frame("intro_same_class",
                    {{"protocol", proto}, {"a", oa.with_name}, {"b", ob.with_name}, {"class", oa.class_in_sentence}})
          : l.frame("intro_different_class", {{"protocol", proto},
                                              {"a", oa.with_name},
                                              {"b", ob.with_name},
                                              {"class_a", oa.class_in_sentence},
                                              {"class_b", ob.class_in_sentence}});
  // Each meaning is its own span so a right-to-left stylesheet can give each English sentence its own line.
  intro += " <span class=\"meaning\">" + ea.meaning + "</span> <span class=\"meaning\">" + eb.meaning + "</span>";
  view["intro"] = text(std::move(intro));
  view["same_class"] = ViewData(same_class);
  ViewData codes = list(2);
  append(codes, ea.sections);
  append(codes, eb.sections);
  view["codes"] = std::move(codes);

  // Side by side.
  view["comparison_heading"] = text(l.html("headings.comparison"));
  view["code_column"] = text(l.html("facts.code"));
  view["code_a"] = text(oa.with_name);
  view["code_b"] = text(ob.with_name);
  ViewData rows = list(ea.facts.size());
  for (size_t i = 0; i < ea.facts.size(); ++i) {
    append(rows, fields("label", text(ea.facts[i].first), "a", text(ea.facts[i].second), "b", text(eb.facts[i].second)));
  }
  view["comparison"] = std::move(rows);

  // Key differences: the class contrast first when the classes differ, then meanings, then triggers.
  ViewData differences = list(5);
  if (!same_class) {
    append(differences, text(l.frame("class_contrast", {{"a", na},
                                                        {"b", nb},
                                                        {"class_a", oa.class_in_sentence},
                                                        {"class_b", ob.class_in_sentence}})));
  }
  append(differences, text(ea.protocol_meaning));
  append(differences, text(eb.protocol_meaning));
  append(differences, text(ea.trigger_line));
  append(differences, text(eb.trigger_line));
  view["key_differences_heading"] = text(l.html("headings.key_differences"));
  view["key_differences"] = std::move(differences);

  view["when_to_use_heading"] = text(l.html("headings.when_to_use"));
  ViewData when_to_use = list(2);
  append(when_to_use, fields("label", text(oa.use_label), "body", text(ea.how_to_fix)));
  append(when_to_use, fields("label", text(ob.use_label), "body", text(eb.how_to_fix)));
  view["when_to_use"] = std::move(when_to_use);

  view["learn_more_heading"] = text(l.html("headings.learn_more"));
  ViewData learn_more = list(5);
  append(learn_more, text(w.link(code_path(w.prefix(), protocol, a), oa.title)));
  append(learn_more, text(w.link(code_path(w.prefix(), protocol, b), ob.title)));
  append(learn_more, text(w.link(protocol_path(w.prefix(), protocol), w.protocol_text(protocol, "all_codes"))));
  append(learn_more, text(ea.rfc_line));
  append(learn_more, text(eb.rfc_line));
  view["learn_more"] = std::move(learn_more);

  // For each code, the comparisons next to this one (its pairs with the codes just before and
  // after the other code), then all of its comparisons on its own page. A constant number of
  // links per page keeps pages small however large the catalog grows.
  ViewData others = list(2);
  for (const Code* code : {&a, &b}) {
    const Code* partner = code == &a ? &b : &a;
    std::vector<const Code*> candidates;
    for (const auto& other : protocol.codes) {
      if (other.number != code->number) candidates.push_back(&other);
    }
    size_t at = 0;
    while (candidates[at] != partner) ++at;
    ViewData links = list(3);
    for (size_t i : {at - 1, at + 1}) {  // at - 1 wraps to a huge number when at == 0
      if (i >= candidates.size()) continue;
      const Code& other = *candidates[i];
      append(links, fields("href", text(w.href(pair_path(w.prefix(), protocol, *code, other))),
                           "label", text(w.pair_title(protocol, *code, other))));
    }
    append(links, fields("href", text(w.href(code_path(w.prefix(), protocol, *code)) + "#compare-heading"),
                         "label", text(w.outline(*code).compare_with)));
    append(others, fields("heading", text(w.outline(*code).other_pairs_heading), "links", std::move(links)));
  }
  view["other_pairs"] = std::move(others);
  return view;
}

ViewData not_found_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  ViewData view = w.base(l.html("ui.not_found_title"), l.text("ui.not_found_text"));
  view["heading"] = text(l.html("ui.not_found_title"));
  view["text"] = text(l.html("ui.not_found_text"));
  view["search_index_href"] = text(w.href(search_index_path(l.id, site.config)));
  view["search_root_href"] = text(w.href(home_path(locale_prefix(l.id, site.config.default_locale))));
  // Where the redirect script resolves reversed pair URLs and bare code URLs from.
  view["base_path"] = text(base_path_of(site.config.base_url));
  ViewData protocols = list(site.catalog.protocols.size());
  for (const auto& protocol : site.catalog.protocols) {
    append(protocols, fields("href", text(w.href(protocol_path(w.prefix(), protocol))),
                             "label", text(w.protocol_text(protocol, "title"))));
  }
  view["protocols"] = std::move(protocols);
  return view;
}

}  // namespace

SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           const Assets& assets) {
  SiteData site{config, catalog, locales, {}, {}, assets, {}, {}};
  for (const auto& protocol : catalog.protocols) {
    site.protocol_summaries[&protocol] = render_inline_markdown(protocol.summary);
    for (const auto& code : protocol.codes) {
      site.prose[&code] = {render_inline_markdown(code.summary), render_plain_text(code.summary),
                           render_markdown(code.description), render_markdown(code.when_seen),
                           render_markdown(code.how_to_fix)};
    }
  }
  // Each locale's strings are made on a thread of their own: with the titles of every pair, this
  // is the longest step before the first page renders.
  using CodeStrings = std::vector<std::pair<const Code*, LocalizedCode>>;
  std::vector<std::future<CodeStrings>> made;
  for (const auto& locale : locales.list) {
    made.push_back(std::async(std::launch::async, [&site, &locale] {
      LocaleWriter writer(locale, site);
      CodeStrings out;
      for (const auto& protocol : site.catalog.protocols) {
        const size_t first = out.size();
        for (const auto& code : protocol.codes) out.emplace_back(&code, writer.localize(protocol, code));
        for (size_t i = 0; i < protocol.codes.size(); ++i) {
          CodeOutlineStrings& low = out[first + i].second.outline;
          low.pair_titles.resize(protocol.codes.size());
          for (size_t j = i + 1; j < protocol.codes.size(); ++j) {
            low.pair_titles[j] = writer.pair_title(protocol, protocol.codes[i], low, protocol.codes[j],
                                                   out[first + j].second.outline, true);
          }
        }
      }
      return out;
    }));
  }
  for (size_t i = 0; i < locales.list.size(); ++i) {
    const Locale& locale = locales.list[i];
    site.chrome[&locale] = LocaleWriter(locale, site).chrome();
    for (auto& [code, strings] : made[i].get()) site.localized[{&locale, code}] = std::move(strings);
  }
  return site;
}

std::string search_index_path(const std::string& locale, const Config& config) {
  return locale_prefix(locale, config.default_locale) + "search.json";
}

std::string search_index(const std::string& locale, const SiteData& site) {
  std::string prefix = locale_prefix(locale, site.config.default_locale);
  json entries = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    for (const auto& code : protocol.codes) {
      // Paths are relative to the locale's home page, where the search box lives.
      entries.push_back({{"p", protocol.name},
                         {"c", std::to_string(code.number)},
                         {"n", code.name},
                         {"s", site.prose.at(&code).summary_text},
                         {"u", code_path("", protocol, code)}});
    }
  }
  return entries.dump() + "\n";
}

const FramePlaceholders& frame_placeholders() {
  // What each frame is given where the views above fill it: the two must agree.
  static const FramePlaceholders frames = {
      {"document_title", {"page", "site"}},
      {"code_title", {"protocol", "code", "name"}},
      {"pair_title", {"protocol", "code_a", "name_a", "code_b", "name_b"}},
      {"class_label", {"class", "name"}},
      {"class_in_sentence", {"class", "name"}},
      {"code_class", {"code", "class"}},
      {"intro_same_class", {"protocol", "a", "b", "class"}},
      {"intro_different_class", {"protocol", "a", "b", "class_a", "class_b"}},
      {"code_with_name", {"code", "name"}},
      {"meaning_line", {"code", "summary"}},
      {"class_contrast", {"a", "b", "class_a", "class_b"}},
      {"trigger_line", {"code", "trigger"}},
      {"use_which_item", {"code", "name"}},
      {"compare_with", {"code"}},
      {"learn_more_rfc", {"code", "reference"}},
      {"other_pairs", {"code"}},
      {"meta_code", {"protocol", "code", "name"}},
      {"meta_pair", {"protocol", "code_a", "name_a", "code_b", "name_b"}},
  };
  return frames;
}

std::vector<std::string> required_locale_keys(const Catalog& catalog) {
  std::vector<std::string> keys = {
      "meta.endonym", "meta.dir", "site.title", "site.tagline",
      "ui.skip_to_content", "ui.home", "ui.breadcrumb", "ui.languages", "ui.protocols",
      "ui.english_prose_note", "ui.not_found_title", "ui.not_found_text", "ui.footer", "ui.search_label",
      "ui.search_placeholder", "ui.search_no_results", "ui.previous_code", "ui.next_code", "ui.code_navigation",
      "meta.og_locale",
      "headings.description", "headings.when_seen", "headings.how_to_fix", "headings.key_differences",
      "headings.when_to_use", "headings.learn_more", "headings.comparison", "headings.facts",
      "facts.code", "facts.class", "facts.class_meaning", "facts.outcome", "facts.retry", "facts.defined_in",
      "facts.trigger",
      "values.outcome.success", "values.outcome.intermediate", "values.outcome.redirect", "values.outcome.transient",
      "values.outcome.permanent", "values.retry.not-needed", "values.retry.later", "values.retry.after-change",
      "values.retry.follow"};
  for (const auto& [frame, placeholders] : frame_placeholders()) keys.push_back("frames." + frame);
  for (const auto& protocol : catalog.protocols) {
    for (const char* field : {"title", "intro", "all_codes"}) keys.push_back("protocols." + protocol.id + "." + field);
    for (const auto& [klass, outcome] : protocol.class_outcomes) {
      keys.push_back("classes." + protocol.id + "." + klass + ".name");
      keys.push_back("classes." + protocol.id + "." + klass + ".meaning");
    }
  }
  return keys;
}

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
