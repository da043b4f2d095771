#include "views.h"

#include <set>

#include "html.h"
#include "markdown.h"
#include "urls.h"

namespace sitegen {

namespace {

using json = nlohmann::json;

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

  // The head, header and footer fields every page template uses.
  json base(const std::string& title_html) const {
    const auto& config = site_.config;
    json view;
    view["lang"] = locale_.id;
    view["dir"] = locale_.dir;
    view["title"] = locale_.frame("document_title", {{"page", title_html}, {"site", locale_.html("site.title")}});
    view["site_title"] = locale_.html("site.title");
    view["home_href"] = href(home_path(prefix_));
    view["stylesheet_href"] = href(site_.stylesheet_path);
    view["ui"] = {{"skip_to_content", locale_.html("ui.skip_to_content")},
                  {"breadcrumb", locale_.html("ui.breadcrumb")},
                  {"languages", locale_.html("ui.languages")},
                  {"footer", locale_.html("ui.footer")}};
    json languages = json::array();
    for (const auto& other_id : config.locales) {
      const Locale& other = site_.locales.get(other_id);
      languages.push_back({{"lang", other.id},
                           {"dir", other.dir},
                           {"endonym", escape_html(other.endonym)},
                           {"href", href(page_.kind == PageKind::not_found
                                             ? home_path(locale_prefix(other.id, config.default_locale))
                                             : path_in_locale(page_, other.id, config))},
                           {"current", other.id == locale_.id}});
    }
    view["languages"] = languages;
    view["english_note"] = locale_.id == kContentLanguage ? json(false) : json(locale_.html("ui.english_prose_note"));
    return view;
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
  json view = w.base(l.html("site.title"));
  view["heading"] = l.html("site.title");
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
  view["breadcrumb"] = json::array();
  return view;
}

json protocol_view(const PageWriter& w, const Page& page) {
  const Locale& l = w.locale();
  const Protocol& protocol = *page.protocol;
  json view = w.base(w.protocol_text(protocol, "title"));
  view["heading"] = w.protocol_text(protocol, "title");
  view["intro"] = w.protocol_text(protocol, "intro");
  view["breadcrumb"] = json::array({w.crumb(home_path(w.prefix()), l.html("ui.home"))});
  json classes = json::array();
  for (const auto& [klass, outcome] : protocol.class_outcomes) {
    json codes = json::array();
    for (const auto& code : protocol.codes) {
      if (code.klass != klass) continue;
      codes.push_back({{"href", w.href(code_path(w.prefix(), protocol, code))},
                       {"number", std::to_string(code.number)},
                       {"name", w.name(code)},
                       {"summary", w.english(w.prose(code).summary)}});
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
  json view = w.base(w.code_title(protocol, code, false));
  view["heading"] = w.code_title(protocol, code);
  view["breadcrumb"] = json::array({w.crumb(home_path(w.prefix()), l.html("ui.home")),
                                    w.crumb(protocol_path(w.prefix(), protocol), escape_html(protocol.name))});
  view["class_line"] = l.frame("code_class", {{"code", std::to_string(code.number)},
                                              {"class", w.class_in_sentence(protocol, code.klass)}});
  view["summary"] = w.english(w.prose(code).summary);
  view["code"] = w.code_sections(code);
  view["facts_heading"] = l.html("headings.facts");
  json rows = json::array();
  for (const auto& [key, value] : w.facts(protocol, code)) rows.push_back({{"label", l.html(key)}, {"value", value}});
  view["facts"] = rows;
  view["compare_heading"] = l.frame("compare_with", {{"code", std::to_string(code.number)}});
  json compare = json::array();
  for (const auto& other : protocol.codes) {
    if (other.number == code.number) continue;
    compare.push_back({{"href", w.href(pair_path(w.prefix(), protocol, code, other))},
                       {"label", w.code_title(protocol, other)}});
  }
  view["compare"] = compare;
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

  json view = w.base(w.pair_title(protocol, a, b, false));
  view["heading"] = w.pair_title(protocol, a, b);
  view["breadcrumb"] = json::array({w.crumb(home_path(w.prefix()), l.html("ui.home")),
                                    w.crumb(protocol_path(w.prefix(), protocol), proto)});

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
  intro += " " + w.meaning_line(na, a) + " " + w.meaning_line(nb, b);
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
  return view;
}

json not_found_view(const PageWriter& w, const SiteData& site) {
  const Locale& l = w.locale();
  json view = w.base(l.html("ui.not_found_title"));
  view["heading"] = l.html("ui.not_found_title");
  view["text"] = l.html("ui.not_found_text");
  view["breadcrumb"] = json::array();
  json protocols = json::array();
  for (const auto& protocol : site.catalog.protocols) {
    protocols.push_back({{"href", w.href(protocol_path(w.prefix(), protocol))}, {"label", w.protocol_text(protocol, "title")}});
  }
  view["protocols"] = protocols;
  return view;
}

}  // namespace

SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           std::string stylesheet_path) {
  SiteData site{config, catalog, locales, {}, {}, std::move(stylesheet_path)};
  for (const auto& protocol : catalog.protocols) {
    site.protocol_summaries[&protocol] = render_inline_markdown(protocol.summary);
    for (const auto& code : protocol.codes) {
      site.prose[&code] = {render_inline_markdown(code.summary), render_markdown(code.description),
                           render_markdown(code.when_seen), render_markdown(code.how_to_fix)};
    }
  }
  return site;
}

std::vector<std::string> required_locale_keys(const Catalog& catalog) {
  std::vector<std::string> keys = {
      "meta.endonym", "meta.dir", "site.title", "site.tagline",
      "ui.skip_to_content", "ui.home", "ui.breadcrumb", "ui.languages", "ui.protocols",
      "ui.english_prose_note", "ui.not_found_title", "ui.not_found_text", "ui.footer",
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
