// PageInputs: what one page is made from, declared once per page kind. The fingerprint hashes
// exactly this, and the views read catalog data only through it (they throw on anything else).
#pragma once

#include <array>

#include "catalog.h"
#include "plan.h"

namespace sitegen {

// Beyond what every page reads (the sitegen binary, the settings, the templates, the assets and
// every string of its locale), the catalog data a page shows.
struct PageInputs {
  // Every protocol's outline: its header (name, title, summary, RFC, classes) and every code's
  // number, name, slug and class. The home and 404 pages list the protocols.
  bool every_outline = false;
  // One protocol's outline: a code or pair page names the other codes of its protocol (and of
  // the protocol it refines or that refines it, which its outline digest covers).
  const Protocol* outline = nullptr;
  // Every field of every code of one protocol: the protocol index shows each code's summary.
  const Protocol* every_entry_of = nullptr;
  // Every field of these codes: a code page's own code (and, for a dotted code, the same
  // condition in the protocol's other classes, whose summaries it shows), a pair page's two.
  std::array<const Code*, 3> entries{};
  // The curated prose of a pair page's two codes, when they have some. (Which pairs have some is
  // part of the outline: indexes and code pages list them.)
  const CuratedPair* curated = nullptr;

  bool reads_outline(const Protocol& protocol) const;
  bool reads_entry(const Protocol& protocol, const Code& code) const;
};

PageInputs page_inputs(const Page& page);

}  // namespace sitegen
