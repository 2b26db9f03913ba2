#!/usr/bin/env bash
# Cuts Debian's Noto Sans (fonts-noto-core) down to the characters the Latin
# letters need, and writes the result to fonts/. libharu parses the whole font
# file for every document, so a small file is a faster letter. Rerun this only
# on purpose: a font change changes every letter.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/noto
# Basic Latin, Latin-1, Latin Extended-A (Polish, Czech, …), a few Latin
# Extended-B letters, spacing modifiers, general punctuation (dashes, quotes,
# no-break and thin spaces), currency signs, letterlike symbols (№, ™), arrows,
# minus, bullets.
unicodes="U+0020-007E,U+00A0-017F,U+0192,U+0218-021B,U+02BC,U+02C6-02DD,U+2000-2064,U+20A0-20C0,U+2116,U+2122,U+2190-2193,U+2212,U+2219,U+25CF,U+25E6"
for style in Regular Bold Italic; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSans-$style.ttf" \
    --unicodes="$unicodes" --layout-features='kern,mark,mkmk' \
    --no-hinting --desubroutinize --name-IDs='*' --name-languages='*' \
    --glyph-names --notdef-outline --recalc-bounds --recalc-timestamp=false \
    --output-file="fonts/NotoSans-$style.ttf"
done
# libharu needs a non-empty 'prep' table (see the script).
/usr/bin/python3 scripts/add-prep-table.py fonts/NotoSans-{Regular,Bold,Italic}.ttf
ls -l fonts/*.ttf
