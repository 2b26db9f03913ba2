// Redline: the words that changed between two drafts of one letter.
//
// Redline() compares the body of an earlier draft with the body of the
// current one, word by word (ICU word boundaries, so Thai is compared by its
// words too, with dtl's shortest edit script), and returns the current
// letter with every inserted word flagged Change::kInserted and every
// deleted word put back where it stood, flagged Change::kDeleted. Pure and
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "compose/document.h"

namespace parting::compose {

/// How many words (ICU words, spaces and punctuation not counted) a redline
/// marks.
struct RedlineCounts {
  size_t inserted = 0;
  size_t deleted = 0;
  bool operator==(const RedlineCounts&) const = default;
};

/// Above this estimated cost of a word-by-word edit script (all word
/// tokens times those in changed spans; about 0.35 s), the redline compares
/// whole spans instead. Ordinary letters stay far below it (a few thousand
/// tokens); hundreds of rewritten documented situations do not.
inline constexpr double kMaxWordDiffCost = 3e9;

/// `after` with its body marked against `before`'s. Blocks keep `after`'s
/// kinds and sections; a deleted word joins the block of the word it
/// followed (the next block's start when it stood first). A subject or
/// salutation that changed is marked too (Document::subject_marks,
/// salutation_marks), and so are the recipient's lines, the reference
/// lines, the date line and the signer's block (Document::line_marks).
/// `after.bcp47` picks the word boundaries.
Document Redline(const Document& before, const Document& after);

/// The words a marked body inserts and deletes.
RedlineCounts CountChanges(const std::vector<Block>& body, const std::string& bcp47);
/// The same over a marked letter's body, subject and salutation.
RedlineCounts CountChanges(const Document& document);

}  // namespace parting::compose
