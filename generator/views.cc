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

// Helpers bound to one page: its locale, where links start from, and the shared site data.
class PageWriter {
 public:
  PageWriter(const Page& page, const SiteData& site)
      : page_(page), site_(site), locale_(site.locales.get(page.locale)),
        prefix_(locale_prefix(page.locale, site.config.default_locale)) {}

  const Locale& locale() const { return locale_; }
  const std::string& prefix() const { return prefix_; }

  // The 404 page is served at whatever URL was missing, so its links cannot be relative:
  // they start from the base URL's path instead.
  std::string href(const std::string& target) const {
    if (page_.kind == PageKind::not_found) return base_path_of(site_.config.base_url) + target;
    return relative_href(page_.path, target);
  }

  std::string link(const std::string& target, const std::string& label_html) const {
    return "<a href=\"" + escape_html(href(target)) + "\">" + label_html + "</a>";
  }

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

  // "214 (Help Message)"
  std::string code_with_name(const Code& code) const {
    return locale_.frame("code_with_name", {{"code", std::to_string(code.number)}, {"name", name(code)}});
  }

  // "SMTP 214 Help Message"; `mark` marks the name as English (not wanted in <title>).
  std::string code_title(const Protocol& protocol, const Code& code, bool mark = true) const {
    return isolate(locale_.frame("code_title", {{"protocol", escape_html(protocol.name)},
                                                {"code", std::to_string(code.number)},
                                                {"name", mark ? name(code) : escape_html(code.name)}}),
                   mark);
  }

  std::string pair_title(const Protocol& protocol, const Code& a, const Code& b, bool mark = true) const {
    return isolate(locale_.frame("pair_title", {{"protocol", escape_html(protocol.name)},
                                                {"code_a", std::to_string(a.number)},
                                                {"name_a", mark ? name(a) : escape_html(a.name)},
                                                {"code_b", std::to_string(b.number)},
                                                {"name_b", mark ? name(b) : escape_html(b.name)}}),
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

  json crumb(const std::string& target, const std::string& label_html) const {
    return {{"href", href(target)}, {"label", label_html}};
  }

  // The head, header and footer fields every page template uses. `title_html` is the page's own
  // title; `description` is plain text for the meta description.
  json base(const std::string& title_html, const std::string& description) const {
    const auto& config = site_.config;
    json view;
    view["lang"] = locale_.id;
    view["dir"] = locale_.dir;
    view["title"] = page_.kind == PageKind::home
                        ? title_html
                        : locale_.frame("document_title", {{"page", title_html}, {"site", locale_.html("site.title")}});
    view["page_title"] = title_html;
    view["site_title"] = locale_.html("site.title");
    view["description"] = escape_html(description);
    view["canonical"] = absolute(page_.path);
    // Hosts that serve 404.html for a missing path with status 200 would otherwise get it indexed.
    view["noindex"] = page_.kind == PageKind::not_found;
    view["og_type"] = page_.kind == PageKind::code || page_.kind == PageKind::pair ? "article" : "website";
    view["og_locale"] = locale_.html("meta.og_locale");
    view["home_href"] = href(home_path(prefix_));
    view["stylesheet_href"] = href(site_.assets.path("style.css"));
    view["script_href"] = href(site_.assets.path("site.js"));
    view["ui"] = {{"skip_to_content", locale_.html("ui.skip_to_content")},
                  {"breadcrumb", locale_.html("ui.breadcrumb")},
                  {"languages", locale_.html("ui.languages")},
                  {"footer", locale_.html("ui.footer")},
                  {"search_label", locale_.html("ui.search_label")},
                  {"search_placeholder", locale_.html("ui.search_placeholder")},
                  {"search_no_results", locale_.html("ui.search_no_results")}};
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
      view["alternates"] = alternates;
    } else {
      view["alternates"] = json::array();
    }
    view["languages"] = languages;
    view["english_note"] = locale_.id == kContentLanguage ? json(false) : json(locale_.html("ui.english_prose_note"));
    view["breadcrumb"] = json::array();
    view["json_ld"] = false;
    return view;
  }

  // An absolute URL for canonical links, alternates, the sitemap and structured data.
  std::string absolute(const std::string& path) const { return site_.config.base_url + path; }

  // Adds the breadcrumb trail (home, then the protocol index when there is one) and its JSON-LD.
  void add_breadcrumb(json& view, const Protocol* protocol, const std::string& current_title_text,
                      json structured = nullptr) const {
    json crumbs = json::array({crumb(home_path(prefix_), locale_.html("ui.home"))});
    json items = json::array({{{"@type", "ListItem"}, {"position", 1}, {"name", locale_.text("ui.home")},
                               {"item", absolute(home_path(prefix_))}}});
    if (protocol) {
      crumbs.push_back(crumb(protocol_path(prefix_, *protocol), escape_html(protocol->name)));
      items.push_back({{"@type", "ListItem"}, {"position", 2}, {"name", protocol->name},
                       {"item", absolute(protocol_path(prefix_, *protocol))}});
    }
    items.push_back({{"@type", "ListItem"}, {"position", items.size() + 1}, {"name", current_title_text},
                     {"item", absolute(page_.path)}});
    view["breadcrumb"] = crumbs;
    json graph = json::array({{{"@type", "BreadcrumbList"}, {"itemListElement", items}}});
    if (!structured.is_null()) graph.push_back(structured);
    view["json_ld"] = script_json({{"@context", "https://schema.org"}, {"@graph", graph}});
  }

  // JSON for a <script type="application/ld+json"> element: "<", ">" and "&" are escaped so no
  // catalog text can close the element.
  static std::string script_json(const json& value) {
    std::string text = value.dump();
    std::string out;
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

  // One code's three sections, as the code_section partial expects them.
  json code_sections(const Code& code) const {
    const CodeProse& p = prose(code);
    return {{"anchor", "code-" + std::to_string(code.number)},
            {"heading", locale_.frame("code_with_name", {{"code", std::to_string(code.number)}, {"name", name(code)}})},
            {"description_heading", locale_.html("headings.description")},
            {"when_seen_heading", locale_.html("headings.when_seen")},
            {"how_to_fix_heading", locale_.html("headings.how_to_fix")},
            {"description", english(p.description, true)},
            {"when_seen", english(p.when_seen, true)},
            {"how_to_fix", english(p.how_to_fix, true)}};
  }

  // The facts of one code, one value per row of the facts and comparison tables.
  std::vector<std::pair<std::string, std::string>> facts(const Protocol& protocol, const Code& code) const {
    std::string url = rfc_url(code.defined_in);
    return {
        {"facts.class", class_label(protocol, code.klass)},
        {"facts.class_meaning", locale_.html(class_key(protocol, code.klass, "meaning"))},
        {"facts.outcome", locale_.html("values.outcome." + protocol.outcome_of(code))},
        {"facts.retry", locale_.html("values.retry." + code.retry)},
        {"facts.defined_in", "<a href=\"" + escape_html(url) + "\">" + escape_html(code.defined_in) + "</a>"},
        {"facts.trigger", english(escape_html(code.trigger))},
    };
  }

 private:
  const Page& page_;
  const SiteData& site_;
  const Locale& locale_;
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
                       {"name", w.name(code)},
                       {"summary", w.english(w.prose(code).summary)},
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
  const std::string number = std::to_string(code.number);
  const std::string title_text = PageWriter::text_of_frame(w.code_title(protocol, code, false));
  // English pages add the summary itself; elsewhere it would be English inside another language.
  std::string description = PageWriter::text_of_frame(l.frame(
      "meta_code", {{"protocol", escape_html(protocol.name)}, {"code", number}, {"name", escape_html(code.name)}}));
  if (l.id == kContentLanguage) description += " " + w.prose(code).summary_text;
  json view = w.base(w.code_title(protocol, code, false), description);
  view["heading"] = w.code_title(protocol, code);
  json term = {{"@type", "DefinedTerm"},
               {"name", title_text},
               {"termCode", number},
               {"description", w.prose(code).summary_text},
               {"url", w.absolute(page.path)},
               {"inDefinedTermSet", {{"@type", "DefinedTermSet"},
                                     {"name", l.text("protocols." + protocol.id + ".title")},
                                     {"url", w.absolute(protocol_path(w.prefix(), protocol))}}}};
  w.add_breadcrumb(view, &protocol, title_text, term);
  view["class_line"] = l.frame("code_class", {{"code", number}, {"class", w.class_in_sentence(protocol, code.klass)}});
  view["summary"] = w.english(w.prose(code).summary);
  view["code"] = w.code_sections(code);
  view["facts_heading"] = l.html("headings.facts");
  json rows = json::array();
  for (const auto& [key, value] : w.facts(protocol, code)) rows.push_back({{"label", l.html(key)}, {"value", value}});
  view["facts"] = rows;

  // "Compare 214 with …", grouped by the other code's class.
  view["compare_heading"] = l.frame("compare_with", {{"code", number}});
  json groups = json::array();
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    json links = json::array();
    for (const auto& other : protocol.codes) {
      if (other.number == code.number || other.klass != klass) continue;
      links.push_back({{"href", w.href(pair_path(w.prefix(), protocol, code, other))},
                       {"label", w.code_title(protocol, other)}});
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
            {"title", w.code_title(protocol, *other)}};
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
  const std::string na = std::to_string(a.number), nb = std::to_string(b.number);
  const std::string proto = escape_html(protocol.name);
  const bool same_class = a.klass == b.klass;

  const std::string title_text = PageWriter::text_of_frame(w.pair_title(protocol, a, b, false));
  std::string description = PageWriter::text_of_frame(l.frame("meta_pair", {{"protocol", proto},
                                                                           {"code_a", na},
                                                                           {"name_a", escape_html(a.name)},
                                                                           {"code_b", nb},
                                                                           {"name_b", escape_html(b.name)}}));
  json view = w.base(w.pair_title(protocol, a, b, false), description);
  view["heading"] = w.pair_title(protocol, a, b);
  json article = {{"@type", "TechArticle"},
                  {"headline", title_text},
                  {"description", description},
                  {"inLanguage", l.id},
                  {"url", w.absolute(page.path)},
                  {"about", json::array({{{"@type", "DefinedTerm"}, {"name", protocol.name + " " + na + " " + a.name},
                                          {"url", w.absolute(code_path(w.prefix(), protocol, a))}},
                                         {{"@type", "DefinedTerm"}, {"name", protocol.name + " " + nb + " " + b.name},
                                          {"url", w.absolute(code_path(w.prefix(), protocol, b))}}})}};
  w.add_breadcrumb(view, &protocol, title_text, article);

  // Intro: the class sentence (one of two variants), then one sentence per code.
  std::string intro =
      same_class
          ? l.frame("intro_same_class", {{"protocol", proto},
                                         {"a", w.code_with_name(a)},
                                         {"b", w.code_with_name(b)},
                                         {"class", w.class_in_sentence(protocol, a.klass)}})
          : l.frame("intro_different_class", {{"protocol", proto},
                                              {"a", w.code_with_name(a)},
                                              {"b", w.code_with_name(b)},
                                              {"class_a", w.class_in_sentence(protocol, a.klass)},
                                              {"class_b", w.class_in_sentence(protocol, b.klass)}});
  // Each meaning is its own span so a right-to-left stylesheet can give each English sentence its own line.
  intro += " <span class=\"meaning\">" + w.meaning_line(na, a) + "</span> <span class=\"meaning\">" +
           w.meaning_line(nb, b) + "</span>";
  view["intro"] = intro;
  view["same_class"] = same_class;
  view["codes"] = json::array({w.code_sections(a), w.code_sections(b)});

  // Side by side.
  view["comparison_heading"] = l.html("headings.comparison");
  view["code_column"] = l.html("facts.code");
  view["code_a"] = w.code_with_name(a);
  view["code_b"] = w.code_with_name(b);
  json rows = json::array();
  auto facts_a = w.facts(protocol, a), facts_b = w.facts(protocol, b);
  for (size_t i = 0; i < facts_a.size(); ++i) {
    rows.push_back({{"label", l.html(facts_a[i].first)}, {"a", facts_a[i].second}, {"b", facts_b[i].second}});
  }
  view["comparison"] = rows;

  // Key differences: the class contrast first when the classes differ, then meanings, then triggers.
  json differences = json::array();
  if (!same_class) {
    differences.push_back(l.frame("class_contrast", {{"a", na},
                                                     {"b", nb},
                                                     {"class_a", w.class_in_sentence(protocol, a.klass)},
                                                     {"class_b", w.class_in_sentence(protocol, b.klass)}}));
  }
  differences.push_back(w.meaning_line(proto + " " + na, a));
  differences.push_back(w.meaning_line(proto + " " + nb, b));
  for (const Code* code : {&a, &b}) {
    differences.push_back(l.frame("trigger_line", {{"code", std::to_string(code->number)},
                                                   {"trigger", w.english(escape_html(code->trigger))}}));
  }
  view["key_differences_heading"] = l.html("headings.key_differences");
  view["key_differences"] = differences;

  view["when_to_use_heading"] = l.html("headings.when_to_use");
  json use = json::array();
  for (const Code* code : {&a, &b}) {
    use.push_back({{"label", l.frame("use_which_item", {{"code", std::to_string(code->number)}, {"name", w.name(*code)}})},
                   {"body", w.english(w.prose(*code).how_to_fix, true)}});
  }
  view["when_to_use"] = use;

  view["learn_more_heading"] = l.html("headings.learn_more");
  json more = json::array();
  more.push_back(w.link(code_path(w.prefix(), protocol, a), w.code_title(protocol, a)));
  more.push_back(w.link(code_path(w.prefix(), protocol, b), w.code_title(protocol, b)));
  more.push_back(w.link(protocol_path(w.prefix(), protocol), w.protocol_text(protocol, "all_codes")));
  for (const Code* code : {&a, &b}) {
    std::string reference = "<a href=\"" + escape_html(rfc_url(code->defined_in)) + "\">" +
                            escape_html(code->defined_in) + "</a>";
    more.push_back(l.frame("learn_more_rfc", {{"code", std::to_string(code->number)}, {"reference", reference}}));
  }
  view["learn_more"] = more;

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
                     {"label", l.frame("compare_with", {{"code", std::to_string(code->number)}})}});
    others.push_back({{"heading", l.frame("other_pairs", {{"code", std::to_string(code->number)}})}, {"links", links}});
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
  SiteData site{config, catalog, locales, {}, {}, assets};
  for (const auto& protocol : catalog.protocols) {
    site.protocol_summaries[&protocol] = render_inline_markdown(protocol.summary);
    for (const auto& code : protocol.codes) {
      site.prose[&code] = {render_inline_markdown(code.summary), render_plain_text(code.summary),
                           render_markdown(code.description), render_markdown(code.when_seen),
                           render_markdown(code.how_to_fix)};
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
