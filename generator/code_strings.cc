#include "code_strings.h"


#include <future>

#include "html.h"
#include "locale_keys.h"
#include "markdown.h"
#include "translations.h"

namespace sitegen {

std::string LocaleWriter::english(const std::string& html, bool block) const {
  return mark_english(html, locale_, block);
}

std::string LocaleWriter::name(const Code& code) const { return english(escape_html(code.name)); }

std::string LocaleWriter::class_key(const Protocol& protocol, const std::string& klass, const char* field) const {
  return "classes." + protocol.id + "." + klass + "." + field;
}

std::string LocaleWriter::class_in_sentence(const Protocol& protocol, const std::string& klass) const {
  return locale_.frame("class_in_sentence",
                       {{"class", escape_html(class_display(protocol.format, klass))}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
}

std::string LocaleWriter::class_label(const Protocol& protocol, const std::string& klass) const {
  return locale_.frame("class_label",
                       {{"class", escape_html(class_display(protocol.format, klass))}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
}

std::string LocaleWriter::code_title(const Protocol& protocol, const Code& code, bool mark) const {
  return isolate(locale_.frame("code_title", {{"protocol", escape_html(protocol.name)},
                                              {"code", code.id},
                                              {"name", mark ? name(code) : escape_html(code.name)}}),
                 mark);
}

std::string LocaleWriter::pair_title(const Protocol& protocol, const Code& a, const CodeOutlineStrings& a_text, const Code& b,
                       const CodeOutlineStrings& b_text, bool mark) const {
  return isolate(locale_.frame("pair_title", {{"protocol", escape_html(protocol.name)},
                                              {"code_a", a.id},
                                              {"name_a", mark ? a_text.name : escape_html(a.name)},
                                              {"code_b", b.id},
                                              {"name_b", mark ? b_text.name : escape_html(b.name)}}),
                 mark);
}

std::string LocaleWriter::pair_title_text(const Protocol& protocol, const Code& a, const Code& b) const {
  return locale_.frame_text("pair_title", {{"protocol", protocol.name},
                                           {"code_a", a.id},
                                           {"name_a", a.name},
                                           {"code_b", b.id},
                                           {"name_b", b.name}});
}

std::string LocaleWriter::isolate(const std::string& title, bool html) const {
  return html && locale_.dir == "rtl" ? "<bdi>" + title + "</bdi>" : title;
}

std::string LocaleWriter::protocol_text(const Protocol& protocol, const char* field) const {
  return locale_.html("protocols." + protocol.id + "." + field);
}

std::string LocaleWriter::meaning_line(const std::string& code_label, const Code& code) const {
  return locale_.frame("meaning_line", {{"code", code_label}, {"summary", prose(code).summary}});
}

ViewData LocaleWriter::chrome() const {
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
                      "search_no_results", text(locale_.html("ui.search_no_results")),
                      "search_count", text(locale_.html("ui.search_count")),
                      "search_failed", text(locale_.html("ui.search_failed")),
                      "class_jump", text(locale_.html("ui.class_jump")));
  view["english_note"] = ViewData(false);  // pages showing English prose say so (views.cc)
  view["breadcrumb"] = list(0);
  view["json_ld"] = ViewData(false);
  return view;
}

LocalizedCode LocaleWriter::localize(const Protocol& protocol, const Code& code) const {
  const CodeProse& p = prose(code);
  const std::string number = code.id;
  LocalizedCode out;
  CodeOutlineStrings& o = out.outline;
  o.name = name(code);
  o.with_name = locale_.frame("code_with_name", {{"code", number}, {"name", o.name}});
  o.class_in_sentence = class_in_sentence(protocol, code.klass);
  o.class_label = class_label(protocol, code.klass);
  o.title = code_title(protocol, code, true);
  o.plain_title = code_title(protocol, code, false);
  o.title_text = locale_.frame_text("code_title", {{"protocol", protocol.name}, {"code", number}, {"name", code.name}});
  o.use_label = locale_.frame("use_which_item", {{"code", number}, {"name", o.name}});
  o.compare_with = locale_.frame("compare_with", {{"code", number}});
  o.other_pairs_heading = locale_.frame("other_pairs", {{"code", number}});
  CodeEntryStrings& e = out.entry;
  e.summary = p.summary;
  e.meaning = meaning_line(number, code);
  const std::string& trigger = p.trigger;
  e.trigger = trigger;
  e.how_to_fix = p.how_to_fix;
  e.action = p.action;
  const std::string& outcome = protocol.outcome_of(code);
  e.outcome_phrase = locale_.html(value_key(protocol, "outcome_phrase", outcome));
  e.retry_phrase = locale_.html(value_key(protocol, "retry_phrase", code.retry));
  std::string reference =
      "<a href=\"" + escape_html(rfc_url(code.defined_in)) + "\">" + escape_html(code.defined_in) + "</a>";
  e.reference = reference;
  e.rfc_line = locale_.frame("learn_more_rfc", {{"code", number}, {"reference", reference}});
  e.sections = fields("anchor", text("code-" + number),
                      "heading", text(o.with_name),
                      "description_heading", text(locale_.html("headings.description")),
                      "when_seen_heading", text(locale_.html("headings.when_seen")),
                      "how_to_fix_heading", text(locale_.html("headings.how_to_fix")),
                      "description", text(p.description),
                      "when_seen", text(p.when_seen),
                      "how_to_fix", text(e.how_to_fix));
  e.facts = {
      {locale_.html("facts.class"), o.class_label},
      {locale_.html("facts.class_meaning"), locale_.html(class_key(protocol, code.klass, "meaning"))},
  };
  // Dotted codes: the subject (x.7.x Security or Policy Status, RFC 3463 §2) and what it covers.
  if (!code.subject.empty()) {
    const std::string subject = "subjects." + protocol.id + "." + code.subject + ".";
    e.facts.push_back({locale_.html("facts.subject"),
                       locale_.frame("class_label", {{"class", escape_html(code.subject)},
                                                     {"name", locale_.html(subject + "name")}})});
    e.facts.push_back({locale_.html("facts.subject_meaning"), locale_.html(subject + "meaning")});
  }
  e.facts.insert(e.facts.end(), {
      {locale_.html("facts.outcome"), locale_.html(value_key(protocol, "outcome", outcome))},
      {locale_.html("facts.retry"), locale_.html(value_key(protocol, "retry", code.retry))},
      {locale_.html("facts.defined_in"), reference},
      {locale_.html("facts.trigger"), trigger},
  });
  return out;
}

namespace {

// A code's English prose, rendered once for every locale that falls back to it.
struct EnglishProse {
  std::string summary, summary_text, description, when_seen, how_to_fix, action, trigger;
};

// One field in one locale: the current translation rendered by `render`, or the English marked.
template <typename Translations, typename Render>
std::string localized_field(const Translations& translations, const Locale& locale, const char* field,
                            const std::string& english_source, const std::string& english_html, bool block,
                            Render render, bool& in_english) {
  if (locale.id != kContentLanguage) {
    if (const TranslatedField* t = current_translation(translations, locale.id, field, english_source)) {
      return render(t->text);
    }
    in_english = true;
  }
  return mark_english(english_html, locale, block);
}

CodeProse localized_prose(const Code& code, const EnglishProse& english, const Locale& locale) {
  CodeProse p;
  bool summary = false, rest = false;
  const auto& t = code.translations;
  p.summary = localized_field(t, locale, "summary", code.summary, english.summary, false, render_inline_markdown, summary);
  p.summary_text = summary || locale.id == kContentLanguage
                       ? english.summary_text
                       : render_plain_text(t.at(locale.id).fields.at("summary").text);
  p.description = localized_field(t, locale, "description", code.description, english.description, true, render_markdown, rest);
  p.when_seen = localized_field(t, locale, "when_seen", code.when_seen, english.when_seen, true, render_markdown, rest);
  p.how_to_fix = localized_field(t, locale, "how_to_fix", code.how_to_fix, english.how_to_fix, true, render_markdown, rest);
  if (!code.action.empty()) {
    p.action = localized_field(t, locale, "action", code.action, english.action, false, render_inline_markdown, rest);
  }
  p.trigger = localized_field(t, locale, "trigger", code.trigger, english.trigger, false, escape_html, rest);
  p.summary_in_english = summary;
  p.any_in_english = summary || rest;
  return p;
}

ProtocolProse localized_prose(const Protocol& protocol, const std::string& summary_html, const Locale& locale) {
  ProtocolProse p;
  const auto& t = protocol.translations;
  p.title = localized_field(t, locale, "title", protocol.title, escape_html(protocol.title), false, escape_html,
                            p.any_in_english);
  p.summary = localized_field(t, locale, "summary", protocol.summary, summary_html, false, render_inline_markdown,
                              p.any_in_english);
  return p;
}

}  // namespace

SiteData prepare_site_data(const Config& config, const Catalog& catalog, const Locales& locales,
                           const Assets& assets) {
  SiteData site{config, catalog, locales, {}, {}, {}, assets, {}, {}};
  for (const auto& protocol : catalog.protocols) {
    const std::string summary = render_inline_markdown(protocol.summary);
    for (const auto& locale : locales.list) site.protocol_prose[{&locale, &protocol}] = localized_prose(protocol, summary, locale);
    for (const auto& pair : protocol.curated) {
      const std::string confusion = render_markdown(pair.confusion), tell_apart = render_markdown(pair.tell_apart),
                        example = render_markdown(pair.example);
      for (const auto& locale : locales.list) {
        CuratedProse& p = site.curated_prose[{&locale, &pair}];
        const auto& t = pair.translations;
        p.confusion = localized_field(t, locale, "confusion", pair.confusion, confusion, true, render_markdown, p.any_in_english);
        p.tell_apart = localized_field(t, locale, "tell_apart", pair.tell_apart, tell_apart, true, render_markdown, p.any_in_english);
        p.example = localized_field(t, locale, "example", pair.example, example, true, render_markdown, p.any_in_english);
      }
    }
    for (const auto& code : protocol.codes) {
      const EnglishProse english{render_inline_markdown(code.summary), render_plain_text(code.summary),
                                 render_markdown(code.description), render_markdown(code.when_seen),
                                 render_markdown(code.how_to_fix), render_inline_markdown(code.action),
                                 escape_html(code.trigger)};
      for (const auto& locale : locales.list) site.prose[{&locale, &code}] = localized_prose(code, english, locale);
    }
  }
  // Each locale's strings are made on a thread of their own: this is the longest step before the
  // first page renders.
  using CodeStrings = std::vector<std::pair<const Code*, LocalizedCode>>;
  std::vector<std::future<CodeStrings>> made;
  for (const auto& locale : locales.list) {
    made.push_back(std::async(std::launch::async, [&site, &locale] {
      LocaleWriter writer(locale, site);
      CodeStrings out;
      for (const auto& protocol : site.catalog.protocols) {
        for (const auto& code : protocol.codes) out.emplace_back(&code, writer.localize(protocol, code));
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

}  // namespace sitegen
