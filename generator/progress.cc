#include "progress.h"

namespace sitegen {

ProgressLine::ProgressLine(std::ostream& out, bool enabled)
    : out_(out), enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  if (drawn_) out_ << "\r\033[K" << std::flush;
}

void ProgressLine::show(size_t done, size_t total) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (!enabled_ || elapsed < 1) return;
  out_ << "\r[" << done << "/" << total << "] pages, " << static_cast<long>(done / elapsed) << " pages/s" << std::flush;
  drawn_ = true;
}

}  // namespace sitegen
