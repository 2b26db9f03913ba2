// PageTree: laid-out pages of positioned glyph runs and rules.
//
// The layout stage decides every position; the PDF stage only draws. A run
// is glyphs of one font at one size, by glyph id, each with the advance and
// offset HarfBuzz gave it (kerning, justified spaces and mark offsets are in
// them), and the source text each cluster of glyphs stands for, so that the
// PDF can map glyphs back to text. Coordinates are PDF points with the origin
// at the top-left corner, y growing down; a run's y is its baseline.
#pragma once

#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace parting::layout {

class FontFace;

/// A font file that both layout (metrics, shaping) and PDF (subsetting,
/// embedding) use. `face` is opened once per process and shared.
struct FontRef {
  std::string postscript_name;
  std::string path;  ///< absolute path of the TrueType file
  std::shared_ptr<const FontFace> face;
};

/// One glyph as HarfBuzz placed it, in points at the run's size.
struct Glyph {
  uint32_t id = 0;       ///< glyph id in the font file
  double advance = 0;    ///< how far the pen moves after it (justification included)
  double dx = 0;         ///< offset of the glyph from the pen, along the baseline
  double dy = 0;         ///< offset above the baseline
  /// Byte offset into the run's text where this glyph's cluster starts.
  /// Clusters never decrease along a run; a cluster's text runs to the next
  /// larger cluster (or the end of the text). A glyph whose cluster is the
  /// text's length stands for no text (an inserted hyphen).
  uint32_t cluster = 0;
};

/// A colour in DeviceRGB, each component 0..1: a redline's marks.
struct Rgb {
  float r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

struct TextRun {
  int font = 0;  ///< index into PageTree::fonts
  double size = 10;
  double x = 0;
  double y = 0;
  double width = 0;  ///< sum of the glyphs' advances
  std::string text;  ///< UTF-8 source text the glyphs stand for
  std::vector<Glyph> glyphs;
  float gray = 0;    ///< 0 black .. 1 white
  std::optional<Rgb> color;  ///< drawn in this colour instead of `gray`
  double angle = 0;  ///< degrees, counter-clockwise about (x, y); 0 for text in lines
  /// Decoration, not content (a draft's diagonal mark): kept out of the
  /// document's text (copy, search, screen readers).
  bool artifact = false;
  /// The structure element (index into PageTree::elements) whose content
  /// this run is; -1 for page furniture (page numbers, headers, the legal
  /// footer, a draft's mark), which a tagged PDF marks as an artifact.
  int element = -1;
};

/// A reviewer's note (a PDF text annotation, shown as an icon) at a spot.
struct Note {
  double x = 0, y = 0, width = 14, height = 14;  ///< top-left corner and size
  std::string title;
  std::string text;
  int element = -1;  ///< the structure element it comments on (PageTree::elements)
};

struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  float gray = 0;
  std::optional<Rgb> color;  ///< stroked in this colour instead of `gray`
};

struct Page {
  double width = 0;
  double height = 0;
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<Note> notes;
};

/// One node of the letter's logical structure (a tagged PDF's structure
/// element): its role, standard (ISO 32000-1, 14.8.4: "H1", "P", "L", "LI",
/// "Lbl", "LBody", "Sect") or Parting's own ("Letterhead", "Address",
/// "DateBlock", "Closing", "Signature", mapped to a standard role by the PDF
/// stage). Elements are listed in reading order, a parent before its
/// children.
struct Element {
  std::string role;
  int parent = -1;   ///< index of the parent element; -1 for the document's children
  std::string lang;  ///< BCP 47, only where it differs from the document's
};

/// The room left for the handwritten signature, above the signer's name.
struct SignatureBox {
  int page = 0;  ///< zero-based
  double x = 0, y = 0, width = 0, height = 0;  ///< top-left corner and size
};

struct PageTree {
  std::vector<FontRef> fonts;
  std::vector<Page> pages;
  std::optional<SignatureBox> signature;
  /// The logical structure, in reading order; empty for a tree that is not
  /// tagged. TextRun::element and Note::element point into it.
  std::vector<Element> elements;
  /// The element the signature box belongs to (the signer's block), -1 if none.
  int signature_element = -1;
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
