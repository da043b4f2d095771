#include "code_strings.h"

#include <future>

#include "html.h"
#include "markdown.h"

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
                       {{"class", escape_html(klass)}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
}

std::string LocaleWriter::class_label(const Protocol& protocol, const std::string& klass) const {
  return locale_.frame("class_label",
                       {{"class", escape_html(klass)}, {"name", locale_.html(class_key(protocol, klass, "name"))}});
}

std::string LocaleWriter::code_title(const Protocol& protocol, const Code& code, bool mark) const {
  return isolate(locale_.frame("code_title", {{"protocol", escape_html(protocol.name)},
                                              {"code", std::to_string(code.number)},
                                              {"name", mark ? name(code) : escape_html(code.name)}}),
                 mark);
}

std::string LocaleWriter::pair_title(const Protocol& protocol, const Code& a, const CodeOutlineStrings& a_text, const Code& b,
                       const CodeOutlineStrings& b_text, bool mark) const {
  return isolate(locale_.frame("pair_title", {{"protocol", escape_html(protocol.name)},
                                              {"code_a", std::to_string(a.number)},
                                              {"name_a", mark ? a_text.name : escape_html(a.name)},
                                              {"code_b", std::to_string(b.number)},
                                              {"name_b", mark ? b_text.name : escape_html(b.name)}}),
                 mark);
}

std::string LocaleWriter::pair_title_text(const Protocol& protocol, const Code& a, const Code& b) const {
  return locale_.frame_text("pair_title", {{"protocol", protocol.name},
                                           {"code_a", std::to_string(a.number)},
                                           {"name_a", a.name},
                                           {"code_b", std::to_string(b.number)},
                                           {"name_b", b.name}});
}

std::string LocaleWriter::isolate(const std::string& title, bool html) const {
  return html && locale_.dir == "rtl" ? "<bdi>" + title + "</bdi>" : title;
}

std::string LocaleWriter::protocol_text(const Protocol& protocol, const char* field) const {
  return locale_.html("protocols." + protocol.id + "." + field);
}

std::string LocaleWriter::meaning_line(const std::string& code_label, const Code& code) const {
  return locale_.frame("meaning_line", {{"code", code_label}, {"summary", english(prose(code).summary)}});
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
                      "search_no_results", text(locale_.html("ui.search_no_results")));
  view["english_note"] =
      locale_.id == kContentLanguage ? ViewData(false) : text(locale_.html("ui.english_prose_note"));
  view["breadcrumb"] = list(0);
  view["json_ld"] = ViewData(false);
  return view;
}

LocalizedCode LocaleWriter::localize(const Protocol& protocol, const Code& code) const {
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
  o.title_text = locale_.frame_text("code_title", {{"protocol", protocol.name}, {"code", number}, {"name", code.name}});
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

}  // namespace sitegen
