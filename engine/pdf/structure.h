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
// /MarkInfo and the pages' /StructParents and /Tabs.
//
// Kept small, since libharu writes every element as an object of its own
// (no object streams): no /Type (optional), no /ID, no /T; /K a bare MCID
// where one suffices; /Pg only where the page differs from the parent's
// (the one-page element of a one-page letter has none). Elements without
// content are left out.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::pdf {

/// The marked content of one page: the element each MCID (0, 1, ...) belongs to.
struct PageMarks {
  std::vector<int> elements;
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

/// Writes the structure tree of `tree` into `doc`; `pages` are the document's
/// pages in order, `marks` what TextOperators() found on each, and
/// `annotations` the annotations to put in the tree.
Status WriteStructure(HPDF_Doc doc, const layout::PageTree& tree,
                      const std::vector<HPDF_Page>& pages, const std::vector<PageMarks>& marks,
                      const std::vector<TaggedAnnotation>& annotations);

}  // namespace parting::pdf
