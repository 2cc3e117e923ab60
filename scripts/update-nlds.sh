#!/usr/bin/env bash
# Fetch the NL Design System CSS the web chat serves (web/static/vendor/) from the npm registry, exactly pinned,
# with their licences (EUPL-1.2). Run by hand when updating; the files are committed, so runtime and CI need no npm.
# `npm pack` downloads only the two tarballs (no node_modules, no install scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
UTRECHT=9.0.4   # @utrecht/component-library-css: dist/index.css is self-contained
VOORBEELD=7.4.1 # @nl-design-system-unstable/voorbeeld-design-tokens: "unstable" scope, so pin and re-test on update
VENDOR=web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@utrecht/component-library-css@$UTRECHT" \
  "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD" >/dev/null)
mkdir -p "$tmp/u" "$tmp/v"
tar -xzf "$tmp/utrecht-component-library-css-$UTRECHT.tgz" -C "$tmp/u"
tar -xzf "$tmp/nl-design-system-unstable-voorbeeld-design-tokens-$VOORBEELD.tgz" -C "$tmp/v"
rm -rf "$VENDOR"
mkdir -p "$VENDOR/utrecht-$UTRECHT" "$VENDOR/voorbeeld-$VOORBEELD"
cp "$tmp/u/package/dist/index.css" "$VENDOR/utrecht-$UTRECHT/index.css"
cp "$tmp/v/package/dist/theme.css" "$VENDOR/voorbeeld-$VOORBEELD/theme.css"
for pair in "u:utrecht-$UTRECHT" "v:voorbeeld-$VOORBEELD"; do
  src=$tmp/${pair%%:*}/package dst=$VENDOR/${pair#*:}
  licence=$(find "$src" -maxdepth 1 -iname 'LICEN[CS]E*' | head -n 1)
  [ -n "$licence" ] || { echo "no licence file in ${pair#*:}" >&2; exit 1; }
  cp "$licence" "$dst/$(basename "$licence")"
  grep -q '"license": *"EUPL-1.2"' "$src/package.json" || { echo "${pair#*:} is no longer EUPL-1.2" >&2; exit 1; }
done
echo "vendored into $VENDOR:" >&2
find "$VENDOR" -type f -printf '  %p %s bytes\n' | sort >&2
