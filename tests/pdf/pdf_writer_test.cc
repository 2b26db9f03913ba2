#include "pdf/pdf_writer.h"

#include <doctest/doctest.h>

#include "../layout/sample_document.h"
#include "layout/typesetter.h"
#include "pdf_test_support.h"

using namespace parting;
using testing::Squeeze;

namespace {

std::string RenderSample(int projects = 3) {
  static auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  auto tree = (*setter)->Lay(testing::SampleDocument(projects));
  REQUIRE(tree.ok());
  auto pdf = pdf::WritePdf(*tree);
  REQUIRE(pdf.ok());
  return *pdf;
}

}  // namespace

TEST_CASE("PDF: structure, embedded fonts, exact text, no viewer warnings") {
  const auto dir = testing::TempDir("parting-pdf-");
  const auto file = dir / "letter.pdf";
  testing::WriteFile(file, RenderSample());

  int status = -1;
  testing::RunCommand("qpdf --check " + file.string() + " >/dev/null 2>&1", &status);
  CHECK(status == 0);

  const std::string fonts = testing::RunCommand("pdffonts " + file.string());
  CHECK(fonts.find("NotoSans-Regular") != std::string::npos);
  CHECK(fonts.find("NotoSans-Bold") != std::string::npos);
  // Every font row says "yes" for embedded and subset.
  size_t rows = 0;
  for (size_t at = fonts.find("CID TrueType"); at != std::string::npos;
       at = fonts.find("CID TrueType", at + 1)) {
    ++rows;
    CHECK(fonts.find("yes yes yes", at) < fonts.find('\n', at));
  }
  CHECK(rows == 2);  // regular and bold; the sample uses no italic

  // pdftotext's own warnings go to standard error: there must be none.
  const std::string text = testing::RunCommand("pdftotext -enc UTF-8 " + file.string() + " - 2>&1");
  CHECK(text.find("Warning") == std::string::npos);
  CHECK(text.find("Error") == std::string::npos);
  const std::string flat = Squeeze(text);
  for (const char* expected :
       {"Sehr geehrter Herr Müller,", "Müller & Söhne AG", "Leopoldstraße 5",
        "Rahmenvertrag über Beratungsleistungen", "§ 8.2", "28. Februar 2027",
        "Projekt 3: Website-Relaunch – Go-live bis zum 15. Dezember 2026",
        "Mit freundlichen Grüßen", "Hamburg, 22. November 2026"}) {
    CHECK_MESSAGE(flat.find(expected) != std::string::npos, expected);
  }
  CHECK(flat.find("Seite 1 von 1") == std::string::npos);  // a one-page letter has no number

  const std::string info = testing::RunCommand("pdfinfo " + file.string());
  CHECK(info.find("Kündigung RV-2023-017") != std::string::npos);
  CHECK(info.find("Nordlicht Consulting GmbH") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("PDF: the same page tree gives the same bytes") {
  CHECK(RenderSample() == RenderSample());
  CHECK(RenderSample(40) == RenderSample(40));
  CHECK(RenderSample() != RenderSample(4));
}

TEST_CASE("PDF: a page tree without structure is packed the same way, untagged") {
  static auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  auto tree = (*setter)->Lay(testing::SampleDocument(3));
  REQUIRE(tree.ok());
  REQUIRE_FALSE(tree->elements.empty());
  auto tagged = pdf::WritePdf(*tree);
  tree->elements.clear();
  auto untagged = pdf::WritePdf(*tree);
  REQUIRE(tagged.ok());
  REQUIRE(untagged.ok());
  const auto dir = testing::TempDir("parting-pdf-");
  for (const auto& [name, pdf] : {std::pair{"tagged.pdf", *tagged}, {"untagged.pdf", *untagged}}) {
    CAPTURE(name);
    const auto file = dir / name;
    testing::WriteFile(file, pdf);
    const std::string check = testing::RunCommand("qpdf --check " + file.string() + " 2>&1");
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.find("WARNING") == std::string::npos);
    CHECK(pdf.find("/Type/XRef") != std::string::npos);    // a cross-reference stream
    CHECK(pdf.find("/Type/ObjStm") != std::string::npos);  // the dictionaries packed
    // Same text either way.
    CHECK(Squeeze(testing::RunCommand("pdftotext -enc UTF-8 " + file.string() + " -")) ==
          Squeeze(
              testing::RunCommand("pdftotext -enc UTF-8 " + (dir / "tagged.pdf").string() + " -")));
  }
  const std::string info = testing::RunCommand("pdfinfo " + (dir / "untagged.pdf").string());
  CHECK(info.find("Tagged:          no") != std::string::npos);
  CHECK(testing::RunCommand("pdfinfo " + (dir / "tagged.pdf").string())
            .find("Tagged:          yes") != std::string::npos);
  CHECK(untagged->size() < tagged->size());
  std::filesystem::remove_all(dir);
}
