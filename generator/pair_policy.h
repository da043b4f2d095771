// PairPolicy: which pairs of a protocol's codes get a comparison page (protocol.json "pairs":
// all, same-class, same-subject or curated); the curated pairs always do.
#pragma once

#include <cstddef>

#include "catalog.h"

namespace sitegen {

// Whether the pair of `a` and `b` (two different codes of `protocol`) has a page.
bool has_pair_page(const Protocol& protocol, const Code& a, const Code& b);

// Calls visit(i, j) for every pair with a page, i < j indexes of protocol.codes, in the order
// the plan lists them (by the lower code, then the higher).
template <typename Visit>
void for_each_pair_page(const Protocol& protocol, Visit&& visit) {
  const size_t n = protocol.codes.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (has_pair_page(protocol, protocol.codes[i], protocol.codes[j])) visit(i, j);
    }
  }
}

// How many pair pages the protocol has.
size_t pair_page_count(const Protocol& protocol);

}  // namespace sitegen
