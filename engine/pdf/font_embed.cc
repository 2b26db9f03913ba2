#include "pdf/font_embed.h"

#include <hb-ot.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cmath>

#include "pdf/deflate.h"
#include "pdf/to_unicode.h"

namespace parting::pdf {
namespace {

HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// A stream object whose bytes are already a zlib stream: libharu writes them
// as they are (no filter of its own) and the dictionary names /FlateDecode
// through its write hook, the one place libharu lets a caller add a key
// after it has dropped /Filter from an unfiltered stream.
HPDF_Dict NewDeflatedStream(HPDF_Doc doc, const std::string& deflated) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) return nullptr;
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = WriteFlateFilter;
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK)
    return nullptr;
  return stream;
}

HPDF_Dict NewIndirectDict(HPDF_Doc doc) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (dict && HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

// A stream object set aside: an empty indirect dictionary now, `body` in its
// place once saved.
HPDF_Dict AsideStream(HPDF_Doc doc, StreamsAside& aside, std::string_view body) {
  HPDF_Dict placeholder = NewIndirectDict(doc);
  if (placeholder) aside.bodies[static_cast<int>(placeholder->header.obj_id & 0x00FFFFFF)] = body;
  return placeholder;
}

// /W: runs of consecutive CIDs as `first [w w ...]`.
HPDF_Array Widths(HPDF_Doc doc, const FontSubset& subset) {
  HPDF_Array w = HPDF_Array_New(doc->mmgr);
  HPDF_Array group = nullptr;
  int last = -2;
  for (const auto& [glyph, cid] : subset.cid_of) {
    (void)glyph;
    // cid_of is ordered by glyph id; CIDs keep glyph order, so they ascend too.
    if (cid != last + 1 || !group) {
      HPDF_Array_AddNumber(w, cid);
      group = HPDF_Array_New(doc->mmgr);
      HPDF_Array_Add(w, group);
    }
    HPDF_Array_AddNumber(group, subset.widths.at(cid));
    last = cid;
  }
  return w;
}

int16_t ReadInt16(const char* p) {
  return static_cast<int16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1]));
}

HPDF_Dict Descriptor(HPDF_Doc doc, const layout::FontFace& face, const std::string& name,
                     HPDF_Dict file) {
  HPDF_Dict fd = NewIndirectDict(doc);
  if (!fd) return nullptr;
  hb_font_t* font = face.hb();
  const double k = 1000.0 / face.units_per_em();
  auto metric = [&](hb_ot_metrics_tag_t tag, hb_position_t fallback) {
    hb_position_t v = fallback;
    hb_ot_metrics_get_position(font, tag, &v);
    return static_cast<HPDF_INT32>(std::lround(v * k));
  };
  const float italic = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
  const float weight = hb_style_get_value(font, HB_STYLE_TAG_WEIGHT);
  HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
  HPDF_Dict_AddName(fd, "FontName", name.c_str());
  // Symbolic: the glyphs are reached by CID, not through a standard encoding.
  HPDF_Dict_AddNumber(fd, "Flags", 4 | (italic != 0 ? 64 : 0));
  HPDF_Array bbox = HPDF_Array_New(doc->mmgr);
  hb_blob_t* head = hb_face_reference_table(face.hb_face(), HB_TAG('h', 'e', 'a', 'd'));
  unsigned length = 0;
  const char* data = hb_blob_get_data(head, &length);
  for (unsigned offset : {36u, 38u, 40u, 42u})  // xMin yMin xMax yMax
    HPDF_Array_AddNumber(bbox, length >= 44 ? static_cast<HPDF_INT32>(std::lround(
                                                  ReadInt16(data + offset) * k))
                                            : 0);
  hb_blob_destroy(head);
  HPDF_Dict_Add(fd, "FontBBox", bbox);
  HPDF_Dict_AddReal(fd, "ItalicAngle", italic);
  HPDF_Dict_AddNumber(fd, "Ascent", metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 0));
  HPDF_Dict_AddNumber(fd, "Descent", metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, 0));
  HPDF_Dict_AddNumber(fd, "CapHeight", metric(HB_OT_METRICS_TAG_CAP_HEIGHT, 0));
  // Not in TrueType fonts; the usual estimate from the weight class.
  HPDF_Dict_AddNumber(fd, "StemV", static_cast<HPDF_INT32>(10 + 220 * std::pow((weight - 50) / 900, 2)));
  HPDF_Dict_Add(fd, "FontFile2", file);
  return fd;
}

}  // namespace

HPDF_Dict EmbedFont(HPDF_Doc doc, const layout::FontFace& face, const FontSubset& subset,
                    const std::map<uint16_t, std::string>& text_of_cid, StreamsAside* aside) {
  const std::string name = subset.tag + "+" + face.postscript_name();
  HPDF_Dict file = nullptr;
  if (aside) {
    file = AsideStream(doc, *aside, subset.file_object);
  } else {
    file = NewDeflatedStream(doc, subset.deflated);
    if (file) HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.program.size()));
  }
  if (!file) return nullptr;
  HPDF_Dict descriptor = Descriptor(doc, face, name, file);
  HPDF_Dict cid_font = NewIndirectDict(doc);
  HPDF_Dict type0 = NewIndirectDict(doc);
  const std::shared_ptr<const std::string> map = DeflateCached(ToUnicodeCMap(text_of_cid));
  HPDF_Dict cmap = nullptr;
  if (aside) {
    aside->kept.push_back("<</Filter/FlateDecode/Length " + std::to_string(map->size()) +
                          ">>\nstream\n" + *map + "\nendstream\n");
    cmap = AsideStream(doc, *aside, aside->kept.back());
  } else {
    cmap = NewDeflatedStream(doc, *map);
  }
  if (!descriptor || !cid_font || !type0 || !cmap) return nullptr;

  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", name.c_str());
  HPDF_Dict info = HPDF_Dict_New(doc->mmgr);
  HPDF_Dict_Add(info, "Registry", HPDF_String_New(doc->mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc->mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", info);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  HPDF_Dict_AddNumber(cid_font, "DW", 0);
  HPDF_Dict_Add(cid_font, "W", Widths(doc, subset));
  HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");

  HPDF_Dict_AddName(type0, "Type", "Font");
  HPDF_Dict_AddName(type0, "Subtype", "Type0");
  HPDF_Dict_AddName(type0, "BaseFont", name.c_str());
  HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(doc->mmgr);
  HPDF_Array_Add(descendants, cid_font);
  HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0, "ToUnicode", cmap);
  return type0;
}

HPDF_STATUS AddPageFont(HPDF_Page page, const std::string& name, HPDF_Dict font) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr->fonts) {
    auto resources = static_cast<HPDF_Dict>(
        HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
    if (!resources) return HPDF_INVALID_PAGE;
    HPDF_Dict fonts = HPDF_Dict_New(page->mmgr);
    if (!fonts) return HPDF_FAILD_TO_ALLOC_MEM;
    if (HPDF_STATUS s = HPDF_Dict_Add(resources, "Font", fonts); s != HPDF_OK) return s;
    attr->fonts = fonts;
  }
  return HPDF_Dict_Add(attr->fonts, name.c_str(), font);
}

void DropProcSet(HPDF_Page page) {
  auto resources =
      static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
  if (resources) HPDF_Dict_RemoveElement(resources, "ProcSet");
}

HPDF_STATUS SetPageContent(HPDF_Page page, std::string_view operators, Effort effort) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  const std::string deflated = Deflate(operators, effort);
  HPDF_MemStream_FreeData(attr->stream);
  if (HPDF_STATUS s = HPDF_Stream_Write(attr->stream,
                                        reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                                        static_cast<HPDF_UINT>(deflated.size()));
      s != HPDF_OK)
    return s;
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = WriteFlateFilter;
  return HPDF_OK;
}

}  // namespace parting::pdf
