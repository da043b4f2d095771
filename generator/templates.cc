#include "templates.h"

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "html.h"
#include "input_limits.h"
#include "json_file.h"
#include "mustache_tags.h"
#include "theme.h"

namespace fs = std::filesystem;
namespace mst = kainjow::mustache;

namespace sitegen {

namespace {

// Where kainjow's stream-style render writes a page: straight into the page's string.
struct StringSink {
  std::string& out;
};
StringSink& operator<<(StringSink& sink, const std::string& text) {
  sink.out += text;
  return sink;
}

// Every *.mustache entry of `dir` (`shown` in messages), by name without the extension. One that
// cannot be read (no permission, a folder, a FIFO, a broken symlink) is reported.
std::map<std::string, std::string> read_folder(const fs::path& dir, const std::string& shown, Diagnostics& diagnostics) {
  std::map<std::string, std::string> out;
  for (const auto& name : folder_entries(dir.string())) {
    const fs::path path = dir / name;
    if (path.extension() != ".mustache") continue;
    try {
      out[path.stem().string()] = read_text_file(path.string());
    } catch (const FileError& e) {
      diagnostics.error(shown + name, 0, "", e.reason());
    }
  }
  return out;
}

// Sections opened and never closed, closed without being open, or closed out of order, and tags
// with no "}}": each with the line and column of its tag (kainjow gives a byte offset only).
bool check_structure(const std::string& shown, const std::string& source, const std::vector<MustacheTag>& tags,
                     Diagnostics& diagnostics) {
  const int errors_before = diagnostics.error_count();
  std::vector<const MustacheTag*> open;
  for (const MustacheTag& tag : tags) {
    if (!tag.closed) {
      diagnostics.error(shown, position_in(source, tag.begin), "", "a tag is never closed: \"}}\" is missing");
      break;
    }
    if (tag.kind == '#' || tag.kind == '^') {
      open.push_back(&tag);
    } else if (tag.kind == '/') {
      if (open.empty()) {
        diagnostics.error(shown, position_in(source, tag.begin), "",
                          "closes the section \"" + tag.name + "\", which is not open");
        return false;
      }
      if (open.back()->name != tag.name) {
        const Position opened = position_in(source, open.back()->begin);
        diagnostics.error(shown, position_in(source, tag.begin), "",
                          "closes the section \"" + tag.name + "\" while \"" + open.back()->name + "\" (line " +
                              std::to_string(opened.line) + ") is still open");
        return false;
      }
      open.pop_back();
    }
  }
  for (const MustacheTag* tag : open) {
    diagnostics.error(shown, position_in(source, tag->begin), "",
                      "opens the section \"" + tag->name + "\", which is never closed ({{/" + tag->name + "}} is missing)");
  }
  return diagnostics.error_count() == errors_before;
}

void check(const std::string& shown, const std::string& source, const std::map<std::string, std::string>& partials,
           Diagnostics& diagnostics) {
  if (source.size() > kMaxTemplateBytes) {
    diagnostics.error(shown, 0, "", "is " + std::to_string(source.size()) + " bytes; the limit is " +
                                        std::to_string(kMaxTemplateBytes));
    return;
  }
  int depth = 0;
  const std::vector<MustacheTag> tags = mustache_tags(source);
  for (const MustacheTag& tag : tags) {
    if (tag.kind == '>' && tag.name.size() > kMaxPlaceholderBytes) {
      diagnostics.error(shown, position_in(source, tag.begin).line, "",
                        "uses a partial whose name is " + std::to_string(tag.name.size()) + " bytes long; no partial has such a name");
    } else if (tag.kind == '>' && !partials.count(tag.name)) {
      diagnostics.error(shown, position_in(source, tag.begin).line, "",
                        "uses the partial \"" + tag.name + "\", but templates/partials/" + tag.name +
                            ".mustache does not exist");
    } else if (tag.kind == '=') {
      diagnostics.error(shown, position_in(source, tag.begin).line, "", "changes the tag delimiters, which sitegen does not support");
      return;
    } else if (tag.kind == '#' || tag.kind == '^') {
      if (++depth > kMaxSectionDepth) {
        diagnostics.error(shown, position_in(source, tag.begin).line, "",
                          "nests sections deeper than " + std::to_string(kMaxSectionDepth) + " levels");
        return;
      }
    } else if (tag.kind == '/') {
      --depth;
    }
  }
  diagnostics.add_source(shown, source);  // so that messages quote the line
  if (!check_structure(shown, source, tags, diagnostics)) return;
  mst::mustache parsed(source);
  if (parsed.is_valid()) return;
  // What the scan above does not know: kainjow's message, its byte offset made a line and column.
  std::string message = parsed.error_message();
  const size_t at = message.rfind(" at ");
  if (at != std::string::npos && message.find_first_not_of("0123456789", at + 4) == std::string::npos && at + 4 < message.size()) {
    const Position where = position_in(source, std::stoul(message.substr(at + 4)));
    diagnostics.error(shown, where, "", "template syntax: " + message.substr(0, at));
  } else {
    diagnostics.error(shown, 0, "", "template syntax: " + message);
  }
}

// Splices partials into a template once, at load time, so a page is parsed a single time instead
// of re-parsing every partial on every page. Partials here are plain inclusions (no delimiter
// changes, no recursion), which makes this the same as Mustache's own partial expansion.
std::string expand_partials(const std::string& source, const std::map<std::string, std::string>& partials,
                            int depth = 0) {
  if (depth > kMaxPartialDepth) {
    throw std::runtime_error("partials nest more than " + std::to_string(kMaxPartialDepth) +
                             " deep (a partial includes itself?)");
  }
  std::string out;
  size_t last = 0;
  for (const MustacheTag& tag : mustache_tags(source)) {
    if (tag.kind != '>') continue;
    out.append(source, last, tag.begin - last);
    auto partial = partials.find(tag.name);
    if (partial != partials.end()) out += expand_partials(partial->second, partials, depth + 1);
    last = tag.end;
    if (out.size() > kMaxExpandedTemplateBytes) {
      throw std::runtime_error("with its partials spliced in, it is more than " +
                               std::to_string(kMaxExpandedTemplateBytes) + " bytes (partials that include each other?)");
    }
  }
  out.append(source, last, std::string::npos);
  if (out.size() > kMaxExpandedTemplateBytes) {
    throw std::runtime_error("with its partials spliced in, it is more than " +
                             std::to_string(kMaxExpandedTemplateBytes) + " bytes (partials that include each other?)");
  }
  return out;
}

}  // namespace

struct Templates::Compiled {
  explicit Compiled(const std::string& source) : tmpl(source) {}
  mst::mustache tmpl;
};

Templates Templates::load(const std::string& templates_dir, Diagnostics& diagnostics) {
  Templates templates;
  std::error_code ec;
  if (fs::is_directory(templates_dir, ec)) {
    templates.pages_ = read_folder(templates_dir, "templates/", diagnostics);
    templates.partials_ = read_folder(fs::path(templates_dir) / "partials", "templates/partials/", diagnostics);
  }
  // What the site does not provide comes from the default theme, a file at a time: a site can
  // override one partial and keep the rest (theme.h).
  for (const auto& [file, source] : builtin_files_in("templates/")) {
    if (fs::path(file).extension() == ".mustache") templates.pages_.emplace(fs::path(file).stem().string(), source);
  }
  for (const auto& [file, source] : builtin_files_in("templates/partials/")) {
    if (fs::path(file).extension() == ".mustache") templates.partials_.emplace(fs::path(file).stem().string(), source);
  }
  for (const auto& [name, source] : templates.partials_) {
    check("templates/partials/" + name + ".mustache", source, templates.partials_, diagnostics);
  }
  for (const auto& [name, source] : templates.pages_) {
    check("templates/" + name + ".mustache", source, templates.partials_, diagnostics);
  }
  // A template with errors is not parsed: what made it wrong (sections nested past the limit, a
  // partial bomb) would cost the parser all the memory there is.
  if (diagnostics.has_errors()) return templates;
  for (const auto& [name, source] : templates.pages_) {
    try {
      auto compiled = std::make_shared<Compiled>(expand_partials(source, templates.partials_));
      // {{value}} is escaped as every other text of the site is (kainjow's own escape goes a
      // character at a time, and writes "'" as &apos;, which HTML 4 did not know).
      compiled->tmpl.set_custom_escape(escape_html);
      if (compiled->tmpl.is_valid()) templates.compiled_[name] = compiled;
    } catch (const std::exception& e) {
      diagnostics.error("templates/" + name + ".mustache", 0, "", e.what());
    }
  }
  return templates;
}

std::string Templates::render(const std::string& name, const mst::data& data, const mst::data* shared) const {
  auto page = compiled_.find(name);
  if (page == compiled_.end()) throw std::runtime_error("templates/" + name + ".mustache does not exist or does not parse");
  mst::mustache& tmpl = page->second->tmpl;
  std::string html;
  html.reserve(32 * 1024);  // most pages fit, so the page is not copied as it grows
  // kainjow looks a name up from the last data pushed to the first, as in nested sections.
  mst::context<std::string> context;
  if (shared) context.push(shared);
  context.push(&data);
  StringSink sink{html};
  tmpl.render(context, sink);
  if (!tmpl.is_valid()) throw RenderError("templates/" + name + ".mustache: " + tmpl.error_message());
  if (html.size() > kMaxPageBytes) {
    throw RenderError("templates/" + name + ".mustache: a page it renders is " + std::to_string(html.size()) +
                      " bytes; the limit is " + std::to_string(kMaxPageBytes));
  }
  return html;
}

}  // namespace sitegen
