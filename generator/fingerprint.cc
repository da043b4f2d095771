#include "fingerprint.h"

#include <cstring>

#include "hash.h"

namespace sitegen {

namespace {

// Folds fields into one hash; each field is length-prefixed so "ab"+"c" differs from "a"+"bc".
class Hasher {
 public:
  Hasher() { text_.reserve(256); }
  Hasher& add(const std::string& field) {
    text_ += std::to_string(field.size());
    text_ += ':';
    text_ += field;
    return *this;
  }
  // A hash goes in as its 8 bytes behind a '#', which no length prefix starts with: this runs
  // for every page on every build.
  Hasher& add(uint64_t value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    text_ += '#';
    text_.append(bytes, sizeof bytes);
    return *this;
  }
  uint64_t done() const { return hash64(text_); }

 private:
  std::string text_;
};

uint64_t code_hash(const Code& code) {
  return Hasher()
      .add(std::to_string(code.number)).add(code.name).add(code.slug).add(code.klass).add(code.summary)
      .add(code.description).add(code.when_seen).add(code.how_to_fix).add(code.defined_in).add(code.trigger)
      .add(code.retry).add(code.outcome)
      .done();
}

}  // namespace

Fingerprints::Fingerprints(const Site& site) {
  const Config& config = site.config;
  Hasher global;
  global.add(SITEGEN_VERSION).add(config.title).add(config.base_url).add(config.default_locale);
  for (const auto& locale : config.locales) global.add(locale);
  // Every page's language switcher shows every locale's name and direction.
  for (const auto& locale : site.locales.list) global.add(locale.endonym).add(locale.dir);
  for (const auto& [name, source] : site.templates.pages_) global.add(name).add(source);
  for (const auto& [name, source] : site.templates.partials_) global.add(name).add(source);
  for (const auto& [name, path] : site.assets.paths) global.add(name).add(path);
  global_ = global.done();

  for (const auto& locale : site.locales.list) {
    Hasher strings;
    for (const auto& [key, text] : locale.strings_) strings.add(key).add(text);
    locales_[locale.id] = strings.done();
  }

  Hasher all, all_full;
  for (const auto& protocol : site.catalog.protocols) {
    Hasher outline;
    outline.add(protocol.id).add(protocol.name).add(protocol.title).add(protocol.summary).add(protocol.rfc);
    for (const auto& [klass, outcome] : protocol.class_outcomes) outline.add(klass).add(outcome);
    for (const auto& code : protocol.codes) {
      outline.add(std::to_string(code.number)).add(code.name).add(code.slug).add(code.klass);
      codes_[&code] = code_hash(code);
    }
    protocol_outline_[&protocol] = outline.done();
    Hasher full;
    full.add(protocol_outline_[&protocol]);
    for (const auto& code : protocol.codes) full.add(codes_[&code]);
    protocol_full_[&protocol] = full.done();
    all.add(protocol_outline_[&protocol]);
    all_full.add(protocol_full_[&protocol]);
  }
  all_protocols_ = all.done();
  all_protocols_full_ = all_full.done();
}

std::string Fingerprints::page(const Page& page) const {
  Hasher h;
  h.add(global_).add(page_kind_name(page.kind)).add(page.path).add(locales_.at(page.locale));
  switch (page.kind) {
    case PageKind::home:
    case PageKind::not_found:
      h.add(all_protocols_);
      break;
    case PageKind::protocol_index:
      h.add(protocol_full_.at(page.protocol));  // lists every code's summary
      break;
    case PageKind::code:
      h.add(protocol_outline_.at(page.protocol)).add(codes_.at(page.code));
      break;
    case PageKind::pair:
      h.add(protocol_outline_.at(page.protocol)).add(codes_.at(page.code)).add(codes_.at(page.other));
      break;
  }
  return fingerprint_hex(h.done());
}

std::string Fingerprints::hosting() const {
  return fingerprint_hex(Hasher().add(global_).add("hosting files").add(all_protocols_).done());
}

std::string Fingerprints::search_index(const std::string& locale) const {
  return fingerprint_hex(Hasher().add(global_).add("search index").add(locale).add(all_protocols_full_).done());
}

}  // namespace sitegen
