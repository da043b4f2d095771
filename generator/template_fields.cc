#include "template_fields.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "mustache_tags.h"
#include "views.h"

namespace sitegen {

namespace {

using Stack = std::vector<const ViewData*>;

// A name as Mustache finds it: the innermost context that has its first part, then the rest
// of a dotted name inside that.
const ViewData* look_up(const Stack& stack, const std::string& name) {
  if (name == ".") return stack.back();
  const size_t dot = name.find('.');
  const std::string first = name.substr(0, dot);
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const ViewData* found = (*it)->is_object() ? (*it)->get(first) : nullptr;
    if (!found) continue;
    for (size_t at = dot; found && at != std::string::npos;) {
      const size_t next = name.find('.', at + 1);
      const std::string part = name.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
      found = found->is_object() ? found->get(part) : nullptr;
      at = next;
    }
    return found;
  }
  return nullptr;
}

// Where a name is used: file, line and column (of the tag's "{{").
using Use = std::tuple<std::string, int, int>;

struct Walk {
  const Templates& templates;
  std::map<Use, std::string> missing;  // use -> name, for every use a sample could not resolve
  std::set<Use> resolved;              // uses some sample resolved

  // Walks `source` (the file `file`) from `tag` on, in the context `stack`, until the section
  // `until` closes; returns the index after it.
  size_t walk(const std::string& file, const std::string& source, const std::vector<MustacheTag>& tags, size_t at,
              Stack& stack, const std::string& until, int depth) {
    while (at < tags.size()) {
      const MustacheTag& tag = tags[at++];
      if (tag.kind == '/' && tag.name == until) return at;
      if (tag.kind == '!' || tag.kind == '/' || tag.kind == '=') continue;
      if (tag.kind == '>') {
        auto partial = templates.partials_.find(tag.name);
        if (partial != templates.partials_.end() && depth < 8) {
          const std::vector<MustacheTag> inner = mustache_tags(partial->second);
          walk("templates/partials/" + tag.name + ".mustache", partial->second, inner, 0, stack, "", depth + 1);
        }
        continue;
      }
      const Position place = position_in(source, tag.begin);
      const Use use{file, place.line, place.column};
      const ViewData* found = look_up(stack, tag.name);
      if (found) {
        resolved.insert(use);
      } else {
        missing.emplace(use, tag.name);
      }
      if (tag.kind != '#' && tag.kind != '^') continue;
      // A section: entered, in mind, with its first item (a list), itself (an object) or the
      // same context (true); a section no sample enters is skipped, its names unjudged.
      const ViewData* inner = nullptr;
      if (found && tag.kind == '#') {
        if (found->is_list() && !found->list_value().empty()) inner = &found->list_value().front();
        if (found->is_object() || found->is_true() || found->is_string()) inner = found;
      }
      if (tag.kind == '^' && (!found || found->is_false() || found->is_empty_list())) inner = stack.back();
      if (inner) {
        stack.push_back(inner);
        at = walk(file, source, tags, at, stack, tag.name, depth);
        stack.pop_back();
      } else {
        at = skip(tags, at, tag.name);
      }
    }
    return at;
  }

  // The index after the section `name` that starts before `at` closes.
  static size_t skip(const std::vector<MustacheTag>& tags, size_t at, const std::string& name) {
    int depth = 1;
    for (; at < tags.size(); ++at) {
      if ((tags[at].kind == '#' || tags[at].kind == '^') && tags[at].name == name) ++depth;
      if (tags[at].kind == '/' && tags[at].name == name && --depth == 0) return at + 1;
    }
    return at;
  }
};

}  // namespace

void check_template_fields(const Templates& templates, const Plan& pages, const SiteData& site,
                           Diagnostics& diagnostics) {
  // A few pages of each kind: the first and the last, and a pair page with curated prose.
  std::map<PageKind, std::vector<Page>> samples;
  for (const Page& page : pages) {
    auto& kind = samples[page.kind];
    if (kind.size() < 2) {
      kind.push_back(page);
    } else {
      kind[1] = page;
    }
    if (page.kind == PageKind::pair && page.protocol->curated_pair(*page.code, *page.other) &&
        kind.size() < 3) {
      kind.push_back(page);
    }
  }
  Walk walk{templates, {}, {}};
  for (const auto& [kind, chosen] : samples) {
    const std::string name = page_kind_name(kind);
    auto source = templates.pages_.find(name);
    if (source == templates.pages_.end()) continue;
    const std::vector<MustacheTag> tags = mustache_tags(source->second);
    for (const Page& page : chosen) {
      const View view = make_view(page, site);
      Stack stack;
      if (view.shared) stack.push_back(view.shared);
      stack.push_back(&view.page);
      walk.walk("templates/" + name + ".mustache", source->second, tags, 0, stack, "", 0);
    }
  }
  for (const auto& [use, name] : walk.missing) {
    if (walk.resolved.count(use)) continue;
    diagnostics.warning(std::get<0>(use), Position{std::get<1>(use), std::get<2>(use)}, "",
                        "{{" + name + "}}: no page that uses this template has a field of this name, so it renders "
                        "empty; docs/TEMPLATES.md lists each page kind's fields");
  }
}

}  // namespace sitegen
