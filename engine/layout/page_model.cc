#include "layout/page_model.h"

namespace parting::layout {

PageModel ModelFor(Paper paper) {
  PageModel m;
  if (paper == Paper::kA4) {
    // DIN 5008 form B: address field 85 x 45 mm at 20 mm from the left and
    // 45 mm from the top (17.7 mm return-address zone, then the address),
    // info block from 125 mm, fold marks at 105 and 210 mm, punch mark at
    // the middle; 25 mm left and 20 mm right margin. The address zone
    // (62.7 to 90 mm) holds 6 lines.
    m.width = 210 * kMm;
    m.height = 297 * kMm;
    m.left = 25 * kMm;
    m.right = 190 * kMm;
    m.letterhead_baseline = 22 * kMm;
    m.return_address_baseline = 60 * kMm;
    m.address_left = 25 * kMm;
    m.address_width = 80 * kMm;
    m.address_top = 67.5 * kMm;
    m.address_bottom = 90 * kMm;
    m.address_lines = 6;
    m.info_left = 125 * kMm;
    m.info_top = 53 * kMm;
    // Below a draft's mark at the top, above the window's zone.
    m.letterhead_top = 14 * kMm;
    m.letterhead_bottom = 42 * kMm;
    m.return_top = 45 * kMm;
    m.info_bottom = 97 * kMm;
    m.subject_baseline = 103.5 * kMm;
    m.body_top_next_pages = 25 * kMm;
    m.body_bottom = 272 * kMm;
    m.footer_baseline = 285 * kMm;
    m.fold_marks = {105 * kMm, 210 * kMm};
    m.punch_mark = 148.5 * kMm;
  } else {
    // US Letter, folded in thirds for a #10 window envelope: the window sits
    // 7/8 in from the left, its top about 2 in below the top of the letter;
    // at 1 1/8 in high it shows five lines of address below the return line.
    m.width = 612;
    m.height = 792;
    m.left = 72;
    m.right = 540;
    m.letterhead_baseline = 58;
    m.return_address_baseline = 138;
    m.address_left = 72;
    m.address_width = 4 * 72;
    m.address_top = 156;
    m.address_bottom = 228;
    m.address_lines = 5;
    // Block format: the date flush left between the letterhead and the
    // window, as a US office sets it; no return line in the window (the
    // envelope carries it, the letterhead gives it). The references stand
    // at the right, level with the date.
    m.return_line = false;
    m.date_baseline = 124;
    m.info_left = 360;
    m.info_top = 124;
    m.letterhead_top = 34;
    m.letterhead_bottom = 100;
    m.return_top = 108;
    m.info_bottom = 262;
    m.subject_baseline = 276;
    m.body_top_next_pages = 72;
    m.body_bottom = 716;
    m.footer_baseline = 752;
    m.fold_marks = {264, 528};
    m.punch_mark = 0;
  }
  return m;
}

}  // namespace parting::layout
