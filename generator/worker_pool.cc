#include "worker_pool.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sitegen {

void for_each_index(size_t count, unsigned threads, const std::function<void(size_t)>& work,
                    const std::function<void()>& tick) {
  std::atomic<size_t> next{0}, finished{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    try {
      for (size_t i = next++; i < count && !failed; i = next++) work(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      failed = true;
    }
    ++finished;
  };
  const unsigned helpers = threads == 0 ? 0 : (tick ? threads : threads - 1);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (unsigned t = 0; t < helpers; ++t) pool.emplace_back(run);
  if (tick) {
    while (finished < helpers) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      tick();
    }
  } else {
    run();
  }
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace sitegen
