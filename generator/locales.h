// Locales: the UI strings of each language from locales/<id>.json, with English as the fallback.
// Sentence frames are Mustache strings with named placeholders, so a translator can reorder them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <initializer_list>
#include <vector>

#include "config.h"
#include "diagnostics.h"

namespace sitegen {

class Locale {
 public:
  std::string id;       // "fr"
  std::string dir;      // "ltr" or "rtl"
  std::string endonym;  // "Français"
  bool is_default = false;

  // The plain text of a dotted key ("headings.description"). Keys missing from this locale were
  // filled from the default locale at load time, so a missing key here is a bug in sitegen.
  const std::string& text(const std::string& key) const;
  // The same, HTML-escaped.
  std::string html(const std::string& key) const;
  bool has(const std::string& key) const { return strings_.count(key) > 0; }

  // A frame's values by placeholder name: {{"code", "214"}, {"name", name_html}}.
  using FrameValues = std::initializer_list<std::pair<const char*, std::string_view>>;
  // Renders the sentence frame "frames.<key>". The frame's own text is escaped; values are
  // inserted as given, so they must already be HTML (escaped text or trusted markup).
  std::string frame(const std::string& key, FrameValues html_values) const;
  // The same frame as plain text, with plain-text values: for meta descriptions and structured
  // data, which are not HTML.
  std::string frame_text(const std::string& key, FrameValues text_values) const;

  // Parses every frame once, after the strings are final (load_locales does it).
  void compile_frames();

  std::map<std::string, std::string> strings_;  // dotted key -> text

 private:
  struct CompiledFrame;
  std::map<std::string, std::shared_ptr<CompiledFrame>> frames_;  // "x" (of "frames.x") -> parsed template
};

struct Locales {
  std::vector<Locale> list;  // in sitegen.json order
  const Locale& get(const std::string& id) const;
};

// The placeholders each sentence frame is given, by frame name ("code_title" -> code, name, …).
using FramePlaceholders = std::map<std::string, std::vector<std::string>>;

// Loads locales/<id>.json for every locale in the config. Keys missing from a locale fall back
// to the default locale with a warning naming locale and key; required_keys lists keys the
// pages need, which the default locale must define. `frames`: every frame of every locale may use only the placeholders listed for it (an unknown
// one is an error naming that locale's file, the default locale's included).
Locales load_locales(const std::string& locales_dir, const Config& config,
                     const std::vector<std::string>& required_keys, Diagnostics& diagnostics,
                     const FramePlaceholders& frames = {});

// The {{placeholders}} used in a frame, sorted.
std::vector<std::string> placeholders_of(const std::string& frame);



}  // namespace sitegen
