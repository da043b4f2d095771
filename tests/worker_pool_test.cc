#include <catch2/catch.hpp>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "worker_pool.h"

using namespace sitegen;

TEST_CASE("every index runs once, on any number of threads, with or without a tick", "[worker_pool]") {
  for (unsigned threads : {1u, 2u, 7u}) {
    for (bool with_tick : {false, true}) {
      std::vector<std::atomic<int>> runs(1000);
      std::atomic<int> ticks{0};
      for_each_index(runs.size(), threads, [&](size_t i) { ++runs[i]; },
                     with_tick ? std::function<void()>([&] { ++ticks; }) : nullptr);
      for (const auto& count : runs) CHECK(count == 1);
    }
  }
}

TEST_CASE("the first exception stops the jobs and reaches the caller", "[worker_pool]") {
  std::atomic<int> started{0};
  CHECK_THROWS_AS(for_each_index(100000, 2,
                                 [&](size_t i) {
                                   ++started;
                                   if (i == 10) throw std::runtime_error("job 10");
                                 }),
                  std::runtime_error);
  CHECK(started < 100000);
}
