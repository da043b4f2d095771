#include "fingerprint.h"

#include "build_identity.h"
#include "page_inputs.h"

namespace sitegen {

namespace {

// A code's or protocol's translation into one locale: each field's text and source hash (which
// decide whether the pages show it).
void add_translation(DigestBuilder& h, const std::map<std::string, Translation>& translations,
                     const std::string& locale) {
  auto it = translations.find(locale);
  if (it == translations.end()) return;
  for (const auto& [field, translated] : it->second.fields) h.add(field).add(translated.text).add(translated.source);
}

Digest entry_digest(const Code& code, const std::string& locale) {
  DigestBuilder h;
  h.add(code.id).add(code.name).add(code.slug).add(code.klass).add(code.summary)
      .add(code.description).add(code.when_seen).add(code.how_to_fix).add(code.action).add(code.defined_in)
      .add(code.trigger).add(code.retry).add(code.outcome).add(code.retry_exception).add(code.subject);
  for (const auto& basic : code.basic_codes) h.add("basic").add(basic);
  for (const auto& refined : code.refined_by) h.add("refined by").add(refined);
  for (const auto& reply : code.replies) h.add("reply").add(reply.text).add(reply.product).add(reply.source);
  add_translation(h, code.translations, locale);
  return h.done();
}

}  // namespace

Fingerprints::Fingerprints(const Site& site) {
  const Config& config = site.config;
  DigestBuilder global;
  global.add(build_identity()).add(config.title).add(config.base_url).add(config.default_locale);
  for (const auto& locale : config.locales) global.add(locale);
  // Every page's language switcher shows every locale's name and direction.
  for (const auto& locale : site.locales.list) global.add(locale.endonym).add(locale.dir);
  for (const auto& [name, source] : site.templates.pages_) global.add(name).add(source);
  for (const auto& [name, source] : site.templates.partials_) global.add(name).add(source);
  for (const auto& [name, path] : site.assets.paths) global.add(name).add(path);
  global.add(site.assets.icon);  // every page links it
  global_ = global.done();
  site_default_locale_ = config.default_locale;
  hosting_ = config.hosting;

  for (const auto& locale : site.locales.list) {
    DigestBuilder strings;
    for (const auto& [key, text] : locale.strings_) strings.add(key).add(text);
    locales_[locale.id] = strings.done();

    const std::string& id = locale.id;
    DigestBuilder every_outline, every_entry;
    for (const auto& protocol : site.catalog.protocols) {
      DigestBuilder outline;
      outline.add(protocol.id).add(protocol.name).add(protocol.title).add(protocol.summary).add(protocol.rfc);
      add_translation(outline, protocol.translations, id);
      for (const auto& [klass, outcome] : protocol.class_outcomes) outline.add(klass).add(outcome);
      const CodeFormat& format = protocol.format;
      outline.add(std::to_string(static_cast<int>(format.kind)) + " " + std::to_string(format.digits) + " " +
                  std::to_string(format.min) + " " + std::to_string(format.max))
          .add(std::to_string(static_cast<int>(protocol.pairs))).add(protocol.refines).add(protocol.refined_by);
      for (const auto& range : format.ranges) {
        outline.add(range.klass).add(std::to_string(range.low) + "-" + std::to_string(range.high));
      }
      // A protocol's pages link the codes of the one it refines, or that refines it, by name.
      for (const std::string& related : {protocol.refines, protocol.refined_by}) {
        if (const Protocol* other = related.empty() ? nullptr : site.catalog.find(related)) {
          outline.add(other->id).add(other->name);
          for (const auto& code : other->codes) outline.add(code.id).add(code.name).add(code.slug).add(code.klass);
        }
      }
      for (const auto& code : protocol.codes) {
        outline.add(code.id).add(code.name).add(code.slug).add(code.klass);
        entries_[{id, &code}] = entry_digest(code, id);
      }
      for (const auto& pair : protocol.curated) {
        outline.add(pair.low).add(pair.high);
        DigestBuilder prose;
        prose.add(pair.confusion).add(pair.tell_apart).add(pair.example);
        add_translation(prose, pair.translations, id);
        curated_[{id, &pair}] = prose.done();
      }
      const Digest protocol_outline = outline.done();
      outlines_[{id, &protocol}] = protocol_outline;
      DigestBuilder full;
      full.add(protocol_outline);
      for (const auto& code : protocol.codes) full.add(entries_[{id, &code}]);
      every_entry_[{id, &protocol}] = full.done();
      every_outline.add(protocol_outline);
      every_entry.add(every_entry_[{id, &protocol}]);
    }
    every_outline_[id] = every_outline.done();
    every_entry_of_every_protocol_[id] = every_entry.done();
  }
}

Digest Fingerprints::page(const Page& page) const {
  const PageInputs inputs = page_inputs(page);
  const std::string& locale = page.locale;
  DigestBuilder h;
  h.add(global_).add(page_kind_name(page.kind)).add(page.path).add(locales_.at(locale));
  if (inputs.every_outline) h.add(every_outline_.at(locale));
  if (inputs.outline) h.add(outlines_.at({locale, inputs.outline}));
  if (inputs.every_entry_of) h.add(every_entry_.at({locale, inputs.every_entry_of}));
  for (const Code* code : inputs.entries) {
    if (code) h.add(entries_.at({locale, code}));
  }
  if (inputs.curated) h.add(curated_.at({locale, inputs.curated}));
  return h.done();
}

Digest Fingerprints::hosting() const {
  return DigestBuilder()
      .add(global_).add("hosting files").add(hosting_).add(every_outline_.at(site_default_locale_))
      .done();
}

Digest Fingerprints::search_index(const std::string& locale) const {
  return DigestBuilder()
      .add(global_).add("search index").add(locale).add(locales_.at(locale)).add(every_entry_of_every_protocol_.at(locale))
      .done();
}

}  // namespace sitegen
