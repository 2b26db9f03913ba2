#include "pdf/content_stream.h"

#include <cmath>
#include <cstdio>

#include "pdf/clusters.h"
#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

// A number as PDF writes it: at most three decimals, no trailing zeros.
std::string Num(double v) {
  if (std::abs(v) < 0.0005) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// One TJ array being written: hex strings of CIDs and adjustments.
class TjArray {
 public:
  explicit TjArray(std::string& out) : out_(out) {}
  void Adjust(long thousandths) {
    CloseHex();
    items_ += std::to_string(thousandths);
  }
  void Cid(uint16_t cid) {
    if (!in_hex_) {
      items_ += '<';
      in_hex_ = true;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", cid);
    items_ += buf;
    any_glyph_ = true;
  }
  void Flush() {
    CloseHex();
    if (any_glyph_) out_ += "[" + items_ + "]TJ\n";
    items_.clear();
    any_glyph_ = false;
  }

 private:
  void CloseHex() {
    if (in_hex_) items_ += '>';
    in_hex_ = false;
  }
  std::string& out_;
  std::string items_;
  bool in_hex_ = false;
  bool any_glyph_ = false;
};

class PageWriter {
 public:
  PageWriter(const layout::Page& page, const std::vector<DrawFont>& fonts)
      : height_(page.height), fonts_(fonts) {}

  std::string Take() { return std::move(out_); }

  void Artifact(const layout::TextRun& run) {
    // Pagination artifact (PDF 32000-1, 14.8.2.2); the empty ActualText keeps
    // viewers that ignore artifacts (poppler) from extracting it too.
    out_ += "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n/Span <</ActualText ()>> BDC\n";
    out_ += "BT\n";
    font_ = -1;
    gray_ = -1;
    Run(run, /*mapped=*/false);
    out_ += "ET\nEMC\nEMC\n";
  }

  void BeginText() {
    out_ += "BT\n";
    font_ = -1;
    gray_ = -1;
  }
  void EndText() { out_ += "ET\n"; }

  void Run(const layout::TextRun& run, bool mapped) {
    const DrawFont& font = fonts_.at(run.font);
    if (!font.subset || run.glyphs.empty()) return;
    if (run.font != font_ || run.size != size_) {
      out_ += "/" + font.resource + " " + Num(run.size) + " Tf\n";
      font_ = run.font;
      size_ = run.size;
    }
    if (run.color) {
      out_ += Num(run.color->r) + " " + Num(run.color->g) + " " + Num(run.color->b) + " rg\n";
      gray_ = -1;
    } else if (run.gray != gray_) {
      out_ += Num(run.gray) + " g\n";
      gray_ = run.gray;
    }
    const double y = height_ - run.y;
    if (run.angle == 0) {
      out_ += "1 0 0 1 " + Num(run.x) + " " + Num(y) + " Tm\n";
    } else {
      const double rad = run.angle * M_PI / 180;
      const double c = std::cos(rad), s = std::sin(rad);
      out_ += Num(c) + " " + Num(s) + " " + Num(-s) + " " + Num(c) + " " + Num(run.x) + " " +
              Num(y) + " Tm\n";
    }
    Glyphs(run, font, mapped);
  }

 private:
  // A piece of the run: one cluster, or a cluster with the clusters of the
  // marks that follow it moved sideways (`lead` = the glyphs of the first).
  struct Piece {
    size_t first = 0, count = 0, lead = 0;
    std::string_view text;
  };

  // Text extraction (poppler) places a character at its glyph's origin and
  // reads a gap from a mark moved sideways to the next letter as a word
  // space ("ปั้ น"). So such marks are drawn in an ActualText span of their
  // own with no text, and the letter they sit on stands for the text of all.
  static std::vector<Piece> Pieces(const layout::TextRun& run) {
    std::vector<Piece> pieces;
    ForEachCluster(run, [&](size_t first, size_t count, std::string_view text) {
      bool moved_mark = true;
      for (size_t k = first; k < first + count; ++k) {
        const layout::Glyph& g = run.glyphs[k];
        moved_mark &= g.advance == 0 && std::abs(g.dx) > 0.001;
      }
      if (moved_mark && !pieces.empty() && !pieces.back().text.empty() &&
          pieces.back().text.data() + pieces.back().text.size() == text.data()) {
        Piece& base = pieces.back();
        base.count += count;
        base.text = std::string_view(base.text.data(), base.text.size() + text.size());
      } else {
        pieces.push_back({first, count, count, text});
      }
    });
    return pieces;
  }

  void Glyphs(const layout::TextRun& run, const DrawFont& font, bool mapped) {
    const double em = run.size / 1000;  // pt per thousandth of an em
    double pen = 0;     // where layout's pen stands, pt from the run's start
    double viewer = 0;  // where the viewer's pen stands
    double rise = 0;
    TjArray tj(out_);
    auto draw = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        const layout::Glyph& g = run.glyphs[k];
        if (g.dy != rise) {
          tj.Flush();
          rise = g.dy;
          out_ += Num(rise) + " Ts\n";
        }
        const long adjust = std::lround(-(pen + g.dx - viewer) / em);
        if (adjust != 0) {
          tj.Adjust(adjust);
          viewer -= adjust * em;
        }
        auto cid = font.subset->cid_of.find(g.id);
        const uint16_t c = cid == font.subset->cid_of.end() ? 0 : cid->second;
        tj.Cid(c);
        viewer += font.subset->widths.at(c) * em;
        pen += g.advance;
      }
    };
    auto span = [&](const std::string_view text, size_t from, size_t to) {
      tj.Flush();
      out_ += "/Span <</ActualText " + HexTextString(std::string(text)) + ">> BDC\n";
      draw(from, to);
      tj.Flush();
      out_ += "EMC\n";
    };
    for (const Piece& piece : Pieces(run)) {
      const size_t end = piece.first + piece.count;
      if (!mapped) {
        draw(piece.first, end);
      } else if (piece.lead < piece.count) {
        span(piece.text, piece.first, piece.first + piece.lead);
        span({}, piece.first + piece.lead, end);
      } else {
        auto it = piece.count == 1 ? font.texts->find(run.glyphs[piece.first].id)
                                   : font.texts->end();
        if (it != font.texts->end() && it->second == piece.text)
          draw(piece.first, end);
        else
          span(piece.text, piece.first, end);
      }
    }
    tj.Flush();
    if (rise != 0) out_ += "0 Ts\n";
  }

  double height_;
  const std::vector<DrawFont>& fonts_;
  std::string out_;
  int font_ = -1;
  double size_ = -1;
  float gray_ = -1;
};

}  // namespace

std::string HexTextString(const std::string& utf8) {
  if (utf8.empty()) return "()";
  std::string out = "<FEFF";
  for (uint16_t unit : Utf16Units(utf8)) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", unit);
    out += buf;
  }
  return out + ">";
}

std::string TextOperators(const layout::Page& page, const std::vector<DrawFont>& fonts) {
  PageWriter writer(page, fonts);
  std::string head = "q\n";
  for (const auto& run : page.runs)
    if (run.artifact) writer.Artifact(run);
  bool any = false;
  for (const auto& run : page.runs) any |= !run.artifact;
  if (any) {
    writer.BeginText();
    for (const auto& run : page.runs)
      if (!run.artifact) writer.Run(run, /*mapped=*/true);
    writer.EndText();
  }
  return head + writer.Take() + "Q\n";
}

}  // namespace parting::pdf
