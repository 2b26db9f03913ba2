// PackObjects(): libharu's output with its plain objects in an object
// stream and a cross-reference stream, read back by libqpdf and poppler.
#include "pdf/object_stream.h"

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <string>

#include "test_support.h"

namespace parting::pdf {
namespace {

// A one-page document of libharu's with `count` small dictionaries hanging
// off the catalog, each naming the one before it.
std::string DocumentWith(int count) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  REQUIRE(doc);
  doc->pdf_version = HPDF_VER_17;
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_Rectangle(page, 10, 10, 100, 100);
  HPDF_Page_Stroke(page);
  HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, "Parting");
  HPDF_Array chain = HPDF_Array_New(doc->mmgr);
  HPDF_Dict previous = nullptr;
  for (int i = 0; i < count; ++i) {
    HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
    HPDF_Xref_Add(doc->xref, dict);
    HPDF_Dict_AddNumber(dict, "Index", i);
    if (previous) HPDF_Dict_Add(dict, "Previous", previous);
    HPDF_Array_Add(chain, dict);
    previous = dict;
  }
  HPDF_Dict_Add(doc->catalog, "Chain", chain);
  REQUIRE(HPDF_SaveToStream(doc) == HPDF_OK);
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  HPDF_Free(doc);
  return bytes;
}

void CheckPacked(int count, const std::string& packed) {
  QPDF q;
  q.processMemoryFile("packed.pdf", packed.data(), packed.size());
  CHECK_FALSE(q.anyWarnings());
  QPDFObjectHandle chain = q.getRoot().getKey("/Chain");
  REQUIRE(chain.isArray());
  REQUIRE(chain.getArrayNItems() == count);
  for (int i = 0; i < count; ++i) {
    QPDFObjectHandle dict = chain.getArrayItem(i);
    CHECK(dict.getKey("/Index").getIntValueAsInt() == i);
    if (i > 0) CHECK(dict.getKey("/Previous").getObjGen() == chain.getArrayItem(i - 1).getObjGen());
  }
  CHECK(q.getTrailer().getKey("/Info").getKey("/Producer").getUTF8Value() == "Parting");
  CHECK(q.getAllPages().size() == 1);
  const auto dir = testing::TempDir("parting-pack-");
  testing::WriteFile(dir / "packed.pdf", packed);
  const std::string check =
      testing::RunCommand("qpdf --check " + (dir / "packed.pdf").string() + " 2>&1");
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.find("WARNING") == std::string::npos);
  const std::string info =
      testing::RunCommand("pdfinfo " + (dir / "packed.pdf").string() + " 2>&1");
  CHECK(info.find("Producer:        Parting") != std::string::npos);
  CHECK(info.find("Error") == std::string::npos);
}

TEST_CASE("PackObjects: few and many objects (past 256, a wider index) read back the same") {
  for (int count : {3, 300}) {
    CAPTURE(count);
    const std::string plain = DocumentWith(count);
    auto packed = PackObjects(plain);
    REQUIRE_MESSAGE(packed.ok(), packed.status().ToString());
    CHECK(packed->size() < plain.size());
    CHECK(packed->find("\nxref\n") == std::string::npos);
    CHECK(packed->find("/Type/ObjStm") != std::string::npos);
    CheckPacked(count, *packed);
  }
}

TEST_CASE("PackObjects: extra objects numbered from the file's end, a placeholder replaced") {
  const std::string plain = DocumentWith(2);
  QPDF before;
  before.processMemoryFile("plain.pdf", plain.data(), plain.size());
  const int placeholder = before.getRoot().getKey("/Chain").getArrayItem(0).getObjectID();
  int base = 0;
  auto packed = PackObjects(plain, {}, [&](int first_free) {
    base = first_free;
    ExtraObjects extra;
    extra.replace[placeholder] = "<</Index 0/Extra " + std::to_string(first_free) + " 0 R>>";
    extra.Append("<</Name/First/Next " + std::to_string(first_free + 1) + " 0 R>>");
    extra.Append("<</Name/Second>>");
    return extra;
  });
  REQUIRE(packed.ok());
  QPDF q;
  q.processMemoryFile("packed.pdf", packed->data(), packed->size());
  QPDFObjectHandle first = q.getRoot().getKey("/Chain").getArrayItem(0);
  CHECK(first.getKey("/Extra").getObjectID() == base);
  CHECK(first.getKey("/Extra").getKey("/Name").isNameAndEquals("/First"));
  CHECK(first.getKey("/Extra").getKey("/Next").getObjectID() == base + 1);
  CHECK(first.getKey("/Extra").getKey("/Next").getKey("/Name").isNameAndEquals("/Second"));
}

TEST_CASE("PackObjects: what is not libharu's output is refused, not mangled") {
  CHECK_FALSE(PackObjects("%PDF-1.7\nno objects here\n").ok());
  std::string plain = DocumentWith(2);
  plain.replace(plain.rfind("startxref") + 10, 1, "9");  // a wrong table offset
  CHECK_FALSE(PackObjects(plain).ok());
}

}  // namespace
}  // namespace parting::pdf
