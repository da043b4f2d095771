#include "views.h"

#include <cctype>
#include <set>

#include "html.h"
#include "markdown.h"
#include "urls.h"

namespace sitegen {

namespace {

using json = nlohmann::json;

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
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
  std::string pair_title(const Protocol& protocol, const Code& a, const LocalizedCode& a_text, const Code& b,
                         const LocalizedCode& b_text, bool mark) const {
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
  json chrome() const {
    json view;
    view["lang"] = locale_.id;
    view["dir"] = locale_.dir;
    view["site_title"] = locale_.html("site.title");
    view["og_locale"] = locale_.html("meta.og_locale");
    view["ui"] = {{"skip_to_content", locale_.html("ui.skip_to_content")},
                  {"breadcrumb", locale_.html("ui.breadcrumb")},
                  {"languages", locale_.html("ui.languages")},
                  {"footer", locale_.html("ui.footer")},
                  {"search_label", locale_.html("ui.search_label")},
                  {"search_placeholder", locale_.html("ui.search_placeholder")},
                  {"search_no_results", locale_.html("ui.search_no_results")}};
    view["english_note"] = locale_.id == kContentLanguage ? json(false) : json(locale_.html("ui.english_prose_note"));
    view["breadcrumb"] = json::array();
    view["json_ld"] = false;
    return view;
  }

  // Everything about one code that does not depend on the page showing it.
  LocalizedCode localize(const Protocol& protocol, const Code& code) const {
    const CodeProse& p = prose(code);
    const std::string number = std::to_string(code.number);
    LocalizedCode out;
    out.name = name(code);
    out.with_name = locale_.frame("code_with_name", {{"code", number}, {"name", out.name}});
    out.class_in_sentence = class_in_sentence(protocol, code.klass);
    out.class_label = class_label(protocol, code.klass);
    out.title = code_title(protocol, code, true);
    out.plain_title = code_title(protocol, code, false);
    out.summary = english(p.summary);
    out.meaning = meaning_line(number, code);
    out.protocol_meaning = meaning_line(escape_html(protocol.name) + " " + number, code);
    const std::string trigger = english(escape_html(code.trigger));
    out.trigger_line = locale_.frame("trigger_line", {{"code", number}, {"trigger", trigger}});
    out.use_label = locale_.frame("use_which_item", {{"code", number}, {"name", out.name}});
    out.how_to_fix = english(p.how_to_fix, true);
    std::string reference =
        "<a href=\"" + escape_html(rfc_url(code.defined_in)) + "\">" + escape_html(code.defined_in) + "</a>";
    out.rfc_line = locale_.frame("learn_more_rfc", {{"code", number}, {"reference", reference}});
    out.compare_with = locale_.frame("compare_with", {{"code", number}});
    out.other_pairs_heading = locale_.frame("other_pairs", {{"code", number}});
    out.sections = {{"anchor", "code-" + number},
                    {"heading", out.with_name},
                    {"description_heading", locale_.html("headings.description")},
                    {"when_seen_heading", locale_.html("headings.when_seen")},
                    {"how_to_fix_heading", locale_.html("headings.how_to_fix")},
                    {"description", english(p.description, true)},
                    {"when_seen", english(p.when_seen, true)},
                    {"how_to_fix", out.how_to_fix}};
    out.facts = {
        {locale_.html("facts.class"), out.class_label},
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
      : LocaleWriter(site.locales.get(page.locale), site), page_(page),
        prefix_(locale_prefix(page.locale, site.config.default_locale)) {}

  const std::string& prefix() const { return prefix_; }

  // The strings of `code` in this page's locale.
  const LocalizedCode& text(const Code& code) const { return site_.localized.at({&locale_, &code}); }

  // The 404 page is served at whatever URL was missing, so its links cannot be relative:
  // they start from the base URL's path instead.
  std::string href(const std::string& target) const {
    if (page_.kind == PageKind::not_found) return base_path_of(site_.config.base_url) + target;
    return relative_href(page_.path, target);
  }

  std::string link(const std::string& target, const std::string& label_html) const {
    return "<a href=\"" + escape_html(href(target)) + "\">" + label_html + "</a>";
  }

  std::string pair_title(const Protocol& protocol, const Code& a, const Code& b, bool mark = true) const {
    return LocaleWriter::pair_title(protocol, a, text(a), b, text(b), mark);
  }

  json crumb(const std::string& target, const std::string& label_html) const {
    json out;
    out["href"] = href(target);
    out["label"] = label_html;
    return out;
  }

  // The head, header and footer fields every page template uses. `title_html` is the page's own
  // title; `description` is plain text for the meta description.
  json base(const std::string& title_html, const std::string& description) const {
    const auto& config = site_.config;
    json view = site_.chrome.at(&locale_);
    view["title"] = page_.kind == PageKind::home
                        ? title_html
                        : locale_.frame("document_title", {{"page", title_html}, {"site", locale_.html("site.title")}});
    view["page_title"] = title_html;
    view["description"] = escape_html(description);
    view["canonical"] = absolute(page_.path);
    // Hosts that serve 404.html for a missing path with status 200 would otherwise get it indexed.
    view["noindex"] = page_.kind == PageKind::not_found;
    view["og_type"] = page_.kind == PageKind::code || page_.kind == PageKind::pair ? "article" : "website";
    view["home_href"] = href(home_path(prefix_));
    view["stylesheet_href"] = href(site_.assets.path("style.css"));
    view["script_href"] = href(site_.assets.path("site.js"));
    json languages = json::array();
    json alternates = json::array();
    for (const auto& other_id : config.locales) {
      const Locale& other = site_.locales.get(other_id);
      std::string other_path = page_.kind == PageKind::not_found
                                   ? home_path(locale_prefix(other.id, config.default_locale))
                                   : path_in_locale(page_, other.id, config);
      languages.push_back({{"lang", other.id},
                           {"dir", other.dir},
                           {"endonym", escape_html(other.endonym)},
                           {"href", href(other_path)},
                           {"current", other.id == locale_.id}});
      alternates.push_back({{"hreflang", other.id}, {"href", absolute(other_path)}});
    }
    if (page_.kind != PageKind::not_found) {
      alternates.push_back({{"hreflang", "x-default"}, {"href", absolute(path_in_locale(page_, config.default_locale, config))}});
      view["alternates"] = std::move(alternates);
    } else {
      view["alternates"] = json::array();
    }
    view["languages"] = std::move(languages);
    return view;
  }

  // An absolute URL for canonical links, alternates, the sitemap and structured data.
  std::string absolute(const std::string& path) const { return site_.config.base_url + path; }

  // Adds the breadcrumb trail (home, then the protocol index when there is one) and its JSON-LD.
  void add_breadcrumb(json& view, const Protocol* protocol, const std::string& current_title_text,
                      json structured = nullptr) const {
    // Built by assignment and moves: nlohmann's nested initializer lists copy every level.
    json crumbs = json::array();
    json items = json::array();
    auto add_item = [&](const std::string& target, const std::string& name) {
      json item;
      item["@type"] = "ListItem";
      item["position"] = items.size() + 1;
      item["name"] = name;
      item["item"] = absolute(target);
      items.push_back(std::move(item));
    };
    crumbs.push_back(crumb(home_path(prefix_), locale_.html("ui.home")));
    add_item(home_path(prefix_), locale_.text("ui.home"));
    if (protocol) {
      crumbs.push_back(crumb(protocol_path(prefix_, *protocol), escape_html(protocol->name)));
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
    view["json_ld"] = script_json(root);
  }

  // JSON for a <script type="application/ld+json"> element: "<", ">" and "&" are escaped so no
  // catalog text can close the element.
  static std::string script_json(const json& value) {
    std::string text = value.dump();
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
  const Page& page_;
  std::string prefix_;
};

json home_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  json view = w.base(l.html("site.title"), l.text("site.tagline"));
  view["heading"] = l.html("site.title");
  view["search_index_href"] = w.href(search_index_path(l.id, site.config));
  view["search_root_href"] = w.href(home_path(locale_prefix(l.id, site.config.default_locale)));
  view["tagline"] = l.html("site.tagline");
  view["protocols_heading"] = l.html("ui.protocols");
  json protocols = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    protocols.push_back({{"href", w.href(protocol_path(w.prefix(), protocol))},
                         {"label", w.protocol_text(protocol, "title")},
                         {"title", w.english(escape_html(protocol.title))},
                         {"summary", w.english(site.protocol_summaries.at(&protocol))}});
  }
  view["protocols"] = protocols;
  view["json_ld"] = PageWriter::script_json({{"@context", "https://schema.org"},
                                             {"@type", "WebSite"},
                                             {"name", l.text("site.title")},
                                             {"url", w.absolute(w.prefix())},
                                             {"inLanguage", l.id}});
  return view;
}

json protocol_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  json view = w.base(w.protocol_text(protocol, "title"), l.text("protocols." + protocol.id + ".intro"));
  view["heading"] = w.protocol_text(protocol, "title");
  view["intro"] = w.protocol_text(protocol, "intro");
  w.add_breadcrumb(view, nullptr, l.text("protocols." + protocol.id + ".title"));
  json classes = json::array();
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    json codes = json::array();
    for (const auto& code : protocol.codes) {
      if (code.klass != klass) continue;
      codes.push_back({{"href", w.href(code_path(w.prefix(), protocol, code))},
                       {"number", std::to_string(code.number)},
                       {"name", w.text(code).name},
                       {"summary", w.text(code).summary},
                       {"search", escape_html(lowercase(std::to_string(code.number) + " " + code.name + " " +
                                                        w.prose(code).summary_text))}});
    }
    if (codes.empty()) continue;
    classes.push_back({{"anchor", "class-" + klass},
                       {"heading", w.class_label(protocol, klass)},
                       {"meaning", l.html(w.class_key(protocol, klass, "meaning"))},
                       {"codes", codes}});
  }
  view["classes"] = classes;
  return view;
}

json code_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& code = *page.code;
  const LocalizedCode& text = w.text(code);
  const std::string number = std::to_string(code.number);
  const std::string title_text = PageWriter::text_of_frame(text.plain_title);
  // English pages add the summary itself; elsewhere it would be English inside another language.
  std::string description = PageWriter::text_of_frame(l.frame(
      "meta_code", {{"protocol", escape_html(protocol.name)}, {"code", number}, {"name", escape_html(code.name)}}));
  if (l.id == kContentLanguage) description += " " + w.prose(code).summary_text;
  json view = w.base(text.plain_title, description);
  view["heading"] = text.title;
  json term = {{"@type", "DefinedTerm"},
               {"name", title_text},
               {"termCode", number},
               {"description", w.prose(code).summary_text},
               {"url", w.absolute(page.path)},
               {"inDefinedTermSet", {{"@type", "DefinedTermSet"},
                                     {"name", l.text("protocols." + protocol.id + ".title")},
                                     {"url", w.absolute(protocol_path(w.prefix(), protocol))}}}};
  w.add_breadcrumb(view, &protocol, title_text, std::move(term));
  view["class_line"] = l.frame("code_class", {{"code", number}, {"class", text.class_in_sentence}});
  view["summary"] = text.summary;
  view["code"] = text.sections;
  view["facts_heading"] = l.html("headings.facts");
  json rows = json::array();
  for (const auto& [label, value] : text.facts) rows.push_back({{"label", label}, {"value", value}});
  view["facts"] = rows;

  // "Compare 214 with …", grouped by the other code's class.
  view["compare_heading"] = text.compare_with;
  json groups = json::array();
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    json links = json::array();
    for (const auto& other : protocol.codes) {
      if (other.number == code.number || other.klass != klass) continue;
      links.push_back({{"href", w.href(pair_path(w.prefix(), protocol, code, other))},
                       {"label", w.text(other).title}});
    }
    if (!links.empty()) groups.push_back({{"heading", w.class_label(protocol, klass)}, {"links", links}});
  }
  view["compare_groups"] = groups;

  // Previous and next code of the protocol.
  view["code_navigation"] = l.html("ui.code_navigation");
  const Code* previous = nullptr;
  const Code* next = nullptr;
  for (size_t i = 0; i < protocol.codes.size(); ++i) {
    if (protocol.codes[i].number != code.number) continue;
    if (i > 0) previous = &protocol.codes[i - 1];
    if (i + 1 < protocol.codes.size()) next = &protocol.codes[i + 1];
  }
  auto neighbour = [&](const Code* other, const char* label) -> json {
    if (!other) return false;
    return {{"href", w.href(code_path(w.prefix(), protocol, *other))},
            {"rel", label},
            {"label", l.html(std::string("ui.") + label + "_code")},
            {"title", w.text(*other).title}};
  };
  view["previous"] = neighbour(previous, "previous");
  view["next"] = neighbour(next, "next");
  return view;
}

json pair_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  const Code& a = *page.code;
  const Code& b = *page.other;
  const LocalizedCode& ta = w.text(a);
  const LocalizedCode& tb = w.text(b);
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
  json view = w.base(plain_title, description);
  view["heading"] = w.pair_title(protocol, a, b);
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
                    {{"protocol", proto}, {"a", ta.with_name}, {"b", tb.with_name}, {"class", ta.class_in_sentence}})
          : l.frame("intro_different_class", {{"protocol", proto},
                                              {"a", ta.with_name},
                                              {"b", tb.with_name},
                                              {"class_a", ta.class_in_sentence},
                                              {"class_b", tb.class_in_sentence}});
  // Each meaning is its own span so a right-to-left stylesheet can give each English sentence its own line.
  intro += " <span class=\"meaning\">" + ta.meaning + "</span> <span class=\"meaning\">" + tb.meaning + "</span>";
  view["intro"] = intro;
  view["same_class"] = same_class;
  view["codes"] = json::array({ta.sections, tb.sections});

  // Side by side.
  view["comparison_heading"] = l.html("headings.comparison");
  view["code_column"] = l.html("facts.code");
  view["code_a"] = ta.with_name;
  view["code_b"] = tb.with_name;
  json rows = json::array();
  for (size_t i = 0; i < ta.facts.size(); ++i) {
    rows.push_back({{"label", ta.facts[i].first}, {"a", ta.facts[i].second}, {"b", tb.facts[i].second}});
  }
  view["comparison"] = rows;

  // Key differences: the class contrast first when the classes differ, then meanings, then triggers.
  json differences = json::array();
  if (!same_class) {
    differences.push_back(l.frame("class_contrast", {{"a", na},
                                                     {"b", nb},
                                                     {"class_a", ta.class_in_sentence},
                                                     {"class_b", tb.class_in_sentence}}));
  }
  differences.push_back(ta.protocol_meaning);
  differences.push_back(tb.protocol_meaning);
  differences.push_back(ta.trigger_line);
  differences.push_back(tb.trigger_line);
  view["key_differences_heading"] = l.html("headings.key_differences");
  view["key_differences"] = differences;

  view["when_to_use_heading"] = l.html("headings.when_to_use");
  view["when_to_use"] = json::array({{{"label", ta.use_label}, {"body", ta.how_to_fix}},
                                     {{"label", tb.use_label}, {"body", tb.how_to_fix}}});

  view["learn_more_heading"] = l.html("headings.learn_more");
  view["learn_more"] = json::array({w.link(code_path(w.prefix(), protocol, a), ta.title),
                                    w.link(code_path(w.prefix(), protocol, b), tb.title),
                                    w.link(protocol_path(w.prefix(), protocol), w.protocol_text(protocol, "all_codes")),
                                    ta.rfc_line, tb.rfc_line});

  // For each code, the comparisons next to this one (its pairs with the codes just before and
  // after the other code), then all of its comparisons on its own page. A constant number of
  // links per page keeps pages small however large the catalog grows.
  json others = json::array();
  for (const Code* code : {&a, &b}) {
    const Code* partner = code == &a ? &b : &a;
    std::vector<const Code*> candidates;
    for (const auto& other : protocol.codes) {
      if (other.number != code->number) candidates.push_back(&other);
    }
    size_t at = 0;
    while (candidates[at] != partner) ++at;
    json links = json::array();
    for (size_t i : {at - 1, at + 1}) {  // at - 1 wraps to a huge number when at == 0
      if (i >= candidates.size()) continue;
      const Code& other = *candidates[i];
      links.push_back({{"href", w.href(pair_path(w.prefix(), protocol, *code, other))},
                       {"label", w.pair_title(protocol, code->number < other.number ? *code : other,
                                              code->number < other.number ? other : *code)}});
    }
    links.push_back({{"href", w.href(code_path(w.prefix(), protocol, *code)) + "#compare-heading"},
                     {"label", w.text(*code).compare_with}});
    others.push_back({{"heading", w.text(*code).other_pairs_heading}, {"links", links}});
  }
  view["other_pairs"] = others;
  return view;
}

json not_found_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  json view = w.base(l.html("ui.not_found_title"), l.text("ui.not_found_text"));
  view["heading"] = l.html("ui.not_found_title");
  view["text"] = l.html("ui.not_found_text");
  view["search_index_href"] = w.href(search_index_path(l.id, site.config));
  view["search_root_href"] = w.href(home_path(locale_prefix(l.id, site.config.default_locale)));
  // Where the redirect script resolves reversed pair URLs and bare code URLs from.
  view["base_path"] = base_path_of(site.config.base_url);
  json protocols = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    protocols.push_back({{"href", w.href(protocol_path(w.prefix(), protocol))}, {"label", w.protocol_text(protocol, "title")}});
  }
  view["protocols"] = protocols;
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
  for (const auto& locale : locales.list) {
    LocaleWriter writer(locale, site);
    site.chrome[&locale] = writer.chrome();
    for (const auto& protocol : catalog.protocols) {
      for (const auto& code : protocol.codes) site.localized[{&locale, &code}] = writer.localize(protocol, code);
    }
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

std::vector<std::string> required_locale_keys(const Catalog& catalog) {
  std::vector<std::string> keys = {
      "meta.endonym", "meta.dir", "site.title", "site.tagline",
      "ui.skip_to_content", "ui.home", "ui.breadcrumb", "ui.languages", "ui.protocols",
      "ui.english_prose_note", "ui.not_found_title", "ui.not_found_text", "ui.footer", "ui.search_label",
      "ui.search_placeholder", "ui.search_no_results", "ui.previous_code", "ui.next_code", "ui.code_navigation",
      "meta.og_locale", "frames.other_pairs", "frames.meta_code", "frames.meta_pair",
      "headings.description", "headings.when_seen", "headings.how_to_fix", "headings.key_differences",
      "headings.when_to_use", "headings.learn_more", "headings.comparison", "headings.facts",
      "facts.code", "facts.class", "facts.class_meaning", "facts.outcome", "facts.retry", "facts.defined_in",
      "facts.trigger",
      "values.outcome.success", "values.outcome.intermediate", "values.outcome.redirect", "values.outcome.transient",
      "values.outcome.permanent", "values.retry.not-needed", "values.retry.later", "values.retry.after-change",
      "values.retry.follow",
      "frames.document_title", "frames.code_title",
      "frames.pair_title", "frames.class_label", "frames.class_in_sentence", "frames.code_class",
      "frames.intro_same_class", "frames.intro_different_class", "frames.code_with_name", "frames.meaning_line",
      "frames.class_contrast", "frames.trigger_line", "frames.use_which_item", "frames.compare_with",
      "frames.learn_more_rfc"};
  for (const auto& protocol : catalog.protocols) {
    for (const char* field : {"title", "intro", "all_codes"}) keys.push_back("protocols." + protocol.id + "." + field);
    for (const auto& [klass, outcome] : protocol.class_outcomes) {
      keys.push_back("classes." + protocol.id + "." + klass + ".name");
      keys.push_back("classes." + protocol.id + "." + klass + ".meaning");
    }
  }
  return keys;
}

nlohmann::json make_view(const Page& page, const SiteData& site) {
  PageWriter writer(page, site);
  switch (page.kind) {
    case PageKind::home: return home_view(writer, site);
    case PageKind::protocol_index: return protocol_view(writer, page);
    case PageKind::code: return code_view(writer, page);
    case PageKind::pair: return pair_view(writer, page);
    case PageKind::not_found: return not_found_view(writer, site);
  }
  return {};
}

}  // namespace sitegen
