// Nothing prints over anything, and nothing leaves the page: extreme but
// valid requests in every language (200-character names, references,
// e-mail addresses and phone numbers, tokens longer than the line, full
// address windows, long letterheads) are laid out, and from the PageTree no
// two text boxes on a page overlap, no text crosses a rule, and every box
// stays inside the page. What cannot fit is refused before it is drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "layout/typesetter.h"
#include "letter_fixture.h"
#include "request/request_fixture.h"
#include "test_support.h"

using namespace parting;

namespace {

struct Box {
  double x0, y0, x1, y1;
  std::string what;
};

// The box of a run: its advance across, and from cap height above the
// baseline to the descender below it; lines of one block, set at their
// leading, never overlap by this measure.
Box RunBox(const layout::TextRun& run) {
  return {run.x, run.y - 0.72 * run.size, run.x + run.width, run.y + 0.22 * run.size,
          "\"" + run.text.substr(0, 40) + "\" at " + std::to_string(run.x) + "," +
              std::to_string(run.y) + " (" + std::to_string(run.width) + " wide)"};
}

double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

// Every page: boxes inside the page (3 mm from each edge), no two boxes
// overlapping, no rule through a box.
void CheckPages(const layout::PageTree& tree, const std::string& name) {
  const double margin = 3 * 72 / 25.4;
  for (size_t p = 0; p < tree.pages.size(); ++p) {
    const layout::Page& page = tree.pages[p];
    CAPTURE(name);
    CAPTURE(p + 1);
    std::vector<Box> boxes;
    std::vector<double> baselines;
    std::vector<double> sizes;
    for (const layout::TextRun& run : page.runs) {
      if (run.angle != 0) continue;  // the draft's watermark lies under the text on purpose
      boxes.push_back(RunBox(run));
      baselines.push_back(run.y);
      sizes.push_back(run.size);
    }
    for (const Box& b : boxes) {
      CHECK_MESSAGE(b.x0 >= margin, b.what << " leaves the page on the left");
      CHECK_MESSAGE(b.x1 <= page.width - margin, b.what << " leaves the page on the right");
      CHECK_MESSAGE(b.y0 >= margin, b.what << " leaves the page at the top");
      CHECK_MESSAGE(b.y1 <= page.height - margin, b.what << " leaves the page at the foot");
    }
    for (size_t i = 0; i < boxes.size(); ++i)
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        const double w = Overlap(boxes[i].x0, boxes[i].x1, boxes[j].x0, boxes[j].x1);
        const double h = Overlap(boxes[i].y0, boxes[i].y1, boxes[j].y0, boxes[j].y1);
        // Runs of one line touch where kerning moves a glyph back ("r." by
        // 0.16 em).
        const bool same_line = baselines[i] == baselines[j] && w < 0.25 * sizes[i];
        CHECK_MESSAGE((w <= 0.01 || h <= 0.01 || same_line),
                      boxes[i].what << " overlaps " << boxes[j].what);
      }
    for (const layout::Rule& rule : page.rules)
      for (const Box& b : boxes) {
        const double w =
            Overlap(std::min(rule.x1, rule.x2), std::max(rule.x1, rule.x2), b.x0, b.x1);
        const double h = Overlap(std::min(rule.y1, rule.y2) - rule.width / 2,
                                 std::max(rule.y1, rule.y2) + rule.width / 2, b.y0, b.y1);
        CHECK_MESSAGE((w <= 0.01 || h <= 0.01), "a rule at y " << rule.y1 << " crosses " << b.what);
      }
  }
}

// Words of each language to build long values from.
std::string Words(const std::string& language) {
  if (language == "de") return "Gesellschaft für Unternehmensberatung und Datenverarbeitung ";
  if (language == "pt") return "Companhia Brasileira de Consultoria e Tecnologia da Informação ";
  if (language == "pl") return "Przedsiębiorstwo Handlowo Usługowe Zakład Produkcyjny Śląsk ";
  if (language == "th") return "บริษัท ที่ปรึกษาการตลาดและเทคโนโลยีสารสนเทศ จำกัด ";
  return "International Consulting and Information Technology Services ";
}

// `count` code points of `seed` repeated, without a space at either end.
std::string Text(const std::string& seed, size_t count);

// The longest e-mail address a request may hold, about 200 characters: a
// 64-character local part and a domain of 63-character labels (RFC 5321).
std::string LongEmail(const std::string& seed) {
  return Text(seed, 64) + "@" + Text(seed, 63) + "." + Text(seed, 63) + ".example";
}

std::string Text(const std::string& seed, size_t count) {
  std::string out;
  size_t n = 0;
  for (size_t pos = 0; n < count; ++n) {
    if (pos >= seed.size()) pos = 0;
    const size_t start = pos;
    DecodeUtf8(seed, pos);
    out += seed.substr(start, pos - start);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

std::string Json(const std::string& text) { return "\"" + text + "\""; }

std::string Sample(const std::string& language) { return testing::SampleJson(language); }

Result<layout::PageTree> Lay(const std::string& json) {
  static auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  return (*setter)->Lay(testing::ComposeJson(json));
}

// Extreme but valid variants of a language's sample.
std::vector<std::pair<std::string, std::vector<testing::Edit>>> Extremes(
    const std::string& language, size_t window) {
  const std::string words = Words(language);
  const std::string token = Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 200);
  const std::string thai_token = Text("ประกาศกระทรวงพาณิชย์", 120);
  std::vector<std::pair<std::string, std::vector<testing::Edit>>> variants;
  variants.push_back({"a 200-character sender",
                      {{"/sender/organization", Json(Text(words, 200))},
                       {"/sender/name", Json(Text(words, 200))},
                       {"/sender/role", Json(Text(words, 200))}}});
  variants.push_back({"a 200-character e-mail address and phone number",
                      {{"/sender/email", Json(LongEmail("abcdefghij"))},
                       {"/sender/phone", Json("+" + Text("0123456789", 199))}}});
  variants.push_back(
      {"200-character values and tokens in the text",
       {{"/contract/reference", Json(token)},
        {"/contract/title", Json(Text(words, 200))},
        {"/contract/termination_clause", Json(Text(words, 200))},
        {"/transition/contact/name", Json(Text(words, 200))},
        {"/transition/contact/email", Json(LongEmail("klmnopqrst"))},
        {"/transition/contact/phone", Json(Text("0123456789", 200))},
        {"/projects", "[{\"name\": " + Json(token) + ", \"deliverable\": " +
                          Json(Text(words, 200)) + "}, {\"name\": " + Json(thai_token) + "}]"},
        {"/termination/documented_situations/0/text",
         Json(Text(words, 600) + " " + token + " " + thai_token)},
        {"/goodwill/invoice", Json(token)}}});
  // A full window: organization, name and the address lines it still holds.
  std::string address = "[";
  for (size_t k = 0; k + 2 < window; ++k)
    address += std::string(k ? ", " : "") + Json(Text(words, 38));
  address += "]";
  variants.push_back({"a full window of long lines",
                      {{"/recipient/organization", Json(Text(words, 46))},
                       {"/recipient/name", Json(Text(words, 40))},
                       {"/recipient/address", address}}});
  // A letterhead with every address line the request allows.
  std::string sender_address = "[";
  for (size_t k = 0; k < 10; ++k)
    sender_address += std::string(k ? ", " : "") + Json(Text(words, 30));
  sender_address += "]";
  variants.push_back(
      {"a letterhead with ten address lines",
       {{"/sender/organization", Json(Text(words, 120))}, {"/sender/address", sender_address}}});
  return variants;
}

const char* const kLanguages[] = {"en", "de", "pt", "pl", "th"};

}  // namespace

TEST_CASE("Boxes: extreme but valid letters in every language never overprint or leave the page") {
  for (const char* language : kLanguages) {
    const size_t window = std::string(language) == "en" ? 5 : 6;  // US #10 or DIN 5008
    for (const auto& [name, edits] : Extremes(language, window)) {
      for (bool draft : {false, true}) {
        std::vector<testing::Edit> all = edits;
        all.push_back({"/options/draft", draft ? "true" : "false"});
        const std::string label = std::string(language) + ": " + name + (draft ? " (draft)" : "");
        auto tree = Lay(testing::ApplyEdits(Sample(language), all));
        REQUIRE_MESSAGE(tree.ok(), label << ": " << tree.status().ToString());
        CheckPages(*tree, label);
      }
    }
  }
}

TEST_CASE("Boxes: every character of an overlong token is on the page") {
  const std::string token = Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 200);
  auto tree = Lay(testing::ApplyEdits(Sample("de"), {{"/contract/reference", Json(token)}}));
  REQUIRE(tree.ok());
  // The reference appears in the info block and in the subject: both broken
  // into pieces that, joined without their marks, give the token back.
  std::string text;
  for (const auto& page : tree->pages)
    for (const auto& run : page.runs) text += run.text;
  std::string joined;
  for (char c : text)
    if (c != '-') joined += c;
  CHECK(joined.find(token) != std::string::npos);
  CheckPages(*tree, "de: overlong reference");
}

TEST_CASE("Boxes: an address the window cannot hold is refused, naming the field and numbers") {
  struct Case {
    const char* language;
    size_t address_lines;
    const char* message;
  };
  const Case cases[] = {
      {"de", 7, "9 lines with the name and organization; the window holds 6"},
      {"th", 5, "7 lines with the name and organization; the window holds 6"},
      {"en", 4, "6 lines with the name and organization; the window holds 5"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.language);
    std::string address = "[";
    for (size_t k = 0; k < c.address_lines; ++k)
      address += std::string(k ? ", " : "") + Json("Line " + std::to_string(k + 1));
    address += "]";
    auto tree = Lay(testing::ApplyEdits(Sample(c.language), {{"/recipient/address", address}}));
    REQUIRE_FALSE(tree.ok());
    CHECK(tree.status().code() == StatusCode::kInvalid);
    REQUIRE(tree.status().errors().size() == 1);
    CHECK(tree.status().errors()[0].pointer == "/recipient/address");
    CHECK(tree.status().errors()[0].message == c.message);
    // A full window fits.
    const size_t window = std::string(c.language) == "en" ? 5 : 6;
    address = "[";
    for (size_t k = 0; k + 2 < window; ++k)
      address += std::string(k ? ", " : "") + Json("Line " + std::to_string(k + 1));
    address += "]";
    auto fits = Lay(testing::ApplyEdits(Sample(c.language), {{"/recipient/address", address}}));
    CHECK_MESSAGE(fits.ok(), fits.status().ToString());
  }
}

TEST_CASE("Boxes: a long letterhead moves up and steps its type down instead of overprinting") {
  const std::string words = Words("de");
  auto tree = Lay(testing::ApplyEdits(
      Sample("de"),
      {{"/sender/organization", Json(Text(words, 200))},
       {"/sender/address", "[" + Json(Text(words, 150)) + ", " + Json(Text(words, 150)) + "]"}}));
  REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
  CheckPages(*tree, "de: long letterhead");
  double largest = 0;
  for (const auto& run : tree->pages[0].runs)
    if (run.y < 42 * 72 / 25.4) largest = std::max(largest, run.size);
  CHECK(largest < 16);  // the name stepped down from 16 pt
  CHECK(largest >= 12);
}

TEST_CASE("Boxes: a letterhead that cannot hold its contacts is refused, naming the longest") {
  // A US letterhead is shallow: a 200-character name over three lines
  // leaves no room for a 200-character e-mail address and phone number in
  // its smallest type.
  const std::string words = Words("en");
  auto tree = Lay(testing::ApplyEdits(
      Sample("en"), {{"/sender/organization", Json(Text(words, 200))},
                     {"/sender/phone", Json("+" + Text("0123456789", 150))},
                     {"/sender/email", Json(LongEmail("abcdefghij"))}}));
  REQUIRE_FALSE(tree.ok());
  REQUIRE(tree.status().errors().size() == 1);
  CHECK(tree.status().errors()[0].pointer == "/sender/email");
  CHECK(tree.status().errors()[0].message ==
        "the letterhead's address, phone and e-mail need 3 lines in its smallest type; it holds 2");
}

TEST_CASE("Boxes: the letterhead's contact line moves items whole, no separator at a line end") {
  // The Thai sample's address and contacts take two lines.
  auto tree = Lay(Sample("th"));
  REQUIRE(tree.ok());
  std::map<double, std::vector<const layout::TextRun*>> lines;
  for (const auto& run : tree->pages[0].runs)
    if (run.y < 42 * 72 / 25.4 && run.size < 9) lines[run.y].push_back(&run);
  REQUIRE(lines.size() == 2);
  for (auto& [y, runs] : lines) {
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::string text;
    for (const auto* run : runs) text += run->text;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    CAPTURE(text);
    CHECK_FALSE(text.ends_with("·"));
    CHECK_FALSE(text.starts_with("·"));
  }
}
