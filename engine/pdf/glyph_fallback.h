// The ToUnicode entry of a glyph that never stands for a text alone (PDF/UA-1,
// ISO 14289-1, 7.21.7: every character code drawn maps to Unicode).
//
// Such a glyph is one of several glyphs of a cluster (Thai SARA AM under a
// tone mark, drawn as NIKHAHIT and SARA AA), an inserted hyphen (a cluster of
// no text), or drawn only in an artifact. Its entry is, in this order:
//   1. a character of the cluster's text, compatibility-decomposed (NFKD,
//      ICU), that the font's cmap maps to the glyph (U+0E33 SARA AM gives
//      U+0E4D NIKHAHIT and U+0E32 SARA AA);
//   2. for a cluster of no text, a hyphen the cmap maps to the glyph;
//   3. any code point the font's cmap maps to the glyph (the smallest);
//   4. the cluster's characters shared out among its glyphs in order;
//   5. U+FFFD.
// Never U+0000, U+FEFF, U+FFFE, a noncharacter or a private-use code point
// (Unicode-conformant readers could not read those back as text). The
// content stream's /ActualText still says the cluster's exact text.
#pragma once

#include <hb.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace parting::pdf {

/// True when every code point of `text` may stand in a ToUnicode map.
bool MappableText(std::string_view text);

/// The text glyph `glyph` of `font` gets, being glyph `index` of the
/// `count` glyphs of a cluster that stands for `text` (UTF-8, maybe empty).
/// Step 3 reads the whole cmap; steps 1 and 2 nearly always answer first.
std::string FallbackText(hb_font_t* font, uint32_t glyph, size_t index, size_t count,
                         std::string_view text);

}  // namespace parting::pdf
