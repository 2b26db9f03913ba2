#include <doctest/doctest.h>

#include "../layout/thai_sheet.h"
#include "layout/typesetter.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

using namespace parting;

TEST_CASE("Thai PDF: text copies back exactly, with no private-use characters") {
  auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  auto tree = (*setter)->Lay(testing::ThaiSheet());
  REQUIRE(tree.ok());
  auto pdf = pdf::WritePdf(*tree);
  REQUIRE(pdf.ok());
  const auto dir = testing::TempDir("parting-thai-");
  testing::WriteFile(dir / "sheet.pdf", *pdf);
  const std::string text =
      testing::RunCommand("pdftotext -enc UTF-8 " + (dir / "sheet.pdf").string() + " - 2>&1");
  CHECK(text.find("Warning") == std::string::npos);
  CHECK(text.find("Error") == std::string::npos);
  CAPTURE(text);
  const std::string line = testing::ThaiSheetLine();
  const size_t first = text.find(line);
  REQUIRE(first != std::string::npos);                               // regular
  CHECK(text.find(line, first + line.size()) != std::string::npos);  // bold
  CHECK(text.find("ผสมภาษา Thai กับ English และตัวเลข 1,250.00 บาท ในบรรทัดเดียวกัน") !=
        std::string::npos);
  // No private-use character (U+E000..U+F8FF: UTF-8 EE..EF) leaks into text.
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const bool pua = (b0 == 0xEE) || (b0 == 0xEF && b1 < 0xA4);
    CHECK_FALSE(pua);
    if (pua) break;
  }
  int status = -1;
  testing::RunCommand("qpdf --check " + (dir / "sheet.pdf").string() + " >/dev/null 2>&1",
                      &status);
  CHECK(status == 0);
  const std::string fonts = testing::RunCommand("pdffonts " + (dir / "sheet.pdf").string());
  CHECK(fonts.find("+NotoSansThai-Regular") != std::string::npos);
  CHECK(fonts.find("+NotoSansThai-Bold") != std::string::npos);
  std::filesystem::remove_all(dir);
}
