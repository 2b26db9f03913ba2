#!/usr/bin/env bash
# Copies the fonts every letter is set in from Debian's fonts-noto-core into
# fonts/: Noto Sans (Latin, Greek, Cyrillic) in three styles and Noto Sans
# Thai in two, unchanged. Each file is opened once per process and cut per
# letter to the glyphs the letter uses (the PDF stage, hb-subset), so a full
# font costs nothing per letter. Rerun this only on purpose: a font change
# changes every letter (regenerate the layout goldens in the same commit).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/noto
for file in NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSansThai-Regular NotoSansThai-Bold; do
  install -m 0644 "$src/$file.ttf" "fonts/$file.ttf"
done
ls -l fonts/*.ttf
