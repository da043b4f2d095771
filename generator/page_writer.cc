#include "page_writer.h"

#include <nlohmann/json.hpp>

namespace sitegen {

using json = nlohmann::json;

const CodeOutlineStrings& PageWriter::outline(const Code& code) const {
  require(page_.protocol && inputs_.reads_outline(*page_.protocol) && (belongs(code) || belongs_to_related(code)),
          "the outline of", code);
  return site_.localized.at({&locale_, &code}).outline;
}

// A protocol's outline digest covers the outline of the protocol it refines or that refines it
// (fingerprint.cc), whose codes its code pages link by name.
bool PageWriter::belongs_to_related(const Code& code) const {
  for (const std::string& id : {page_.protocol->refines, page_.protocol->refined_by}) {
    const Protocol* related = id.empty() ? nullptr : site_.catalog.find(id);
    if (related && &code >= related->codes.data() && &code < related->codes.data() + related->codes.size()) return true;
  }
  return false;
}

const CodeEntryStrings& PageWriter::entry(const Code& code) const {
  require(page_.protocol && belongs(code) && inputs_.reads_entry(*page_.protocol, code), "the entry of", code);
  return site_.localized.at({&locale_, &code}).entry;
}

const CodeProse& PageWriter::prose(const Code& code) const {
  require(page_.protocol && belongs(code) && inputs_.reads_entry(*page_.protocol, code), "the prose of", code);
  return LocaleWriter::prose(code);
}

const ProtocolProse& PageWriter::protocol_prose(const Protocol& protocol) const {
  if (!inputs_.reads_outline(protocol)) {
    throw std::logic_error(std::string("the view of ") + page_.path + " reads the summary of " + protocol.id +
                           ", which page_inputs() does not declare");
  }
  return site_.protocol_prose.at({&locale_, &protocol});
}

const CuratedProse& PageWriter::curated(const CuratedPair& pair) const {
  if (inputs_.curated != &pair) {
    throw std::logic_error(std::string("the view of ") + page_.path + " reads the curated pair " + pair.file +
                           ", which page_inputs() does not declare");
  }
  return site_.curated_prose.at({&locale_, &pair});
}

std::string PageWriter::href(const std::string& target) const {
  if (page_.kind == PageKind::not_found) return base_path_of(site_.config.base_url) + target;
  return relative_href(page_.path, target);
}

std::string PageWriter::link(const std::string& target, const std::string& label_html) const {
  return "<a href=\"" + escape_html(href(target)) + "\">" + label_html + "</a>";
}

std::string PageWriter::pair_title(const Protocol& protocol, const Code& a, const Code& b, bool mark) const {
  const Code& low = a.key < b.key ? a : b;
  const Code& high = a.key < b.key ? b : a;
  return LocaleWriter::pair_title(protocol, low, outline(low), high, outline(high), mark);
}

ViewData PageWriter::crumb(const std::string& target, const std::string& label_html) const {
  return fields("href", text(href(target)), "label", text(label_html));
}

ViewData PageWriter::base(const std::string& title_html, const std::string& description) const {
  const auto& config = site_.config;
  ViewData view;
  view["title"] = text(page_.kind == PageKind::home ? title_html
                                                    : locale_.frame("document_title", {{"page", title_html},
                                                                                       {"site", locale_.html("site.title")}}));
  view["page_title"] = text(title_html);
  view["description"] = text(escape_html(description));
  view["canonical"] = text(absolute(page_.path));
  // Hosts that serve 404.html for a missing path with status 200 would otherwise get it indexed.
  view["noindex"] = ViewData(page_.kind == PageKind::not_found);
  view["og_type"] = text(page_.kind == PageKind::code || page_.kind == PageKind::pair ? "article" : "website");
  view["home_href"] = text(href(home_path(prefix_)));
  // Every page but those with a search of their own sends the words typed in its header's search
  // box to the home page's (?q=…); without JavaScript the box still leads to the home page.
  view["header_search"] = page_.kind == PageKind::home || page_.kind == PageKind::not_found
                              ? ViewData(false)
                              : fields("href", text(href(home_path(prefix_))));
  view["stylesheet_href"] = text(href(site_.assets.path("style.css")));
  view["script_href"] = text(href(site_.assets.path("site.js")));
  view["icon_href"] = site_.assets.icon.empty() ? ViewData(false) : text(href(site_.assets.icon));
  ViewData languages = list(config.locales.size());
  ViewData alternates = list(config.locales.size() + 1);
  for (const auto& other_id : config.locales) {
    const Locale& other = site_.locales.get(other_id);
    std::string other_path = page_.kind == PageKind::not_found
                                 ? home_path(locale_prefix(other.id, config.default_locale))
                                 : path_in_locale(page_, other.id, config);
    append(languages, fields("lang", text(other.id),
                             "dir", text(other.dir),
                             "endonym", text(escape_html(other.endonym)),
                             "href", text(href(other_path)),
                             "current", ViewData(other.id == locale_.id)));
    append(alternates, fields("hreflang", text(other.id), "href", text(absolute(other_path))));
  }
  if (page_.kind != PageKind::not_found) {
    append(alternates, fields("hreflang", text("x-default"),
                              "href", text(absolute(path_in_locale(page_, config.default_locale, config)))));
    view["alternates"] = std::move(alternates);
  } else {
    view["alternates"] = list(0);
  }
  view["languages"] = std::move(languages);
  return view;
}

void PageWriter::add_breadcrumb(ViewData& view, const Protocol* protocol, const std::string& current_title_text,
                    json structured) const {
  // Built by assignment and moves: nlohmann's nested initializer lists copy every level.
  ViewData crumbs = list(2);
  json items = json::array();
  auto add_item = [&](const std::string& target, const std::string& name) {
    json item;
    item["@type"] = "ListItem";
    item["position"] = items.size() + 1;
    item["name"] = name;
    item["item"] = absolute(target);
    items.push_back(std::move(item));
  };
  append(crumbs, crumb(home_path(prefix_), locale_.html("ui.home")));
  add_item(home_path(prefix_), locale_.text("ui.home"));
  if (protocol) {
    append(crumbs, crumb(protocol_path(prefix_, *protocol), escape_html(protocol->name)));
    add_item(protocol_path(prefix_, *protocol), protocol->name);
  }
  add_item(page_.path, current_title_text);
  view["breadcrumb"] = std::move(crumbs);
  json list;
  list["@type"] = "BreadcrumbList";
  list["itemListElement"] = std::move(items);
  json graph = json::array();
  graph.push_back(std::move(list));
  if (!structured.is_null()) graph.push_back(std::move(structured));
  json root;
  root["@context"] = "https://schema.org";
  root["@graph"] = std::move(graph);
  view["json_ld"] = text(script_json(root));
}

std::string PageWriter::script_json(const json& value) {
  std::string text = value.dump();
  if (text.find_first_of("<>&") == std::string::npos) return text;  // most pages
  std::string out;
  out.reserve(text.size() + 64);
  for (char c : text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

}  // namespace sitegen
