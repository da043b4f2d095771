#include "page_inputs.h"

namespace sitegen {

bool PageInputs::reads_outline(const Protocol& protocol) const {
  return every_outline || outline == &protocol || every_entry_of == &protocol;
}

bool PageInputs::reads_entry(const Protocol& protocol, const Code& code) const {
  return every_entry_of == &protocol || entries[0] == &code || entries[1] == &code;
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
      inputs.entries = {page.code, nullptr};
      break;
    case PageKind::pair:
      inputs.outline = page.protocol;
      inputs.entries = {page.code, page.other};
      inputs.curated = page.protocol->curated_pair(*page.code, *page.other);
      break;
  }
  return inputs;
}

}  // namespace sitegen
