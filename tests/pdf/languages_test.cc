// Every sample letter, in all five languages: fonts embedded as CID TrueType
// subsets with ToUnicode maps, no viewer warnings, text that copies back.
#include <doctest/doctest.h>

#include <sstream>

#include "pdf_test_support.h"

using namespace parting;

using testing::Squeeze;
using testing::TheEngine;

TEST_CASE("Every language: CID TrueType subsets with ToUnicode, no warnings, exact text") {
  const std::pair<const char*, std::vector<const char*>> kSamples[] = {
      // Text from the sample requests (templates change; requests do not).
      {"en", {"Cedar & Stone Retail Inc.", "Margaret Collins", "88 Market Avenue",
              "Brightwater Analytics LLC"}},
      {"de", {"Müller & Söhne AG", "Leopoldstraße 5", "Nordlicht Consulting GmbH"}},
      {"pt", {"Araucária Móveis Planejados Ltda.", "Rua XV de Novembro, 700 – Centro",
              "Ponte Alta Comunicação Ltda."}},
      {"pl", {"Mazowiecka Sieć Handlowa S.A.", "Małgorzata Wiśniewska",
              "ul. Marszałkowska 84/92", "Bursztynowa Analityka sp. z o.o."}},
      {"th", {"บริษัท ปู่ปั้น ฟู้ดส์ จำกัด", "อาคารริมน้ำพลาซ่า ชั้น 5", "บริษัท ฟ้าใส ดิจิทัล จำกัด"}},
  };
  for (const auto& [language, phrases] : kSamples) {
    CAPTURE(language);
    const std::string request = testing::ReadFile(testing::SourceDir() / "letter_templates" /
                                                  language / "samples/full.json");
    auto pdf = TheEngine()->Render(request);
    REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
    auto again = TheEngine()->Render(request);
    REQUIRE(again.ok());
    CHECK(*pdf == *again);  // deterministic bytes

    const auto dir = testing::TempDir("parting-lang-");
    const std::string file = (dir / "letter.pdf").string();
    testing::WriteFile(file, *pdf);
    int status = -1;
    testing::RunCommand("qpdf --check " + file + " >/dev/null 2>&1", &status);
    CHECK(status == 0);

    // pdffonts: every font a CID TrueType subset, Identity-H, embedded,
    // subset, with a ToUnicode map.
    std::istringstream fonts(testing::RunCommand("pdffonts " + file + " 2>&1"));
    size_t rows = 0;
    for (std::string line; std::getline(fonts, line);) {
      if (line.starts_with("name") || line.starts_with("---")) continue;
      ++rows;
      CAPTURE(line);
      CHECK(line.find('+') == 6);  // ABCDEF+Name
      CHECK(line.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
    }
    CHECK(rows >= 2);

    const std::string errors = testing::RunCommand("pdftotext " + file + " /dev/null 2>&1");
    CHECK(errors.empty());
    const std::string text =
        Squeeze(testing::RunCommand("pdftotext -enc UTF-8 " + file + " - 2>/dev/null"));
    for (const char* phrase : phrases) CHECK_MESSAGE(text.find(phrase) != std::string::npos, phrase);
    // No private-use character (U+E000..U+F8FF) in the text.
    size_t private_use = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      const auto b0 = static_cast<unsigned char>(text[i]);
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      private_use += b0 == 0xEE || (b0 == 0xEF && b1 < 0xA4);
    }
    CHECK(private_use == 0);
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("Greek and Cyrillic names print and copy back (full Noto Sans, cut per letter)") {
  std::string request =
      testing::ReadFile(testing::SourceDir() / "letter_templates" / "de" / "samples/full.json");
  auto swap = [&](const std::string& from, const std::string& to) {
    request.replace(request.find(from), from.size(), to);
  };
  swap("\"Thomas Müller\"", "\"Γιώργος Παπαδόπουλος\"");
  swap("\"Müller & Söhne AG\"", "\"ООО Северный Ветер\"");
  auto pdf = TheEngine()->Render(request);
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  const auto dir = testing::TempDir("parting-greek-");
  const std::string file = (dir / "letter.pdf").string();
  testing::WriteFile(file, *pdf);
  const std::string errors = testing::RunCommand("pdftotext " + file + " /dev/null 2>&1");
  CHECK(errors.empty());
  const std::string text =
      Squeeze(testing::RunCommand("pdftotext -enc UTF-8 " + file + " - 2>/dev/null"));
  CHECK(text.find("Herrn Γιώργος Παπαδόπουλος") != std::string::npos);
  CHECK(text.find("ООО Северный Ветер") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("The samples stay within the size goals: a German letter 16 KiB, a Thai one 24 KiB") {
  // Thai pages are compressed harder than Latin ones (parting/language.h,
  // dense_page_content): without that, the Thai sample is a kilobyte over.
  for (const auto& [language, limit] :
       {std::pair<const char*, size_t>{"de", 16 * 1024}, {"th", 24 * 1024}}) {
    CAPTURE(language);
    auto pdf = TheEngine()->Render(testing::ReadFile(testing::SourceDir() / "letter_templates" /
                                                     language / "samples/full.json"));
    REQUIRE(pdf.ok());
    CHECK(pdf->size() <= limit);
  }
}
