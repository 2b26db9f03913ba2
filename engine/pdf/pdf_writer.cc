#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "parting/language.h"
#include "pdf/archive.h"
#include "pdf/content_stream.h"
#include "pdf/font_embed.h"
#include "pdf/font_subset.h"
#include "pdf/glyph_text.h"
#include "pdf/object_stream.h"
#include "pdf/structure.h"
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

// The Producer and Creator of every letter (and their XMP twins).
constexpr const char* kProducer = "Parting";

// libharu's stream write callback: appends to the std::string its stream
// was made with.
HPDF_STATUS AppendTo(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
  return HPDF_OK;
}

// How hard a letter's own streams (page content, the object stream) are
// compressed. Libdeflate's fastest level makes a German letter some 10 %
// faster than zlib's default level 6 for 2 % more bytes (measured over 400
// letters on one core: a level-6 compressor's tables fall out of the cache
// between letters). Languages whose pages are dense (their table row says
// why) keep level 6.
Effort ContentEffort(const layout::PageTree& tree) {
  for (const LanguageInfo& info : kLanguages)
    if (tree.language == info.bcp47)
      return info.dense_page_content ? Effort::kQuick : Effort::kFast;
  return Effort::kFast;
}

class Writer {
 public:
  Writer() : doc_(HPDF_New(OnError, &errors_)) {}
  ~Writer() {
    if (doc_) HPDF_Free(doc_);
  }

  Result<std::string> Write(const layout::PageTree& tree, const WriteOptions& options) {
    if (!doc_) return Status::Internal("libharu could not create a document");
    // Streams are compressed by the PDF stage itself (deflate.h); libharu
    // would compress them again at every save, with zlib.
    HPDF_SetCompressionMode(doc_, HPDF_COMP_NONE);
    tagged_ = !tree.elements.empty();
    if (Status s = EmbedFonts(tree); !s.ok()) return s;
    SetInfo(tree);
    language_ = tree.language;
    // Object streams and ActualText need PDF 1.5, structure trees 1.4;
    // PDF/A-2 and PDF/UA-1 build on PDF 1.7 (ISO 32000-1).
    doc_->pdf_version = HPDF_VER_17;
    const Effort effort = ContentEffort(tree);
    for (const auto& page : tree.pages)
      if (!DrawPage(page, effort)) return Failure("drawing failed");
    if (errors_.code != HPDF_OK) return Failure("drawing failed");
    if (tagged_) {
      auto structure = WriteStructure(doc_, tree, pages_, marks_, annotations_);
      if (!structure.ok()) return structure.status();
      structure_ = std::move(*structure);
      if (errors_.code != HPDF_OK) return Failure("writing the structure tree failed");
    }
    if (options.archive) {
      if (Status s = MakeArchival(doc_, tree, kProducer, &profile_object_); !s.ok()) return s;
      if (errors_.code != HPDF_OK) return Failure("writing the PDF/A metadata failed");
    }
    // libharu saves into the document's stream, a memory stream of its own
    // unless one is there: a writer that appends to `bytes` saves copying
    // the letter byte by byte into libharu's buffers and out again.
    std::string bytes;
    doc_->stream = HPDF_CallbackWriter_New(doc_->mmgr, AppendTo, &bytes);
    if (!doc_->stream) return Failure("out of memory");
    if (HPDF_SaveToStream(doc_) != HPDF_OK) return Failure("saving failed");
    // The structure's many small objects, and the fonts' and pages'
    // dictionaries, go compressed into one stream (PDF 1.5); the streams
    // set aside go in as they are. A page tree without structure (tests,
    // bench/render_bench.cc's measure of what tagging costs) is packed the
    // same way.
    std::map<int, std::string_view>& streams = aside_.bodies;
    if (profile_object_ > 0) streams[profile_object_] = SrgbProfileObject();
    return PackObjects(
        bytes, streams,
        [this](int first_free) {
          ExtraObjects extra;
          if (!tagged_) return extra;
          extra.replace[structure_.root] = structure_.RootBody(first_free);
          structure_.AppendBodies(first_free, extra);
          return extra;
        },
        effort);
  }

 private:
  // Cuts each font the pages use down to the glyphs they draw and embeds it.
  Status EmbedFonts(const layout::PageTree& tree) {
    // Glyph ids seen, per font: flags, then the ordered set the subset key needs.
    std::vector<std::vector<bool>> seen(tree.fonts.size());
    for (const auto& page : tree.pages)
      for (const auto& run : page.runs) {
        if (run.font < 0 || static_cast<size_t>(run.font) >= seen.size())
          return Status::Internal("PDF: a run names font " + std::to_string(run.font) +
                                  ", the page tree has " + std::to_string(seen.size()));
        auto& flags = seen[run.font];
        for (const auto& g : run.glyphs) {
          if (g.id >= flags.size()) flags.resize(g.id + 1, false);
          flags[g.id] = true;
        }
      }
    std::vector<std::vector<uint32_t>> used(tree.fonts.size());  // ascending
    for (size_t f = 0; f < seen.size(); ++f)
      for (uint32_t g = 0; g < seen[f].size(); ++g)
        if (seen[f][g]) used[f].push_back(g);
    texts_ = GlyphTexts(tree);
    subsets_.resize(tree.fonts.size());
    fonts_.assign(tree.fonts.size(), nullptr);
    draw_.assign(tree.fonts.size(), DrawFont{});
    for (size_t i = 0; i < tree.fonts.size(); ++i) {
      if (used[i].empty()) continue;
      const auto& face = tree.fonts[i].face;
      if (!face)
        return Status::Internal("PDF: font " + tree.fonts[i].postscript_name + " is not open");
      auto subset = CutFontCached(*face, used[i]);
      if (!subset.ok()) return subset.status();
      subsets_[i] = std::move(*subset);
      std::map<uint16_t, std::string> text_of_cid;
      for (const auto& [glyph, text] : texts_[i]) {
        auto cid = subsets_[i]->cid_of.find(glyph);
        if (cid != subsets_[i]->cid_of.end()) text_of_cid[cid->second] = text;
      }
      fonts_[i] = EmbedFont(doc_, *face, *subsets_[i], text_of_cid, &aside_);
      if (!fonts_[i]) return Failure("cannot embed font " + tree.fonts[i].postscript_name);
      std::string resource = "F";  // (not "F" + ...: GCC 12 warns falsely, -Wrestrict)
      resource += std::to_string(i);
      draw_[i] = DrawFont{resource, subsets_[i].get(), &texts_[i], {}};
      if (!texts_[i].empty()) {
        draw_[i].text_of_glyph.assign(texts_[i].rbegin()->first + 1, nullptr);
        for (const auto& [glyph, text] : texts_[i]) draw_[i].text_of_glyph[glyph] = &text;
      }
    }
    return Status::Ok();
  }

  Status Failure(const std::string& what) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(errors_.code), static_cast<unsigned>(errors_.detail));
    return Status::Internal("PDF: " + what + code);
  }

  void SetInfoString(const char* key, const std::string& value) {
    if (value.empty()) return;
    // Text that PDFDocEncoding spells as Latin-1 does (printable ASCII,
    // U+00A1..U+00FF but the soft hyphen) goes as a literal string: a
    // quarter of the UTF-16 hex form.
    std::string latin1;
    for (uint16_t unit : Utf16Units(value)) {
      const bool same =
          (unit >= 0x20 && unit < 0x7F) || (unit >= 0xA1 && unit <= 0xFF && unit != 0xAD);
      if (!same) {
        latin1.clear();
        break;
      }
      latin1 += static_cast<char>(unit);
    }
    if (!latin1.empty()) {
      HPDF_Dict_Add(doc_->info, key, HPDF_String_New(doc_->mmgr, latin1.c_str(), nullptr));
      return;
    }
    const auto bytes = PdfTextString(value);
    HPDF_Dict_Add(doc_->info, key,
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(bytes.data()),
                                  static_cast<HPDF_UINT>(bytes.size())));
  }

  void SetInfo(const layout::PageTree& tree) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, kProducer);
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, kProducer);
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

  // False when libharu could not take the page's content.
  bool DrawPage(const layout::Page& source, Effort effort) {
    HPDF_Page page = HPDF_AddPage(doc_);
    if (!page) return false;
    DropProcSet(page);
    pages_.push_back(page);
    marks_.emplace_back();
    marks_.back().language = language_;
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(source.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(source.height));
    const double h = source.height;
    // Fonts this page draws with; then its rules (fold and punch marks,
    // hairlines, a redline's strokes: page furniture in a tagged PDF) and
    // its text, glyph by glyph, compressed once the page is whole.
    std::vector<bool> on_page(fonts_.size(), false);
    for (const auto& run : source.runs) on_page[run.font] = true;
    for (size_t i = 0; i < fonts_.size(); ++i)
      if (on_page[i] && fonts_[i]) AddPageFont(page, draw_[i].resource, fonts_[i]);
    if (SetPageContent(page, PageOperators(source, draw_, tagged_ ? &marks_.back() : nullptr),
                       effort) != HPDF_OK)
      return false;
    for (const auto& note : source.notes) {
      HPDF_Annotation annotation = AddNote(page, h, note);
      if (annotation && tagged_ && note.element >= 0)
        annotations_.push_back({annotation, static_cast<int>(pages_.size()) - 1, note.element});
    }
    return true;
  }

  // A text annotation (a "sticky note"); its title and text as PDF text
  // strings, so that any language shows.
  HPDF_Annotation AddNote(HPDF_Page page, double h, const layout::Note& note) {
    HPDF_Rect rect;
    rect.left = static_cast<HPDF_REAL>(note.x);
    rect.right = static_cast<HPDF_REAL>(note.x + note.width);
    rect.top = static_cast<HPDF_REAL>(h - note.y);
    rect.bottom = static_cast<HPDF_REAL>(h - note.y - note.height);
    HPDF_Annotation annot = HPDF_Page_CreateTextAnnot(page, rect, "", nullptr);
    if (!annot) return nullptr;
    HPDF_TextAnnot_SetIcon(annot, HPDF_ANNOT_ICON_COMMENT);
    const auto text = PdfTextString(note.text);
    HPDF_Dict_Add(annot, "Contents",
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(text.data()),
                                  static_cast<HPDF_UINT>(text.size())));
    const auto title = PdfTextString(note.title);
    HPDF_Dict_Add(annot, "T",
                  HPDF_Binary_New(doc_->mmgr, const_cast<HPDF_BYTE*>(title.data()),
                                  static_cast<HPDF_UINT>(title.size())));
    return annot;
  }

  ErrorSink errors_;
  HPDF_Doc doc_;
  std::vector<std::shared_ptr<const FontSubset>> subsets_;
  std::vector<std::map<uint32_t, std::string>> texts_;
  std::vector<HPDF_Dict> fonts_;
  std::vector<DrawFont> draw_;
  StreamsAside aside_;                         // streams written after saving
  bool tagged_ = false;                        // the page tree has a logical structure
  std::string language_;                       // the document's, for text in another (PageMarks)
  std::vector<HPDF_Page> pages_;               // in order
  std::vector<PageMarks> marks_;               // each page's marked content
  std::vector<TaggedAnnotation> annotations_;  // notes, for the structure tree
  int profile_object_ = 0;                     // the archive copy's sRGB profile, put in when saved
  StructureObjects structure_;                 // the tree, written into the object stream
};

}  // namespace

Result<std::string> WritePdf(const layout::PageTree& tree, const WriteOptions& options) {
  return Writer().Write(tree, options);
}

}  // namespace parting::pdf
