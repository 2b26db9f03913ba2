// The first page's fixed blocks, each set into a box it may not leave
// (page_model.h): the letterhead, the return address and the recipient in
// the envelope window, and the reference block with the date.
//
// A block that does not fit its box first uses the room its box has (the
// letterhead moves up), then steps its type down within limits; what still
// does not fit is refused with kInvalid naming the request field and the
// numbers ("/recipient/address: 9 lines with the name and organization; the
// window holds 6"), before anything is drawn. Pure, thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compose/document.h"
#include "layout/page_model.h"
#include "layout/page_tree.h"
#include "layout/paragraph.h"
#include "parting/status.h"

namespace parting::layout {

/// Lines of one block, where they go.
struct PlacedBlock {
  std::vector<Line> lines;
  double x = 0;
  double baseline = 0;  ///< of the first line
  double size = 10;
  double leading = 12;
  float gray = 0;
  /// The letter part it is, a structure role ("Letterhead", "Address",
  /// "DateBlock"): neighbouring blocks of one part are one element.
  const char* role = "Div";
};

struct FirstPage {
  std::vector<PlacedBlock> blocks;
  std::vector<Rule> rules;  ///< the letterhead's hairline, fold and punch marks
};

/// Sets spans ragged at `size` into lines no wider than `measure`: a value
/// from the request is one verbatim span, a redline's line its marked spans.
using SetSpans = std::function<std::vector<Line>(const std::vector<compose::Span>& spans,
                                                 FontStyle style, double size, double measure)>;

/// The first page's blocks. A redline's marked recipient, reference and date
/// lines (Document::line_marks) are set with their marks; where they do not
/// fit their box, the lines are set unmarked (the changes page lists them).
Result<FirstPage> SetFirstPage(const compose::Document& doc, const PageModel& model,
                               const SetSpans& set);

}  // namespace parting::layout
