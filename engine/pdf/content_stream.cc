#include "pdf/content_stream.h"

#include <charconv>
#include <cmath>
#include <map>

#include "pdf/clusters.h"
#include "pdf/marked_content.h"
#include "pdf/span_language.h"
#include "pdf/structure.h"
#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

// Appends a number as PDF writes it: at most three decimals, no trailing
// zeros; then `tail` (an operator, a space).
void Num(std::string& out, double v, std::string_view tail = " ") {
  if (std::abs(v) < 0.0005) {
    out += '0';
  } else {
    char buf[32];
    const auto [end, error] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    std::string_view s(buf, error == std::errc() ? end - buf : 0);
    if (s.find('.') != std::string_view::npos) {
      while (s.back() == '0') s.remove_suffix(1);
      if (s.back() == '.') s.remove_suffix(1);
    }
    out += s;
  }
  out += tail;
}

// Positions to 0.01 pt: finer than any printer or screen shows.
// A rise (a mark's vertical offset) below 0.05 pt, 0.018 mm, is not drawn.
constexpr double kInvisibleRise = 0.05;

double Round(double v) { return std::round(v * 100) / 100; }

// std::lround (half away from zero) without the call into libm, for the
// adjustment between every two glyphs.
long RoundToLong(double v) { return static_cast<long>(v < 0 ? v - 0.5 : v + 0.5); }

// Appends `byte` to a literal string: raw, but for the three characters the
// syntax reserves and CR (which a reader would turn into LF). Raw bytes
// compress better than hex digits.
void LiteralByte(std::string& out, unsigned char byte) {
  if (byte == '(' || byte == ')' || byte == '\\') {
    out += '\\';
    out += static_cast<char>(byte);
  } else if (byte == '\r') {
    out += "\\r";
  } else {
    out += static_cast<char>(byte);
  }
}

// A mark: a glyph drawn over or under the letter before it. Text
// extraction (poppler) puts a character at its glyph's origin and splits
// words where one character starts where the previous one did (it takes
// that for duplicated text), where one starts well left of the word's end,
// or where the baseline moves: stacked, shifted or raised marks would break
// Thai words apart ("ปูป ่ ั้น"). So marks never stand for text by
// themselves (see Pieces).
bool Mark(const layout::Glyph& g) { return g.advance == 0; }

// Half poppler's smallest word space (0.1 em): a gap below it is never read
// as a space.
constexpr double kWordSpace = 0.05;

// One TJ array being written into the content: literal strings of 2-byte
// CIDs and adjustments. An array that ends up drawing no glyph is taken
// back out.
class TjArray {
 public:
  explicit TjArray(std::string& out) : out_(out) {}
  void Adjust(long thousandths) {
    Open();
    CloseString();
    char buf[24];
    const auto [end, error] = std::to_chars(buf, buf + sizeof buf, thousandths);
    out_.append(buf, end);
  }
  void Cid(uint16_t cid) {
    Open();
    if (!in_string_) {
      out_ += '(';
      in_string_ = true;
    }
    LiteralByte(out_, static_cast<unsigned char>(cid >> 8));
    LiteralByte(out_, static_cast<unsigned char>(cid & 0xFF));
    any_glyph_ = true;
  }
  void Flush() {
    if (!open_) return;
    CloseString();
    if (any_glyph_)
      out_ += "]TJ\n";
    else
      out_.resize(start_);
    open_ = any_glyph_ = false;
  }

 private:
  void Open() {
    if (open_) return;
    start_ = out_.size();
    out_ += '[';
    open_ = true;
  }
  void CloseString() {
    if (in_string_) out_ += ')';
    in_string_ = false;
  }
  std::string& out_;
  size_t start_ = 0;  // where the open array's "[" stands in out_
  bool open_ = false;
  bool in_string_ = false;
  bool any_glyph_ = false;
};

// A piece of a run: one cluster, or a cluster followed by the clusters of
// the marks on it (`lead` = how many glyphs the first cluster has).
struct Piece {
  size_t first = 0, count = 0, lead = 0;
  std::string_view text;
};

// `run`'s pieces, into `pieces` (cleared first: one vector serves a page).
void Pieces(const layout::TextRun& run, std::vector<Piece>& pieces) {
  pieces.clear();
  ForEachCluster(run, [&](size_t first, size_t count, std::string_view text) {
    bool marks = true;
    for (size_t k = first; k < first + count; ++k) marks &= Mark(run.glyphs[k]);
    if (marks && !pieces.empty() && !pieces.back().text.empty() &&
        pieces.back().text.data() + pieces.back().text.size() == text.data()) {
      Piece& base = pieces.back();
      base.count += count;
      base.text = std::string_view(base.text.data(), base.text.size() + text.size());
    } else {
      pieces.push_back({first, count, count, text});
    }
  });
}

// A stretch of a tagged run drawn in one marked-content sequence: glyphs
// [from, to), in `language` (null: the element's), `own` when its text
// needs ActualText.
struct Segment {
  size_t from = 0, to = 0;
  const char* language = nullptr;
  bool own = false;
  size_t first_piece = 0, end_piece = 0;  // its pieces, [first, end) of the run's
};

class PageWriter {
 public:
  // Writes after `before` (the page's rules).
  PageWriter(const layout::Page& page, const std::vector<DrawFont>& fonts, PageMarks* marks,
             std::string before)
      : height_(page.height),
        fonts_(fonts),
        marked_(marks),
        languages_(marks ? std::string_view(marks->language) : std::string_view()),
        out_(std::move(before)) {
    out_.reserve(16 << 10);  // a page of a letter: 3 to 20 KB
    out_ += "q\n";
  }

  std::string Take() { return std::move(out_); }

  // Tagged PDF: the runs that follow belong to structure element `element`
  // (-1: page furniture).
  void Mark(int element) { marked_.Want(element); }
  void CloseMark() { marked_.Close(out_); }

  void Artifact(const layout::TextRun& run) {
    // Pagination artifact (PDF 32000-1, 14.8.2.2); the empty ActualText keeps
    // viewers that ignore artifacts (poppler) from extracting it too.
    out_ += "/Artifact<</Type/Pagination/Subtype/Watermark>>BDC\n/Span<</ActualText()>>BDC\nBT\n";
    font_ = -1;
    gray_ = -1;
    Run(run, /*mapped=*/false);
    out_ += "ET\nEMC\nEMC\n";
  }

  void BeginText() {
    out_ += "BT\n";
    font_ = -1;
    gray_ = -1;
    line_x_ = line_y_ = 0;
  }
  void EndText() { out_ += "ET\n"; }

  // `line_end`: the run ends its line; `space_after`: on a tagged page, the
  // element's text reads on after it with a word space (a line end, or a
  // column gap).
  void Run(const layout::TextRun& run, bool mapped, bool line_end = false,
           bool space_after = false) {
    const DrawFont& font = fonts_.at(run.font);
    if (!font.subset || run.glyphs.empty()) return;
    if (run.font != font_ || run.size != size_) {
      out_ += '/';
      out_ += font.resource;
      out_ += ' ';
      Num(out_, run.size, " Tf\n");
      font_ = run.font;
      size_ = run.size;
    }
    if (run.color) {
      Num(out_, run.color->r);
      Num(out_, run.color->g);
      Num(out_, run.color->b, " rg\n");
      gray_ = -1;
    } else if (run.gray != gray_) {
      Num(out_, run.gray, " g\n");
      gray_ = run.gray;
    }
    const double y = height_ - run.y;
    if (run.angle == 0) {
      // Td from the previous run's start: shorter than a full Tm.
      const double x = Round(run.x), yy = Round(y);
      Num(out_, x - line_x_);
      Num(out_, yy - line_y_, " Td\n");
      line_x_ = x;
      line_y_ = yy;
    } else {
      const double rad = run.angle * M_PI / 180;
      const double c = std::cos(rad), s = std::sin(rad);
      for (const double v : {c, s, -s, c, run.x}) Num(out_, v);
      Num(out_, y, " Tm\n");
    }
    Glyphs(run, font, mapped, line_end, space_after);
  }

 private:
  // Draws glyphs [from, to) of `run` where layout put them: each TJ
  // adjustment takes the viewer's pen from where the font's /W width left
  // it to the next glyph's origin (kerning, justified spaces, mark offsets).
  void Draw(const layout::TextRun& run, const DrawFont& font, size_t from, size_t to,
            TjArray& tj) {
    const double em = run.size / 1000;  // pt per thousandth of an em
    for (size_t k = from; k < to; ++k) {
      const layout::Glyph& g = run.glyphs[k];
      // A mark raised or lowered by less than kInvisibleRise sits on the
      // baseline: no printer or screen shows the difference, and each rise
      // costs a Ts operator and a TJ array cut in two.
      const double dy = std::abs(g.dy) < kInvisibleRise ? 0 : g.dy;
      if (dy != rise_) {
        tj.Flush();
        rise_ = dy;
        Num(out_, rise_, " Ts\n");
      }
      const long adjust = RoundToLong(-(pen_ + g.dx - viewer_) / em);
      if (adjust != 0) {
        tj.Adjust(adjust);
        viewer_ -= adjust * em;
      }
      const uint16_t c = font.subset->Cid(g.id);
      tj.Cid(c);
      viewer_ += font.subset->widths[c] * em;
      pen_ += g.advance;
    }
  }

  static double Advance(const layout::TextRun& run, size_t from, size_t to) {
    double sum = 0;
    for (size_t k = from; k < to; ++k) sum += run.glyphs[k].advance;
    return sum;
  }

  // `text` as a literal PDF text string: UTF-16BE with a byte-order mark.
  static std::string TextString(std::string_view text) {
    std::string out = "(";
    if (!text.empty()) {
      out += "\xFE\xFF";
      for (uint16_t unit : Utf16Units(text)) {
        LiteralByte(out, static_cast<unsigned char>(unit >> 8));
        LiteralByte(out, static_cast<unsigned char>(unit & 0xFF));
      }
    }
    return out + ")";
  }

  void BeginSpan(TjArray& tj, std::string_view text) {
    tj.Flush();
    out_ += "/Span<</ActualText" + TextString(text) + ">>BDC\n";
  }
  void EndSpan(TjArray& tj) {
    tj.Flush();
    out_ += "EMC\n";
  }

  // A piece whose glyphs the ToUnicode map turns into its text is drawn as
  // is. A letter with marks says the text of all with ActualText, and the
  // marks follow in an ActualText span of no text. Any other piece
  // (several glyphs for one text, a glyph mapped to another text, an
  // inserted hyphen standing for none) says its text with ActualText.
  // How a piece's text is given back.
  enum class Says {
    kGlyphs,     // by its glyphs' ToUnicode entries
    kSpan,       // by an ActualText span with its text
    kSplitSpan,  // its letter by an ActualText span, its marks by one of no text
    kHyphen,     // a real hyphen ending a line: by an ActualText span of U+2010
  };
  Says HowSays(const layout::TextRun& run, const DrawFont& font, const Piece& piece,
               bool line_end) const {
    const size_t end = piece.first + piece.count;
    if (piece.lead < piece.count) {
      // One span when its box (first glyph's origin to last glyph's end)
      // ends near the letter's end; otherwise the letter alone, then its
      // marks in a span of no text.
      const size_t lead_end = piece.first + piece.lead;
      const double letter_end = Advance(run, piece.first, lead_end);
      const double mark_end = Advance(run, piece.first, end) + run.glyphs[end - 1].dx;
      return letter_end - mark_end < kWordSpace * run.size ? Says::kSpan : Says::kSplitSpan;
    }
    // Text extraction (poppler, and the copy of most viewers) takes a
    // hyphen-minus that ends a line for a hyphenation hyphen and joins the
    // word across the break. Inserted hyphens say "" already, so this is a
    // real one ("E-Mail"): given as U+2010 HYPHEN it stays.
    if (line_end && end == run.glyphs.size() && piece.text == "-") return Says::kHyphen;
    const std::string* text = piece.count == 1 ? font.Text(run.glyphs[piece.first].id) : nullptr;
    return text && std::string_view(*text) == piece.text ? Says::kGlyphs : Says::kSpan;
  }

  void Glyphs(const layout::TextRun& run, const DrawFont& font, bool mapped, bool line_end,
              bool space_after) {
    pen_ = viewer_ = rise_ = 0;
    TjArray tj(out_);
    if (!mapped) {
      marked_.Open(out_);
      Draw(run, font, 0, run.glyphs.size(), tj);
    } else if (marked_.tagged()) {
      TaggedGlyphs(run, font, line_end, space_after, tj);
    } else {
      Pieces(run, pieces_);
      for (const Piece& piece : pieces_) {
        const size_t end = piece.first + piece.count;
        const Says says = HowSays(run, font, piece, line_end);
        if (says == Says::kSpan || says == Says::kSplitSpan) {
          const size_t lead_end = piece.first + piece.lead;
          BeginSpan(tj, piece.text);
          if (says == Says::kSpan) {
            Draw(run, font, piece.first, end, tj);
            EndSpan(tj);
            continue;
          }
          Draw(run, font, piece.first, lead_end, tj);
          EndSpan(tj);
          BeginSpan(tj, {});
          Draw(run, font, lead_end, end, tj);
          EndSpan(tj);
          continue;
        }
        if (says == Says::kHyphen) {
          BeginSpan(tj, "\u2010");
          Draw(run, font, piece.first, end, tj);
          EndSpan(tj);
          continue;
        }
        Draw(run, font, piece.first, end, tj);
      }
    }
    tj.Flush();
    if (rise_ != 0) out_ += "0 Ts\n";
  }

  // A run of a tagged page. One whose pieces all say their text by their
  // glyphs goes into its element's open sequence; any other gets a
  // sequence of its own whose ActualText is the run's whole text (cheaper
  // than a span per piece, and nothing nested). A line that reads on into
  // the next one in its element ends with a space glyph of no width, so
  // that its last word and the next line's first stay apart in the
  // structure's text (which follows glyphs, not gaps).
  // A hyphen layout inserted at a line break is no text of the letter: an
  // artifact that says nothing, so that neither copy nor a screen reader
  // gets it.
  void TaggedGlyphs(const layout::TextRun& run, const DrawFont& font, bool line_end,
                    bool space_after, TjArray& tj) {
    size_t tail = run.glyphs.size();  // where the inserted glyphs start
    while (tail > 0 && run.glyphs[tail - 1].cluster >= run.text.size()) --tail;
    const bool inserted_hyphen = tail < run.glyphs.size();
    // A stretch in another script than the letter's (a Thai name in a
    // German letter) is a segment of its own, in a Span element with its
    // /Lang; pieces without letters stay with the segment before them.
    const bool may_change = run.element >= 0 && languages_.MayChange(run.text);
    size_t used = 0;  // segments_ in use
    auto start = [&](size_t from, size_t piece, const char* language) -> Segment& {
      if (used == segments_.size()) segments_.emplace_back();
      Segment& fresh = segments_[used++];
      fresh = Segment{from, from, language, false, piece, piece};
      return fresh;
    };
    Segment* segment = &start(0, 0, nullptr);
    Pieces(run, pieces_);
    says_.clear();
    for (const Piece& piece : pieces_) {
      if (piece.first >= tail) break;
      if (may_change) {
        const ScriptLanguages::Answer answer = languages_.Of(piece.text);
        if (answer.letters && answer.language != segment->language) {
          if (segment->to == segment->from)
            segment->language = answer.language;  // nothing in it yet
          else
            segment = &start(piece.first, says_.size(), answer.language);
        }
      }
      says_.push_back(HowSays(run, font, piece, line_end));
      segment->to = piece.first + piece.count;
      segment->own |= says_.back() != Says::kGlyphs;
      segment->end_piece = says_.size();
    }
    const int space = run.element >= 0 && space_after && !inserted_hyphen && !EndsThai(run.text)
                          ? SpaceCid(font)
                          : -1;
    for (size_t k = 0; tail > 0 && k < used; ++k) {
      const Segment& part = segments_[k];
      const bool last = k + 1 == used;
      const bool apart = part.own || part.language;
      tj.Flush();
      if (apart)
        marked_.OpenWithText(out_, part.own ? TextString(SegmentText(part, last && space >= 0))
                                            : std::string(),
                             part.language);
      else
        marked_.Open(out_);
      Draw(run, font, part.from, part.to, tj);
      if (last && space >= 0) tj.Cid(static_cast<uint16_t>(space));
      if (apart || (last && inserted_hyphen)) {
        tj.Flush();
        marked_.Close(out_);
      }
    }
    if (inserted_hyphen) {
      marked_.ArtifactWithText(out_, "()");
      Draw(run, font, tail, run.glyphs.size(), tj);
      tj.Flush();
      marked_.Close(out_);
    }
  }

  // The text `part` stands for (its pieces' as HowSays() read them), with a
  // word space after it when `space`.
  std::string SegmentText(const Segment& part, bool space) const {
    std::string text;
    for (size_t i = part.first_piece; i < part.end_piece; ++i)
      text += says_[i] == Says::kHyphen ? std::string_view("\u2010") : pieces_[i].text;
    if (space) text += ' ';
    return text;
  }

  // Thai is written without spaces between words: a line break there is none.
  static bool EndsThai(const std::string& text) {
    // U+0E00..U+0E7F is E0 B8 80 .. E0 B9 BF in UTF-8.
    const size_t n = text.size();
    return n >= 3 && static_cast<unsigned char>(text[n - 3]) == 0xE0 &&
           (static_cast<unsigned char>(text[n - 2]) & 0xFE) == 0xB8;
  }

  // The CID of `font`'s space glyph, -1 if the letter draws none.
  int SpaceCid(const DrawFont& font) {
    auto known = space_cid_.find(font.subset);
    if (known != space_cid_.end()) return known->second;
    int cid = -1;
    for (const auto& [glyph, text] : *font.texts) {
      if (text != " ") continue;
      auto it = font.subset->cid_of.find(glyph);
      if (it != font.subset->cid_of.end()) cid = it->second;
      break;
    }
    space_cid_.emplace(font.subset, cid);
    return cid;
  }

  double height_;
  const std::vector<DrawFont>& fonts_;
  MarkedContent marked_;                        // does nothing on a page that is not tagged
  ScriptLanguages languages_;                   // which stretches are in another language
  std::vector<Segment> segments_;               // TaggedGlyphs()'s, kept for their memory
  std::map<const FontSubset*, int> space_cid_;  // SpaceCid()'s answers
  std::string out_;
  std::vector<Piece> pieces_;  // Pieces() of the run being drawn
  std::vector<Says> says_;     // HowSays() of each of them, as far as drawn
  int font_ = -1;
  double size_ = -1;
  float gray_ = -1;
  double line_x_ = 0, line_y_ = 0;  // the text line matrix's origin
  double pen_ = 0;                  // where layout's pen stands, pt from the run's start
  double viewer_ = 0;               // where the viewer's pen stands
  double rise_ = 0;
};

}  // namespace

namespace {

// Each rule as a stroked line, in its grey or colour and width.
void RuleOperators(const layout::Page& page, bool artifact, std::string& out) {
  if (page.rules.empty()) return;
  if (artifact) out += "/Artifact BMC\n";
  for (const layout::Rule& rule : page.rules) {
    if (rule.color) {
      Num(out, rule.color->r);
      Num(out, rule.color->g);
      Num(out, rule.color->b, " RG\n");
    } else {
      Num(out, rule.gray, " G\n");
    }
    Num(out, rule.width, " w\n");
    Num(out, rule.x1);
    Num(out, page.height - rule.y1, " m\n");
    Num(out, rule.x2);
    Num(out, page.height - rule.y2, " l\nS\n");
  }
  if (artifact) out += "EMC\n";
}

// The text runs of `page`, after `before`.
std::string TextOperators(const layout::Page& page, const std::vector<DrawFont>& fonts,
                          PageMarks* marks, std::string before) {
  PageWriter writer(page, fonts, marks, std::move(before));
  for (const auto& run : page.runs)
    if (run.artifact) writer.Artifact(run);
  bool any = false;
  for (const auto& run : page.runs) any |= !run.artifact;
  if (any) {
    // The run that ends each line: the rightmost on its baseline.
    std::map<long, size_t> last_on_line;
    for (size_t i = 0; i < page.runs.size(); ++i) {
      const auto& run = page.runs[i];
      if (run.artifact || run.angle != 0) continue;
      auto [it, fresh] = last_on_line.emplace(std::lround(run.y * 100), i);
      if (!fresh && page.runs[it->second].x < run.x) it->second = i;
    }
    std::vector<bool> line_end(page.runs.size(), false);
    for (const auto& [y, i] : last_on_line) line_end[i] = true;
    // A run followed on its line by one more than an em to its right (the
    // value beside a label in a review sheet's two columns).
    auto column_end = [&](size_t i) {
      const auto& run = page.runs[i];
      if (i + 1 >= page.runs.size()) return false;
      const auto& next = page.runs[i + 1];
      return std::lround(next.y * 100) == std::lround(run.y * 100) &&
             next.x > run.x + run.width + run.size;
    };
    writer.BeginText();
    for (size_t i = 0; i < page.runs.size(); ++i) {
      if (page.runs[i].artifact) continue;
      writer.Mark(page.runs[i].element);
      writer.Run(page.runs[i], /*mapped=*/true, line_end[i], line_end[i] || column_end(i));
    }
    writer.CloseMark();
    writer.EndText();
  }
  std::string operators = writer.Take();
  operators += "Q\n";
  return operators;
}

}  // namespace

std::string PageOperators(const layout::Page& page, const std::vector<DrawFont>& fonts,
                          PageMarks* marks) {
  std::string rules;
  RuleOperators(page, marks != nullptr, rules);
  if (page.runs.empty()) return rules;
  return TextOperators(page, fonts, marks, std::move(rules));
}

}  // namespace parting::pdf
