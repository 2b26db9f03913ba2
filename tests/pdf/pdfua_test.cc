// PDF/UA-1 (ISO 14289-1): every letter meets the clauses that apply to it
// (pdfua_check.h); archive copies, the only PDFs with XMP metadata, say so
// with pdfuaid:part 1. Checked over the five samples, plain and archived, a
// draft with notes, a signed letter, a compare copy, and letters with a
// name in another script (/Lang on the Span that holds it).
#include <doctest/doctest.h>

#include <qpdf/QPDFWriter.hh>
#include <sstream>

#include "pdf/glyph_fallback.h"
#include "pdf/pdf_test_support.h"
#include "pdf/pdfua_check.h"

using namespace parting;

namespace {

std::string Sample(const std::string& language) {
  return testing::ReadFile(testing::SourceDir() / "letter_templates" / language /
                           "samples/full.json");
}

// `request` with `from` replaced by `to` (which must be there).
std::string Edited(std::string request, const std::string& from, const std::string& to) {
  const size_t at = request.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return request.replace(at, from.size(), to);
}

std::string Render(const std::string& request) {
  auto pdf = testing::TheEngine()->Render(request);
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  return *pdf;
}

std::string Archive(const std::string& language) {
  return Render(
      Edited(Sample(language), "\"draft\": false", "\"archive\": true, \"draft\": false"));
}

void CheckPasses(const std::string& pdf, bool claims) {
  const testing::UaReport report = testing::CheckPdfUa(pdf);
  std::string failures;
  for (const auto& f : report.failures) failures += f + "\n";
  CAPTURE(failures);
  CHECK(report.failures.empty());
  CHECK(report.claims == claims);
  CHECK(report.codes_drawn > 500);
  CHECK(report.roles.at("/H1") >= 1);
}

}  // namespace

TEST_CASE("PDF/UA-1: every sample meets the clauses; its archive copy claims PDF/UA-1") {
  for (const std::string language : {"de", "en", "pl", "pt", "th"}) {
    CAPTURE(language);
    CheckPasses(Render(Sample(language)), /*claims=*/false);
    CheckPasses(Archive(language), /*claims=*/true);
  }
}

TEST_CASE("PDF/UA-1: a draft with notes, a signed letter, a signed archive copy, a compare copy") {
  // A project due after the contract ends: a warning, and a note.
  std::string draft =
      Edited(Sample("de"), "\"projects\": [",
             R"("projects": [{ "name": "Nachbetreuung Shop", "due": "2027-04-30" }, )");
  draft = Edited(draft, "\"draft\": false", "\"draft\": true");
  const std::string draft_pdf = Render(draft);
  CheckPasses(draft_pdf, false);
  CHECK(testing::CheckPdfUa(draft_pdf).roles.at("/Annot") >= 1);

  const auto signer = testing::ThrowAwaySigner();
  auto signed_pdf =
      pdf::SignPdf(Render(Sample("th")), *signer, testing::FieldAt(1, 300, "ปิยะนุช รุ่งเรืองศรี"));
  REQUIRE_MESSAGE(signed_pdf.ok(), signed_pdf.status().ToString());
  CheckPasses(*signed_pdf, false);
  CHECK(testing::CheckPdfUa(*signed_pdf).roles.at("/Form") == 1);
  auto signed_archive =
      pdf::SignPdf(Archive("pl"), *signer, testing::FieldAt(0, 600, "Krzysztof Zieliński"));
  REQUIRE_MESSAGE(signed_archive.ok(), signed_archive.status().ToString());
  CheckPasses(*signed_archive, true);

  const std::string before = Sample("en");
  for (const std::string& changed :
       {before, Edited(before, "Brightwater Analytics LLC", "Brightwater Analytics Inc.")}) {
    auto compare =
        testing::TheEngine()->Compare("{\"before\":" + before + ",\"after\":" + changed + "}");
    REQUIRE_MESSAGE(compare.ok(), compare.status().ToString());
    const testing::UaReport report = testing::CheckPdfUa(*compare);
    std::string failures;
    for (const auto& f : report.failures) failures += f + "\n";
    CAPTURE(failures);
    CHECK(report.failures.empty());
    CHECK_FALSE(report.claims);
  }
}

// The texts of the Span elements `pdfinfo -struct-text` shows, in order.
std::vector<std::string> SpanTexts(const std::string& pdf) {
  const auto dir = testing::TempDir("parting-ua-");
  testing::WriteFile(dir / "letter.pdf", pdf);
  std::istringstream lines(
      testing::RunCommand("pdfinfo -struct-text " + (dir / "letter.pdf").string() + " 2>&1"));
  std::filesystem::remove_all(dir);
  std::vector<std::string> out;
  bool span = false;
  for (std::string line; std::getline(lines, line);) {
    const size_t quote = line.find('"');
    if (span && quote != std::string::npos && line.back() == '"')
      out.push_back(testing::Squeeze(line.substr(quote + 1, line.size() - quote - 2)));
    span = line.find("Span (inline)") != std::string::npos;
  }
  return out;
}

TEST_CASE("PDF/UA-1 7.2: a name in another script is a Span with that language") {
  // A German letter to a Thai recipient: the name in the address and in the
  // salutation is Thai (th); the letter stays German.
  const std::string de =
      Render(Edited(Sample("de"), "\"name\": \"Thomas Müller\"", "\"name\": \"สมชาย ใจดี\""));
  testing::UaReport report = testing::CheckPdfUa(de);
  CHECK(report.failures.empty());
  REQUIRE(report.span_langs.size() >= 2);
  for (const auto& lang : report.span_langs) CHECK(lang == "th");
  // The address names the recipient in full, the salutation by surname.
  for (const auto& text : SpanTexts(de)) CHECK(text.find("ใจดี") != std::string::npos);
  CHECK(SpanTexts(de).front() == "สมชาย ใจดี");
  CHECK(SpanTexts(de).size() == report.span_langs.size());

  // An English letter to a Greek recipient: "Ms. " stays English, the name is
  // a Greek (el) Span.
  const std::string en = Render(
      Edited(Sample("en"), "\"name\": \"Margaret Collins\"", "\"name\": \"Νίκη Παπαδοπούλου\""));
  report = testing::CheckPdfUa(en);
  CHECK(report.failures.empty());
  REQUIRE(report.span_langs.size() >= 2);
  for (const auto& lang : report.span_langs) CHECK(lang == "el");
  const auto spans = SpanTexts(en);
  REQUIRE(!spans.empty());
  CHECK(spans.front().starts_with("Νίκη Παπαδοπούλου"));
  for (const auto& text : spans) CHECK(text.find("Ms.") == std::string::npos);

  // A Thai letter: its Latin-script words (references, a Latin name) are
  // not tagged; a Greek name is.
  CHECK(testing::CheckPdfUa(Render(Sample("th"))).span_langs.empty());
  const std::string th =
      Render(Edited(Sample("th"), "\"name\": \"สมชาย ใจดี\"", "\"name\": \"John Smith\""));
  CHECK(testing::CheckPdfUa(th).span_langs.empty());
  const std::string th_greek =
      Render(Edited(Sample("th"), "\"name\": \"สมชาย ใจดี\"", "\"name\": \"Νίκη Παπαδοπούλου\""));
  report = testing::CheckPdfUa(th_greek);
  CHECK(report.failures.empty());
  CHECK(report.span_langs.size() >= 2);
  for (const auto& lang : report.span_langs) CHECK(lang == "el");
  // The samples of Latin-script letters have no Span.
  for (const std::string language : {"de", "en", "pl", "pt"}) {
    CAPTURE(language);
    CHECK(testing::CheckPdfUa(Render(Sample(language))).span_langs.empty());
  }
}

TEST_CASE("PDF/UA-1 7.21.7: a glyph drawn only as part of a cluster still maps to Unicode") {
  // SARA AM under a tone mark is drawn as NIKHAHIT + SARA AA: neither glyph
  // stands for a text alone. Their entries come from the cluster's
  // characters decomposed (NFKD), which the font's cmap draws with them.
  const std::string pdf = Render(Sample("th"));
  QPDF q;
  q.processMemoryFile("th.pdf", pdf.data(), pdf.size());
  bool nikhahit = false, sara_aa = false;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
    QPDFObjectHandle fonts = page.getObjectHandle().getKey("/Resources").getKey("/Font");
    for (const auto& name : fonts.getKeys()) {
      QPDFObjectHandle font = fonts.getKey(name);
      if (font.getKey("/BaseFont").getName().find("NotoSansThai") == std::string::npos) continue;
      const auto data = font.getKey("/ToUnicode").getStreamData();
      for (const auto& [code, hex] : testing::ua_detail::ToUnicodeEntries(
               std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()))) {
        nikhahit |= hex == "0E4D";
        sara_aa |= hex == "0E32";
      }
    }
  }
  CHECK(nikhahit);  // drawn only inside "ต่ำ"-like clusters in the sample
  CHECK(sara_aa);
  CHECK(pdf::MappableText("\u0E4D"));
  CHECK_FALSE(pdf::MappableText("\uE000"));  // private use
  CHECK_FALSE(pdf::MappableText("\uFEFF"));
  CHECK_FALSE(pdf::MappableText(std::string("a\0b", 3)));
  CHECK_FALSE(pdf::MappableText(""));
}

TEST_CASE("PDF/UA checks: they fail on a file that breaks a clause") {
  // The German sample with one font's ToUnicode map emptied, its /Lang and
  // its DisplayDocTitle removed: the checks must name each.
  const std::string pdf = Render(Sample("de"));
  QPDF q;
  q.processMemoryFile("de.pdf", pdf.data(), pdf.size());
  q.getRoot().removeKey("/Lang");
  q.getRoot().getKey("/ViewerPreferences").removeKey("/DisplayDocTitle");
  auto page = QPDFPageDocumentHelper(q).getAllPages().front();
  QPDFObjectHandle fonts = page.getObjectHandle().getKey("/Resources").getKey("/Font");
  fonts.getKey(*fonts.getKeys().begin())
      .getKey("/ToUnicode")
      .replaceStreamData(
          "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
          "1 beginbfchar <0001> <0000> endbfchar endcmap end end",
          QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.write();
  const auto buffer = w.getBufferSharedPointer();
  const testing::UaReport report = testing::CheckPdfUa(
      std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()));
  std::string failures;
  for (const auto& f : report.failures) failures += f + "\n";
  CAPTURE(failures);
  CHECK(failures.find("7.2: catalog /Lang") != std::string::npos);
  CHECK(failures.find("7.1: no /ViewerPreferences") != std::string::npos);
  CHECK(failures.find("7.21.7: ") != std::string::npos);
  CHECK(failures.find("maps to no Unicode") != std::string::npos);
}

TEST_CASE("PDF/UA checks: a ToUnicode map is read with or without spaces, ranges expanded") {
  const auto entries = testing::ua_detail::ToUnicodeEntries(
      "2 beginbfrange\n<0002> <0004> <0041>\n<00FE><0100>[<0061><0062><00660069>]\nendbfrange\n"
      "1 beginbfchar\n<0005><0E4D>\nendbfchar\n");
  CHECK(entries.at(2) == "0041");
  CHECK(entries.at(4) == "0043");
  CHECK(entries.at(0xFE) == "0061");
  CHECK(entries.at(0x100) == "00660069");
  CHECK(entries.at(5) == "0E4D");
  CHECK(entries.size() == 7);
}
