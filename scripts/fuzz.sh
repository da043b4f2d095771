#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60),
# starting from the saved corpus in fuzz/regressions/<target>/. A crash fails the script and its
# input is saved next to the corpus: commit it there, and CTest replays it from then on.
#   bash scripts/fuzz.sh            # 60 s per target, as CI does
#   bash scripts/fuzz.sh 3600       # the longer run before a release
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
need=()
command -v clang++ >/dev/null || need+=(clang)
dpkg-query -W -f='${Status}' libclang-rt-dev 2>/dev/null | grep -q "install ok installed" || need+=(libclang-rt-dev)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBUILD_TESTING=OFF \
  -DSITEGEN_MIMALLOC=OFF -DSITEGEN_FUZZ=ON -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_catalog fuzz_locale fuzz_manifest fuzz_markdown fuzz_template >/dev/null
status=0
for target in catalog locale manifest markdown template; do
  work=build-fuzz/corpus/$target
  mkdir -p "$work" "fuzz/regressions/$target"
  echo "fuzz: $target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 ./build-fuzz/fuzz/fuzz_$target "$work" "fuzz/regressions/$target" \
       -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="fuzz/regressions/$target/crash-" -print_final_stats=1 2>build-fuzz/$target.log; then
    echo "fuzz: $target FOUND A PROBLEM; the input is in fuzz/regressions/$target/, the log in build-fuzz/$target.log"
    tail -40 build-fuzz/$target.log
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" build-fuzz/$target.log | tail -1
  fi
done
exit $status
