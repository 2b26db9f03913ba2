#include "pdf/sign.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "parting/engine.h"
#include "pdf/pdf_test_support.h"
#include "test_support.h"

namespace parting::pdf {
namespace {

const Engine& TheEngine() {
  static auto engine = Engine::Create(Resources::FromRoot(testing::SourceDir()));
  REQUIRE_MESSAGE(engine.ok(), engine.status().ToString());
  return **engine;
}

std::string Letter(const char* language) {
  auto pdf = TheEngine().Render(testing::ReadFile(testing::SourceDir() / "letter_templates" /
                                                  language / "samples" / "full.json"));
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  return *pdf;
}

using Identity = testing::ThrowAwayIdentity;
Identity MakeIdentity(const std::string& key_kind) {
  return testing::MakeThrowAwayIdentity("sign", key_kind);
}

SignatureField Field() {
  SignatureField field;
  field.page = 0;
  field.x = 70;
  field.y = 600;
  field.width = 180;
  field.height = 40;
  field.name = "Jana Petersen";
  field.reason = "Kündigung des Rahmenvertrags";
  field.time = 1795000000;
  return field;
}

std::string PdfSig(const std::string& pdf, const std::filesystem::path& dir, int* status) {
  const auto path = dir / "signed.pdf";
  testing::WriteFile(path, pdf);
  return testing::RunCommand("pdfsig " + path.string() + " 2>&1", status);
}

TEST_CASE("SignPdf: pdfsig finds one valid signature over the whole document") {
  for (const char* key_kind : {"rsa:2048", "ec -pkeyopt ec_paramgen_curve:P-256"}) {
    CAPTURE(key_kind);
    const Identity id = MakeIdentity(key_kind);
    auto signer = Signer::FromPem(id.certificate, id.key);
    REQUIRE_MESSAGE(signer.ok(), signer.status().ToString());
    CHECK((*signer)->common_name() == "Nordlicht Consulting GmbH");
    const std::string letter = Letter("de");
    auto signed_pdf = SignPdf(letter, **signer, Field());
    REQUIRE_MESSAGE(signed_pdf.ok(), signed_pdf.status().ToString());
    // An incremental update: the letter's bytes are untouched.
    CHECK(signed_pdf->compare(0, letter.size(), letter) == 0);
    int status = 0;
    const std::string report = PdfSig(*signed_pdf, id.dir, &status);
    CAPTURE(report);
    CHECK(report.find("Signature #1") != std::string::npos);
    CHECK(report.find("Signature #2") == std::string::npos);
    CHECK(report.find("Signer Certificate Common Name: Nordlicht Consulting GmbH") !=
          std::string::npos);
    CHECK(report.find("Signature Type: ETSI.CAdES.detached") != std::string::npos);
    CHECK(report.find("Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(report.find("Total document signed") != std::string::npos);
    const std::string check =
        testing::RunCommand("qpdf --check " + (id.dir / "signed.pdf").string() + " 2>&1", &status);
    CHECK_MESSAGE(status == 0, check);
  }
}

TEST_CASE("SignPdf: a byte changed after signing is reported") {
  const Identity id = MakeIdentity("rsa:2048");
  auto signer = Signer::FromPem(id.certificate, id.key);
  REQUIRE(signer.ok());
  auto signed_pdf = SignPdf(Letter("en"), **signer, Field());
  REQUIRE(signed_pdf.ok());
  std::string changed = *signed_pdf;
  REQUIRE(changed.starts_with("%PDF-1."));
  changed[7] = changed[7] == '6' ? '7' : '6';  // the header's version: signed, still parseable
  int status = 0;
  const std::string report = PdfSig(changed, id.dir, &status);
  CAPTURE(report);
  CHECK(report.find("Signature is Valid") == std::string::npos);
  CHECK(report.find("Digest Mismatch") != std::string::npos);
}

TEST_CASE("Signer: PKCS#12 and the errors of a bad configuration") {
  const Identity id = MakeIdentity("rsa:2048");
  auto from_p12 = Signer::FromPkcs12(id.p12, "secret");
  REQUIRE_MESSAGE(from_p12.ok(), from_p12.status().ToString());
  auto signed_pdf = SignPdf(Letter("th"), **from_p12, Field());
  REQUIRE(signed_pdf.ok());
  int status = 0;
  CHECK(PdfSig(*signed_pdf, id.dir, &status).find("Signature is Valid") != std::string::npos);

  CHECK(Signer::FromPkcs12(id.p12, "wrong").status().message().find("--signing-p12") !=
        std::string::npos);
  CHECK(Signer::FromPem(id.dir / "absent.pem", id.key).status().message().find("--signing-cert") !=
        std::string::npos);
  const Identity other = MakeIdentity("rsa:2048");
  auto mismatch = Signer::FromPem(id.certificate, other.key);
  CHECK(!mismatch.ok());
  CHECK(mismatch.status().message().find("is not the key of") != std::string::npos);
  auto not_a_certificate = Signer::FromPem(id.key, id.key);
  CHECK(not_a_certificate.status().message().find("--signing-cert") != std::string::npos);
}

TEST_CASE("SignPdf: a page the letter does not have is an error, not a broken file") {
  const Identity id = MakeIdentity("rsa:2048");
  auto signer = Signer::FromPem(id.certificate, id.key);
  REQUIRE(signer.ok());
  SignatureField field = Field();
  field.page = 9;
  CHECK(SignPdf(Letter("en"), **signer, field).status().code() == StatusCode::kInternal);
  CHECK(SignPdf("not a pdf", **signer, Field()).status().code() == StatusCode::kInternal);
}

}  // namespace
}  // namespace parting::pdf

namespace parting::pdf {
namespace {

// The sample request with `options` instead of its own.
std::string WithOptions(const char* language, const std::string& options) {
  const std::string request = testing::ReadFile(testing::SourceDir() / "letter_templates" /
                                                language / "samples" / "full.json");
  const size_t begin = request.find("\"options\"");
  const size_t end = request.find('}', begin);
  REQUIRE(begin != std::string::npos);
  return request.substr(0, begin) + "\"options\": " + options + request.substr(end + 1);
}

TEST_CASE("Engine: options.sign signs the final letter above the signer's name") {
  const Identity id = MakeIdentity("rsa:2048");
  Resources resources = Resources::FromRoot(testing::SourceDir());
  resources.signing = SigningIdentity{id.certificate, id.key, {}, {}};
  auto engine = Engine::Create(resources);
  REQUIRE_MESSAGE(engine.ok(), engine.status().ToString());
  for (const char* language : {"de", "th"}) {
    CAPTURE(language);
    std::string request = testing::ReadFile(testing::SourceDir() / "letter_templates" / language /
                                            "samples" / "full.json");
    auto parsed = (*engine)->ParseRequest(request);
    REQUIRE(parsed.ok());
    parsed->options.sign = true;
    auto letter = (*engine)->RenderRequest(*parsed);
    REQUIRE_MESSAGE(letter.ok(), letter.status().ToString());
    int status = 0;
    const std::string report = PdfSig(*letter, id.dir, &status);
    CAPTURE(report);
    CHECK(report.find("Signature is Valid") != std::string::npos);
    CHECK(report.find("Total document signed") != std::string::npos);
    // The visible field is where the layout left room for the signature.
    const std::string pdfinfo = testing::RunCommand(
        "qpdf --json --json-key=acroform " + (id.dir / "signed.pdf").string(), &status);
    CHECK(pdfinfo.find("\"fieldtype\": \"/Sig\"") != std::string::npos);
    // The field says who signed (the certificate's name) and when, in the
    // letter's language; the structure reads it before the signer's name.
    const std::string said = std::string(language) == "de"
                                 ? "Digital signiert von Nordlicht Consulting GmbH am"
                                 : "ลงนามแบบดิจิทัลโดย Nordlicht Consulting GmbH เมื่อวันที่";
    const std::string file = (id.dir / "signed.pdf").string();
    const std::string text =
        testing::Squeeze(testing::RunCommand("pdftotext -enc UTF-8 " + file + " -"));
    CHECK(text.find(said) != std::string::npos);
    // pdfinfo quotes each marked-content sequence's text on a line of its own.
    std::string structure = testing::RunCommand("pdfinfo -struct-text " + file + " 2>&1");
    structure.erase(std::remove(structure.begin(), structure.end(), '"'), structure.end());
    structure = testing::Squeeze(structure);
    const std::string signer = std::string(language) == "de" ? "Jana Petersen" : "ปิยะนุช";
    CHECK(structure.find(said) != std::string::npos);
    CHECK(structure.find(said) < structure.rfind(signer));
  }
  // Unsigned letters of the same engine stay byte-identical from one render to the next.
  auto first = (*engine)->Render(
      testing::ReadFile(testing::SourceDir() / "letter_templates/en/samples/full.json"));
  auto second = (*engine)->Render(
      testing::ReadFile(testing::SourceDir() / "letter_templates/en/samples/full.json"));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*first == *second);
  CHECK(first->find("Digitally signed") == std::string::npos);
}

TEST_CASE("Engine: a signed draft, or signing without a certificate, is refused by pointer") {
  auto draft = TheEngine().Render(WithOptions("en", R"({"draft": true, "sign": true})"));
  REQUIRE(draft.status().code() == StatusCode::kInvalid);
  CHECK(draft.status().errors().at(0).pointer == "/options/sign");
  auto unsigned_engine = TheEngine().Render(WithOptions("en", R"({"sign": true})"));
  REQUIRE(unsigned_engine.status().code() == StatusCode::kInvalid);
  CHECK(unsigned_engine.status().errors().at(0).pointer == "/options/sign");
  CHECK(unsigned_engine.status().errors().at(0).message.find("--signing-cert") !=
        std::string::npos);
}

}  // namespace
}  // namespace parting::pdf
