#!/usr/bin/python3
"""Gives TrueType fonts without hinting a minimal control-value program.

    scripts/add-prep-table.py FONT.ttf...      (rewrites each file in place)

libharu 2.3.0 writes an embedded font subset with 13 fixed tables; a table
the font lacks is written empty at the end of its buffer, and its checksum
pass then seeks to that end. libharu's memory stream cannot seek to its end
when the last 4096-byte block is exactly full, so about one glyph set in a
thousand failed with HPDF_INVALID_OBJECT ("saving failed"). The fonts cut
with --no-hinting lack 'prep', the last of those tables. This adds one:
smart dropout control (SCANCTRL 511, SCANTYPE 4), the usual program of an
unhinted TrueType font, which only keeps thin stems from vanishing at small
sizes. Outlines and metrics stay as they are, so layout does not change.
"""
import sys

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables import ttProgram

# PUSHW[] 511, SCANCTRL[], PUSHB[] 4, SCANTYPE[]
DROPOUT_CONTROL = bytes([0xB8, 0x01, 0xFF, 0x85, 0xB0, 0x04, 0x8D])

for path in sys.argv[1:]:
    font = TTFont(path)
    if "prep" in font and len(font["prep"].program.getBytecode()) > 0:
        continue
    prep = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromBytecode(DROPOUT_CONTROL)
    font["prep"] = prep
    font["maxp"].maxStackElements = max(font["maxp"].maxStackElements, 1)
    font.save(path)
    print(f"{path}: prep added")
