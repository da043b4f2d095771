// PageWriter: the helpers of one page on top of its locale's (LocaleWriter): where its links
// start from, the catalog data it may read (checked against page_inputs), and the head every
// page has: title, canonical and alternate URLs, language switcher, breadcrumb and JSON-LD.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "code_strings.h"
#include "html.h"
#include "page_inputs.h"
#include "plan.h"
#include "urls.h"

namespace sitegen {

// Helpers bound to one page: where its links start from, on top of its locale's helpers.
class PageWriter : public LocaleWriter {
 public:
  PageWriter(const Page& page, const SiteData& site)
      : LocaleWriter(site.locales.get(page.locale), site), page_(page), inputs_(page_inputs(page)),
        prefix_(locale_prefix(page.locale, site.config.default_locale)) {}

  const std::string& prefix() const { return prefix_; }

  // The catalog data of this page, checked against what page_inputs() declares for it: the
  // fingerprint covers exactly that, so reading anything else would make rebuilds stale.
  const CodeOutlineStrings& outline(const Code& code) const;
  const CodeEntryStrings& entry(const Code& code) const;
  const CodeProse& prose(const Code& code) const;
  const ProtocolProse& protocol_prose(const Protocol& protocol) const;
  const CuratedProse& curated(const CuratedPair& pair) const;

  // The 404 page is served at whatever URL was missing, so its links cannot be relative:
  // they start from the base URL's path instead.
  std::string href(const std::string& target) const;

  std::string link(const std::string& target, const std::string& label_html) const;

  // The title of the pair of `a` and `b`, in either order; `mark`: see LocaleWriter::pair_title.
  std::string pair_title(const Protocol& protocol, const Code& a, const Code& b, bool mark = true) const;

  ViewData crumb(const std::string& target, const std::string& label_html) const;

  // The head, header and footer fields every page template uses, beyond its locale's shared
  // ones. `title_html` is the page's own title; `description` is plain text for the meta
  // description.
  ViewData base(const std::string& title_html, const std::string& description) const;

  // An absolute URL for canonical links, alternates, the sitemap and structured data.
  std::string absolute(const std::string& path) const { return site_.config.base_url + path; }

  // Adds the breadcrumb trail (home, then the protocol index when there is one) and its JSON-LD.
  void add_breadcrumb(ViewData& view, const Protocol* protocol, const std::string& current_title_text,
                      nlohmann::json structured = nullptr) const;

  // JSON for a <script type="application/ld+json"> element: "<", ">" and "&" are escaped so no
  // catalog text can close the element.
  static std::string script_json(const nlohmann::json& value);

 private:
  bool belongs(const Code& code) const {
    const auto& codes = page_.protocol->codes;
    return &code >= codes.data() && &code < codes.data() + codes.size();
  }
  bool belongs_to_related(const Code& code) const;
  void require(bool declared, const char* what, const Code& code) const {
    if (!declared) {
      throw std::logic_error(std::string("the view of ") + page_.path + " reads " + what + " code " +
                             code.id + ", which page_inputs() does not declare");
    }
  }

  const Page& page_;
  PageInputs inputs_;
  std::string prefix_;
};

}  // namespace sitegen
