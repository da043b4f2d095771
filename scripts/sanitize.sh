#!/usr/bin/env bash
# Builds sitegen and its tests with AddressSanitizer and UndefinedBehaviorSanitizer (gcc) and runs
# the whole CTest suite against that build, as CI does. The browser checks are left to the normal
# build (they test pages, not memory).
set -euo pipefail
cd "$(dirname "$0")/.."
# -Wno-maybe-uninitialized: with the sanitizers, gcc 12 reports libstdc++'s own std::regex and
# std::function internals as maybe uninitialized (false positives the gcc manual warns of); the
# normal build keeps the warning.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITEGEN_BROWSER_TESTS=OFF -DSITEGEN_MIMALLOC=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-maybe-uninitialized" >/dev/null
cmake --build build-asan -j "$(nproc)"
# Test sites in memory when there is room, as scripts/quickstart.sh test does.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && \
   [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then
  export TMPDIR=/dev/shm
fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
