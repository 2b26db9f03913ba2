// The ToUnicode CMap of an embedded font: each CID back to the text its
// glyph stands for, so that text in Parting's PDFs copies and searches as
// written (a ligature gives all its characters).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace parting::pdf {

/// A CMap (PDF 32000-1, 9.10.3) with a 2-byte code space mapping each CID
/// of `text_of_cid` to its text (UTF-8, written as UTF-16BE): runs of
/// consecutive CIDs and code units as bfrange lines, other runs of
/// consecutive CIDs as bfrange lines with an array of texts, the rest as
/// bfchar entries.
std::string ToUnicodeCMap(const std::map<uint16_t, std::string>& text_of_cid);

}  // namespace parting::pdf
