// Tagged PDF: every letter has a structure tree that reads in the letter's
// order, in every language, and whose marked content, parent tree and page
// furniture agree (ISO 32000-1, 14.7-14.8; PDF/UA-1, 7.1). The tree is walked
// with libqpdf, the text read back with poppler's `pdfinfo -struct-text`.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <set>
#include <sstream>

#include "pdf/pdf_test_support.h"
#include "pdf/sign.h"

using namespace parting;

namespace {

// `s` without white space (no-break spaces included: the font's space glyph
// may stand for U+00A0 in its ToUnicode map).
std::string Dense(std::string s) {
  for (size_t at = s.find("\u00A0"); at != std::string::npos; at = s.find("\u00A0", at))
    s.replace(at, 2, " ");
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f') out += c;
  return out;
}

std::string SampleRequest(const std::string& language) {
  return testing::ReadFile(testing::SourceDir() / "letter_templates" / language /
                           "samples/full.json");
}

std::string Render(const std::string& request) {
  auto pdf = testing::TheEngine()->Render(request);
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  return *pdf;
}

// The text of `pdf` as `pdfinfo -struct-text` reads it from the structure
// tree: one line per element that holds text.
std::string StructText(const std::string& pdf) {
  const auto dir = testing::TempDir("parting-struct-");
  const std::string file = (dir / "letter.pdf").string();
  testing::WriteFile(file, pdf);
  std::istringstream in(testing::RunCommand("pdfinfo -struct-text " + file + " 2>&1"));
  std::string out, element;
  for (std::string line; std::getline(in, line);) {
    const size_t quote = line.find('"');
    if (quote != std::string::npos && line.find_first_not_of(' ') == quote && line.back() == '"') {
      element += line.substr(quote + 1, line.size() - quote - 2);
    } else {
      if (!element.empty()) out += element + "\n";
      element.clear();
    }
  }
  if (!element.empty()) out += element + "\n";
  return out;
}

const std::set<std::string> kStandardRoles = {
    "/Document", "/Part",  "/Art",   "/Sect",      "/Div",     "/BlockQuote", "/Caption",
    "/TOC",      "/TOCI",  "/Index", "/NonStruct", "/Private", "/P",          "/H",
    "/H1",       "/H2",    "/H3",    "/H4",        "/H5",      "/H6",         "/L",
    "/LI",       "/Lbl",   "/LBody", "/Table",     "/TR",      "/TH",         "/TD",
    "/THead",    "/TBody", "/TFoot", "/Span",      "/Quote",   "/Note",       "/Reference",
    "/BibEntry", "/Code",  "/Link",  "/Annot",     "/Figure",  "/Formula",    "/Form"};

using Key = std::pair<QPDFObjGen, int>;  // page, MCID

// Walks the structure tree and the pages' marked content, checking that they
// agree; returns the roles in reading order.
struct Structure {
  std::vector<std::string> roles;   // standard roles, tree order
  std::map<Key, QPDFObjGen> owner;  // which element each marked content belongs to
  size_t text_outside = 0;          // text or paths outside any marked content
  size_t nested_mcids = 0;          // an MCID inside another
  size_t unknown_mcids = 0;         // an MCID the tree does not name
  size_t mcids_seen = 0;
  /// Each annotation in the tree (OBJR) and its Annot element.
  std::vector<std::pair<QPDFObjectHandle, QPDFObjGen>> annotations;

  // `page`: the parent's page, which an element without /Pg shares.
  void Walk(QPDFObjectHandle element, QPDFObjectHandle parent, QPDFObjectHandle role_map,
            QPDFObjGen page) {
    REQUIRE(element.isDictionary());
    REQUIRE(element.isIndirect());
    // No keys a reader does without (the size of every letter counts).
    CHECK_FALSE(element.hasKey("/Type"));
    CHECK_FALSE(element.hasKey("/ID"));
    CHECK_FALSE(element.hasKey("/T"));
    CHECK(element.getKey("/P").getObjGen() == parent.getObjGen());
    if (element.hasKey("/Pg")) {
      CHECK(element.getKey("/Pg").getObjGen() != page);  // not said twice
      page = element.getKey("/Pg").getObjGen();
    }
    std::string role = element.getKey("/S").getName();
    if (!kStandardRoles.count(role)) {
      CAPTURE(role);
      REQUIRE(role_map.getKey(role).isName());
      role = role_map.getKey(role).getName();
      CHECK(kStandardRoles.count(role) == 1);
    }
    roles.push_back(role);
    QPDFObjectHandle kids = element.getKey("/K");
    std::vector<QPDFObjectHandle> list =
        kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
    for (auto& kid : list) {
      if (kid.isInteger()) {
        REQUIRE(page.getObj() != 0);
        CHECK(owner.count({page, kid.getIntValueAsInt()}) == 0);  // each MCID once
        owner[{page, kid.getIntValueAsInt()}] = element.getObjGen();
      } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
        CHECK((role == "/Annot" || role == "/Form"));
        annotations.emplace_back(kid.getKey("/Obj"), element.getObjGen());
      } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
        owner[{kid.getKey("/Pg").getObjGen(), kid.getKey("/MCID").getIntValueAsInt()}] =
            element.getObjGen();
      } else {
        Walk(kid, element, role_map, page);
      }
    }
  }
};

// Reads a page's content: marked content nesting, MCIDs, text and paths.
class ContentCheck : public QPDFObjectHandle::ParserCallbacks {
 public:
  ContentCheck(Structure& s, QPDFObjGen page) : s_(s), page_(page) {}
  void handleObject(QPDFObjectHandle obj) override {
    if (!obj.isOperator()) {
      operands_.push_back(obj);
      return;
    }
    const std::string op = obj.getOperatorValue();
    if (op == "BDC" || op == "BMC") {
      int mcid = -1;
      if (op == "BDC" && operands_.size() == 2 && operands_[1].isDictionary() &&
          operands_[1].getKey("/MCID").isInteger())
        mcid = operands_[1].getKey("/MCID").getIntValueAsInt();
      if (mcid >= 0) {
        ++s_.mcids_seen;
        for (int open : stack_) s_.nested_mcids += open >= 0;
        s_.unknown_mcids += s_.owner.count({page_, mcid}) == 0;
      }
      stack_.push_back(mcid);
    } else if (op == "EMC") {
      REQUIRE_FALSE(stack_.empty());
      stack_.pop_back();
    } else if (op == "TJ" || op == "Tj" || op == "'" || op == "\"" || op == "S" || op == "f" ||
               op == "B") {
      s_.text_outside += stack_.empty();
    }
    operands_.clear();
  }
  void handleEOF() override { CHECK(stack_.empty()); }

 private:
  Structure& s_;
  QPDFObjGen page_;
  std::vector<int> stack_;
  std::vector<QPDFObjectHandle> operands_;
};

Structure CheckStructure(const std::string& pdf) {
  QPDF q;
  q.processMemoryFile("letter.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle root = q.getRoot();
  CHECK(root.getKey("/MarkInfo").getKey("/Marked").isBool());
  CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
  CHECK_FALSE(root.getKey("/Lang").getUTF8Value().empty());
  CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
  CHECK(q.getPDFVersion() == "1.7");

  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  REQUIRE(tree.isDictionary());
  CHECK(tree.getKey("/Type").isNameAndEquals("/StructTreeRoot"));
  Structure s;
  QPDFObjectHandle document = tree.getKey("/K");
  s.Walk(document, tree, tree.getKey("/RoleMap"), QPDFObjGen());
  REQUIRE(!s.roles.empty());
  CHECK(s.roles.front() == "/Document");

  // The parent tree leads from every page's MCIDs back to their elements.
  QPDFObjectHandle nums = tree.getKey("/ParentTree").getKey("/Nums");
  REQUIRE(nums.isArray());
  std::map<int, QPDFObjectHandle> parents;
  for (int i = 0; i + 1 < nums.getArrayNItems(); i += 2)
    parents[nums.getArrayItem(i).getIntValueAsInt()] = nums.getArrayItem(i + 1);
  size_t mapped = 0;
  int pages = 0;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
    ++pages;
    QPDFObjectHandle dict = page.getObjectHandle();
    if (dict.hasKey("/Annots")) CHECK(dict.getKey("/Tabs").isNameAndEquals("/S"));
    REQUIRE(dict.getKey("/StructParents").isInteger());
    QPDFObjectHandle list = parents[dict.getKey("/StructParents").getIntValueAsInt()];
    REQUIRE(list.isArray());
    for (int m = 0; m < list.getArrayNItems(); ++m) {
      auto it = s.owner.find({dict.getObjGen(), m});
      REQUIRE(it != s.owner.end());
      CHECK(it->second == list.getArrayItem(m).getObjGen());
      ++mapped;
    }
    ContentCheck check(s, dict.getObjGen());
    page.parseContents(&check);
  }
  // Every annotation is in the tree (PDF/UA-1, 7.18.1), and the parent tree
  // leads from its /StructParent to its Annot element.
  for (auto [annotation, element] : s.annotations) {
    REQUIRE(annotation.getKey("/StructParent").isInteger());
    CHECK(parents[annotation.getKey("/StructParent").getIntValueAsInt()].getObjGen() == element);
    // A description: a note's text; a form field's /TU (PDF/UA-1, 7.18.4).
    if (annotation.getKey("/Subtype").isNameAndEquals("/Widget"))
      CHECK(annotation.getKey("/TU").isString());
    else
      CHECK(annotation.getKey("/Contents").isString());
  }
  size_t annotations_on_pages = 0;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages())
    annotations_on_pages += page.getAnnotations().size();
  CHECK(annotations_on_pages == s.annotations.size());
  CHECK(tree.getKey("/ParentTreeNextKey").getIntValueAsInt() ==
        pages + static_cast<int>(s.annotations.size()));
  CHECK(mapped == s.owner.size());
  CHECK(s.mcids_seen == s.owner.size());
  CHECK(s.text_outside == 0);
  CHECK(s.nested_mcids == 0);
  CHECK(s.unknown_mcids == 0);
  return s;
}

// `text` holds the phrases in this order.
void CheckInOrder(const std::string& spaced, const std::vector<std::string>& phrases) {
  const std::string text = Dense(spaced);
  size_t at = 0;
  for (const auto& spaced_phrase : phrases) {
    CAPTURE(spaced_phrase);
    const std::string phrase = Dense(spaced_phrase);
    const size_t found = text.find(phrase, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + phrase.size();
  }
}

std::string PdfToText(const std::string& pdf) {
  const auto dir = testing::TempDir("parting-struct-");
  testing::WriteFile(dir / "letter.pdf", pdf);
  // -raw: in the order of the content stream, which is the structure's.
  return testing::RunCommand("pdftotext -raw -enc UTF-8 " + (dir / "letter.pdf").string() + " -");
}

// Thai text without the marks above and below its letters, SARA AM as the
// SARA AA it is drawn with.
std::string ThaiLetters(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && b(0) == 0xE0 && (b(1) == 0xB8 || b(1) == 0xB9)) {
      const unsigned cp = 0x0E00 + ((b(1) - 0xB8) << 6) + (b(2) & 0x3F);
      const bool mark =
          cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E);
      if (!mark) out += cp == 0x0E33 ? std::string("\u0E32") : text.substr(i, 3);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("The structure's text is the text on the page, element by element") {
  for (const char* language : {"de", "en", "pt", "pl", "th"}) {
    CAPTURE(language);
    const std::string pdf = Render(SampleRequest(language));
    // poppler's structure text reads the glyphs' ToUnicode entries and
    // skips /ActualText, which alone says the text of a Thai cluster whose
    // glyphs are not one per character (a tone mark over SARA AM, drawn
    // as NIKHAHIT + SARA AA): Thai is compared by its letters there
    // (docs/pdfa.md). pdftotext follows the ActualText.
    const bool thai = std::string(language) == "th";
    std::string page_text = Dense(PdfToText(pdf));
    if (thai) page_text = ThaiLetters(page_text);
    std::istringstream elements(StructText(pdf));
    size_t count = 0, chars = 0;
    for (std::string element; std::getline(elements, element);) {
      CAPTURE(element);
      const std::string dense = thai ? ThaiLetters(Dense(element)) : Dense(element);
      CHECK(page_text.find(dense) != std::string::npos);
      ++count;
      chars += dense.size();
    }
    CHECK(count >= 15);
    // Little but the page furniture (page numbers, headers, the legal
    // footer) is outside the structure.
    CHECK(chars * 10 >= page_text.size() * 8);
  }
}

TEST_CASE("Every language: a structure tree that reads in the letter's order") {
  const std::pair<const char*, std::vector<std::string>> kSamples[] = {
      {"en",
       {"Brightwater Analytics LLC", "88 Market Avenue", "Dear Ms. Collins:",
        "Thank you for the trust you have placed in us since we signed our agreement on March 1, "
        "2022.",
        "Sincerely,", "Daniel Reyes", "Managing Partner"}},
      {"de",
       {"Nordlicht Consulting GmbH", "Leopoldstraße 5", "Hamburg, 22. November 2026",
        "Sehr geehrter Herr Müller,",
        "stellen wir Ihnen bis zum 15. Januar 2027 Folgendes zur Verfügung:\n•\nQuelldateien und "
        "Designs",
        "Mit freundlichen Grüßen", "Jana Petersen", "Geschäftsführerin"}},
      {"pt",
       {"Rua XV de Novembro, 700 – Centro", "Prezado Sr. Ricardo Almeida,", "Atenciosamente,",
        "Mariana Costa Lima", "Sócia-diretora"}},
      {"pl",
       {"ul. Marszałkowska 84/92", "Szanowna Pani,", "Z poważaniem", "Krzysztof Zieliński",
        "Prezes Zarządu"}},
      {"th",
       {"คุณสมชาย ใจดี", "เรียน คุณสมชาย ใจดี",
        "ท่านมั่นใจได้ว่าบริษัทฯ จะรักษามาตรฐานคุณภาพของงานไว้อย่างเต็มที่จนถึงวันสุดท้ายของการให้บริการ",
        "ขอแสดงความนับถือ", "ปิยะนุช รุ่งเรืองศรี", "กรรมการผู้จัดการ"}},
  };
  for (const auto& [language, phrases] : kSamples) {
    CAPTURE(language);
    const std::string pdf = Render(SampleRequest(language));
    const Structure s = CheckStructure(pdf);
    const std::string text = StructText(pdf);
    CAPTURE(text);
    CheckInOrder(text, phrases);
    // The subject is the one first-level heading; the body has paragraphs
    // and a list of items with labels and bodies.
    CHECK(std::count(s.roles.begin(), s.roles.end(), "/H1") == 1);
    CHECK(std::count(s.roles.begin(), s.roles.end(), "/P") >= 10);
    CHECK(std::count(s.roles.begin(), s.roles.end(), "/LI") ==
          std::count(s.roles.begin(), s.roles.end(), "/LBody"));
    CHECK(std::count(s.roles.begin(), s.roles.end(), "/L") >= 1);
  }
}

TEST_CASE("Page furniture is an artifact: page numbers and a draft's marks are not read") {
  // With a project due after the contract ends: a warning, and a note on
  // the projects paragraph.
  std::string request = SampleRequest("de");
  const std::string projects = "\"projects\": [";
  REQUIRE(request.find(projects) != std::string::npos);
  request.replace(request.find(projects), projects.size(),
                  projects + R"({ "name": "Nachbetreuung Shop", "due": "2027-04-30" }, )");
  const std::string final_copy = "\"draft\": false";
  REQUIRE(request.find(final_copy) != std::string::npos);
  request.replace(request.find(final_copy), final_copy.size(), "\"draft\": true");
  const std::string pdf = Render(request);
  const Structure s = CheckStructure(pdf);
  const std::string text = StructText(pdf);
  CAPTURE(text);
  CHECK(text.find("Seite 1 von") == std::string::npos);
  CHECK(text.find("ENTWURF") == std::string::npos);
  CHECK(text.find("Sehr geehrter Herr Müller,") != std::string::npos);
  // The review page is a section of its own after the letter; the notes
  // pinned beside paragraphs are in the tree, inside them.
  CHECK(!s.annotations.empty());
  CHECK(std::count(s.roles.begin(), s.roles.end(), "/Annot") ==
        static_cast<long>(s.annotations.size()));
  CHECK(std::count(s.roles.begin(), s.roles.end(), "/Sect") == 1);
  CHECK(s.roles.back() == "/LBody");

  const auto dir = testing::TempDir("parting-struct-");
  testing::WriteFile(dir / "draft.pdf", pdf);
  const std::string all =
      testing::RunCommand("pdftotext -enc UTF-8 " + (dir / "draft.pdf").string() + " -");
  CHECK(all.find("Seite 1 von") != std::string::npos);  // still drawn
}

TEST_CASE("A signed letter: the signature field is a Form element of the signer's block") {
  const auto dir = testing::TempDir("parting-struct-sign-");
  const auto signer = testing::ThrowAwaySigner();
  const pdf::SignatureField field = testing::FieldAt(1, 300, "Jana Petersen");
  auto signed_pdf = pdf::SignPdf(Render(SampleRequest("de")), *signer, field);
  REQUIRE_MESSAGE(signed_pdf.ok(), signed_pdf.status().ToString());
  Structure s = CheckStructure(*signed_pdf);
  REQUIRE(s.annotations.size() == 1);
  CHECK(std::count(s.roles.begin(), s.roles.end(), "/Form") == 1);
  // The Form element is the signer's block's last kid.
  QPDF q;
  q.processMemoryFile("signed.pdf", signed_pdf->data(), signed_pdf->size());
  QPDFObjectHandle form = q.getObject(s.annotations.front().second);
  CHECK(form.getKey("/S").isNameAndEquals("/Form"));
  CHECK(form.getKey("/P").getKey("/S").isNameAndEquals("/Signature"));
  CHECK(form.getKey("/K").getKey("/Obj").getKey("/Subtype").isNameAndEquals("/Widget"));
  CHECK(form.getKey("/K").getKey("/Obj").getKey("/FT").isNameAndEquals("/Sig"));
  testing::WriteFile(dir / "signed.pdf", *signed_pdf);
  const std::string check =
      testing::RunCommand("pdfsig " + (dir / "signed.pdf").string() + " 2>&1");
  CHECK(check.find("Signature is Valid.") != std::string::npos);
  const std::string qpdf =
      testing::RunCommand("qpdf --check " + (dir / "signed.pdf").string() + " 2>&1");
  CHECK(qpdf.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(qpdf.find("WARNING") == std::string::npos);
}

TEST_CASE("A tagged letter's small objects are in an object stream, its cross-reference a stream") {
  const std::string pdf = Render(SampleRequest("de"));
  const auto dir = testing::TempDir("parting-struct-");
  testing::WriteFile(dir / "letter.pdf", pdf);
  const std::string file = (dir / "letter.pdf").string();
  const std::string check = testing::RunCommand("qpdf --check " + file + " 2>&1");
  CAPTURE(check);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.find("WARNING") == std::string::npos);
  const std::string xref = testing::RunCommand("qpdf --show-xref " + file + " 2>&1");
  size_t compressed = 0, plain = 0;
  std::istringstream lines(xref);
  for (std::string line; std::getline(lines, line);) {
    compressed += line.find("compressed; stream =") != std::string::npos;
    plain += line.find("uncompressed; offset =") != std::string::npos;
  }
  // Every dictionary, the information dictionary too; streams stay apart.
  CHECK(compressed >= 30);
  CHECK(plain >= 8);
  CHECK(pdf.find("\nxref\n") == std::string::npos);
  CHECK(pdf.find("/Type/XRef") != std::string::npos);
  // The information dictionary is packed too, and still read by tools.
  CHECK(pdf.find("/Producer (Parting)") == std::string::npos);
  CHECK(testing::RunCommand("pdfinfo " + file + " 2>&1").find("Producer:        Parting") !=
        std::string::npos);
  CHECK(testing::RunCommand("pdfinfo " + file + " 2>&1").find("Syntax Error") == std::string::npos);
}

TEST_CASE("A compare copy is tagged too; a fact's label and value read as words apart") {
  const std::string request = SampleRequest("de");
  auto pdf =
      testing::TheEngine()->Compare("{\"before\":" + request + ",\"after\":" + request + "}");
  REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  const Structure s = CheckStructure(*pdf);
  CHECK(s.roles.at(1) == "/Sect");  // the changes sheet comes first
  const std::string text = StructText(*pdf);
  CAPTURE(text);
  // Label and value sit in two columns on one line.
  CHECK(text.find("Keine Änderungen Beide Entwürfe") != std::string::npos);
}
