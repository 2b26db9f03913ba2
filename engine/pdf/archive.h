// The archive copy: what makes a Parting PDF conform to PDF/A-2b (ISO 19005-2,
// level B) on top of what every letter already has (embedded fonts, no
// transparency, no JavaScript, no encryption).
//
// Adds the XMP metadata stream (6.6.2: unfiltered, in sync with the document
// information dictionary, pdfaid:part 2 and conformance B), the sRGB output
// intent with its ICC profile embedded (6.2.3: Debian's icc-profiles-free
// sRGB.icc, an ICC v2 sRGB profile of 6.9 KB, 2.4 KB compressed; colord's
// is 20 KB, 7.2 KB compressed), and the file identifier in the trailer (6.1.3). docs/pdfa.md
// lists which clauses the tests check. The XMP also claims PDF/UA-1
// (pdfuaid:part 1, described by a PDF/A extension schema; docs/pdfua.md):
// only archive copies have XMP.
#pragma once

#include <hpdf.h>

#include <string>

#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::pdf {

/// Where the sRGB profile of the output intent is read from.
inline constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/sRGB.icc";

/// The XMP packet for `tree`'s metadata (title, author, subject, keywords as
/// the information dictionary has them), claiming PDF/A-2b and PDF/UA-1.
std::string ArchiveXmp(const layout::PageTree& tree, const std::string& producer);

/// Makes `doc` (all pages drawn, information dictionary set) a PDF/A-2b file.
/// With `profile_object`, the output intent's profile is left an empty
/// placeholder whose object number goes there, for the caller to put
/// SrgbProfileObject() in its place in the saved file (PackObjects()); else
/// it is embedded (and compressed) here.
Status MakeArchival(HPDF_Doc doc, const layout::PageTree& tree, const std::string& producer,
                    int* profile_object = nullptr);

/// The body of the sRGB profile's stream object (dictionary, stream,
/// "endstream"), Flate-compressed once per process; empty when the profile
/// cannot be read.
const std::string& SrgbProfileObject();

}  // namespace parting::pdf
