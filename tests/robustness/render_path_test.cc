// A valid request never gets a 500: inputs the whole-pipeline fuzzer
// (fuzz/render_fuzzer.cc) found, kept as regression tests, and the cause of
// the one it found first. libharu 2.3.0 failed with HPDF_INVALID_OBJECT in
// HPDF_SaveToStream for about one glyph set in a thousand: its font subsetter
// seeks to the end of a memory stream for each of 13 fixed tables a font
// lacks, and that seek fails when the stream is an exact multiple of 4096
// bytes. The cut Noto Sans files lacked 'prep' (the last of those tables);
// scripts/add-prep-table.py gives them one.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "integration/service_harness.h"
#include "parting/engine.h"
#include "test_support.h"

namespace parting::testing {
namespace {

// The smallest failing input of the issue, as the fuzzer found it.
constexpr std::string_view kIssueInput =
    R"({"language": "en", "letter_date": "4456-04-23", "sender": {"organization": ";"}, )"
    R"("recipient": {"name": "\u030e", "address": ["l"]}, "contract": {"title": "\u20ac", )"
    R"("reference": "-", "term_end": "2030-07-21"}, "termination": {}, "projects": )"
    R"([{"name": "@i"}, {"name": "v\u0141\u00f3\u017as:x.b/?d&=g,T#"}, {"name": "{>p}"}], )"
    R"("transition": {"alternatives": [{"name": "_M\u00fcC"}, {"name": "Acm"}]}})";

// A letter whose regular-font subset alone decides the failure; `name`
// changes the set of bold glyphs, `extra` the set of regular ones.
std::string Minimal(const std::string& name, const std::string& extra) {
  return R"({"language": "en", "letter_date": "2026-04-23", "sender": {"organization": "S"}, )"
         R"("recipient": {"name": "X)" +
         extra +
         R"(", "address": ["l"]}, "contract": )"
         R"({"title": "E", "reference": "-", "term_end": "2030-07-21"}, "termination": {}, )"
         R"("transition": {"alternatives": [{"name": ")" +
         name + R"("}]}})";
}

std::shared_ptr<const Engine> TheEngine() {
  static auto engine = Engine::Create(Resources::FromRoot(SourceDir()));
  REQUIRE_MESSAGE(engine.ok(), engine.status().ToString());
  return *engine;
}

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

// The length of a TrueType table, 0 when the font has none.
std::uint32_t TableLength(const std::string& font, std::string_view tag) {
  const std::size_t tables =
      static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]);
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t record = 12 + 16 * i;
    if (font.compare(record, 4, tag) == 0) return BigEndian32(font, record + 12);
  }
  return 0;
}

}  // namespace

TEST_CASE("the fuzzer's HPDF_INVALID_OBJECT input renders a whole PDF") {
  auto request = TheEngine()->ParseRequest(kIssueInput);
  REQUIRE_MESSAGE(request.ok(), request.status().ToString());
  auto pdf = TheEngine()->RenderRequest(*request);
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  const auto dir = TempDir("parting_render_path_");
  WriteFile(dir / "issue.pdf", *pdf);
  int status = -1;
  const std::string check = RunCommand("qpdf --check " + (dir / "issue.pdf").string(), &status);
  CHECK_MESSAGE(status == 0, check);
  std::filesystem::remove_all(dir);
}

TEST_CASE("letters render whatever set of glyphs they use") {
  // Many distinct glyph sets; with the 'prep'-less fonts "x" failed.
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  int rendered = 0;
  for (char name : letters) {
    for (const std::string extra : {"", "q", "Zj", "\u0141\u00f3", "%&"}) {
      const std::string json = Minimal(std::string(1, name), extra);
      auto pdf = TheEngine()->Render(json);
      CHECK_MESSAGE(pdf.ok(), json << " -> " << pdf.status().ToString());
      rendered += pdf.ok();
    }
  }
  CHECK(rendered == static_cast<int>(letters.size()) * 5);
}

TEST_CASE("every embedded Latin font has the 'prep' table libharu needs") {
  for (const char* file : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"}) {
    CAPTURE(file);
    const std::string font = ReadFile(SourceDir() / "fonts" / file);
    REQUIRE(font.size() > 12);
    CHECK(TableLength(font, "prep") > 0);
  }
}

TEST_CASE("the service answers the fuzzer's input with a PDF, not a 500") {
  ServerProcess server;
  REQUIRE(server.running());
  const HttpResult result = PostJson(server.port(), "/v1/letters", std::string(kIssueInput));
  CHECK(result.status == 200);
  CHECK(result.content_type == "application/pdf");
  CHECK(result.body.rfind("%PDF-", 0) == 0);
}

}  // namespace parting::testing
