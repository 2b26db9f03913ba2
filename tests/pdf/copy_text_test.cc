// What copying and searching a letter's PDF gives back (issue 8, item 13):
// every line exactly as layout set it, a no-break space as U+00A0, a real
// hyphen at a line end kept (as U+2010), an inserted one gone.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "layout/paragraph.h"
#include "pdf/glyph_text.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

using namespace parting;

namespace {

struct SetColumn {
  std::vector<layout::Line> lines;
  layout::PageTree tree;
  std::string pdf;
};

// Sets `text` in a column `mm` wide, justified and hyphenated, and draws
// its lines on one page.
SetColumn SetAndDraw(const std::string& text, double mm) {
  static auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  static auto hyphenator = layout::Hyphenator::Load();
  REQUIRE(fonts.ok());
  REQUIRE(hyphenator.ok());
  layout::TextStyle style{10, layout::FontStyle::kRegular, "de-DE", hyphenator->get(),
                          Language::kDe};
  SetColumn out;
  out.lines = layout::SetParagraph({compose::Span{text}}, **fonts, style, mm * 72 / 25.4, true);
  layout::PageTree& tree = out.tree;
  tree.fonts = (*fonts)->refs();
  tree.pages.push_back({595, 842, {}, {}, {}});
  double y = 60;
  for (const auto& line : out.lines) {
    for (const auto& run : line.runs) {
      layout::TextRun r;
      r.font = run.font;
      r.size = 10;
      r.x = 60 + run.x;
      r.y = y;
      r.width = run.width;
      r.text = run.text;
      r.glyphs = run.glyphs;
      tree.pages[0].runs.push_back(std::move(r));
    }
    y += 14;
  }
  auto pdf = pdf::WritePdf(tree);
  REQUIRE(pdf.ok());
  out.pdf = *pdf;
  return out;
}

std::vector<std::string> TextLines(const std::string& pdf_bytes, std::string* errors) {
  const auto dir = testing::TempDir("parting-copy-");
  testing::WriteFile(dir / "c.pdf", pdf_bytes);
  const std::string text =
      testing::RunCommand("pdftotext -enc UTF-8 " + (dir / "c.pdf").string() + " - 2>/dev/null");
  *errors = testing::RunCommand("pdftotext " + (dir / "c.pdf").string() + " /dev/null 2>&1");
  std::filesystem::remove_all(dir);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line != "\f") lines.push_back(line);
  return lines;
}

std::string LineText(const layout::Line& line) {
  std::string text;
  for (const auto& run : line.runs) text += run.text;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("Copy: every line gives back its text; inserted hyphens vanish, real ones stay") {
  // Narrow enough for many breaks: inside words (inserted hyphens) and after
  // the hyphens of compounds (real ones).
  const std::string text =
      "Die Kündigungsbestätigung geht per E-Mail-Versand an die Geschäftsführung; das "
      "Sign-off-Protokoll und die Go-live-Abnahme der Website-Relaunch-Projekte folgen mit "
      "der Schlussrechnung über 1.250,00\u00A0€ zum Vertragsende. Verantwortungsbewusste "
      "Unternehmenskommunikation bleibt selbstverständlich gewährleistet.";
  const SetColumn column = SetAndDraw(text, 38);
  std::string errors;
  const auto lines = TextLines(column.pdf, &errors);
  CHECK(errors.empty());
  std::string got, want;
  for (const auto& l : lines) got += l + "\n";
  for (const auto& l : column.lines) want += LineText(l) + (l.hyphenated ? "-" : "") + "\n";
  CAPTURE(got);
  CAPTURE(want);
  REQUIRE(lines.size() == column.lines.size());
  size_t inserted = 0, real = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    CAPTURE(k);
    std::string expected = LineText(column.lines[k]);
    if (column.lines[k].hyphenated) {
      ++inserted;  // drawn, but stands for no text
    } else if (!expected.empty() && expected.back() == '-') {
      ++real;  // kept, as U+2010 HYPHEN: extractors join words at a line-end U+002D
      expected.replace(expected.size() - 1, 1, "\u2010");
    }
    // poppler writes every no-break space as a space; the PDF says U+00A0
    // (checked below).
    for (size_t at = expected.find("\u00A0"); at != std::string::npos;
         at = expected.find("\u00A0", at))
      expected.replace(at, 2, " ");
    CHECK(lines[k] == expected);
  }
  CHECK(inserted >= 1);  // the column really tests both kinds
  CHECK(real >= 1);
  // The no-break space has a glyph of its own, which the font's ToUnicode
  // map sends back to U+00A0.
  bool nbsp = false;
  for (const auto& by_glyph : pdf::GlyphTexts(column.tree))
    for (const auto& [glyph, text] : by_glyph) nbsp |= text == "\u00A0";
  CHECK(nbsp);
}

namespace {

// Every "<code> <unicode>" pair of the ToUnicode maps in a PDF written out
// by qpdf --qdf (streams uncompressed), ranges expanded: code → UTF-16 hex.
std::multimap<std::string, std::string> ToUnicodePairs(const std::string& qdf) {
  std::multimap<std::string, std::string> pairs;
  auto hex4 = [](unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return std::string(buf);
  };
  const std::regex block(R"((\d+) begin(bfchar|bfrange)\n([\s\S]*?)end(bfchar|bfrange))");
  const std::regex pair(R"(<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>\n)");
  const std::regex range(R"(<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>)");
  const std::regex array(R"(<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> \[([^\]]*)\])");
  const std::regex text(R"(<([0-9A-Fa-f]+)>)");
  for (std::sregex_iterator b(qdf.begin(), qdf.end(), block), end; b != end; ++b) {
    const std::string body = (*b)[3];
    if ((*b)[2] == "bfchar") {
      for (std::sregex_iterator p(body.begin(), body.end(), pair); p != end; ++p)
        pairs.emplace((*p)[1], (*p)[2]);
    } else {
      for (std::sregex_iterator r(body.begin(), body.end(), range); r != end; ++r) {
        const unsigned first = std::stoul((*r)[1], nullptr, 16);
        const unsigned last = std::stoul((*r)[2], nullptr, 16);
        const unsigned to = std::stoul((*r)[3], nullptr, 16);
        for (unsigned code = first; code <= last; ++code)
          pairs.emplace(hex4(code), hex4(to + code - first));
      }
      for (std::sregex_iterator a(body.begin(), body.end(), array); a != end; ++a) {
        unsigned code = std::stoul((*a)[1], nullptr, 16);
        const std::string texts = (*a)[3];
        for (std::sregex_iterator t(texts.begin(), texts.end(), text); t != end; ++t)
          pairs.emplace(hex4(code++), (*t)[1]);
      }
    }
  }
  return pairs;
}

}  // namespace

TEST_CASE("Copy: the PDF itself maps the no-break space's glyph to U+00A0, apart from the space") {
  // Read from the file as written (qpdf uncompresses it), not from the
  // writer's own tables: pdftotext cannot show it, because poppler's
  // TextOutputDev::addChar ends a word at every character UnicodeIsWhitespace
  // lists (poppler/UTF.cc, U+00A0 among them) and writes its own U+0020.
  const SetColumn column = SetAndDraw("Betrag 1.250,00\u00A0€ und 12\u00A0500,00\u00A0zł", 120);
  const auto dir = testing::TempDir("parting-nbsp-");
  testing::WriteFile(dir / "in.pdf", column.pdf);
  int status = 0;
  testing::RunCommand("qpdf --qdf --object-streams=disable " + (dir / "in.pdf").string() + " " +
                          (dir / "qdf.pdf").string() + " 2>&1",
                      &status);
  const std::string qdf = testing::ReadFile(dir / "qdf.pdf");
  std::filesystem::remove_all(dir);
  REQUIRE(status == 0);
  std::set<std::string> nbsp_codes, space_codes;
  for (const auto& [code, text] : ToUnicodePairs(qdf)) {
    if (text == "00A0") nbsp_codes.insert(code);
    if (text == "0020") space_codes.insert(code);
  }
  REQUIRE(nbsp_codes.size() == 1);
  CHECK(space_codes.count(*nbsp_codes.begin()) == 0);  // a code of its own
  // And the page draws that code, as many times as the text has no-break spaces.
  size_t drawn = 0;
  const std::regex hex_string(R"(<([0-9a-fA-F]+)>)");
  const size_t content = qdf.find("BT");
  REQUIRE(content != std::string::npos);
  const std::string page = qdf.substr(content, qdf.find("ET", content) - content);
  for (std::sregex_iterator s(page.begin(), page.end(), hex_string), end; s != end; ++s) {
    const std::string codes = (*s)[1];
    for (size_t at = 0; at + 4 <= codes.size(); at += 4) {
      std::string code = codes.substr(at, 4);
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      drawn += nbsp_codes.count(code);
    }
  }
  CHECK(drawn == 3);
}
