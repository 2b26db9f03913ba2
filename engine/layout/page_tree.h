// PageTree: laid-out pages of positioned text runs and rules.
//
// The layout stage decides every position; the PDF stage only draws. A run is
// text in one font at one size whose glyphs, drawn one after another with the
// font's own advance widths, land exactly where layout placed them (layout
// splits a run wherever kerning or justification moves a glyph). Coordinates
// are PDF points with the origin at the top-left corner, y growing down; a
// run's y is its baseline.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace parting::layout {

/// A font file that both layout (metrics) and PDF (embedding) use.
struct FontRef {
  std::string postscript_name;
  std::string path;  ///< absolute path of the TrueType file
  /// Private-use code points drawn in this document and the text each stands
  /// for (a glyph variant, a positioned mark): the PDF's ToUnicode map sends
  /// them back so that copied text is the real text.
  std::map<uint32_t, std::string> to_unicode;
};

struct TextRun {
  int font = 0;  ///< index into PageTree::fonts
  double size = 10;
  double x = 0;
  double y = 0;
  double width = 0;  ///< advance width as layout measured it
  std::string text;  ///< UTF-8 code points to draw (may hold private-use ones)
  float gray = 0;    ///< 0 black .. 1 white
  double angle = 0;  ///< degrees, counter-clockwise about (x, y); 0 for text in lines
};

/// A reviewer's note (a PDF text annotation, shown as an icon) at a spot.
struct Note {
  double x = 0, y = 0, width = 14, height = 14;  ///< top-left corner and size
  std::string title;
  std::string text;
};

struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  float gray = 0;
};

struct Page {
  double width = 0;
  double height = 0;
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<Note> notes;
};

struct PageTree {
  std::vector<FontRef> fonts;
  std::vector<Page> pages;
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string language;  ///< BCP 47

  /// A readable, stable text form for golden tests: one line per page, run
  /// and rule, coordinates rounded to 0.01 pt.
  std::string Dump() const;
};

}  // namespace parting::layout
