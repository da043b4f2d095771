// Progress: the "[done/total] pages, N pages/s" line a long build shows on a terminal, drawn in
// place and wiped when the build ends; nothing at all for a build that takes under a second.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <ostream>

namespace sitegen {

class ProgressLine {
 public:
  // `enabled`: only on a terminal, never with --quiet.
  ProgressLine(std::ostream& out, bool enabled);
  ~ProgressLine();  // wipes the line
  bool enabled() const { return enabled_; }
  // Redraws the line for `done` of `total` pages (from one thread: the caller's).
  void show(size_t done, size_t total);

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace sitegen
