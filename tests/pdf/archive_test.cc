// The archive copy (options.archive): PDF/A-2b, checked clause by clause of
// ISO 19005-2 with libqpdf (docs/pdfa.md lists the clauses checked and not).
#include "pdf/archive.h"

#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/pdf_test_support.h"
#include "pdf/sign.h"

using namespace parting;

namespace {

// The language's sample request with options.archive (and draft) set.
std::string ArchiveRequest(const std::string& language, bool draft = false) {
  std::string json =
      testing::ReadFile(testing::SourceDir() / "letter_templates" / language / "samples/full.json");
  const std::string final_copy = "\"draft\": false";
  REQUIRE(json.find(final_copy) != std::string::npos);
  json.replace(json.find(final_copy), final_copy.size(),
               std::string("\"archive\": true, \"draft\": ") + (draft ? "true" : "false"));
  return json;
}

std::string Bytes(const std::shared_ptr<Buffer>& buffer) {
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// The text of an XMP property's element (the first rdf:li for arrays).
std::string XmpValue(const std::string& xmp, const std::string& name) {
  const size_t open = xmp.find("<" + name + ">");
  if (open == std::string::npos) return "<missing " + name + ">";
  size_t start = open + name.size() + 2;
  const size_t close = xmp.find("</" + name + ">", start);
  std::string value = xmp.substr(start, close - start);
  if (const size_t li = value.find("<rdf:li"); li != std::string::npos) {
    const size_t from = value.find('>', li) + 1;
    value = value.substr(from, value.find("</rdf:li>") - from);
  }
  for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    for (size_t at = value.find(entity); at != std::string::npos; at = value.find(entity, at + 1))
      value.replace(at, std::string(entity).size(), c);
  return value;
}

// Counts the glyphs a content stream draws with CID 0 (.notdef): every font
// here is Type 0 with Identity-H, two bytes per glyph.
class NotdefCounter : public QPDFObjectHandle::ParserCallbacks {
 public:
  size_t notdef = 0;
  size_t glyphs = 0;
  void handleObject(QPDFObjectHandle obj) override {
    if (obj.isOperator()) {
      const std::string op = obj.getOperatorValue();
      if (op == "TJ" || op == "Tj")
        for (auto& operand : operands_) Count(operand);
      operands_.clear();
    } else {
      operands_.push_back(obj);
    }
  }
  void handleEOF() override {}

 private:
  void Count(QPDFObjectHandle obj) {
    if (obj.isArray()) {
      for (auto& item : obj.getArrayAsVector()) Count(item);
    } else if (obj.isString()) {
      const std::string bytes = obj.getStringValue();
      for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        ++glyphs;
        notdef += bytes[i] == 0 && bytes[i + 1] == 0;
      }
    }
  }
  std::vector<QPDFObjectHandle> operands_;
};

void CheckPdfA2b(const std::string& pdf) {
  // 6.1.2: header %PDF-1.n (n <= 7), then a comment of four bytes >= 128.
  REQUIRE(pdf.size() > 20);
  CHECK(pdf.compare(0, 7, "%PDF-1.") == 0);
  CHECK(pdf[7] >= '0');
  CHECK(pdf[7] <= '7');
  const size_t second = pdf.find('\n') + 1;
  CHECK(pdf[second] == '%');
  for (size_t i = second + 1; i < second + 5; ++i) CHECK(static_cast<unsigned char>(pdf[i]) >= 128);

  QPDF q;
  q.processMemoryFile("archive.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle trailer = q.getTrailer();
  // 6.1.3: a file identifier; no encryption.
  QPDFObjectHandle id = trailer.getKey("/ID");
  REQUIRE(id.isArray());
  REQUIRE(id.getArrayNItems() == 2);
  CHECK(id.getArrayItem(0).getStringValue().size() == 16);
  CHECK_FALSE(trailer.hasKey("/Encrypt"));

  // 6.2.11.8: no .notdef glyph drawn.
  NotdefCounter counter;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) page.parseContents(&counter);
  CHECK(counter.glyphs > 1000);
  CHECK(counter.notdef == 0);

  QPDFObjectHandle root = q.getRoot();
  // 6.6.1: no actions that run by themselves, no JavaScript.
  CHECK_FALSE(root.hasKey("/OpenAction"));
  CHECK_FALSE(root.hasKey("/AA"));
  if (root.getKey("/Names").isDictionary())
    CHECK_FALSE(root.getKey("/Names").hasKey("/JavaScript"));

  // 6.2.3: one PDF/A output intent, sRGB, its profile embedded whole.
  QPDFObjectHandle intents = root.getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  QPDFObjectHandle intent = intents.getArrayItem(0);
  CHECK(intent.getKey("/S").isNameAndEquals("/GTS_PDFA1"));
  CHECK(intent.getKey("/OutputConditionIdentifier").isString());
  QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
  REQUIRE(profile.isStream());
  CHECK(profile.getDict().getKey("/N").getIntValueAsInt() == 3);
  CHECK(Bytes(profile.getStreamData()) == testing::ReadFile(pdf::kSrgbProfilePath));

  // 6.6.2: XMP metadata, unfiltered, PDF/A-2b, in sync with the document
  // information dictionary (6.6.2.3.1, table 4).
  QPDFObjectHandle metadata = root.getKey("/Metadata");
  REQUIRE(metadata.isStream());
  CHECK(metadata.getDict().getKey("/Type").isNameAndEquals("/Metadata"));
  CHECK(metadata.getDict().getKey("/Subtype").isNameAndEquals("/XML"));
  CHECK_FALSE(metadata.getDict().hasKey("/Filter"));
  const std::string xmp = Bytes(metadata.getRawStreamData());
  CHECK(xmp.starts_with("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
  CHECK(xmp.find("bytes=") == std::string::npos);  // 6.6.2.2
  CHECK(xmp.find("encoding=") == std::string::npos);
  CHECK(XmpValue(xmp, "pdfaid:part") == "2");
  CHECK(XmpValue(xmp, "pdfaid:conformance") == "B");
  QPDFObjectHandle info = trailer.getKey("/Info");
  CHECK(XmpValue(xmp, "dc:title") == info.getKey("/Title").getUTF8Value());
  CHECK(XmpValue(xmp, "dc:creator") == info.getKey("/Author").getUTF8Value());
  // The subject line is the title: neither /Subject nor dc:description repeats it.
  CHECK_FALSE(info.hasKey("/Subject"));
  CHECK(xmp.find("dc:description") == std::string::npos);
  CHECK(XmpValue(xmp, "pdf:Keywords") == info.getKey("/Keywords").getUTF8Value());
  CHECK(XmpValue(xmp, "pdf:Producer") == info.getKey("/Producer").getUTF8Value());
  CHECK(XmpValue(xmp, "xmp:CreatorTool") == info.getKey("/Creator").getUTF8Value());
  CHECK_FALSE(info.hasKey("/CreationDate"));  // else xmp:CreateDate must match it
  CHECK_FALSE(info.hasKey("/ModDate"));

  for (QPDFObjectHandle obj : q.getAllObjects()) {
    QPDFObjectHandle dict = obj.isStream() ? obj.getDict() : obj;
    if (!dict.isDictionary()) continue;
    // 6.1.7: streams live in the file, and are not LZW-compressed.
    if (obj.isStream()) {
      CHECK_FALSE(dict.hasKey("/F"));
      CHECK_FALSE(dict.hasKey("/FFilter"));
      CHECK_FALSE(dict.getKey("/Filter").isNameAndEquals("/LZWDecode"));
    }
    // 6.4: no transparency (soft masks, transparency groups, alpha < 1).
    CHECK_FALSE((dict.hasKey("/SMask") && !dict.getKey("/SMask").isNameAndEquals("/None")));
    if (dict.getKey("/Group").isDictionary())
      CHECK_FALSE(dict.getKey("/Group").getKey("/S").isNameAndEquals("/Transparency"));
    for (const char* alpha : {"/CA", "/ca"})
      if (dict.hasKey(alpha)) CHECK(dict.getKey(alpha).getNumericValue() == 1.0);
    // 6.2.11.4.1: every font program embedded (TrueType CID fonts here).
    if (dict.getKey("/Type").isNameAndEquals("/Font") &&
        dict.getKey("/Subtype").isNameAndEquals("/Type0")) {
      QPDFObjectHandle cid = dict.getKey("/DescendantFonts").getArrayItem(0);
      CHECK(cid.getKey("/Subtype").isNameAndEquals("/CIDFontType2"));
      CHECK(cid.hasKey("/CIDToGIDMap"));  // 6.2.11.3.2
      CHECK(cid.getKey("/FontDescriptor").getKey("/FontFile2").isStream());
    }
    // 6.3.2-6.3.3: annotations print and have appearances.
    if (dict.getKey("/Type").isNameAndEquals("/Annot")) {
      CHECK((dict.getKey("/F").getIntValueAsInt() & 4) != 0);
      CHECK(dict.getKey("/AP").isDictionary());
    }
  }
}

}  // namespace

TEST_CASE("options.archive: PDF/A-2b in every language, the same bytes twice") {
  for (const char* language : {"en", "de", "pt", "pl", "th"}) {
    CAPTURE(language);
    auto pdf = testing::TheEngine()->Render(ArchiveRequest(language));
    REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
    CheckPdfA2b(*pdf);
    auto again = testing::TheEngine()->Render(ArchiveRequest(language));
    REQUIRE(again.ok());
    CHECK(*again == *pdf);

    const auto dir = testing::TempDir("parting-archive-");
    const std::string file = (dir / "archive.pdf").string();
    testing::WriteFile(file, *pdf);
    int status = -1;
    testing::RunCommand("qpdf --check " + file + " >/dev/null 2>&1", &status);
    CHECK(status == 0);
    // Every font embedded, as poppler sees it too.
    const std::string fonts = testing::RunCommand("pdffonts " + file);
    CHECK(fonts.find(" no ") == std::string::npos);
  }
}

TEST_CASE("options.archive: an ordinary letter claims nothing; a draft is refused by pointer") {
  std::string request = ArchiveRequest("de");
  request.replace(request.find("\"archive\": true"), 15, "\"archive\": false");
  auto plain = testing::TheEngine()->Render(request);
  REQUIRE(plain.ok());
  QPDF q;
  q.processMemoryFile("plain.pdf", plain->data(), plain->size());
  CHECK_FALSE(q.getRoot().hasKey("/Metadata"));
  CHECK_FALSE(q.getRoot().hasKey("/OutputIntents"));

  auto draft = testing::TheEngine()->Render(ArchiveRequest("de", /*draft=*/true));
  REQUIRE_FALSE(draft.ok());
  REQUIRE(draft.status().errors().size() == 1);
  CHECK(draft.status().errors().at(0).pointer == "/options/archive");
}

TEST_CASE("options.archive with signing: the archive copy signed in an update stays PDF/A-2b") {
  const auto dir = testing::TempDir("parting-archive-sign-");
  const auto signer = testing::ThrowAwaySigner();
  auto archive = testing::TheEngine()->Render(ArchiveRequest("pl"));
  REQUIRE(archive.ok());
  const pdf::SignatureField field = testing::FieldAt(0, 600, "Krzysztof Zieliński");
  auto signed_pdf = pdf::SignPdf(*archive, *signer, field);
  REQUIRE_MESSAGE(signed_pdf.ok(), signed_pdf.status().ToString());
  // The archive copy's bytes come first, unchanged (ISO 19005-2, 6.1.3:
  // an incremental update keeps the file identifier).
  CHECK(signed_pdf->compare(0, archive->size(), *archive) == 0);
  CheckPdfA2b(*signed_pdf);
  testing::WriteFile(dir / "signed.pdf", *signed_pdf);
  const std::string check =
      testing::RunCommand("pdfsig " + (dir / "signed.pdf").string() + " 2>&1");
  CHECK(check.find("Signature is Valid.") != std::string::npos);
  CHECK(check.find("Total document signed") != std::string::npos);
  int status = -1;
  testing::RunCommand("qpdf --check " + (dir / "signed.pdf").string() + " >/dev/null 2>&1",
                      &status);
  CHECK(status == 0);
}
