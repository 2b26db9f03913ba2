#include <doctest/doctest.h>

#include <cstdio>

#include "parting/fingerprint.h"
#include "pdf_test_support.h"

using namespace parting;
using testing::TheEngine;

namespace {

// The German sample with one project due after the contract ends.
std::string Request(bool draft) {
  std::string json = testing::ReadFile(testing::SourceDir() / "letter_templates/de/samples/full.json");
  const std::string projects = "\"projects\": [";
  json.replace(json.find(projects), projects.size(),
               projects + R"({ "name": "Nachbetreuung Shop", "due": "2027-04-30" }, )");
  const std::string final_copy = "\"draft\": false";
  if (draft) json.replace(json.find(final_copy), final_copy.size(), "\"draft\": true");
  return json;
}

struct Pdf {
  std::string text;       // pdftotext, pages separated by form feeds
  std::string structure;  // qpdf --qdf, uncompressed objects
};

Pdf Inspect(const std::string& bytes) {
  const auto dir = testing::TempDir("parting-draft-");
  testing::WriteFile(dir / "letter.pdf", bytes);
  Pdf out;
  out.text = testing::RunCommand("pdftotext -enc UTF-8 " + (dir / "letter.pdf").string() + " -");
  testing::RunCommand("qpdf --qdf --object-streams=disable " + (dir / "letter.pdf").string() + " " +
                      (dir / "q.pdf").string());
  out.structure = testing::ReadFile(dir / "q.pdf");
  std::filesystem::remove_all(dir);
  return out;
}

std::vector<std::string> Pages(const std::string& text) {
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  return pages;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("Draft: a mark on every page, a review page with facts, warnings and fingerprint") {
  auto pdf = TheEngine()->Render(Request(true));
  REQUIRE(pdf.ok());
  const Pdf draft = Inspect(*pdf);
  const auto pages = Pages(draft.text);
  REQUIRE(pages.size() >= 3);
  for (const auto& page : pages) CHECK(page.find("ENTWURF") != std::string::npos);

  const std::string& review = pages.back();
  CHECK(review.find("Prüfblatt") != std::string::npos);
  CHECK(review.find("28. Februar 2027 (2027-02-28)") != std::string::npos);
  // In German words throughout: the receipt deadline, the derivation, the
  // warning; no warning codes and no JSON pointers.
  CHECK(review.find("Zugang spätestens am") != std::string::npos);
  CHECK(review.find("30. November 2026 (2026-11-30)") != std::string::npos);
  CHECK(review.find("zum Monatsende") != std::string::npos);  // the derivation
  CHECK(review.find("Nachbetreuung Shop") != std::string::npos);
  CHECK(review.find("Vertragsgrundlage") != std::string::npos);
  CHECK(review.find("project_after_end") == std::string::npos);
  CHECK(review.find("/projects/0/due") == std::string::npos);
  CHECK(review.find("to end of month") == std::string::npos);
  CHECK(review.find("Vorlagenversion") != std::string::npos);
  auto request = ParseLetterRequest(Request(true), Date{2026, 11, 22});
  REQUIRE(request.ok());
  const std::string fingerprint = Fingerprint(*request);
  for (size_t group = 0; group < 4; ++group)
    CHECK(review.find(fingerprint.substr(group * 16, 16)) != std::string::npos);

  // One sticky note, on the projects paragraph, naming the warning.
  CHECK(Count(draft.structure, "/Subtype /Text") == 1);
  CHECK(draft.structure.find("/Annots") != std::string::npos);
}

TEST_CASE("Draft: the final copy carries none of it, and is byte-identical per request") {
  auto first = TheEngine()->Render(Request(false));
  auto second = TheEngine()->Render(Request(false));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*first == *second);
  const Pdf final_copy = Inspect(*first);
  CHECK(final_copy.text.find("ENTWURF") == std::string::npos);
  CHECK(final_copy.text.find("Prüfblatt") == std::string::npos);
  CHECK(final_copy.structure.find("/Subtype /Text") == std::string::npos);
  CHECK(Pages(final_copy.text).size() + 1 == Pages(Inspect(*TheEngine()->Render(Request(true))).text).size());
}

TEST_CASE("Draft: the mark is localized") {
  for (auto [language, mark] : {std::pair{"en", "DRAFT"}, {"pt", "MINUTA"}, {"pl", "PROJEKT"},
                                {"th", "ฉบับร่าง"}}) {
    CAPTURE(language);
    std::string json = testing::ReadFile(testing::SourceDir() / "letter_templates" / language /
                                         "samples/full.json");
    const size_t at = json.find("\"draft\": false");
    REQUIRE(at != std::string::npos);
    json.replace(at, 14, "\"draft\": true");
    auto pdf = TheEngine()->Render(json);
    REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
    const auto pages = Pages(Inspect(*pdf).text);
    for (const auto& page : pages) CHECK(page.find(mark) != std::string::npos);
  }
}

TEST_CASE("Draft: the diagonal mark is an artifact, out of the copied text") {
  auto pdf = TheEngine()->Render(Request(true));
  REQUIRE(pdf.ok());
  const Pdf draft = Inspect(*pdf);
  // The corner mark is text of the page; the large diagonal one is not:
  // exactly one "ENTWURF" per page, and paragraphs copy whole.
  for (const auto& page : Pages(draft.text)) CHECK(Count(page, "ENTWURF") == 1);
  CHECK(draft.text.find("Nach sorgfältiger Abwägung haben wir uns entschieden") !=
        std::string::npos);
  CHECK(Count(draft.structure, "/Artifact<</Type/Pagination/Subtype/Watermark>>BDC") ==
        Pages(draft.text).size());
}

TEST_CASE("Draft: the note icons sit in the left margin, clear of the text") {
  auto pdf = TheEngine()->Render(Request(true));
  REQUIRE(pdf.ok());
  const Pdf draft = Inspect(*pdf);
  const double text_left = 25 * 72 / 25.4;  // DIN 5008 left margin
  size_t notes = 0;
  for (size_t at = draft.structure.find("/Subtype /Text"); at != std::string::npos;
       at = draft.structure.find("/Subtype /Text", at + 1)) {
    // The annotation's dictionary around it holds its /Rect.
    const size_t open = draft.structure.rfind("<<", at);
    const size_t rect = draft.structure.find("/Rect [", open);
    REQUIRE(rect != std::string::npos);
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    REQUIRE(std::sscanf(draft.structure.c_str() + rect, "/Rect [ %lf %lf %lf %lf", &x1, &y1,
                        &x2, &y2) == 4);
    CHECK(x2 - x1 >= 24);            // room for the icon as viewers draw it
    CHECK(x2 <= text_left - 6);      // and clear of the first letter
    CHECK(x1 >= 10);
    ++notes;
  }
  CHECK(notes == 1);
}
