// libFuzzer target: a page template as arbitrary bytes (with the real partials beside it), checked
// and rendered with a view like the ones sitegen makes. Nothing may crash or hang.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "templates.h"
#include "work_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitegen::fuzz::WorkDir work(
      "sitegen-fuzz-template",
      {{"partials/head.mustache", "<title>{{{title}}}</title>{{#languages}}{{lang}}{{/languages}}"},
       {"partials/foot.mustache", "{{> head}}</body>"}});
  const std::string& dir = work.path;
  std::ofstream(dir + "/page.mustache", std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                                   static_cast<std::streamsize>(size));
  sitegen::Diagnostics diagnostics;
  sitegen::Templates templates = sitegen::Templates::load(dir, diagnostics);
  if (diagnostics.has_errors()) return 0;
  // A page's own fields over its locale's shared ones, as sitegen renders them.
  namespace mst = kainjow::mustache;
  static const mst::data shared = mst::object{{"lang", "fr"}, {"dir", "ltr"}};
  mst::data languages{mst::data::type::list};
  languages.push_back(mst::object{{"lang", "en"}});
  languages.push_back(mst::object{{"lang", "ar"}});
  mst::data codes{mst::data::type::list};
  codes.push_back(mst::object{{"number", "214"}, {"name", "Help"}});
  mst::data view = mst::object{{"title", "A &amp; B"},
                               {"languages", languages},
                               {"codes", codes},
                               {"flag", true},
                               {"empty", mst::data{mst::data::type::list}}};
  try {
    (void)templates.render("page", view, &shared);
  } catch (const std::runtime_error&) {
    // A template the library rejects at render time is reported, not a crash.
  }
  return 0;
}
