// Templates: the Mustache page templates and partials under templates/, parsed and checked once.
// Rendering turns a view (kainjow data) into an HTML string; {{x}} escapes, {{{x}}} is for view HTML.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "diagnostics.h"

namespace sitegen {

// A page that cannot be rendered from its template (too large, or kainjow refused it): an error
// of the inputs, reported with the template's name.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Templates {
 public:
  // Reads templates/*.mustache (pages) and templates/partials/*.mustache. Reports syntax
  // errors and references to partials that do not exist.
  static Templates load(const std::string& templates_dir, Diagnostics& diagnostics);

  bool has_page(const std::string& name) const { return pages_.count(name) > 0; }
  // Renders page template `name` ("code" for templates/code.mustache) with `data`. A name `data`
  // lacks is looked up in `shared`, when given: the fields every page of a locale has in common,
  // made once instead of once per page.
  std::string render(const std::string& name, const kainjow::mustache::data& data,
                     const kainjow::mustache::data* shared = nullptr) const;

  std::map<std::string, std::string> pages_;     // name -> source
  std::map<std::string, std::string> partials_;  // name -> source

 private:
  struct Compiled;
  // Page templates with their partials spliced in, parsed once.
  std::map<std::string, std::shared_ptr<Compiled>> compiled_;
};

}  // namespace sitegen
