#!/usr/bin/env bash
# `cmake --install` puts a sitegen that runs on its own under the prefix: the binary, the man page
# and the default theme, from which a site builds and passes the link check, outside this repository.
set -euo pipefail
build_dir=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(mktemp -d)
site=$(mktemp -d)
trap 'rm -rf "$prefix" "$site"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/sitegen"
test -f "$prefix/share/man/man1/sitegen.1"
test -f "$prefix/share/sitegen/theme/templates/pair.mustache"
test -f "$prefix/share/sitegen/theme/locales/ar.json"
cd "$site"
"$prefix/bin/sitegen" version | grep -q '^sitegen [0-9]'
cp -r "$prefix/share/sitegen/theme/templates" "$prefix/share/sitegen/theme/locales" .
cp -r "$repo/tests/fixtures/mini/content" "$repo/tests/fixtures/mini/sitegen.json" .
"$prefix/bin/sitegen" build --quiet
"$prefix/bin/sitegen" check --links --quiet
test -f public/fr/smtp/535-authentication-failed/index.html
echo "install: ok"
