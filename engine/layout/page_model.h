// The letter page: where each part of a letter goes on A4 (DIN 5008, form B,
// for a DL window envelope) and on US Letter (for a #10 window envelope).
// All values in PDF points from the top-left corner.
#pragma once

#include <vector>

#include "parting/request.h"

namespace parting::layout {

inline constexpr double kMm = 72.0 / 25.4;

struct PageModel {
  double width = 0;
  double height = 0;
  double left = 0;   ///< body text starts here
  double right = 0;  ///< body text ends here (from the left edge)
  double measure() const { return right - left; }

  double letterhead_baseline = 0;      ///< sender organization
  double return_address_baseline = 0;  ///< the small line in the window
  double address_left = 0;
  double address_width = 0;   ///< usable width of the window
  double address_top = 0;     ///< first recipient line's baseline
  double address_bottom = 0;  ///< no ink of an address line below this
  /// Lines the window holds for the recipient, organization and name
  /// included (DIN 5008: 6 in the address zone).
  size_t address_lines = 6;
  double info_left = 0;  ///< references, sender contact, date
  double info_top = 0;
  /// The sender's small return line at the top of the window (DIN 5008).
  /// A US #10 single-window envelope carries the return address printed on
  /// the envelope, and the letterhead gives it: no return line there.
  bool return_line = true;
  /// When > 0, the date stands flush left at `left` on this baseline, between
  /// the letterhead and the window (US block format); otherwise it is set in
  /// the info column with the references.
  double date_baseline = 0;

  // The boxes the first page's blocks are set into (y from the top): each
  // block grows, shrinks its type within limits, or is refused, but never
  // leaves its box.
  double letterhead_top = 0;     ///< no ink of the letterhead above this
  double letterhead_bottom = 0;  ///< the letterhead's hairline at most here
  double return_top = 0;         ///< the window's return-address zone starts here
  double info_bottom = 0;        ///< no ink of the reference block below this
  double subject_baseline = 0;
  double body_top_next_pages = 0;  ///< first baseline on pages after the first
  double body_bottom = 0;          ///< no body baseline below this
  double footer_baseline = 0;
  std::vector<double> fold_marks;  ///< y of each fold mark
  double punch_mark = 0;           ///< y of the hole-punch mark, 0 for none

  // Type.
  double body_size = 10.5;
  double leading = 15;         ///< baseline to baseline in a paragraph
  double paragraph_gap = 7.5;  ///< extra space between paragraphs
  double small_size = 8;
  double small_leading = 11;
};

PageModel ModelFor(Paper paper);

}  // namespace parting::layout
