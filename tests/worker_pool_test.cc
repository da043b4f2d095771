#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
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
  SECTION("on the caller's thread alone, no job starts after the one that threw") {
    std::atomic<int> started{0};
    CHECK_THROWS_WITH(for_each_index(100000, 1,
                                     [&](size_t i) {
                                       ++started;
                                       if (i == 10) throw std::runtime_error("job 10");
                                     }),
                      "job 10");
    CHECK(started == 11);
  }
  SECTION("on several threads, a thread whose job threw starts no other job") {
    // Every job throws, so each thread ends after its first job, however the threads are scheduled.
    for (unsigned threads : {2u, 7u}) {
      std::atomic<int> started{0};
      CHECK_THROWS_AS(for_each_index(100000, threads,
                                     [&](size_t) {
                                       ++started;
                                       throw std::runtime_error("job");
                                     }),
                      std::runtime_error);
      CHECK(started >= 1);
      CHECK(started <= static_cast<int>(threads));
    }
  }
  SECTION("on several threads, the other threads stop once they see the failure") {
    // The jobs after 10 wait until job 10 has thrown, then take a millisecond each: without the
    // shared stop the other thread would go on for 100 s; with it, it stops once the throwing
    // thread has caught the exception, which a loaded machine may delay, but not by a second.
    std::atomic<bool> thrown{false};
    std::atomic<int> started_after{0};
    CHECK_THROWS_WITH(for_each_index(100000, 2,
                                     [&](size_t i) {
                                       if (i == 10) {
                                         thrown = true;
                                         throw std::runtime_error("job 10");
                                       }
                                       if (i < 10) return;
                                       while (!thrown) std::this_thread::yield();
                                       ++started_after;
                                       std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                     }),
                      "job 10");
    CHECK(started_after < 1000);
  }
}
