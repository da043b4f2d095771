// PairPolicy: which pairs get a page under each policy; curated pairs always do.
#include <catch2/catch.hpp>

#include <set>

#include "pair_policy.h"

using namespace sitegen;

namespace {

// Dotted codes of two subjects in two classes: 4.1.1 4.2.2 5.1.1 5.1.2 5.2.2, and the curated
// pair 4.1.1 vs 5.2.2, which no policy but its own prose joins.
Protocol sample(PairPolicy policy) {
  Protocol protocol;
  protocol.id = "smtp-enhanced";
  protocol.pairs = policy;
  for (auto key : {CodeKey{4, 1, 1}, CodeKey{4, 2, 2}, CodeKey{5, 1, 1}, CodeKey{5, 1, 2}, CodeKey{5, 2, 2}}) {
    Code code;
    code.key = key;
    code.id = std::to_string(key[0]) + "." + std::to_string(key[1]) + "." + std::to_string(key[2]);
    code.klass = std::to_string(key[0]) + ".x.x";
    code.subject = "x." + std::to_string(key[1]) + ".x";
    protocol.codes.push_back(code);
  }
  CuratedPair curated;
  curated.low = "4.1.1";
  curated.high = "5.2.2";
  protocol.curated.push_back(curated);
  return protocol;
}

std::set<std::string> pages(const Protocol& protocol) {
  std::set<std::string> out;
  for_each_pair_page(protocol, [&](size_t i, size_t j) {
    CHECK(i < j);
    out.insert(protocol.codes[i].id + " vs " + protocol.codes[j].id);
  });
  return out;
}

}  // namespace

TEST_CASE("each pair policy gives pages to exactly its pairs, and to the curated ones", "[pair_policy]") {
  CHECK(pages(sample(PairPolicy::all)).size() == 10);
  CHECK(pages(sample(PairPolicy::same_class)) ==
        std::set<std::string>{"4.1.1 vs 4.2.2", "4.1.1 vs 5.2.2", "5.1.1 vs 5.1.2", "5.1.1 vs 5.2.2", "5.1.2 vs 5.2.2"});
  CHECK(pages(sample(PairPolicy::same_subject)) ==
        std::set<std::string>{"4.1.1 vs 5.1.1", "4.1.1 vs 5.1.2", "5.1.1 vs 5.1.2", "4.2.2 vs 5.2.2", "4.1.1 vs 5.2.2"});
  CHECK(pages(sample(PairPolicy::curated)) == std::set<std::string>{"4.1.1 vs 5.2.2"});
}

TEST_CASE("has_pair_page is symmetric, never pairs a code with itself and agrees with the count", "[pair_policy]") {
  for (PairPolicy policy : {PairPolicy::all, PairPolicy::same_class, PairPolicy::same_subject, PairPolicy::curated}) {
    const Protocol protocol = sample(policy);
    size_t count = 0;
    for (const auto& a : protocol.codes) {
      CHECK_FALSE(has_pair_page(protocol, a, a));
      for (const auto& b : protocol.codes) {
        CHECK(has_pair_page(protocol, a, b) == has_pair_page(protocol, b, a));
        if (a.key < b.key && has_pair_page(protocol, a, b)) ++count;
      }
    }
    CHECK(pair_page_count(protocol) == count);
    CHECK(pages(protocol).size() == count);
  }
}
