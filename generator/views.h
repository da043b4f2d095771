// Views: the data one template sees for one page. All sentence logic lives here and in
// code_strings (which intro variant, the class contrast, list items), so templates only place
// what they are given.
#pragma once

#include "code_strings.h"
#include "plan.h"
#include "view_data.h"

namespace sitegen {

// The data of one page, in two layers: the fields every page of its locale shares (head, header,
// footer; made once per locale) beneath the page's own fields, which win where both have a name.
struct View {
  const ViewData* shared = nullptr;
  ViewData page;
};

// The data of `page`'s template. Reads the catalog only through page_inputs(page): reading
// anything else throws std::logic_error, so a view cannot show what its fingerprint misses.
View make_view(const Page& page, const SiteData& site);

}  // namespace sitegen
