#include "page_inputs.h"

#include <algorithm>

namespace sitegen {

bool PageInputs::reads_outline(const Protocol& protocol) const {
  return every_outline || outline == &protocol || every_entry_of == &protocol;
}

bool PageInputs::reads_entry(const Protocol& protocol, const Code& code) const {
  return every_entry_of == &protocol || std::find(entries.begin(), entries.end(), &code) != entries.end();
}

PageInputs page_inputs(const Page& page) {
  PageInputs inputs;
  switch (page.kind) {
    case PageKind::home:
    case PageKind::not_found:
      inputs.every_outline = true;
      break;
    case PageKind::protocol_index:
      inputs.every_entry_of = page.protocol;
      break;
    case PageKind::code:
      inputs.outline = page.protocol;
      inputs.entries = {page.code, nullptr, nullptr};
      // 5.7.1's page shows 4.7.1 (and 2.7.1 if there were one) with their summaries: at most the
      // two other classes of a dotted code.
      {
        size_t next = 1;
        for (const Code* other : page.protocol->other_classes_of(*page.code)) {
          if (next < inputs.entries.size()) inputs.entries[next++] = other;
        }
      }
      break;
    case PageKind::pair:
      inputs.outline = page.protocol;
      inputs.entries = {page.code, page.other, nullptr};
      inputs.curated = page.protocol->curated_pair(*page.code, *page.other);
      break;
  }
  return inputs;
}

}  // namespace sitegen
