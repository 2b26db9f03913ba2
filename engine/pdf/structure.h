// The logical structure of a tagged PDF (ISO 32000-1, 14.7-14.8; PDF/UA-1):
// the structure tree over the marked content of the page streams.
//
// Layout gives every text run the structure element it belongs to
// (layout::PageTree::elements); TextOperators() wraps each stretch of one
// element's glyphs on a page in a marked-content sequence with the page's
// next MCID and notes which element every MCID belongs to (PageMarks).
// WriteStructure() then builds the StructTreeRoot: a Document element with
// the elements below it in reading order, each pointing at its marked
// content, the ParentTree that leads back from each page's MCIDs and each
// annotation to their elements, the RoleMap for Parting's own roles,
// /MarkInfo and the pages' /StructParents and /Tabs. Marked content in
// another language than the document's (PageMarks::spans) gets a Span
// element of its own with /Lang, inside its element, in reading order.
//
// Kept small: no /Type (optional), no /ID, no /T; /K a bare MCID where one
// suffices; /Pg only where the page differs from the parent's (the
// Document names the first page). Elements without content are left out.
// The tree is written as text into the object stream (object_stream.h),
// never as libharu objects: building, writing and freeing those cost more
// than the rest of the tagging.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "layout/page_tree.h"
#include "parting/status.h"
#include "pdf/object_stream.h"

namespace parting::pdf {

/// The marked content of one page: the element each MCID (0, 1, ...) belongs to.
struct PageMarks {
  std::vector<int> elements;
  /// The MCIDs whose text is in another language than the document's, with
  /// that language: each becomes a Span element with /Lang (PDF/UA-1, 7.2).
  std::vector<std::pair<int, const char*>> spans;
  std::string language;  ///< the document's (BCP 47), for span_language.h
};

/// An annotation drawn on page `page` (zero-based) about `element`: in the
/// tree as an Annot element inside it (PDF/UA-1, 7.18.1).
struct TaggedAnnotation {
  HPDF_Annotation annotation = nullptr;
  int page = 0;
  int element = -1;
};

/// The standard structure type Parting's own roles stand for (the RoleMap);
/// a standard role maps to itself.
std::string StandardRole(const std::string& role);

/// The structure tree's objects as PDF text. They never become libharu
/// objects: PackObjects() writes them straight into the object stream,
/// numbered from the end of libharu's file (`base`), and puts the root in
/// place of `root`, the placeholder the catalog names.
class StructureObjects {
 public:
  StructureObjects();
  ~StructureObjects();
  StructureObjects(StructureObjects&&) noexcept;
  StructureObjects& operator=(StructureObjects&&) noexcept;

  int root = 0;  ///< the placeholder's object number
  /// The StructTreeRoot's dictionary.
  std::string RootBody(int base) const;
  /// Appends to `extra` the elements' dictionaries (objects base, base + 1,
  /// ...), then the parent tree's.
  void AppendBodies(int base, ExtraObjects& extra) const;

 private:
  friend Result<StructureObjects> WriteStructure(HPDF_Doc, const layout::PageTree&,
                                                 const std::vector<HPDF_Page>&,
                                                 const std::vector<PageMarks>&,
                                                 const std::vector<TaggedAnnotation>&);
  struct Node;
  std::vector<Node> nodes_;
  std::vector<std::pair<int, std::vector<int>>> parents_;  // parent-tree key -> nodes
  int annotation_keys_ = 0;                                // the first key of an annotation
  int next_key_ = 0;
  unsigned roles_used_ = 0;  // bit i: Parting's own role i is in the tree (the RoleMap)
};

/// Marks up `doc` for the structure of `tree` (catalog /StructTreeRoot and
/// /MarkInfo, the pages' /StructParents and /Tabs, the annotations'
/// /StructParent) and returns the tree's objects; `pages` are the
/// document's pages in order, `marks` what TextOperators() found on each,
/// `annotations` the annotations to put in the tree.
Result<StructureObjects> WriteStructure(HPDF_Doc doc, const layout::PageTree& tree,
                                        const std::vector<HPDF_Page>& pages,
                                        const std::vector<PageMarks>& marks,
                                        const std::vector<TaggedAnnotation>& annotations);

}  // namespace parting::pdf
