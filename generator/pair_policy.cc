#include "pair_policy.h"

namespace sitegen {

bool has_pair_page(const Protocol& protocol, const Code& a, const Code& b) {
  if (a.id == b.id) return false;
  switch (protocol.pairs) {
    case PairPolicy::all: return true;
    case PairPolicy::same_class:
      if (a.klass == b.klass) return true;
      break;
    case PairPolicy::same_subject:
      if (a.subject == b.subject) return true;
      break;
    case PairPolicy::curated: break;
  }
  return protocol.curated_pair(a, b) != nullptr;
}

size_t pair_page_count(const Protocol& protocol) {
  if (protocol.pairs == PairPolicy::all) {
    const size_t n = protocol.codes.size();
    return n * (n > 0 ? n - 1 : 0) / 2;
  }
  size_t count = 0;
  for_each_pair_page(protocol, [&](size_t, size_t) { ++count; });
  return count;
}

}  // namespace sitegen
