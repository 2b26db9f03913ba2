// Object streams for the small objects of a letter (ISO 32000-1, 7.5.7,
// 7.5.8): libharu writes every object on its own with a 20-byte entry in a
// classic cross-reference table and cannot compress dictionaries; a tagged
// letter has dozens of tiny structure elements. PackObjects() moves every
// object that is not a stream (structure elements, fonts', pages' and
// annotations' dictionaries, stream lengths) into one Flate-compressed
// object stream and replaces the cross-reference table and trailer with a
// cross-reference stream (PNG up-predicted, Flate), leaving the streams'
// bytes as they were. The document information dictionary goes in too (its
// UTF-16 titles are the largest plain object of a Thai letter); pdfinfo,
// pdfsig and qpdf's incremental updates read it there.
//
// Works on libharu's own output: one body, one classic xref section at
// startxref, one trailer. Pure byte work, thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"
#include "pdf/deflate.h"

namespace parting::pdf {

/// Plain objects for the object stream besides libharu's.
struct ExtraObjects {
  std::map<int, std::string> replace;  ///< libharu's placeholder number -> dictionary
  /// Dictionaries numbered from the file's end, one after another: the k-th
  /// ends at ends[k].
  std::string appended;
  std::vector<size_t> ends;

  void Append(std::string_view dictionary) {
    appended += dictionary;
    ends.push_back(appended.size());
  }
};

/// `pdf` (PDF 1.5 or later) with its plain objects in an object stream and
/// a cross-reference stream. `replace` gives streams written in place of
/// libharu's: number -> what goes between "n 0 obj\n" and "endobj\n".
/// `extra`, given the first free object number, gives more plain objects.
/// Both new streams are compressed with `effort`.
Result<std::string> PackObjects(std::string_view pdf,
                                const std::map<int, std::string_view>& replace = {},
                                const std::function<ExtraObjects(int first_free)>& extra = nullptr,
                                Effort effort = Effort::kFast);

}  // namespace parting::pdf
