// WorkerPool: runs one job per index on several threads, for the pages of a build. The first
// exception a job throws stops the others from starting new jobs and is rethrown to the caller.
#pragma once

#include <cstddef>
#include <functional>

namespace sitegen {

// Calls work(i) for every i in [0, count) on `threads` threads (the caller's among them unless
// `tick` is given; then the caller calls tick() every 100 ms until the jobs are done, to show
// progress). Returns when every started job has ended; rethrows the first exception.
void for_each_index(size_t count, unsigned threads, const std::function<void(size_t)>& work,
                    const std::function<void()>& tick = nullptr);

}  // namespace sitegen
