// Thai line-break opportunities from libthai, the breaker Pango, GTK and
// LibreOffice use for Thai.
//
// ICU's Thai dictionary splits compounds a Thai reader keeps whole
// (ล่วง|หน้า, ความร่วม|มือ) and loses its way around the abbreviation mark
// ฯ (ของบริษัทฯ comes out as ขอ|งบ|ริ|ษัทฯ). libthai keeps both whole, so
// the layout stage asks it for every opportunity inside a run of Thai
// letters and ICU only for the rest. Thread-safe: each thread has its own
// libthai breaker.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::layout {

/// Whether `c` is a Thai letter, vowel, tone mark or Thai sign (U+0E01–U+0E5B).
bool IsThaiLetter(char32_t c);

/// A maximal run of Thai letters, as byte offsets into the text: [begin, end).
struct ThaiRun {
  size_t begin = 0;
  size_t end = 0;
};

/// The Thai runs of UTF-8 `text`, in order.
std::vector<ThaiRun> ThaiRuns(std::string_view text);

/// Byte offsets strictly inside `run` where a line may end, as libthai finds
/// them on the run, less those inside the few compounds that libthai splits
/// but a Thai letter keeps whole (ตอบสนอง).
std::vector<size_t> ThaiBreaks(std::string_view text, ThaiRun run);

/// Checks that libthai's dictionary (Debian's libthai-data) is there to be
/// read: kNotFound otherwise. Called once at start-up, so that a broken
/// installation is refused instead of breaking Thai by another rule.
Status CheckThaiBreaker();

}  // namespace parting::layout
