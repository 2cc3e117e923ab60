#!/usr/bin/env bash
# Fetch the NL Design System CSS the web chat serves (web/static/vendor/) from the npm registry, exactly pinned,
# with their licences (EUPL-1.2), and the font the voorbeeld theme names but does not ship (Noto Sans, OFL-1.1:
# the latin subset, regular and bold, as woff2). Run by hand when updating; the files are committed, so runtime and
# CI need no npm. `npm pack` downloads only the three tarballs (no node_modules, no install scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
UTRECHT=9.0.4   # @utrecht/component-library-css: dist/index.css is self-contained
VOORBEELD=7.4.1 # @nl-design-system-unstable/voorbeeld-design-tokens: "unstable" scope, so pin and re-test on update
NOTO=5.3.0      # @fontsource/noto-sans: the font files of Google's Noto Sans, split by subset and weight
VENDOR=web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@utrecht/component-library-css@$UTRECHT" \
  "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD" "@fontsource/noto-sans@$NOTO" >/dev/null)
mkdir -p "$tmp/u" "$tmp/v" "$tmp/n"
tar -xzf "$tmp/utrecht-component-library-css-$UTRECHT.tgz" -C "$tmp/u"
tar -xzf "$tmp/nl-design-system-unstable-voorbeeld-design-tokens-$VOORBEELD.tgz" -C "$tmp/v"
tar -xzf "$tmp/fontsource-noto-sans-$NOTO.tgz" -C "$tmp/n"
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
# The font: two files and their @font-face rules (font-display: swap, so text shows at once in the fallback font).
# Only the latin subset: Dutch and English need no more; a character outside it is drawn by a fallback font.
NOTO_DIR=$VENDOR/noto-sans-$NOTO
mkdir -p "$NOTO_DIR"
grep -q '"license": *"OFL-1.1"' "$tmp/n/package/package.json" || { echo "noto-sans is no longer OFL-1.1" >&2; exit 1; }
cp "$tmp/n/package/LICENSE" "$NOTO_DIR/LICENSE"
{
  echo "/* Noto Sans (OFL-1.1, LICENSE beside this file) from @fontsource/noto-sans $NOTO, latin subset; written by"
  echo "   scripts/update-nlds.sh. The voorbeeld theme's --basis-text-font-family-default names 'Noto Sans'. */"
  for weight in 400 700; do
    cp "$tmp/n/package/files/noto-sans-latin-$weight-normal.woff2" "$NOTO_DIR/"
    printf '@font-face {\n  font-family: "Noto Sans";\n  font-style: normal;\n  font-display: swap;\n'
    printf '  font-weight: %s;\n  src: url("noto-sans-latin-%s-normal.woff2") format("woff2");\n}\n' "$weight" "$weight"
  done
} >"$NOTO_DIR/noto-sans.css"
echo "vendored into $VENDOR:" >&2
find "$VENDOR" -type f -printf '  %p %s bytes\n' | sort >&2
