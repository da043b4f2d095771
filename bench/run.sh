#!/usr/bin/env bash
# Benchmark of sitegen build, printing the figures the README quotes:
#   bash bench/run.sh             the default site and a synthetic site of ~30,000 pages, then
#                                 synthetic sites of ~100,000 and ~300,000 pages
#   bash bench/run.sh --million   and one of ~1,000,000 pages (one round each then; about 40 GB of
#                                 disk in all, 10 minutes)
# For the first two: full build, the write floor (cp -r of the same output), their ratio, no-op
# rebuild, rebuild after one catalog entry changed, peak RSS, pages/s. For the larger ones (three
# clean builds each): time, pages/s and peak RSS against the default site's, the write floor,
# and a no-op rebuild's and two one-entry rebuilds' time and peak RSS.
#
# Full build and floor: 5 rounds, each building and copying both sites in turn, so that both
# meet the disk in the same state; each command writes into a folder nothing has used before,
# and nothing is deleted until the end. On ext4 without a journal (this machine's disk), a file
# created within minutes of a large deletion makes the kernel read past every recently deleted
# inode (ext4's recently_deleted()), which cost whichever command came right after a deletion up
# to five times its time, at random: a benchmark that deleted the previous output before each
# command measured that, not the writing. Rebuilds are timed with hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
scale_codes=(224 387)  # synthetic sites of 100,800 and 300,324 pages (n codes: 4 * (n + n(n-1)/2) + 4)
if [ "${1:-}" = --million ]; then scale_codes+=(707); fi
need=()
command -v python3 >/dev/null || need+=(python3)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target sitegen >/dev/null
sitegen=$PWD/build/sitegen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rounds=5

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The median of hyperfine's runs of `command`, after `prepare` before each run.
hyperfine_median() {
  local prepare=$1 command=$2 json=$work/hyperfine.json
  hyperfine --runs 5 --warmup 1 --prepare "$prepare" --export-json "$json" "$command" >/dev/null 2>&1
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
}

# Site number i: its name, source folder, the entry the one-entry rebuild edits, its output folder.
names=() sources=() entries=() outs=() pages=()
add_site() {
  names+=("$1"); sources+=("$2"); entries+=("$3"); outs+=("$work/$4"); mkdir -p "$work/$4"
  pages+=("$("$sitegen" build --source "$2" --out "$work/$4/site" | sed -n 's/^sitegen: built \([0-9]*\) pages.*/\1/p')")
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
site=$work/default
mkdir -p "$site" && cp -r sitegen.json content locales templates "$site/"
add_site "default site" "$site" "$site/content/http/404.json" default-out
python3 bench/make_catalog.py 122 "$work/synth"
add_site "synthetic site (122 codes)" "$work/synth" "$work/synth/content/synth/400.json" synth-out

need_kb=$((1048576))
for i in "${!names[@]}"; do need_kb=$((need_kb + $(du -sk "${outs[$i]}/site" | cut -f1) * (2 * rounds + 3))); done
free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt "$need_kb" ]; then
  echo "bench: needs $((need_kb / 1024)) MB free in $work, has $((free_kb / 1024)) MB" >&2
  exit 1
fi

declare -A fulls floors ratios
for r in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    sync
    start=$(now)
    "$sitegen" build --quiet --source "${sources[$i]}" --out "${outs[$i]}/build-$r" >/dev/null
    f=$(echo "$(now) - $start" | bc -l)
    sync
    start=$(now)
    cp -r "${outs[$i]}/build-$r" "${outs[$i]}/copy-$r"
    c=$(echo "$(now) - $start" | bc -l)
    fulls[$i]+="$f "; floors[$i]+="$c "; ratios[$i]+="$(echo "$f / $c" | bc -l) "
    printf 'round %d, %s: full build %.2f s, cp -r %.2f s, ratio %.2f\n' "$r" "${names[$i]}" "$f" "$c" "$(echo "$f / $c" | bc -l)"
  done
done

rates=() wrong=0
for i in "${!names[@]}"; do
  source=${sources[$i]} dir=${outs[$i]} entry=${entries[$i]}
  full=$(printf "%s\n" ${fulls[$i]} | median)
  floor=$(printf "%s\n" ${floors[$i]} | median)
  ratio=$(printf "%s\n" ${ratios[$i]} | median)
  build="'$sitegen' build --quiet --source '$source' --out '$dir/site'"
  noop=$(hyperfine_median ":" "$build")
  # One entry edited: every run alternates between two versions of its how_to_fix.
  cp "$entry" "$work/entry.orig"
  python3 - "$entry" <<'PY2'
import json, sys
d = json.load(open(sys.argv[1])); d["how_to_fix"] += " (Edited for the benchmark.)"
open(sys.argv[1] + ".edited", "w").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
PY2
  cp "$entry.edited" "$work/entry.next"
  one=$(hyperfine_median "cp '$work/entry.next' '$entry' && if cmp -s '$entry' '$work/entry.orig'; then cp '$entry.edited' '$work/entry.next'; else cp '$work/entry.orig' '$work/entry.next'; fi" "$build")
  cp "$work/entry.orig" "$entry"; rm -f "$entry.edited"
  # The edited pages are right, not only fast: the site rebuilt after the edits equals a clean build.
  "$sitegen" build --quiet --source "$source" --out "$dir/site" >/dev/null
  "$sitegen" build --quiet --source "$source" --out "$dir/clean" >/dev/null
  if diff -r -q -x .sitegen-manifest "$dir/site" "$dir/clean" >/dev/null; then same="equals a clean build"; else same="DIFFERS FROM A CLEAN BUILD"; wrong=1; fi
  rss=$(/usr/bin/time -v "$sitegen" build --quiet --source "$source" --out "$dir/rss" 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
  rates+=("$(echo "${pages[$i]} / $full" | bc -l)")
  printf '\n%s: %s pages\n' "${names[$i]}" "${pages[$i]}"
  printf '  full build            %6.2f s   %6.0f pages/s (median of %d rounds)\n' "$full" "${rates[-1]}" "$rounds"
  printf '  write floor (cp -r)   %6.2f s   ratio full/floor %.2f (median of the rounds'"'"' ratios)\n' "$floor" "$ratio"
  printf '  no-op rebuild         %6.2f s   %5.1f%% of full\n' "$noop" "$(echo "100 * $noop / $full" | bc -l)"
  printf '  one entry edited      %6.2f s   %5.1f%% of full; the site then %s\n' "$one" "$(echo "100 * $one / $full" | bc -l)" "$same"
  printf '  peak RSS              %6.1f MB\n' "$(echo "$rss / 1024" | bc -l)"
done
printf '\npages/s of the synthetic site against the default site: %+.1f%%\n' "$(echo "100 * (${rates[1]} - ${rates[0]}) / ${rates[0]}" | bc -l)"

# Scale: clean builds of each larger synthetic site, each into a new folder (3 rounds; 1 with
# --million, for the disk), a no-op rebuild, and the write floor (cp -r of the first round's output).
# As above, nothing is deleted before the end: a deletion of gigabytes slows whatever comes next.
default_rss=$(/usr/bin/time -v "$sitegen" build --quiet --source "${sources[0]}" --out "$work/default-rss2" 2>&1 |
              sed -n 's/.*Maximum resident set size (kbytes): //p')
# `time -v`'s wall clock and peak RSS of a command: "seconds kilobytes" (its output: $work/out.txt).
timed() {
  /usr/bin/time -v "$@" 2>&1 >"$work/out.txt" | awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 }
    END { print s, rss }'
}
scale_rounds=3
if [ "${1:-}" = --million ]; then scale_rounds=1; fi
printf '\nscale (clean builds, median of %d; the default site: %.0f pages/s, peak RSS %.1f MB):\n' "$scale_rounds" \
  "${rates[0]}" "$(echo "$default_rss / 1024" | bc -l)"
printf '  %9s  %8s  %9s  %8s  %7s  %10s  %8s  %15s\n' pages "build s" "pages/s" "vs dflt" "cp -r s" "peak RSS" "vs dflt" \
  "no-op s / RSS"
for n in "${scale_codes[@]}"; do
  python3 bench/make_catalog.py "$n" "$work/scale-$n"
  free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
  need_kb=$((n * n * 2 * 21 * (scale_rounds + 1) + 1048576))  # ~21 KB per page on disk, 2n^2 pages, rounds + floor
  if [ "$free_kb" -lt "$need_kb" ]; then
    echo "bench: the site of $n codes needs $((need_kb / 1024)) MB free in $work, has $((free_kb / 1024)) MB" >&2
    exit 1
  fi
  all_secs="" all_rss=""
  for r in $(seq "$scale_rounds"); do
    sync
    read -r secs rss < <(timed "$sitegen" build --source "$work/scale-$n" --out "$work/scale-$n-out-$r")
    all_secs+="$secs " all_rss+="$rss "
    printf '  (round %d: %s pages in %.2f s, peak RSS %.1f MB)\n' "$r" \
      "$(sed -n 's/^sitegen: built \([0-9]*\) pages.*/\1/p' "$work/out.txt")" "$secs" "$(echo "$rss / 1024" | bc -l)"
  done
  count=$(sed -n 's/^sitegen: built \([0-9]*\) pages.*/\1/p' "$work/out.txt")
  secs=$(printf "%s\n" $all_secs | median)
  rss=$(printf "%s\n" $all_rss | median)
  read -r noop_secs noop_rss < <(timed "$sitegen" build --quiet --source "$work/scale-$n" --out "$work/scale-$n-out-1")
  # One entry's summary edited, twice: the first rebuild reads every folder of the output for the
  # user's files (no folder times were recorded yet), the second only the changed ones.
  entry=$(find "$work/scale-$n/content" -name '*.json' -path '*/synth/*' | sort | sed -n 5p)
  sed -i '0,/"summary": "/s//"summary": "Edited /' "$entry"
  read -r edit1_secs edit1_rss < <(timed "$sitegen" build --quiet --source "$work/scale-$n" --out "$work/scale-$n-out-1")
  sed -i '0,/"summary": "Edited /s//"summary": "Edited again /' "$entry"
  read -r edit_secs edit_rss < <(timed "$sitegen" build --quiet --source "$work/scale-$n" --out "$work/scale-$n-out-1")
  printf '  (one entry edited: %.2f s, peak RSS %.1f MB; edited again: %.2f s, %.1f MB)\n' "$edit1_secs" \
    "$(echo "$edit1_rss / 1024" | bc -l)" "$edit_secs" "$(echo "$edit_rss / 1024" | bc -l)"
  sync
  read -r floor_secs floor_rss < <(timed cp -r "$work/scale-$n-out-1" "$work/scale-$n-copy")
  files=$(find "$work/scale-$n-out-1" -type f | wc -l)
  rate=$(echo "$count / $secs" | bc -l)
  printf '  %9d  %8.2f  %9.0f  %+7.1f%%  %7.2f  %7.1f MB  %7.2fx  %5.2f s / %3.0f MB\n' "$count" "$secs" "$rate" \
    "$(echo "100 * ($rate - ${rates[0]}) / ${rates[0]}" | bc -l)" "$floor_secs" "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$rss / $default_rss" | bc -l)" "$noop_secs" "$(echo "$noop_rss / 1024" | bc -l)"
  [ "$files" -ge "$count" ] || { echo "bench: the site of $n codes has $files files, fewer than its $count pages" >&2; wrong=1; }
done
exit "$wrong"
