#include <catch2/catch.hpp>
#include <sstream>

#include "progress.h"

using namespace sitegen;

TEST_CASE("the progress line stays silent when disabled and during a build's first second", "[progress]") {
  std::ostringstream quiet, early;
  {
    ProgressLine off(quiet, false);
    off.show(5, 10);
    ProgressLine on(early, true);
    on.show(5, 10);  // less than a second in
  }
  CHECK(quiet.str().empty());
  CHECK(early.str().empty());  // and nothing to wipe either
}
