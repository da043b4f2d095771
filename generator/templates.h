// Templates: the Mustache page templates and partials under templates/, parsed and checked once.
// Rendering turns a view (JSON data) into an HTML string; {{x}} escapes, {{{x}}} is for view HTML.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "diagnostics.h"

namespace sitegen {

class Templates {
 public:
  // Reads templates/*.mustache (pages) and templates/partials/*.mustache. Reports syntax
  // errors and references to partials that do not exist.
  static Templates load(const std::string& templates_dir, Diagnostics& diagnostics);

  bool has_page(const std::string& name) const { return pages_.count(name) > 0; }
  // Renders page template `name` ("code" for templates/code.mustache) with `view`.
  std::string render(const std::string& name, const nlohmann::json& view) const;

  std::map<std::string, std::string> pages_;     // name -> source
  std::map<std::string, std::string> partials_;  // name -> source

 private:
  struct Compiled;
  // Page templates with their partials spliced in, parsed once.
  std::map<std::string, std::shared_ptr<Compiled>> compiled_;
};

}  // namespace sitegen
