// libFuzzer target: a locale file as arbitrary bytes (loaded beside the real English one as the
// fallback), then every frame it defines rendered with HTML values. Nothing may crash, and a
// frame's own text must come out escaped: no raw "<" from the locale reaches a page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "locales.h"
#include "work_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitegen::fuzz::WorkDir work("sitegen-fuzz-locale", {{"en.json", R"({"meta": {"dir": "ltr", "endonym": "English"},
      "frames": {"a": "{{code}}: {{summary}}", "b": "{{x}} and {{y}}"}, "ui": {"home": "Home"}})"}});
  const std::string& dir = work.path;
  std::ofstream(dir + "/xx.json", std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                             static_cast<std::streamsize>(size));
  sitegen::Config config;
  config.locales = {"en", "xx"};
  sitegen::Diagnostics diagnostics;
  sitegen::Locales locales = sitegen::load_locales(dir, config, {"ui.home"}, diagnostics);
  const sitegen::Locale& locale = locales.get("xx");
  for (const auto& [key, text] : locale.strings_) {
    if (key.rfind("frames.", 0) != 0) continue;
    std::string html = locale.frame(key.substr(7), {{"code", "250"}, {"summary", "<span>ok</span>"}, {"x", "1"}});
    // The only markup in the result is what the values brought.
    std::string without_values = html;
    for (size_t at; (at = without_values.find("<span>ok</span>")) != std::string::npos;) without_values.erase(at, 15);
    if (without_values.find('<') != std::string::npos) std::abort();
  }
  return 0;
}
