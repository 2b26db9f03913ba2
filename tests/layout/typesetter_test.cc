#include "layout/typesetter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/page_model.h"
#include "layout/paragraph.h"
#include "sample_document.h"
#include "test_support.h"

using namespace parting;

namespace {

std::shared_ptr<const layout::Typesetter> Setter() {
  static auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  return *setter;
}

std::string AllText(const layout::PageTree& tree) {
  std::string out;
  for (const auto& page : tree.pages)
    for (const auto& run : page.runs) out += run.text;
  return out;
}

// The text of each line of a page (runs on one baseline, left to right):
// kerning splits words into several runs.
std::vector<std::string> Lines(const layout::Page& page) {
  std::map<long, std::map<double, std::string>> by_baseline;
  for (const auto& run : page.runs) by_baseline[std::lround(run.y * 100)][run.x] += run.text;
  std::vector<std::string> out;
  for (const auto& [y, runs] : by_baseline) {
    std::string line;
    for (const auto& [x, text] : runs) line += text;
    out.push_back(line);
  }
  return out;
}

bool HasLine(const layout::Page& page, const std::string& text) {
  for (const auto& line : Lines(page))
    if (line == text) return true;
  return false;
}

}  // namespace

TEST_CASE("Typesetter: a missing font folder is an error, not a crash") {
  auto setter = layout::Typesetter::Load("/nonexistent");
  CHECK_FALSE(setter.ok());
  CHECK(setter.status().code() == StatusCode::kNotFound);
}

TEST_CASE("Typesetter: a short letter fits on one page, inside its margins") {
  for (Paper paper : {Paper::kA4, Paper::kLetter}) {
    CAPTURE(static_cast<int>(paper));
    auto tree = Setter()->Lay(testing::SampleDocument(3, paper));
    REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
    REQUIRE(tree->pages.size() == 1);
    const auto& page = tree->pages[0];
    const double right = paper == Paper::kA4 ? 190 * 72 / 25.4 : 540;
    for (const auto& run : page.runs) {
      CAPTURE(run.text);
      CHECK(run.x >= 0);
      CHECK(run.x + run.width <= right + 0.01);
      CHECK(run.y <= page.height - 20);
    }
    const std::string text = AllText(*tree);
    // A one-page letter carries no page number.
    CHECK(text.find("Seite 1") == std::string::npos);
    CHECK(text.find("Herrn Thomas Müller") != std::string::npos);
    CHECK(text.find("ENTWURF") == std::string::npos);
  }
}

TEST_CASE("Typesetter: the draft mark appears on every page of a draft only") {
  auto doc = testing::SampleDocument(40);
  doc.draft = true;
  auto tree = Setter()->Lay(doc);
  REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
  REQUIRE(tree->pages.size() > 1);
  for (const auto& page : tree->pages) {
    CHECK(HasLine(page, "ENTWURF"));
  }
}

TEST_CASE("Typesetter: forty projects paginate with page labels and no stranded lines") {
  auto doc = testing::SampleDocument(40);
  doc.header_recipient = "Herrn Thomas Müller";
  doc.header_date = "22. November 2026";
  auto tree = Setter()->Lay(doc);
  REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
  const size_t pages = tree->pages.size();
  REQUIRE(pages >= 2);
  // The first page's foot says there is more; every later page opens with
  // a short header: recipient, date, page.
  const std::string of = " von " + std::to_string(pages);
  CHECK(HasLine(tree->pages[0], "Seite 1" + of));
  for (size_t p = 1; p < pages; ++p) {
    const std::string header =
        "Herrn Thomas Müller \u00b7 22. November 2026 \u00b7 Seite " + std::to_string(p + 1) + of;
    CAPTURE(header);
    const auto lines = Lines(tree->pages[p]);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() == header);
    CHECK_FALSE(HasLine(tree->pages[p], "Seite " + std::to_string(p + 1) + of));
  }
  // The heading never ends a page: on no page is "Laufende Projekte" the
  // last body line.
  for (size_t p = 0; p < pages; ++p) {
    const auto lines = Lines(tree->pages[p]);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[lines.size() - (p == 0 ? 2 : 1)] !=
          "Laufende Projekte");  // page 1 ends with its label
  }
  // Closing and signature stay together on the last page.
  const auto& last = tree->pages.back();
  CHECK(HasLine(last, "Mit freundlichen Grüßen"));
  CHECK(HasLine(last, "Jana Petersen"));
  CHECK(HasLine(last, "Geschäftsführerin"));
}

TEST_CASE("Typesetter: identical documents give identical page trees") {
  auto a = Setter()->Lay(testing::SampleDocument());
  auto b = Setter()->Lay(testing::SampleDocument());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->Dump() == b->Dump());
  CHECK(a->Dump().find("page 1 595.28x841.89") != std::string::npos);
}

TEST_CASE("Line breaking: a paragraph of long words never strands its first word") {
  // Regression: an underfull one-word line used to be the only "feasible"
  // first line when the tight first pass found nothing else.
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  const auto doc = testing::SampleDocument();
  auto hyphenator = layout::Hyphenator::Load();
  REQUIRE(hyphenator.ok());
  const auto lines = layout::SetParagraph(
      doc.body[1].spans, **fonts,
      {10.5, layout::FontStyle::kRegular, "de-DE", hyphenator->get(), Language::kDe},
      165 * 72 / 25.4, true);
  REQUIRE(lines.size() >= 3);
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    CAPTURE(k);
    std::string text;
    for (const auto& run : lines[k].runs) text += run.text;
    CHECK(std::count(text.begin(), text.end(), ' ') >= 3);  // more than three words
    CHECK(lines[k].width == doctest::Approx(165 * 72 / 25.4).epsilon(0.0001));
  }
}

TEST_CASE("Typesetter: a long return address never runs into the recipient's lines") {
  for (Paper paper : {Paper::kA4}) {  // a US letter prints none (next test)
    auto doc = testing::SampleDocument(3, paper);
    doc.return_address =
        "Brightwater Analytics and Data Engineering Partners LLC · 410 Harbor Street, Suite 200 · "
        "Portland, OR 97204 · United States of America";
    auto tree = Setter()->Lay(doc);
    REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
    double lowest_return = 0;
    double first_recipient = 1e9;
    for (const auto& run : tree->pages[0].runs) {
      if (run.size <= 7) lowest_return = std::max(lowest_return, run.y);
      if (run.text.find("Söhne") != std::string::npos) first_recipient = run.y;
    }
    CHECK(lowest_return > 0);
    CHECK(first_recipient - lowest_return >= 10 * 0.75);  // at least one line's ascent
  }
}

TEST_CASE("Line breaking keeps short values whole and Polish one-letter words bound when it can") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  using compose::Span;
  const double measure = 60 * 72 / 25.4;  // a narrow column: many breaks
  auto lines_of = [&](const std::vector<Span>& spans, const char* language) {
    std::vector<std::string> out;
    for (const auto& line : layout::SetParagraph(
             spans, **fonts, {10, layout::FontStyle::kRegular, language}, measure, false)) {
      std::string text;
      for (const auto& run : line.runs) text += run.text;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out.push_back(text);
    }
    return out;
  };
  SUBCASE("a date from the request never splits") {
    std::vector<Span> spans;
    for (int i = 0; i < 12; ++i) {
      spans.push_back(Span{" umowa wygasa z dniem "});
      spans.push_back(Span{"28 lutego 2027", false, false, true, true});
    }
    for (const auto& line : lines_of(spans, "pl-PL")) {
      CAPTURE(line);
      CHECK_FALSE(line.ends_with(" 28"));
      CHECK_FALSE(line.ends_with("lutego"));
    }
  }
  SUBCASE("no Polish line ends with a one-letter word") {
    std::vector<Span> spans = {Span{
        "Dziękujemy za współpracę i zaufanie, a w szczególności za lata wspólnej pracy z naszym "
        "zespołem o wielu kompetencjach i u wielu klientów w całym kraju oraz z partnerami w "
        "regionie i w Europie, a także o wsparcie w trudnych chwilach i w dobrych czasach."}};
    const auto lines = lines_of(spans, "pl-PL");
    REQUIRE(lines.size() >= 4);
    for (const auto& line : lines) {
      CAPTURE(line);
      const size_t space = line.rfind(' ');
      const std::string last = space == std::string::npos ? line : line.substr(space + 1);
      CHECK(last.size() > 1);
    }
  }
}

TEST_CASE("Typesetter: a US letter has no page number on its first page") {
  auto doc = testing::SampleDocument(40, Paper::kLetter);
  doc.page_label = "Page {page} of {pages}";
  doc.header_recipient = "Dr. Maria Keller";
  doc.header_date = "March 3, 2027";
  auto tree = Setter()->Lay(doc);
  REQUIRE(tree.ok());
  REQUIRE(tree->pages.size() >= 2);
  std::string first;
  for (const auto& run : tree->pages[0].runs) first += run.text;
  CHECK(first.find("Page ") == std::string::npos);
  CHECK(Lines(tree->pages[1]).front() == "Dr. Maria Keller \u00b7 March 3, 2027 \u00b7 Page 2 of " +
                                             std::to_string(tree->pages.size()));
}

TEST_CASE("Typesetter: the legal footer is on every page, below the body, inside the margins") {
  for (Paper paper : {Paper::kA4, Paper::kLetter}) {
    CAPTURE(static_cast<int>(paper));
    auto doc = testing::SampleDocument(40, paper);
    doc.legal_footer = {"Nordlicht Consulting GmbH",
                        "Sitz der Gesellschaft: Hamburg",
                        "Registergericht: Amtsgericht Hamburg, HRB 123456",
                        "Geschäftsführung: Jana Petersen, Dr. Ole Brandt, Mia Sørensen",
                        "USt-IdNr.: DE123456789",
                        "Stammkapital: 25.000,00 €"};
    auto tree = Setter()->Lay(doc);
    REQUIRE(tree.ok());
    REQUIRE(tree->pages.size() >= 2);
    const double right = paper == Paper::kA4 ? 190 * 72 / 25.4 : 540;
    for (const auto& page : tree->pages) {
      std::string text;
      double footer_top = page.height;
      double body_bottom = 0;
      for (const auto& run : page.runs) {
        text += run.text;
        CHECK(run.x + run.width <= right + 0.01);
        if (run.size == 7 && run.y > page.height / 2)  // not the window's return address
          footer_top = std::min(footer_top, run.y);
        else if (run.text.find("Seite") == std::string::npos)
          body_bottom = std::max(body_bottom, run.y);
      }
      for (const char* piece : {"HRB 123456", "Mia Sørensen", "DE123456789", "25.000,00"})
        CHECK_MESSAGE(text.find(piece) != std::string::npos, piece);
      // A full line's height between the body's last baseline and the
      // footer's first: descenders and capitals never touch.
      CHECK(footer_top - body_bottom >= 14);
    }
  }
}

TEST_CASE(
    "Typesetter: a US letter in block format, its date flush left between letterhead and window") {
  auto doc = testing::SampleDocument(3, Paper::kLetter);
  doc.date_line = "November 22, 2026";
  auto tree = Setter()->Lay(doc);
  REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
  const auto& page = tree->pages[0];
  const layout::PageModel model = layout::ModelFor(Paper::kLetter);
  const layout::TextRun* date = nullptr;
  double first_recipient = 1e9;
  double letterhead_bottom = 0;
  for (const auto& run : page.runs) {
    if (run.text.find("November 22, 2026") != std::string::npos) date = &run;
    if (run.text.find("Söhne") != std::string::npos) first_recipient = run.y;
    if (run.y < model.letterhead_bottom) letterhead_bottom = std::max(letterhead_bottom, run.y);
    // No return line in the window: a #10 envelope carries the return address.
    CHECK_MESSAGE(!(run.size <= 7 && run.y > model.letterhead_bottom && run.y < model.address_top),
                  run.text);
  }
  REQUIRE(date != nullptr);
  CHECK(date->x == doctest::Approx(model.left));  // flush left, with the body and the address
  CHECK(date->y - 0.72 * date->size > letterhead_bottom + 0.22 * 10);  // below the letterhead
  // Above the window: its descenders clear the first address line's capitals
  // by more than a line, so the date never shows in the window.
  CHECK(first_recipient - 0.72 * 10 - (date->y + 0.22 * date->size) >= 15);
  // The references stand at the right, level with the date.
  bool reference_level = false;
  for (const auto& run : page.runs)
    if (run.x >= model.info_left && doc.reference_lines.front().starts_with(run.text))
      reference_level = run.y == doctest::Approx(date->y);
  CHECK(reference_level);
}

// A redline's marks: an inserted span is drawn in blue with a rule under it, a
// deleted span in red with a rule through it, each rule as wide as the marked
// text; a changes page comes before the letter.
namespace {

const layout::TextRun* RunWith(const layout::PageTree& tree, const std::string& text,
                               int* page_index = nullptr) {
  for (size_t p = 0; p < tree.pages.size(); ++p)
    for (const auto& run : tree.pages[p].runs)
      if (run.text.find(text) != std::string::npos) {
        if (page_index) *page_index = static_cast<int>(p);
        return &run;
      }
  return nullptr;
}

// The coloured rule that runs along `run`, if any.
const layout::Rule* RuleAlong(const layout::Page& page, const layout::TextRun& run) {
  for (const auto& rule : page.rules)
    if (rule.color && std::abs(rule.x1 - run.x) < 0.01 &&
        std::abs(rule.x2 - (run.x + run.width)) < 0.01 && std::abs(rule.y1 - run.y) < run.size)
      return &rule;
  return nullptr;
}

}  // namespace

TEST_CASE("Redline marks: inserted underlined in blue, deleted struck through in red") {
  compose::Document doc = testing::SampleDocument();
  doc.draft = true;
  compose::Block block;
  block.spans = {compose::Span{"Die Frist endet am "},
                 compose::Span{"28. Februar", false, false, true, true, compose::Change::kDeleted},
                 compose::Span{" "},
                 compose::Span{"31. März", false, false, true, true, compose::Change::kInserted},
                 compose::Span{" 2027."}};
  doc.body.insert(doc.body.begin(), block);
  doc.redline = true;
  doc.changes.title = "Änderungen gegenüber dem früheren Entwurf";
  doc.changes.facts = {{"Vertragsende", "verschoben"}};

  auto tree = Setter()->Lay(doc);
  REQUIRE(tree.ok());
  int changes_page = -1;
  REQUIRE(RunWith(*tree, "Änderungen", &changes_page) != nullptr);
  CHECK(changes_page == 0);

  int page = -1;
  const layout::TextRun* deleted = RunWith(*tree, "Februar", &page);
  REQUIRE(deleted != nullptr);
  CHECK(page == 1);
  REQUIRE(deleted->color.has_value());
  CHECK(deleted->color->r > 0.5f);
  const layout::Rule* strike = RuleAlong(tree->pages[page], *deleted);
  REQUIRE(strike != nullptr);
  CHECK(strike->y1 < deleted->y);  // above the baseline: through the letters
  CHECK(*strike->color == *deleted->color);

  const layout::TextRun* inserted = RunWith(*tree, "März");
  REQUIRE(inserted != nullptr);
  REQUIRE(inserted->color.has_value());
  CHECK(inserted->color->b > 0.5f);
  const layout::Rule* underline = RuleAlong(tree->pages[page], *inserted);
  REQUIRE(underline != nullptr);
  CHECK(underline->y1 > inserted->y);  // below the baseline

  // The unmarked text around them is not coloured.
  const layout::TextRun* plain = RunWith(*tree, "Frist");
  REQUIRE(plain != nullptr);
  CHECK(!plain->color.has_value());
  // The signature box counts the changes page.
  REQUIRE(tree->signature.has_value());
  CHECK(tree->signature->page >= 1);
}

TEST_CASE("a signed letter's caption is set inside the signature field, in the signer's block") {
  compose::Document doc = testing::SampleDocument(3);
  auto unsigned_tree = Setter()->Lay(doc);
  REQUIRE(unsigned_tree.ok());
  doc.signature_caption =
      "Digital signiert von Nordlicht Consulting GmbH, Hamburg, Geschäftsbereich Beratung, "
      "am\u00A029.\u00A0November\u00A02026";
  auto tree = Setter()->Lay(doc);
  REQUIRE(tree.ok());
  REQUIRE(tree->signature.has_value());
  const layout::SignatureBox& box = *tree->signature;
  // The same field as the unsigned letter's: the caption moves nothing.
  REQUIRE(unsigned_tree->signature.has_value());
  CHECK(unsigned_tree->signature->y == doctest::Approx(box.y));
  CHECK(unsigned_tree->pages.size() == tree->pages.size());
  std::string caption;
  size_t first_caption = 0, name_run = 0;
  const auto& runs = tree->pages[box.page].runs;
  for (size_t i = 0; i < runs.size(); ++i) {
    const layout::TextRun& run = runs[i];
    if (run.y < box.y || run.y > box.y + box.height) continue;
    if (caption.empty()) first_caption = i;
    caption += run.text;
    // Inside the field, right of the tick, small and grey, in the signer's block.
    CHECK(run.x >= box.x + 0.9 * box.height);
    CHECK(run.x + run.width <= box.x + box.width + 0.01);
    CHECK(run.y - 0.75 * run.size >= box.y);
    CHECK(run.size <= 7);
    CHECK(run.size >= 5.5);
    CHECK(run.element == tree->signature_element);
  }
  CHECK(caption.find("Digital") != std::string::npos);
  CHECK(caption.find("2026") != std::string::npos);
  // Read before the signer's name, which stands under the field.
  for (size_t i = 0; i < runs.size(); ++i)
    if (runs[i].y > box.y + box.height && runs[i].element == tree->signature_element) {
      name_run = i;
      break;
    }
  CHECK(first_caption < name_run);
}

TEST_CASE("a redline's marked address is set in the window, or plain where the marks do not fit") {
  // (The marks without the changes page, so that page 0 is the letter's first.)
  compose::Document doc = testing::SampleDocument(3);
  auto value = [](std::string text, compose::Change change = compose::Change::kNone) {
    compose::Span span{std::move(text)};
    span.verbatim = true;
    span.change = change;
    return span;
  };
  // Counts the runs of the address window in colour, and the rules under them.
  auto colored_in_window = [](const layout::PageTree& tree, const std::string& text) {
    int colored = 0;
    for (const auto& run : tree.pages[0].runs)
      if (run.color && run.text.find(text) != std::string::npos) ++colored;
    return colored;
  };
  doc.line_marks.recipient.clear();
  for (const std::string& line : doc.recipient_lines)
    doc.line_marks.recipient.push_back({value(line)});
  doc.line_marks.recipient.back() = {value("80802 "), value("München", compose::Change::kDeleted),
                                     value(" "), value("Berlin", compose::Change::kInserted)};
  auto marked = Setter()->Lay(doc);
  REQUIRE(marked.ok());
  CHECK(colored_in_window(*marked, "München") == 1);  // struck through, in red
  CHECK(colored_in_window(*marked, "Berlin") == 1);   // underlined, in blue
  size_t rules = 0;
  for (const auto& rule : marked->pages[0].rules) rules += rule.color.has_value();
  CHECK(rules >= 2);
  // Marks that would take the window past its lines: the address is set plain.
  std::string long_deleted(60, 'x');
  for (size_t i = 0; i < 40; ++i) long_deleted += " Strasse";
  doc.line_marks.recipient.back().push_back(value(" " + long_deleted, compose::Change::kDeleted));
  auto plain = Setter()->Lay(doc);
  REQUIRE_MESSAGE(plain.ok(), plain.status().ToString());
  CHECK(colored_in_window(*plain, "München") == 0);
  CHECK(colored_in_window(*plain, "Berlin") == 0);
}
