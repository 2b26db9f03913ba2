#include "layout/typesetter.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/placeholder.h"
#include "layout/first_page.h"
#include "layout/flow.h"
#include "layout/fonts.h"
#include "layout/page_model.h"
#include "layout/paragraph.h"
#include "layout/thai_break.h"
#include "parting/language.h"

namespace parting::layout {

struct Typesetter::Impl {
  std::shared_ptr<const FontSet> fonts;
  std::shared_ptr<const Hyphenator> hyphenator;
};

namespace {

constexpr float kMutedGray = 0.35f;
constexpr double kLegalSize = 7;
constexpr double kLegalLeading = 8.5;
// Beside the legal footer's lines, the width the page number may take.
constexpr double kPageLabelRoom = 30 * kMm;
// A redline's marks: inserted words in blue, deleted words in red.
constexpr Rgb kInsertedColor{0.05f, 0.30f, 0.75f};
constexpr Rgb kDeletedColor{0.80f, 0.10f, 0.10f};

class LetterSetter {
 public:
  LetterSetter(const FontSet& fonts, const Hyphenator& hyphenator, const compose::Document& doc)
      : fonts_(fonts), hyphenator_(hyphenator), doc_(doc), model_(ModelFor(doc.paper)) {}

  Result<PageTree> Lay() {
    // Every block of the first page fits its box, or the request is refused
    // before anything is drawn.
    const Result<FirstPage> first =
        SetFirstPage(doc_, model_,
                     [this](const std::vector<compose::Span>& spans, FontStyle style, double size,
                            double measure) { return Set(spans, style, size, measure, false); });
    if (!first.ok()) return first.status();
    tree_.fonts = fonts_.refs();
    tree_.title = doc_.title;
    tree_.author = doc_.author;
    // A letter's subject line is its title: /Subject would only repeat it.
    if (doc_.subject != doc_.title) tree_.subject = doc_.subject;
    tree_.keywords = doc_.keywords;
    tree_.language = doc_.bcp47;

    SetLegalFooter();
    const Sheet changes = doc_.redline ? LaySheet(doc_.changes) : Sheet{};
    // Reading order: a redline's changes, the first page's blocks, the body,
    // a draft's review sheet; each part's elements are made in that order.
    const std::vector<int> first_elements = FirstPageElements(*first);
    std::vector<FlowLine> flow = BodyFlow();
    const auto paged =
        Paginate(flow, model_.subject_baseline, model_.body_top_next_pages, body_bottom_);
    const Sheet review = doc_.draft ? LaySheet(doc_.review) : Sheet{};
    const size_t pages = changes.pages.size() + paged.size() + review.pages.size();
    for (size_t c = 0; c < changes.pages.size(); ++c)
      ReviewPage(changes.flow, changes.pages[c], c + 1, pages);
    const size_t before = changes.pages.size();  // pages before the letter
    for (size_t p = 0; p < paged.size(); ++p) {
      Page& page = NewPage();
      if (doc_.draft) Watermark(page);
      if (p == 0) FirstPageFurniture(page, *first, first_elements);
      if (p > 0) ContinuationHeader(page, before + p + 1, pages);
      for (const PagedLine& placed : paged[p]) {
        FlowLine& line = flow[placed.index];
        if (line.signed_above) {
          // From below the line before to above this one's capitals.
          const double top = placed.baseline - line.advance + 0.4 * model_.leading;
          tree_.signature = SignatureBox{static_cast<int>(before + p), line.x, top, 65 * kMm,
                                         placed.baseline - 0.95 * line.size - top};
          SignatureCaption(page, *tree_.signature);
        }
        // Each line of the flow is placed once: its runs move into the page.
        Place(page, std::move(line.line), line.x, placed.baseline, line.size, line.gray,
              line.element);
      }
      if (doc_.draft) PinNotes(page, paged[p], flow);
      // The page number: on the first page of a letter that goes on (A4),
      // never on a one-page letter nor on a US letter's first page; the
      // pages after the first carry it in their header.
      const bool numbered = p == 0 && pages > 1 && doc_.paper == Paper::kA4;
      Footer(page, before + p + 1, pages, numbered);
      if (doc_.draft) DraftMark(page);
    }
    for (size_t r = 0; r < review.pages.size(); ++r)
      ReviewPage(review.flow, review.pages[r], before + paged.size() + r + 1, pages);
    return PageTree(std::move(tree_));
  }

  // A signed letter's words in its signature field (who signed, the day),
  // right of the tick the field's appearance draws (pdf/sign.cc), in the
  // signer's block: read before the signer's name, as they are seen. Set
  // as large as fits the field, from 7 pt down to 5.5 pt.
  void SignatureCaption(Page& page, const SignatureBox& box) {
    if (doc_.signature_caption.empty()) return;
    const double left = 0.95 * box.height;  // the tick's right edge
    const double measure = box.width - left - 2;
    double size = 7;
    std::vector<Line> lines = SetPlain(doc_.signature_caption, FontStyle::kRegular, size, measure);
    while (size > 5.5 && lines.size() * 1.2 * size > box.height - 2) {
      size -= 0.5;
      lines = SetPlain(doc_.signature_caption, FontStyle::kRegular, size, measure);
    }
    const double leading = 1.2 * size;
    // The lines centred in the field's height, each on its baseline.
    double baseline = box.y + (box.height - lines.size() * leading) / 2 + 0.9 * size;
    for (Line& line : lines) {
      Place(page, std::move(line), box.x + left, baseline, size, 0.3f, tree_.signature_element);
      baseline += leading;
    }
  }

  // A review sheet's lines and the pages they fill.
  struct Sheet {
    std::vector<FlowLine> flow;
    std::vector<std::vector<PagedLine>> pages;
  };
  Sheet LaySheet(const compose::Review& review) {
    Sheet sheet;
    sheet.flow = ReviewFlow(review);
    sheet.pages =
        Paginate(sheet.flow, model_.body_top_next_pages, model_.body_top_next_pages, body_bottom_);
    return sheet;
  }

  // A page of a draft's review part (the review sheet, a redline's changes).
  void ReviewPage(const std::vector<FlowLine>& flow, const std::vector<PagedLine>& placed_lines,
                  size_t number, size_t count) {
    Page& page = NewPage();
    Watermark(page);
    for (const PagedLine& placed : placed_lines) {
      const FlowLine& line = flow[placed.index];
      Place(page, line.line, line.x, placed.baseline, line.size, line.gray, line.element);
    }
    Footer(page, number, count, true);
    DraftMark(page);
  }

 private:
  const char* Lang() const { return doc_.bcp47.empty() ? "en" : doc_.bcp47.c_str(); }

  Page& NewPage() {
    Page page;
    page.width = model_.width;
    page.height = model_.height;
    tree_.pages.push_back(std::move(page));
    return tree_.pages.back();
  }

  std::vector<Line> Set(const std::vector<compose::Span>& spans, FontStyle base, double size,
                        double measure, bool justify) const {
    TextStyle style{size, base, Lang()};
    // Some languages are set ragged (Thai: parting/language.h says why).
    if (!InfoOf(doc_.language).justify) justify = false;
    // Justified text is hyphenated; short ragged lines (addresses, the
    // subject, the signature) never are.
    if (justify && hyphenator_.Supports(doc_.language)) {
      style.hyphenator = &hyphenator_;
      style.hyphenation_language = doc_.language;
    }
    return SetParagraph(spans, fonts_, style, measure, justify);
  }

  std::vector<Line> SetPlain(const std::string& text, FontStyle base, double size,
                             double measure) const {
    return Set({compose::Span{text, false, false, true}}, base, size, measure, false);
  }

  // A new structure element (PageTree::elements); returns its index.
  int Begin(const char* role, int parent = -1) {
    tree_.elements.push_back(Element{role, parent, {}});
    return static_cast<int>(tree_.elements.size()) - 1;
  }

  // Places a line's runs; they are content of `element` (-1: page furniture)
  // unless a run names its own.
  // (A line given as an rvalue gives up its runs' text and glyphs.)
  template <typename LineRef>
  void Place(Page& page, LineRef&& line, double x, double baseline, double size, float gray,
             int element = -1) {
    constexpr bool kMove = !std::is_lvalue_reference_v<LineRef>;
    for (auto& run : line.runs) {
      TextRun out;
      out.font = run.font;
      out.size = size;
      out.x = x + run.x;
      out.y = baseline;
      out.width = run.width;
      if constexpr (kMove) {
        out.text = std::move(run.text);
        out.glyphs = std::move(run.glyphs);
      } else {
        out.text = run.text;
        out.glyphs = run.glyphs;
      }
      out.gray = gray;
      out.element = run.element >= 0 ? run.element : element;
      if (run.change != compose::Change::kNone) Mark(page, out, run.change);
      page.runs.push_back(std::move(out));
    }
  }

  // A redline's mark on a run: inserted text underlined, deleted text struck
  // through, each in its colour, which the text takes too.
  static void Mark(Page& page, TextRun& run, compose::Change change) {
    const bool inserted = change == compose::Change::kInserted;
    run.color = inserted ? kInsertedColor : kDeletedColor;
    const double y = inserted ? run.y + 0.16 * run.size : run.y - 0.3 * run.size;
    Rule rule{run.x, y, run.x + run.width, y, 0.06 * run.size, 0};
    rule.color = run.color;
    page.rules.push_back(rule);
  }

  // Places lines top-down from `baseline`; returns the baseline after the last.
  double PlaceLines(Page& page, const std::vector<Line>& lines, double x, double baseline,
                    double size, double leading, float gray, int element = -1) {
    for (const Line& line : lines) {
      Place(page, line, x, baseline, size, gray, element);
      baseline += leading;
    }
    return baseline;
  }

  // One structure element per letter part of the first page (neighbouring
  // blocks of one part share it), in the blocks' order.
  std::vector<int> FirstPageElements(const FirstPage& first) {
    std::vector<int> elements;
    for (size_t i = 0; i < first.blocks.size(); ++i) {
      const bool same = i > 0 && std::string_view(first.blocks[i].role) == first.blocks[i - 1].role;
      elements.push_back(same ? elements.back() : Begin(first.blocks[i].role));
    }
    return elements;
  }

  void FirstPageFurniture(Page& page, const FirstPage& first, const std::vector<int>& elements) {
    for (size_t i = 0; i < first.blocks.size(); ++i) {
      const PlacedBlock& block = first.blocks[i];
      PlaceLines(page, block.lines, block.x, block.baseline, block.size, block.leading, block.gray,
                 elements[i]);
    }
    page.rules.insert(page.rules.end(), first.rules.begin(), first.rules.end());
  }

  std::string PageLabel(size_t number, size_t count) const {
    std::string label = doc_.page_label;
    FillPlaceholder(label, "{page}", std::to_string(number));
    FillPlaceholder(label, "{pages}", std::to_string(count));
    return label;
  }

  // The sender's legal identity at the foot of every page, its pieces joined
  // by " · " and broken between pieces; the body ends above it.
  void SetLegalFooter() {
    body_bottom_ = model_.body_bottom;
    legal_lines_.clear();
    if (doc_.legal_footer.empty()) return;
    const double measure = model_.measure() - kPageLabelRoom;
    std::string line;
    auto flush = [&] {
      for (Line& set : SetPlain(line, FontStyle::kRegular, kLegalSize, measure))
        legal_lines_.push_back(std::move(set));
      line.clear();
    };
    for (const std::string& piece : doc_.legal_footer) {
      const std::string joined = line.empty() ? piece : line + " \u00b7 " + piece;
      if (!line.empty() && SetPlain(joined, FontStyle::kRegular, kLegalSize, measure).size() > 1) {
        flush();
        line = piece;
      } else {
        line = joined;
      }
    }
    if (!line.empty()) flush();
    const double first = model_.footer_baseline - kLegalLeading * (legal_lines_.size() - 1);
    // Room for the body's descenders and the footer's capitals between them.
    body_bottom_ = std::min(model_.body_bottom, first - kLegalSize - 10);
  }

  void Footer(Page& page, size_t number, size_t count, bool numbered) {
    if (!legal_lines_.empty())
      PlaceLines(page, legal_lines_, model_.left,
                 model_.footer_baseline - kLegalLeading * (legal_lines_.size() - 1), kLegalSize,
                 kLegalLeading, kMutedGray);
    if (!numbered) return;
    const auto lines = SetPlain(PageLabel(number, count), FontStyle::kRegular, model_.small_size,
                                model_.measure());
    if (lines.empty()) return;
    PlaceLines(page, lines, model_.right - lines.front().width, model_.footer_baseline,
               model_.small_size, model_.small_leading, kMutedGray);
  }

  // Pages after the first: whom the letter is to, its date and the page.
  void ContinuationHeader(Page& page, size_t number, size_t count) {
    std::string text;
    for (const std::string& part :
         {doc_.header_recipient, doc_.header_date, PageLabel(number, count)})
      if (!part.empty()) text += (text.empty() ? "" : " \u00b7 ") + part;
    const auto lines = SetPlain(text, FontStyle::kRegular, model_.small_size, model_.measure());
    PlaceLines(page, lines, model_.left, model_.body_top_next_pages - 8 * kMm, model_.small_size,
               model_.small_leading, kMutedGray);
  }

  void DraftMark(Page& page) {
    const auto lines = SetPlain(doc_.draft_mark, FontStyle::kBold, 14, model_.measure());
    if (lines.empty()) return;
    // Above the letterhead's box, however high the letterhead moved.
    const double y = std::min(12 * kMm, model_.letterhead_top - 0.3 * 14 - 1);
    PlaceLines(page, lines, model_.right - lines.front().width, y, 14, 16, 0.55f);
  }

  // A large, light, diagonal mark under the text of every page of a draft.
  void Watermark(Page& page) {
    const double size = 96;
    const auto lines = SetPlain(doc_.draft_mark, FontStyle::kBold, size, 1e6);
    if (lines.empty()) return;
    const double angle = std::atan2(model_.height, model_.width) * 180 / M_PI;
    const double rad = angle * M_PI / 180;
    const double w = lines.front().width;
    const double cap = 0.36 * size;  // half the height of capitals
    // Centre of the page; y grows down in layout, so the baseline direction
    // (cos, sin) in PDF space is (cos, -sin) here.
    const double x = model_.width / 2 - w / 2 * std::cos(rad) + cap * std::sin(rad);
    const double y = model_.height / 2 + w / 2 * std::sin(rad) + cap * std::cos(rad);
    for (const LineRun& run : lines.front().runs) {
      TextRun out;
      out.font = run.font;
      out.size = size;
      out.x = x + run.x * std::cos(rad);
      out.y = y - run.x * std::sin(rad);
      out.width = run.width;
      out.text = run.text;
      out.glyphs = run.glyphs;
      out.gray = 0.9f;
      out.angle = angle;
      out.artifact = true;  // not text of the letter: copying a paragraph gives the paragraph
      page.runs.push_back(std::move(out));
    }
  }

  // A note icon in the left margin beside the first line of each letter part
  // a warning concerns; several warnings on one part share one note.
  void PinNotes(Page& page, const std::vector<PagedLine>& placed,
                const std::vector<FlowLine>& flow) {
    std::map<size_t, std::string> by_line;
    for (const compose::ReviewNote& note : doc_.review.notes) {
      auto first = section_first_line_.find(note.section);
      const size_t line = first == section_first_line_.end() ? body_first_line_ : first->second;
      auto& text = by_line[line];
      text += (text.empty() ? "" : "\n\n") + note.text;
    }
    for (const PagedLine& p : placed) {
      auto it = by_line.find(p.index);
      if (it == by_line.end()) continue;
      // Viewers draw a note's icon at their own size (24 pt in poppler and
      // Acrobat) from the top-left corner: the box is that size and ends
      // well left of the text, so the icon never covers the first letter.
      Note note;
      note.width = note.height = 24;
      note.x = model_.left - note.width - 8;
      note.y = p.baseline - 16;
      note.title = doc_.review.note_title;
      note.text = it->second;
      note.element = flow[p.index].element;
      page.notes.push_back(std::move(note));
    }
  }

  // The review page (or a redline's changes page): facts in two columns,
  // then every warning.
  std::vector<FlowLine> ReviewFlow(const compose::Review& review) {
    std::vector<FlowLine> flow;
    const double size = 9.5;
    const double leading = 13;
    const double label_width = 52 * kMm;
    const double value_measure = model_.measure() - label_width;
    const int section = Begin("Sect");
    tag_ = Begin("H1", section);
    AddBlock(flow, SetPlain(review.title, FontStyle::kBold, 14, model_.measure()), model_.left, 14,
             0, 18, false);
    for (const compose::ReviewItem& item : review.facts) {
      auto label = SetPlain(item.label, FontStyle::kBold, size, label_width - 4 * kMm);
      auto value = SetPlain(item.value, FontStyle::kRegular, size, value_measure);
      const size_t n = std::max(label.size(), value.size());
      tag_ = Begin("P", section);
      std::vector<Line> lines(n);
      for (size_t k = 0; k < n; ++k) {
        if (k < label.size()) lines[k].runs = label[k].runs;
        if (k < value.size())
          for (LineRun run : value[k].runs) {
            run.x += label_width;
            lines[k].runs.push_back(std::move(run));
          }
      }
      AddBlock(flow, std::move(lines), model_.left, size, flow.size() == 1 ? 28 : leading + 5,
               leading, false, /*keep_all=*/true);
    }
    if (review.warnings_title.empty()) return flow;
    tag_ = Begin("H2", section);
    AddBlock(flow, SetPlain(review.warnings_title, FontStyle::kBold, 11, model_.measure()),
             model_.left, 11, 30, 15, false);
    bool first = true;
    const int list = review.warnings.empty() ? -1 : Begin("L", section);
    for (const std::string& warning : review.warnings) {
      const int label = ListItem(list);
      const double indent = 5 * kMm;
      auto lines = SetPlain(warning, FontStyle::kRegular, size, model_.measure() - indent);
      for (auto& line : lines)
        for (auto& run : line.runs) run.x += indent;
      auto bullet = SetPlain("\u2022", FontStyle::kRegular, size, indent);
      if (!lines.empty() && !bullet.empty())
        for (auto run : bullet.front().runs) {
          run.x += 1.5 * kMm;
          run.element = label;
          lines.front().runs.insert(lines.front().runs.begin(), run);
        }
      AddBlock(flow, std::move(lines), model_.left, size, first ? 20 : leading + 4, leading, first);
      first = false;
    }
    return flow;
  }

  // Appends the lines of one block; `keep_first` forbids a page break before
  // the block's first line (it stays with what precedes it).
  void AddBlock(std::vector<FlowLine>& flow, std::vector<Line> lines, double x, double size,
                double first_advance, double leading, bool keep_first, bool keep_all = false) {
    const size_t n = lines.size();
    for (size_t k = 0; k < n; ++k) {
      FlowLine fl;
      fl.line = std::move(lines[k]);
      fl.x = x;
      fl.size = size;
      fl.advance = k == 0 ? first_advance : leading;
      fl.element = tag_;
      // Never one line of a paragraph alone at a page foot or top.
      fl.break_before = !keep_all && (k == 0 ? !keep_first : (k >= 2 && n - k >= 2));
      flow.push_back(std::move(fl));
    }
  }

  std::vector<FlowLine> BodyFlow() {
    std::vector<FlowLine> flow;
    const double measure = model_.measure();
    const double size = model_.body_size;
    const double leading = model_.leading;
    const double gap = model_.paragraph_gap;

    const std::vector<compose::Span> subject =
        doc_.subject_marks.empty() ? std::vector<compose::Span>{{doc_.subject, true}}
                                   : doc_.subject_marks;
    tag_ = Begin("H1");
    AddBlock(flow, Set(subject, FontStyle::kBold, size + 0.5, measure, false), model_.left,
             size + 0.5, 0, leading, false);
    tag_ = Begin("P");
    AddBlock(flow,
             doc_.salutation_marks.empty()
                 ? SetPlain(doc_.salutation, FontStyle::kRegular, size, measure)
                 : Set(doc_.salutation_marks, FontStyle::kRegular, size, measure, false),
             model_.left, size, 2 * leading, leading, true);

    bool keep_next = true;  // the first paragraph stays with the salutation
    const auto& body = doc_.body;
    body_first_line_ = flow.size();
    for (size_t b = 0; b < body.size(); ++b) {
      const compose::Block& block = body[b];
      section_first_line_.emplace(block.section, flow.size());
      switch (block.kind) {
        case compose::BlockKind::kHeading: {
          tag_ = Begin("H2");
          AddBlock(flow, Set(block.spans, FontStyle::kBold, size, measure, false), model_.left,
                   size, leading + 1.6 * gap, leading, keep_next);
          keep_next = true;
          break;
        }
        case compose::BlockKind::kParagraph: {
          tag_ = Begin("P");
          AddBlock(flow, Set(block.spans, FontStyle::kRegular, size, measure, true), model_.left,
                   size, leading + gap, leading, keep_next);
          keep_next = false;
          break;
        }
        case compose::BlockKind::kListItem: {
          // A list is kept like a paragraph of items: it stays with the line
          // that introduces it, and never leaves one item alone at a page
          // foot or top.
          size_t first = b;
          while (first > 0 && body[first - 1].kind == compose::BlockKind::kListItem) --first;
          size_t last = b;
          while (last + 1 < body.size() && body[last + 1].kind == compose::BlockKind::kListItem)
            ++last;
          const size_t k = b - first;
          const size_t n = last - first + 1;
          const bool may_break = k >= 2 && n - k >= 2;
          if (k == 0) list_ = Begin("L");
          AddListItem(flow, block, k == 0 ? leading + gap : leading + 2,
                      keep_next || k == 0 || !may_break);
          keep_next = false;
          break;
        }
      }
    }

    // Closing, room for the handwritten signature, then the signer: one
    // unit, kept with the end of the last paragraph.
    tag_ = Begin("Closing");
    AddBlock(flow, SetPlain(doc_.closing, FontStyle::kRegular, size, measure), model_.left, size,
             leading + gap, leading, true);
    // With organization, name and role, the signature goes between the
    // organization and the name; otherwise above the first line.
    const auto& signer = doc_.signature_lines;
    const size_t gap_before = signer.size() >= 3 ? signer.size() - 2 : 0;
    tag_ = Begin("Signature");
    tree_.signature_element = tag_;
    for (size_t i = 0; i < signer.size(); ++i) {
      const size_t first = flow.size();
      // A redline marks what changed in the signer's block, line by line.
      const auto& marked = doc_.line_marks.signature;
      AddBlock(flow,
               marked.size() == signer.size()
                   ? Set(marked[i], FontStyle::kRegular, size, measure, false)
                   : SetPlain(signer[i], FontStyle::kRegular, size, measure),
               model_.left, size, i == gap_before ? 3.2 * leading : leading, leading, true, true);
      if (i == gap_before && first < flow.size()) flow[first].signed_above = true;
    }
    return flow;
  }

  void AddListItem(std::vector<FlowLine>& flow, const compose::Block& block, double advance,
                   bool keep_first) {
    const double size = model_.body_size;
    const double indent = 5 * kMm;
    auto lines = Set(block.spans, FontStyle::kRegular, size, model_.measure() - indent, true);
    if (lines.empty()) return;
    const int label = ListItem(list_);
    for (auto& line : lines)
      for (auto& run : line.runs) run.x += indent;
    // The bullet hangs in the indent, on the item's first line.
    auto bullet = SetPlain("\u2022", FontStyle::kRegular, size, indent);
    if (!bullet.empty())
      for (auto run : bullet.front().runs) {
        run.x += 1.5 * kMm;
        run.element = label;
        lines.front().runs.insert(lines.front().runs.begin(), run);
      }
    AddBlock(flow, std::move(lines), model_.left, size, advance, model_.leading, keep_first);
  }

  // A list item of `list`: its label's element is returned, its body's is
  // the one the next lines belong to.
  int ListItem(int list) {
    const int item = Begin("LI", list);
    const int label = Begin("Lbl", item);
    tag_ = Begin("LBody", item);
    return label;
  }

  const FontSet& fonts_;
  const Hyphenator& hyphenator_;
  const compose::Document& doc_;
  const PageModel model_;
  PageTree tree_;
  std::map<Section, size_t> section_first_line_;  // first flow line of each letter part
  size_t body_first_line_ = 0;
  std::vector<Line> legal_lines_;  ///< the legal footer, set once for every page
  double body_bottom_ = 0;         ///< the lowest body baseline, above the footer
  int tag_ = -1;                   ///< the structure element of the lines AddBlock adds
  int list_ = -1;                  ///< the body list being set
};

}  // namespace

Typesetter::Typesetter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Typesetter::~Typesetter() = default;

Result<std::shared_ptr<const Typesetter>> Typesetter::Load(const std::filesystem::path& fonts_dir) {
  auto fonts = FontSet::Load(fonts_dir);
  if (!fonts.ok()) return fonts.status();
  auto hyphenator = Hyphenator::Load();
  if (!hyphenator.ok()) return hyphenator.status();
  if (Status thai = CheckThaiBreaker(); !thai.ok()) return thai;
  auto impl = std::make_unique<Impl>();
  impl->fonts = *fonts;
  impl->hyphenator = *hyphenator;
  return std::shared_ptr<const Typesetter>(std::make_shared<Typesetter>(std::move(impl)));
}

void Typesetter::WarmUp() const { impl_->hyphenator->WarmUp(); }

Result<PageTree> Typesetter::Lay(const compose::Document& document) const {
  return LetterSetter(*impl_->fonts, *impl_->hyphenator, document).Lay();
}

}  // namespace parting::layout
