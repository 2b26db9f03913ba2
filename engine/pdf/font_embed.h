// The one place that reaches below libharu's public API (hpdf_objects.h):
// libharu cannot express a Type 0 font whose glyphs are chosen by id, nor
// raw content-stream operators, nor streams compressed ahead of saving, so
// this unit builds those objects itself in libharu's document and leaves
// writing and saving to libharu. Every stream is compressed here
// (deflate.h), never by libharu.
//
//   Type0 font (/Encoding /Identity-H, /ToUnicode)
//     -> CIDFontType2 (/CIDToGIDMap /Identity, /W widths)
//        -> FontDescriptor -> FontFile2 (the subset program, Flate)
//
// Not thread-safe for one document; documents are independent.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "layout/fonts.h"
#include "pdf/deflate.h"
#include "pdf/font_subset.h"

namespace parting::pdf {

/// Stream objects whose bytes the PDF stage writes itself once libharu has
/// saved (object_stream.h's PackObjects() puts each in its placeholder's
/// place): libharu would copy a font program byte by byte into its buffers
/// and out again.
struct StreamsAside {
  std::map<int, std::string_view> bodies;  ///< placeholder object number -> body
  std::deque<std::string> kept;            ///< bodies made for this document
};

/// Adds `subset` of `face` to `doc` as a Type 0 font named TAG+PostScriptName
/// whose ToUnicode map is `text_of_cid`; with `aside`, its program and map
/// are set aside there, to be written after saving (`subset` must outlive
/// that). Returns the font dictionary, null when libharu fails (its error
/// handler has the reason).
HPDF_Dict EmbedFont(HPDF_Doc doc, const layout::FontFace& face, const FontSubset& subset,
                    const std::map<uint16_t, std::string>& text_of_cid,
                    StreamsAside* aside = nullptr);

/// Makes `font` available to `page`'s content as /`name`.
HPDF_STATUS AddPageFont(HPDF_Page page, const std::string& name, HPDF_Dict font);

/// Removes the obsolete /ProcSet libharu writes into every page's resources
/// (PDF 32000-1, 14.2: ignored by viewers since PDF 1.4).
void DropProcSet(HPDF_Page page);

/// Makes `operators`, compressed with `effort`, the whole content of
/// `page`: libharu's own drawing operators are not used on it.
HPDF_STATUS SetPageContent(HPDF_Page page, std::string_view operators, Effort effort);

}  // namespace parting::pdf
