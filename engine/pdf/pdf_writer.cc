#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "pdf/to_unicode.h"
#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

struct ErrorSink {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void OnError(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* sink = static_cast<ErrorSink*>(user);
  if (sink->code == HPDF_OK) {
    sink->code = code;
    sink->detail = detail;
  }
}

// UTF-8 -> a PDF text string (UTF-16BE with a byte-order mark), as the
// document information dictionary needs for non-ASCII titles and names.
std::vector<HPDF_BYTE> PdfTextString(const std::string& utf8) {
  std::vector<HPDF_BYTE> out = {0xFE, 0xFF};
  for (uint16_t unit : Utf16Units(utf8)) {
    out.push_back(static_cast<HPDF_BYTE>(unit >> 8));
    out.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
  }
  return out;
}

class Writer {
 public:
  Writer() : doc_(HPDF_New(OnError, &errors_)) {}
  ~Writer() {
    if (doc_) HPDF_Free(doc_);
  }

  Result<std::string> Write(const layout::PageTree& tree) {
    if (!doc_) return Status::Internal("libharu could not create a document");
    HPDF_UseUTFEncodings(doc_);
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    // Load only the fonts the pages use: libharu parses each file per document.
    std::vector<bool> used(tree.fonts.size(), false);
    for (const auto& page : tree.pages)
      for (const auto& run : page.runs)
        if (run.font >= 0 && static_cast<size_t>(run.font) < used.size()) used[run.font] = true;
    fonts_.assign(tree.fonts.size(), nullptr);
    for (size_t i = 0; i < tree.fonts.size(); ++i) {
      if (!used[i]) continue;
      const auto& ref = tree.fonts[i];
      const char* name = HPDF_LoadTTFontFromFile(doc_, ref.path.c_str(), HPDF_TRUE);
      HPDF_Font font = name ? HPDF_GetFont(doc_, name, "UTF-8") : nullptr;
      if (!font) return Failure("cannot load font " + ref.path);
      ReplaceToUnicode(font, ref.to_unicode);
      fonts_[i] = font;
    }
    SetInfo(tree);
    for (const auto& page : tree.pages) DrawPage(page);
    if (errors_.code != HPDF_OK) return Failure("drawing failed");
    if (HPDF_SaveToStream(doc_) != HPDF_OK) return Failure("saving failed");
    std::string bytes(HPDF_GetStreamSize(doc_), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    return bytes;
  }

 private:
  Status Failure(const std::string& what) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(errors_.code), static_cast<unsigned>(errors_.detail));
    return Status::Internal("PDF: " + what + code);
  }

  void ReplaceToUnicode(HPDF_Font font, const std::map<uint32_t, std::string>& private_use) {
    auto stream_dict =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (!stream_dict || !stream_dict->stream) return;
    HPDF_MemStream_FreeData(stream_dict->stream);
    const std::string cmap = ToUnicodeCMap(private_use);
    HPDF_Stream_Write(stream_dict->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                      static_cast<HPDF_UINT>(cmap.size()));
  }

  void SetInfoString(const char* key, const std::string& value) {
    if (value.empty()) return;
    const auto bytes = PdfTextString(value);
    HPDF_Dict_Add(doc_->info, key,
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(bytes.data()),
                                  static_cast<HPDF_UINT>(bytes.size())));
  }

  void SetInfo(const layout::PageTree& tree) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "Parting");
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "Parting");
    SetInfoString("Title", tree.title);
    SetInfoString("Author", tree.author);
    SetInfoString("Subject", tree.subject);
    SetInfoString("Keywords", tree.keywords);
    if (!tree.language.empty()) {
      HPDF_Dict_Add(doc_->catalog, "Lang",
                    HPDF_String_New(doc_->mmgr, tree.language.c_str(), nullptr));
    }
    // Open with the title in the window bar rather than the file name.
    HPDF_Dict prefs = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(doc_->catalog, "ViewerPreferences", prefs);
  }

  void DrawPage(const layout::Page& source) {
    HPDF_Page page = HPDF_AddPage(doc_);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(source.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(source.height));
    const double h = source.height;
    for (const auto& rule : source.rules) {
      HPDF_Page_SetGrayStroke(page, rule.gray);
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule.width));
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule.x1), static_cast<HPDF_REAL>(h - rule.y1));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule.x2), static_cast<HPDF_REAL>(h - rule.y2));
      HPDF_Page_Stroke(page);
    }
    // Rotated runs (a draft's watermark) first, under everything else, each
    // in a text object of its own: libharu places later text relative to
    // the current text matrix.
    for (const auto& run : source.runs) {
      if (run.angle == 0 || !fonts_.at(run.font)) continue;
      const double rad = run.angle * M_PI / 180;
      HPDF_Page_BeginText(page);
      HPDF_Page_SetFontAndSize(page, fonts_.at(run.font), static_cast<HPDF_REAL>(run.size));
      HPDF_Page_SetGrayFill(page, run.gray);
      HPDF_Page_SetTextMatrix(page, static_cast<HPDF_REAL>(std::cos(rad)),
                              static_cast<HPDF_REAL>(std::sin(rad)),
                              static_cast<HPDF_REAL>(-std::sin(rad)),
                              static_cast<HPDF_REAL>(std::cos(rad)), static_cast<HPDF_REAL>(run.x),
                              static_cast<HPDF_REAL>(h - run.y));
      HPDF_Page_ShowText(page, run.text.c_str());
      HPDF_Page_EndText(page);
    }
    bool any = false;
    for (const auto& run : source.runs) any |= run.angle == 0;
    if (any) {
      HPDF_Page_BeginText(page);
      int font = -1;
      double size = -1;
      float gray = -1;
      for (const auto& run : source.runs) {
        if (run.angle != 0 || !fonts_.at(run.font)) continue;
        if (run.font != font || run.size != size) {
          font = run.font;
          size = run.size;
          HPDF_Page_SetFontAndSize(page, fonts_.at(font), static_cast<HPDF_REAL>(size));
        }
        if (run.gray != gray) {
          gray = run.gray;
          HPDF_Page_SetGrayFill(page, gray);
        }
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(run.x), static_cast<HPDF_REAL>(h - run.y),
                          run.text.c_str());
      }
      HPDF_Page_EndText(page);
    }
    for (const auto& note : source.notes) AddNote(page, h, note);
  }

  // A text annotation (a "sticky note"); its title and text as PDF text
  // strings, so that any language shows.
  void AddNote(HPDF_Page page, double h, const layout::Note& note) {
    HPDF_Rect rect;
    rect.left = static_cast<HPDF_REAL>(note.x);
    rect.right = static_cast<HPDF_REAL>(note.x + note.width);
    rect.top = static_cast<HPDF_REAL>(h - note.y);
    rect.bottom = static_cast<HPDF_REAL>(h - note.y - note.height);
    HPDF_Annotation annot = HPDF_Page_CreateTextAnnot(page, rect, "", nullptr);
    if (!annot) return;
    HPDF_TextAnnot_SetIcon(annot, HPDF_ANNOT_ICON_COMMENT);
    const auto text = PdfTextString(note.text);
    HPDF_Dict_Add(annot, "Contents",
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(text.data()),
                                  static_cast<HPDF_UINT>(text.size())));
    const auto title = PdfTextString(note.title);
    HPDF_Dict_Add(annot, "T",
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(title.data()),
                                  static_cast<HPDF_UINT>(title.size())));
  }

  ErrorSink errors_;
  HPDF_Doc doc_;
  std::vector<HPDF_Font> fonts_;
};

}  // namespace

Result<std::string> WritePdf(const layout::PageTree& tree) { return Writer().Write(tree); }

}  // namespace parting::pdf
