#!/usr/bin/env bash
# Benchmark of sitegen build, printing the figures the README quotes:
#   bash bench/run.sh            (the default site, then a synthetic site of ~30,000 pages)
# For each: full build, the write floor (cp -r of the same output), their ratio, no-op rebuild,
# rebuild after one catalog entry changed, peak RSS, pages/s. Times are medians of 3 runs (5 for the
# full build and the floor, which alternate so that both meet the disk in the same state).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v python3 >/dev/null || need+=(python3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target sitegen >/dev/null
sitegen=$PWD/build/sitegen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# median of the wall times of 3 runs of: prepare; command
median() {
  local prepare=$1; shift
  local times=()
  for _ in 1 2 3; do
    eval "$prepare"
    sync
    local start; start=$(now)
    "$@" >/dev/null
    times+=("$(echo "$(now) - $start" | bc -l)")
  done
  printf "%s\n" "${times[@]}" | sort -n | sed -n 2p
}

measure() {
  local name=$1 source=$2 entry=$3
  local out=$work/out cp_out=$work/copy
  local pages
  # The staging folder beside the output keeps the previous site; a full build starts without it.
  local staging=$work/.out.sitegen-staging
  rm -rf "$out" "$staging"
  pages=$("$sitegen" build --source "$source" --out "$out" | sed -n 's/^sitegen: built \([0-9]*\) pages.*/\1/p')
  local full floor ratio noop one rss
  # Full build and write floor alternate, round after round, so both see the disk in the same
  # state (its speed drifts by a factor of two over minutes on a shared machine); the ratio is the
  # median of each round's ratio.
  local fulls=() floors=() ratios=()
  # Each is timed right after deleting its own previous output, as ext4 pays for fresh deletions.
  for _ in 1 2 3 4 5; do
    rm -rf "$out" "$staging"; sync
    local start; start=$(now)
    "$sitegen" build --quiet --source "$source" --out "$out" >/dev/null
    local f; f=$(echo "$(now) - $start" | bc -l)
    rm -rf "$cp_out"; sync
    start=$(now)
    cp -r "$out" "$cp_out"
    local c; c=$(echo "$(now) - $start" | bc -l)
    fulls+=("$f"); floors+=("$c"); ratios+=("$(echo "$f / $c" | bc -l)")
  done
  rm -rf "$cp_out"
  full=$(printf "%s\n" "${fulls[@]}" | sort -n | sed -n 3p)
  floor=$(printf "%s\n" "${floors[@]}" | sort -n | sed -n 3p)
  ratio=$(printf "%s\n" "${ratios[@]}" | sort -n | sed -n 3p)
  noop=$(median ":" "$sitegen" build --quiet --source "$source" --out "$out")
  # One entry edited: alternate between two versions of its how_to_fix, so every run changes it.
  cp "$entry" "$work/entry.orig"
  python3 - "$entry" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["how_to_fix"] += " (Edited for the benchmark.)"
open(sys.argv[1] + ".edited", "w").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
PY
  local flip=0
  one=$(median 'if [ $flip = 0 ]; then cp "$entry.edited" "$entry"; flip=1; else cp "$work/entry.orig" "$entry"; flip=0; fi' \
        "$sitegen" build --quiet --source "$source" --out "$out")
  cp "$work/entry.orig" "$entry"; rm -f "$entry.edited"
  rm -rf "$out" "$staging"
  rss=$(/usr/bin/time -v "$sitegen" build --quiet --source "$source" --out "$out" 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
  printf '\n%s: %s pages\n' "$name" "$pages"
  printf '  full build            %6.2f s   %6.0f pages/s\n' "$full" "$(echo "$pages / $full" | bc -l)"
  printf '  write floor (cp -r)   %6.2f s   ratio full/floor %.2f (median of 5 alternating rounds)\n' "$floor" "$ratio"
  printf '  no-op rebuild         %6.2f s   %5.1f%% of full\n' "$noop" "$(echo "100 * $noop / $full" | bc -l)"
  printf '  one entry edited      %6.2f s   %5.1f%% of full\n' "$one" "$(echo "100 * $one / $full" | bc -l)"
  printf '  peak RSS              %6.1f MB\n' "$(echo "$rss / 1024" | bc -l)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
site=$work/default
mkdir -p "$site" && cp -r sitegen.json content locales templates "$site/"
measure "default site" "$site" "$site/content/http/404.json"
python3 bench/make_catalog.py 122 "$work/synth"
measure "synthetic site (122 codes)" "$work/synth" "$work/synth/content/synth/400.json"
