#include "templates.h"

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <regex>
#include <stdexcept>

#include "json_file.h"

namespace fs = std::filesystem;
namespace mst = kainjow::mustache;

namespace sitegen {

namespace {

// Partials come from the templates folder, never from the view, so a view field can't
// shadow a partial's name.
class PartialContext : public mst::context<std::string> {
 public:
  PartialContext(const mst::data* root, const std::map<std::string, mst::data>& partials)
      : mst::context<std::string>(root), partials_(partials) {}
  const mst::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, mst::data>& partials_;
};

mst::data to_mustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mst::data out{mst::data::type::object};
      for (const auto& [key, item] : value.items()) out.set(key, to_mustache(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mst::data out{mst::data::type::list};
      for (const auto& item : value) out.push_back(to_mustache(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mst::data(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mst::data(mst::data::type::bool_true) : mst::data(mst::data::type::bool_false);
    case nlohmann::json::value_t::null:
      return mst::data(mst::data::type::bool_false);
    default:
      return mst::data(value.dump());
  }
}

std::map<std::string, std::string> read_folder(const fs::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".mustache") {
      out[entry.path().stem().string()] = read_text_file(entry.path().string());
    }
  }
  return out;
}

// Line of the first occurrence of `needle`, for messages.
int line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

void check(const std::string& shown, const std::string& source, const std::map<std::string, std::string>& partials,
           Diagnostics& diagnostics) {
  mst::mustache parsed(source);
  if (!parsed.is_valid()) {
    diagnostics.error(shown, 0, "", "template syntax: " + parsed.error_message());
    return;
  }
  static const std::regex partial_tag("\\{\\{>\\s*([A-Za-z0-9_-]+)\\s*\\}\\}");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), partial_tag); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1].str();
    if (!partials.count(name)) {
      diagnostics.error(shown, line_of(source, (*it)[0].str()), "",
                        "uses the partial \"" + name + "\", but templates/partials/" + name + ".mustache does not exist");
    }
  }
}

}  // namespace

Templates Templates::load(const std::string& templates_dir, Diagnostics& diagnostics) {
  Templates templates;
  std::error_code ec;
  if (!fs::is_directory(templates_dir, ec)) {
    diagnostics.error("templates", 0, "", "the templates folder does not exist");
    return templates;
  }
  templates.pages_ = read_folder(templates_dir);
  templates.partials_ = read_folder(fs::path(templates_dir) / "partials");
  for (const auto& [name, source] : templates.pages_) {
    check("templates/" + name + ".mustache", source, templates.partials_, diagnostics);
  }
  for (const auto& [name, source] : templates.partials_) {
    check("templates/partials/" + name + ".mustache", source, templates.partials_, diagnostics);
  }
  return templates;
}

std::string Templates::render(const std::string& name, const nlohmann::json& view) const {
  auto page = pages_.find(name);
  if (page == pages_.end()) throw std::runtime_error("templates/" + name + ".mustache does not exist");
  std::map<std::string, mst::data> partials;
  for (const auto& [partial_name, source] : partials_) partials.emplace(partial_name, mst::data(source));
  mst::data data = to_mustache(view);
  PartialContext context(&data, partials);
  mst::mustache tmpl(page->second);
  std::string html = tmpl.render(context);
  if (!tmpl.is_valid()) throw std::runtime_error("templates/" + name + ".mustache: " + tmpl.error_message());
  return html;
}

}  // namespace sitegen
