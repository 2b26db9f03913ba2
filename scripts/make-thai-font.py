#!/usr/bin/python3
"""Derive fonts/PartingThai-{Regular,Bold}.ttf from Debian's Noto Sans Thai.

libharu 2.3.0 selects glyphs only by BMP code point (cmap format 4) and
cannot offset a glyph from its pen position, so Thai marks cannot be drawn
from the HarfBuzz result directly. This script keeps the Noto font as it is
(same glyphs, same glyph ids, GSUB/GPOS/GDEF byte for byte, so HarfBuzz
shapes the derived font exactly like the original) and adds:

  * a Private Use Area code point, from U+E000 up in glyph-id order, for
    every original glyph that has no code point (uni0E48.small,
    uni0E0D.less, uni0E49.narrow, ...; not .notdef);
  * one composite glyph per positioned "unit", appended after the original
    glyphs, each with the next PUA code point (in sorted name order).

Unit: the glyphs HarfBuzz gives one input character when shaping with
--cluster-level=2 (characters level), in output order. SARA AM U+0E33 is
one unit of two glyphs (nikhahit + sara aa), even when the Thai shaper puts
a tone mark of another character between them. A unit gets a composite
unless it is exactly one glyph with x_offset = y_offset = 0.

Composite glyph name (in fonts/PartingThai-<style>.glyphs, one name per
glyph in glyph order; the fonts themselves carry no names, post format 3 --
the C++ layout reads the sidecar and parses these names):

    pos__<glyph>_<dx>_<dy>[__<glyph>_<dx>_<dy>]...

  * "pos" then one "__"-separated field per glyph of the unit, in HarfBuzz
    output order;
  * in a field, <glyph> is the original glyph's post name (it may contain
    "." and single "_", e.g. nikhahit_maiEkthai.narrow, never "__"), and
    <dx>, <dy> are integers in font units (1000/em): the glyph's drawn
    position relative to the unit origin, i.e. (pen position of this glyph
    - pen position of the unit's first glyph + x_offset, y_offset), pen
    positions being sums of HarfBuzz x_advance;
  * a negative number is written "m" + digits (-45 -> m45), others plain
    decimal digits (0, 120);
  * parse: split the name on "__", drop the leading "pos", split each field
    from the right on "_" into exactly three parts.

  e.g. pos__uni0E49.narrow_23_m1            (mai tho over fo fan)
       pos__uni0E4D_m3_0__uni0E32_0_0       (sara am after kho khwai)

The composite is drawn at the unit origin; its advance width is the sum of
the unit glyphs' HarfBuzz x_advance (0 for marks, sara aa's for sara am).
Components are placed with ARGS_ARE_XY_VALUES at (dx, dy), flattened down to
simple glyphs (libharu marks only the direct components of a composite for
embedding), ROUND_XY_TO_GRID and USE_MY_METRICS unset. For the same reason
the four original two-level composites (nikhahit_mai*.narrow) are flattened
in place: same outline, metrics and glyph id.

Units are collected by shaping, with the ORIGINAL font and hb-shape, every
consonant U+0E01-U+0E2E (and the dotted circle U+25CC) x optional below
vowel x optional above vowel x optional tone/sign x optional sara am (minus
plainly impossible spellings), plus a few words. Unit offsets do not depend
on what follows or precedes a syllable (checked with every Thai character
after it: no kerning pair moves a base that carries marks; kerning of a
preceding sara e moves the whole syllable, which the layout takes from
HarfBuzz anyway). Output is deterministic: no timestamps (head keeps the Noto
created/modified dates), sorted inputs. Rerun only on purpose.

Usage: scripts/make-thai-font.py   (from anywhere; writes into fonts/)
"""

import io
import json
import os
import subprocess
import sys
import tempfile

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

SRC_DIR = "/usr/share/fonts/truetype/noto"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "fonts")
STYLES = ("Regular", "Bold")
FAMILY = "Parting Sans Thai"
PS_FAMILY = "PartingSansThai"
PUA_START = 0xE000

CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]  # ก .. ฮ, 46
BASES = CONSONANTS + ["\u25CC"]  # dotted circle, for marks shown alone
BELOW = ["", "\u0E38", "\u0E39", "\u0E3A"]  # ุ ู ฺ
ABOVE = ["", "\u0E31", "\u0E34", "\u0E35", "\u0E36", "\u0E37", "\u0E47"]  # ั ิ ี ึ ื ็
TONE = ["", "\u0E48", "\u0E49", "\u0E4A", "\u0E4B", "\u0E4C", "\u0E4D", "\u0E4E"]  # ่ ้ ๊ ๋ ์ ํ ๎
SARA_AM = "\u0E33"
# Shaped (and, in the derived font, checked) along with the syllables.
TEST_WORDS = ["ที่", "น้ำ", "ป้า", "ปู่", "ฟ้อง", "กตัญญู", "ค่ำ", "ปั้น", "ฤๅษี"]
WORDS = ["ฤๅ", "ฦๅ"] + TEST_WORDS + ["ก็", "กำ", "ญุ", "ฐู", "ฎุ", "ฏู", "ปิ่น",
                                  "ฝั่ง", "ฟื้น", "ศักดิ์สิทธิ์", "ญี่ปุ่น"]


def syllables():
    """Base x below x above x tone x sara am, over-generating a little."""
    out = []
    for base in BASES:
        for below in BELOW:
            for above in ABOVE:
                for tone in TONE:
                    for am in ("", SARA_AM):
                        if am and (below or above):
                            continue  # sara am carries its own nikhahit
                        if above == "\u0E47" and tone:
                            continue  # mai taikhu takes no tone mark
                        if below and above:
                            continue  # no Thai spelling stacks both
                        if tone in ("\u0E4D", "\u0E4E") and (
                                below or above or am):
                            continue  # Pali nikhahit/yamakkan: bare letter
                        if below == "\u0E3A" and (tone or am):
                            continue  # phinthu: bare letter
                        out.append(base + below + above + tone + am)
    return out + WORDS


def shape(font_path, lines, cluster_level=2):
    """hb-shape every line; returns per line a list of
    (gid, cluster, x_offset, y_offset, x_advance) in output order."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                     delete=False) as tmp:
        tmp.write("\n".join(lines) + "\n")
        name = tmp.name
    try:
        res = subprocess.run(
            ["hb-shape", "--output-format=json", "--no-glyph-names",
             "--cluster-level=%d" % cluster_level, "--text-file=" + name,
             font_path],
            check=True, capture_output=True, text=True)
    finally:
        os.unlink(name)
    rows = res.stdout.splitlines()
    if len(rows) != len(lines):
        sys.exit("hb-shape gave %d results for %d lines" % (len(rows), len(lines)))
    out = []
    for row in rows:
        glyphs = json.loads(row)
        for g in glyphs:
            if g["ay"] != 0:
                sys.exit("unexpected vertical advance")
        out.append([(g["g"], g["cl"], g["dx"], g["dy"], g["ax"]) for g in glyphs])
    return out


def num(v):
    return ("m%d" % -v) if v < 0 else ("%d" % v)


def comp_name(components):
    return "pos__" + "__".join("%s_%s_%s" % (n, num(dx), num(dy))
                               for n, dx, dy in components)


def collect_units(shaped, lines, glyph_order):
    """name -> (components, advance, first example line); empty-unit list."""
    units = {}
    empty = set()
    for line, glyphs in zip(lines, shaped):
        pen = []
        x = 0
        for g in glyphs:
            pen.append(x)
            x += g[4]
        clusters = {}
        for i, g in enumerate(glyphs):
            clusters.setdefault(g[1], []).append(i)
        for cl in range(len(line)):
            if cl not in clusters:
                empty.add((line, cl))
        for cl, idx in sorted(clusters.items()):
            if len(idx) == 1 and glyphs[idx[0]][2] == 0 and glyphs[idx[0]][3] == 0:
                continue
            origin = pen[idx[0]]
            comps = tuple((glyph_order[glyphs[i][0]],
                           pen[i] - origin + glyphs[i][2], glyphs[i][3])
                          for i in idx)
            adv = sum(glyphs[i][4] for i in idx)
            name = comp_name(comps)
            if name in units:
                if units[name][1] != adv:
                    sys.exit("unit %s seen with advances %d and %d"
                             % (name, units[name][1], adv))
            else:
                units[name] = (comps, adv, line)
    return units, empty


def flatten(glyf, name, dx, dy):
    """Simple-glyph leaves of glyph `name` placed at (dx, dy)."""
    g = glyf[name]
    if not g.isComposite():
        return [(name, dx, dy)]
    out = []
    for c in g.components:
        if not hasattr(c, "x") or hasattr(c, "transform"):
            sys.exit("cannot flatten %s: component %s is not a plain offset"
                     % (name, c.glyphName))
        out += flatten(glyf, c.glyphName, dx + c.x, dy + c.y)
    return out


def make_composite(glyf, leaves):
    g = Glyph()
    g.numberOfContours = -1
    g.components = []
    for name, dx, dy in leaves:
        c = GlyphComponent()
        c.glyphName = name
        c.x, c.y = dx, dy
        c.flags = 0  # ARGS_ARE_XY_VALUES/WORDS/MORE set by fontTools
        g.components.append(c)
    g.recalcBounds(glyf)
    return g


def rename(font, style):
    ps = "%s-%s" % (PS_FAMILY, style)
    full = "%s %s" % (FAMILY, style)
    name = font["name"]
    for rec in name.names:
        nid = rec.nameID
        if nid in (1, 16):
            rec.string = FAMILY
        elif nid == 3:
            rec.string = "2.000;PARTING;" + ps
        elif nid == 4:
            rec.string = full
        elif nid == 6:
            rec.string = ps
        elif nid == 18:
            rec.string = full
        elif nid == 10:
            rec.string = (rec.toUnicode() + " Parting Sans Thai: Noto Sans "
                          "Thai renamed, with Private Use Area code points "
                          "for unencoded glyphs and positioned mark "
                          "composites (scripts/make-thai-font.py).")


def build(style):
    src = os.path.join(SRC_DIR, "NotoSansThai-%s.ttf" % style)
    font = TTFont(src, recalcTimestamp=False, recalcBBoxes=True)
    # Decompile every table this script changes before touching the glyph
    # order; GSUB, GPOS, GDEF, hinting and DSIG stay undecompiled and are
    # written back byte for byte.
    for tag in ("head", "hhea", "maxp", "post", "cmap", "hmtx", "loca",
                "glyf", "name", "OS/2"):
        font[tag]
    order = list(font.getGlyphOrder())
    glyf = font["glyf"]
    hmtx = font["hmtx"]

    lines = syllables()
    shaped = shape(src, lines)
    units, empty = collect_units(shaped, lines, order)

    # 1. names
    rename(font, style)

    # 2. flatten original nested composites in place (libharu embeds only
    #    the direct components of a composite)
    flattened = []
    for gname in order:
        g = glyf[gname]
        if g.isComposite() and any(glyf[c.glyphName].isComposite()
                                   for c in g.components):
            leaves = flatten(glyf, gname, 0, 0)
            ng = make_composite(glyf, leaves)
            for c in ng.components:
                c.flags = 0x4  # ROUND_XY_TO_GRID, as the Noto original
            glyf[gname] = ng
            flattened.append(gname)

    # 3. PUA for unencoded original glyphs, glyph-id order
    cmap_best = font.getBestCmap()
    encoded = set(cmap_best.values())
    pua = {}
    cp = PUA_START
    for gid, gname in enumerate(order):
        if gid == 0 or gname in encoded:
            continue
        pua[cp] = gname
        cp += 1

    # 4. composites, sorted by name, appended
    comp_cps = {}
    for cname in sorted(units):
        comps, adv, _ = units[cname]
        leaves = []
        for n, dx, dy in comps:
            leaves += flatten(glyf, n, dx, dy)
        glyf[cname] = make_composite(glyf, leaves)
        g = glyf[cname]
        hmtx[cname] = (adv, g.xMin if hasattr(g, "xMin") else 0)
        order.append(cname)
        pua[cp] = cname
        comp_cps[cname] = cp
        cp += 1
    if cp > 0xF8FF:
        sys.exit("Private Use Area overflow")
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    font["maxp"].numGlyphs = len(order)

    done = []  # fontTools shares one dict between subtables at one offset
    for table in font["cmap"].tables:
        if table.format == 4 and (table.platformID, table.platEncID) in (
                (3, 1), (0, 3), (0, 4)):
            if any(table.cmap is d for d in done):
                continue
            for c, gname in pua.items():
                if c in table.cmap:
                    sys.exit("U+%04X already mapped" % c)
                table.cmap[c] = gname
            done.append(table.cmap)

    os2 = font["OS/2"]
    os2.ulUnicodeRange2 |= 1 << (60 - 32)  # Private Use Area

    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    return data, units, empty, pua, comp_cps, flattened, lines, shaped


def check(style, data, orig_path, lines, shaped, pua, units, flattened):
    """Reload; compare shaping and outlines with the original."""
    tmpd = tempfile.mkdtemp()
    path = os.path.join(tmpd, "PartingThai-%s.ttf" % style)
    with open(path, "wb") as f:
        f.write(data)
    new = TTFont(path)
    old = TTFont(orig_path)
    old_order = old.getGlyphOrder()
    new_order = new.getGlyphOrder()
    assert new_order[:len(old_order)] == old_order, "glyph order changed"
    assert new["maxp"].numGlyphs == len(new_order)
    assert new["post"].formatType == 2.0
    assert new["head"].created == old["head"].created
    assert new["head"].modified == old["head"].modified
    for tag in ("GSUB", "GPOS", "GDEF"):
        assert new.reader[tag] == old.reader[tag], tag + " changed"
    best = new.getBestCmap()
    for c, gname in old.getBestCmap().items():
        assert best[c] == gname
    for c, gname in pua.items():
        assert best[c] == gname
    # same outlines (decomposed) for every original glyph
    ogs, ngs = old.getGlyphSet(), new.getGlyphSet()
    for gname in old_order:
        a, b = DecomposingRecordingPen(ogs), DecomposingRecordingPen(ngs)
        ogs[gname].draw(a)
        ngs[gname].draw(b)
        assert a.value == b.value, "outline of %s changed" % gname
        assert old["hmtx"][gname] == new["hmtx"][gname], gname
    # every new glyph is a one-level composite of simple glyphs
    for gname in new_order[len(old_order):] + flattened:
        g = new["glyf"][gname]
        for c in g.components:
            assert not new["glyf"][c.glyphName].isComposite(), gname
    # HarfBuzz: identical glyph ids and positions (both cluster levels)
    for level in (0, 2):
        ref = shaped if level == 2 else shape(orig_path, lines, 0)
        got = shape(path, lines, level)
        assert got == ref, "shaping differs at cluster level %d" % level
    os.unlink(path)
    os.rmdir(tmpd)


def main():
    summary = []
    for style in STYLES:
        src = os.path.join(SRC_DIR, "NotoSansThai-%s.ttf" % style)
        (data, units, empty, pua, comp_cps, flattened, lines,
         shaped) = build(style)
        check(style, data, src, lines, shaped, pua, units, flattened)
        # The glyph names go to a sidecar file for the layout, and out of the
        # font: libharu copies the post table into every PDF that embeds it.
        named_data = data  # with names: the report below looks glyphs up by name
        named = TTFont(io.BytesIO(data))
        with open(os.path.join(OUT_DIR, "PartingThai-%s.glyphs" % style), "w",
                  encoding="ascii", newline="\n") as f:
            f.write("".join(name + "\n" for name in named.getGlyphOrder()))
        named["post"].formatType = 3.0
        buf = io.BytesIO()
        named.save(buf)
        data = buf.getvalue()
        out = os.path.join(OUT_DIR, "PartingThai-%s.ttf" % style)
        with open(out, "wb") as f:
            f.write(data)
        n_unenc = len(pua) - len(comp_cps)
        rep = os.path.join(OUT_DIR, "thai-composites-%s.txt" % style)
        with open(rep, "w", encoding="utf-8") as f:
            f.write("# PartingThai-%s.ttf: Private Use Area code points, "
                    "written by scripts/make-thai-font.py\n" % style)
            f.write("# unencoded Noto glyphs: %d, positioned-unit composites: "
                    "%d\n" % (n_unenc, len(comp_cps)))
            f.write("# code point<TAB>glyph name<TAB>advance<TAB>"
                    "first syllable that needs it\n")
            hm = TTFont(io.BytesIO(named_data))["hmtx"]
            for c in sorted(pua):
                gname = pua[c]
                example = units[gname][2] if gname in units else ""
                f.write("U+%04X\t%s\t%d\t%s\n" % (c, gname, hm[gname][0],
                                                  example))
        summary.append("%s: %d bytes, %d glyphs (%d PUA for unencoded "
                       "glyphs, %d composites), %d syllables shaped, "
                       "%d characters without glyphs, flattened %s"
                       % (out, len(data), len(TTFont(io.BytesIO(data))
                                                  .getGlyphOrder()),
                          n_unenc, len(comp_cps), len(lines),
                          len(empty), ",".join(flattened)))
    print("\n".join(summary))


if __name__ == "__main__":
    main()
