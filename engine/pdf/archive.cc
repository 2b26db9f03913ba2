#include "pdf/archive.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <openssl/evp.h>

#include <fstream>
#include <sstream>

#include "pdf/deflate.h"

namespace parting::pdf {
namespace {

// Text as XML character data.
std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The profile file, read once per process.
Result<std::string> SrgbProfile() {
  static const std::string profile = [] {
    std::ifstream in(kSrgbProfilePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }();
  // An ICC profile starts with its size (big-endian) and has "acsp" at 36.
  if (profile.size() < 128 || profile.compare(36, 4, "acsp") != 0)
    return Status::Internal(std::string("PDF/A: no sRGB ICC profile at ") + kSrgbProfilePath +
                            " (Debian package icc-profiles-free)");
  return profile;
}

HPDF_Dict NewStream(HPDF_Doc doc, const std::string& bytes, bool compress) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) return nullptr;
  stream->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                        static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK)
    return nullptr;
  return stream;
}

// A file identifier that depends only on the letter (identical PageTrees give
// identical bytes): the first 16 bytes of a SHA-256 of its metadata and text.
std::string FileId(const layout::PageTree& tree) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  auto add = [&](const std::string& s) {
    EVP_DigestUpdate(ctx, s.data(), s.size());
    EVP_DigestUpdate(ctx, "\n", 1);
  };
  for (const std::string* s :
       {&tree.title, &tree.author, &tree.subject, &tree.keywords, &tree.language})
    add(*s);
  for (const auto& page : tree.pages)
    for (const auto& run : page.runs) add(run.text);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx, digest, &size);
  EVP_MD_CTX_free(ctx);
  return std::string(reinterpret_cast<const char*>(digest), 16);
}

}  // namespace

std::string ArchiveXmp(const layout::PageTree& tree, const std::string& producer) {
  // One property a line, no indentation: nothing here is ever edited in
  // place, so no padding either (ISO 19005-2, 6.6.2.2 asks for none).
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n";
  x += " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n";
  x += " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n";
  x += " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"\n";
  x += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "<pdfaid:part>2</pdfaid:part>\n";
  x += "<pdfaid:conformance>B</pdfaid:conformance>\n";
  // PDF/UA-1 (ISO 14289-1, 5): the tests check its clauses on every
  // archive copy (docs/pdfua.md). PDF/A-2 predefines no pdfuaid schema, so
  // the file describes it (ISO 19005-2, 6.6.2.3.2).
  x += "<pdfuaid:part>1</pdfuaid:part>\n";
  x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n";
  x += "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n";
  x += "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n";
  x += "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n";
  x += "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n";
  x += "<pdfaProperty:name>part</pdfaProperty:name>\n";
  x += "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n";
  x += "<pdfaProperty:category>internal</pdfaProperty:category>\n";
  x += "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n";
  x += "</rdf:li></rdf:Seq></pdfaSchema:property>\n";
  x += "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n";
  x += "<pdf:Producer>" + XmlEscape(producer) + "</pdf:Producer>\n";
  x += "<xmp:CreatorTool>" + XmlEscape(producer) + "</xmp:CreatorTool>\n";
  if (!tree.keywords.empty())
    x += "<pdf:Keywords>" + XmlEscape(tree.keywords) + "</pdf:Keywords>\n";
  // dc:title and dc:description are language alternatives, dc:creator an
  // ordered list (XMP Part 1, 8.2.2; ISO 19005-2, 6.6.2.3.1 table of
  // equivalents with the information dictionary).
  auto alt = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    x += std::string("<dc:") + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         XmlEscape(value) + "</rdf:li></rdf:Alt></dc:" + name + ">\n";
  };
  alt("title", tree.title);
  if (!tree.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + XmlEscape(tree.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  alt("description", tree.subject);
  if (!tree.language.empty())
    x += "<dc:language><rdf:Bag><rdf:li>" + XmlEscape(tree.language) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  x += "</rdf:Description>\n";
  x += "</rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  x += "<?xpacket end=\"r\"?>";
  return x;
}

const std::string& SrgbProfileObject() {
  static const std::string object = [] {
    auto profile = SrgbProfile();
    if (!profile.ok()) return std::string();
    const std::string data = Deflate(*profile, Effort::kBest);
    return "<<\n/N 3\n/Filter /FlateDecode\n/Length " + std::to_string(data.size()) + "\n>>\nstream\n" +
           data + "\nendstream\n";
  }();
  return object;
}

Status MakeArchival(HPDF_Doc doc, const layout::PageTree& tree, const std::string& producer,
                    int* profile_object) {
  auto profile = SrgbProfile();
  if (!profile.ok()) return profile.status();
  if (profile_object && SrgbProfileObject().empty())
    return Status::Internal("PDF/A: cannot compress the sRGB profile");

  // XMP metadata: never filtered, so that any tool finds it (6.6.2.1).
  HPDF_Dict metadata = NewStream(doc, ArchiveXmp(tree, producer), /*compress=*/false);
  if (!metadata) return Status::Internal("PDF/A: cannot write the XMP metadata");
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  HPDF_Dict_Add(doc->catalog, "Metadata", metadata);

  // The output intent: the colours are sRGB (6.2.3).
  // Compressing the 20 KB profile for every letter would cost more than the
  // rest of the archive copy: the saved file gets it compressed once.
  HPDF_Dict icc = NewStream(doc, profile_object ? std::string() : *profile,
                            /*compress=*/!profile_object);
  if (!icc) return Status::Internal("PDF/A: cannot embed the sRGB profile");
  if (profile_object) *profile_object = static_cast<int>(icc->header.obj_id & 0x00FFFFFF);
  HPDF_Dict_AddNumber(icc, "N", 3);
  HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", icc);
  HPDF_Array intents = HPDF_Array_New(doc->mmgr);
  HPDF_Array_Add(intents, intent);
  HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);

  // The file identifier (6.1.3): both parts equal, as for a new file.
  const std::string id = FileId(tree);
  HPDF_Array ids = HPDF_Array_New(doc->mmgr);
  for (int i = 0; i < 2; ++i)
    HPDF_Array_Add(
        ids, HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(id.data())),
                             static_cast<HPDF_UINT>(id.size())));
  HPDF_Dict_Add(doc->trailer, "ID", ids);
  return Status::Ok();
}

}  // namespace parting::pdf
