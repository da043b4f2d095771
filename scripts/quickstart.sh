#!/usr/bin/env bash
# One entry point for a fresh Debian machine (run as root):
#   bash scripts/quickstart.sh build   installs what is missing, builds, runs `sitegen build` on this repository
#   bash scripts/quickstart.sh test    installs what is missing, builds, runs every test
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
packages=(g++ cmake make pkg-config nlohmann-json3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
          libcli11-dev catch2 libkainjow-mustache-dev libcpp-httplib-dev libmimalloc-dev libxxhash-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "quickstart: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests also drive a real browser: Chromium, Node.js with the locked npm packages, and Java
# for the Nu Html Checker. Only what is missing is installed.
browser=()
if [ "$what" = test ]; then
  command -v chromium >/dev/null || browser+=(chromium)
  command -v node >/dev/null || browser+=(nodejs)
  command -v npm >/dev/null || browser+=(npm)
  command -v java >/dev/null || browser+=(default-jre-headless)
  if [ ${#browser[@]} -gt 0 ]; then
    echo "quickstart: installing ${browser[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
  fi
  # --ignore-scripts: vnu-jar's install script would try to download a Java; the machine's is used.
  # Installed again when any package of package.json is missing or at another version.
  node -e 'for (const [name, version] of Object.entries(require("./package.json").devDependencies)) {
             let found; try { found = require("./node_modules/" + name + "/package.json").version; } catch {}
             if (found !== version) process.exit(1);
           }' || npm ci --ignore-scripts --no-audit --no-fund >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSITEGEN_BROWSER_TESTS="$([ "$what" = test ] && echo ON || echo AUTO)" >/dev/null
# `build` compiles the binary alone (under 2 minutes on two cores); `test` everything.
if [ "$what" = build ]; then cmake --build build -j "$(nproc)" --target sitegen; else cmake --build build -j "$(nproc)"; fi

case "$what" in
  build) ./build/sitegen build ;;
  test)
    # The tests make and remove thousands of small sites; in memory (/dev/shm, when the machine
    # has one with room) they take a third less time than on disk, and the disk is left alone.
    if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && \
       [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then
      export TMPDIR=/dev/shm
    fi
    ctest --test-dir build --output-on-failure -j "$(nproc)" ;;
  *) echo "usage: bash scripts/quickstart.sh build|test" >&2; exit 2 ;;
esac
