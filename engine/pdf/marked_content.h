// The marked-content sequences of a tagged page (ISO 32000-1, 14.6, 14.7.4):
// which structure element the glyphs being drawn belong to.
//
// A stretch of runs of one element (a paragraph's lines on a page) is one
// sequence, "/P<</MCID n>>BDC ... EMC", with the page's next MCID; runs of no
// element (page numbers, headers, the legal footer) are "/Artifact BMC". A
// run whose text needs /ActualText gets a sequence of its own that carries
// it, "/Span<</MCID n/ActualText(...)>>BDC", instead of a nested span: no
// marked content is nested in a structure element's, so readers that pop
// the MCID at the first EMC (poppler 22.12's structure text) lose nothing.
// So does a stretch in another language than the document's (a Thai name
// in a German letter, span_language.h), "/Span<</MCID n>>BDC": noted in
// PageMarks::spans, it becomes a Span element with /Lang in the tree.
// Sequences open lazily, when the first glyph is drawn. Pure string
// building, one instance per page.
#pragma once

#include <string>

namespace parting::pdf {

struct PageMarks;  // pdf/structure.h

class MarkedContent {
 public:
  /// Null `marks`: the page is not tagged and every call does nothing.
  explicit MarkedContent(PageMarks* marks) : marks_(marks) {}

  bool tagged() const { return marks_ != nullptr; }

  /// The runs that follow are content of `element` (-1: an artifact).
  void Want(int element);
  /// Opens the wanted sequence unless it is open.
  void Open(std::string& out);
  /// Opens a sequence of its own for one run of the wanted element, with
  /// `actual_text` (a PDF string, parentheses included; empty: none) as its
  /// text and, with `language`, a Span element of that language around it
  /// in the tree; Close() ends it.
  void OpenWithText(std::string& out, const std::string& actual_text,
                    const char* language = nullptr);
  /// Opens an artifact with `actual_text` inside the wanted element's
  /// content (an inserted hyphen); Close() ends it, and the next Open()
  /// starts a new sequence of the element.
  void ArtifactWithText(std::string& out, const std::string& actual_text);
  /// Ends the open sequence, if any.
  void Close(std::string& out);

 private:
  static constexpr int kNone = -2;          // no sequence open
  static constexpr int kSpan = -3;          // a run's own sequence with its text
  static constexpr int kArtifactSpan = -4;  // an artifact run with its text
  int NextMcid();

  PageMarks* marks_;
  int want_ = kNone;  // the element the runs being drawn belong to
  int open_ = kNone;  // the element whose sequence is open
};

}  // namespace parting::pdf
