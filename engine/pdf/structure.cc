#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <map>

namespace parting::pdf {
namespace {

// Parting's roles for the parts of a letter, and the standard types a reader
// takes them for.
const std::map<std::string, std::string>& RoleMap() {
  static const std::map<std::string, std::string> map = {{"Letterhead", "P"},
                                                         {"Address", "P"},
                                                         {"DateBlock", "P"},
                                                         {"Closing", "P"},
                                                         {"Signature", "P"}};
  return map;
}

// One item of an element's /K: a marked-content sequence or a child element.
struct Kid {
  int page = -1;  // marked content: its page and MCID
  int mcid = -1;
  int child = -1;             // a child element (index)
  HPDF_Dict annot = nullptr;  // an Annot element
};

class TreeBuilder {
 public:
  TreeBuilder(HPDF_Doc doc, const layout::PageTree& tree) : doc_(doc), tree_(tree) {}

  Status Build(const std::vector<HPDF_Page>& pages, const std::vector<PageMarks>& marks,
               const std::vector<TaggedAnnotation>& annotations) {
    const auto& elements = tree_.elements;
    const size_t n = elements.size();
    // Each element's marked content in page and MCID order, then which
    // elements hold anything (their own content or a child that does).
    std::vector<std::vector<Kid>> content(n);
    for (size_t p = 0; p < marks.size(); ++p)
      for (size_t m = 0; m < marks[p].elements.size(); ++m) {
        const int e = marks[p].elements[m];
        if (e < 0 || static_cast<size_t>(e) >= n)
          return Status::Internal("PDF: marked content names element " + std::to_string(e));
        content[e].push_back({static_cast<int>(p), static_cast<int>(m), -1});
      }
    for (const TaggedAnnotation& a : annotations)
      if (a.element < 0 || static_cast<size_t>(a.element) >= n || a.page < 0 ||
          static_cast<size_t>(a.page) >= pages.size())
        return Status::Internal("PDF: an annotation about no element of the tree");
    std::vector<bool> used(n, false);
    for (size_t i = 0; i < n; ++i) used[i] = !content[i].empty();
    for (size_t i = n; i-- > 0;) {
      const int parent = elements[i].parent;
      if (parent >= static_cast<int>(i))
        return Status::Internal("PDF: element " + std::to_string(i) + " comes before its parent");
      if (used[i] && parent >= 0) used[parent] = true;
    }
    // The kids of each element and of the document: content, then children.
    std::vector<std::vector<Kid>> kids = content;
    std::vector<int> top;
    for (size_t i = 0; i < n; ++i) {
      if (!used[i]) continue;
      if (elements[i].parent < 0)
        top.push_back(static_cast<int>(i));
      else
        kids[elements[i].parent].push_back({-1, -1, static_cast<int>(i)});
    }

    root_ = Indirect(HPDF_Dict_New(mmgr()));
    HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
    HPDF_Dict document = Element("Document", root_);
    HPDF_Dict_Add(root_, "K", document);
    // The document's page is the first page: its elements there say none.
    const int document_page = pages.empty() ? -1 : 0;
    if (document_page >= 0) HPDF_Dict_Add(document, "Pg", pages[0]);

    dicts_.assign(n, nullptr);
    page_of_.assign(n, -1);
    std::map<std::string, std::string> roles_used;
    for (size_t i = 0; i < n; ++i) {
      if (!used[i]) continue;
      const layout::Element& e = elements[i];
      const bool top_level = e.parent < 0;
      dicts_[i] = Element(e.role, top_level ? document : dicts_[e.parent]);
      if (RoleMap().count(e.role)) roles_used[e.role] = StandardRole(e.role);
      if (!e.lang.empty())
        HPDF_Dict_Add(dicts_[i], "Lang", HPDF_String_New(mmgr(), e.lang.c_str(), nullptr));
      // The page: the parent's, unless the element's content starts elsewhere.
      const int inherited = top_level ? document_page : page_of_[e.parent];
      page_of_[i] = content[i].empty() ? inherited : content[i].front().page;
      if (page_of_[i] != inherited) HPDF_Dict_Add(dicts_[i], "Pg", pages[page_of_[i]]);
    }
    // Annotations: an Annot element inside the element each is about, with
    // an object reference to it.
    std::vector<HPDF_Dict> annots;
    for (const TaggedAnnotation& a : annotations) {
      HPDF_Dict owner = dicts_[a.element];
      if (!owner) return Status::Internal("PDF: an annotation about an element with no content");
      HPDF_Dict annot = Element("Annot", owner);
      if (a.page != page_of_[a.element]) HPDF_Dict_Add(annot, "Pg", pages[a.page]);
      HPDF_Dict ref = HPDF_Dict_New(mmgr());
      HPDF_Dict_AddName(ref, "Type", "OBJR");
      HPDF_Dict_Add(ref, "Obj", a.annotation);
      HPDF_Dict_Add(annot, "K", ref);
      kids[a.element].push_back({-1, -1, -1, annot});
      annots.push_back(annot);
    }
    // The /K entries, now that every element has its object.
    for (size_t i = 0; i < n; ++i)
      if (used[i]) WriteKids(dicts_[i], kids[i], page_of_[i], pages);
    std::vector<Kid> document_kids;
    for (int e : top) document_kids.push_back({-1, -1, e});
    WriteKids(document, document_kids, document_page, pages);

    // The parent tree: each page's MCIDs in order, then one key for each
    // annotation.
    HPDF_Array nums = HPDF_Array_New(mmgr());
    for (size_t p = 0; p < marks.size() && p < pages.size(); ++p) {
      if (marks[p].elements.empty()) continue;
      HPDF_Array parents = HPDF_Array_New(mmgr());
      for (int e : marks[p].elements) HPDF_Array_Add(parents, dicts_[e]);
      HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
      HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
      HPDF_Array_Add(nums, parents);
    }
    HPDF_INT32 next_key = static_cast<HPDF_INT32>(pages.size());
    for (size_t i = 0; i < annotations.size(); ++i) {
      HPDF_Dict_AddNumber(annotations[i].annotation, "StructParent", next_key);
      HPDF_Array_AddNumber(nums, next_key++);
      HPDF_Array_Add(nums, annots[i]);
    }
    HPDF_Dict parent_tree = Indirect(HPDF_Dict_New(mmgr()));
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    HPDF_Dict_Add(root_, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", next_key);
    if (!roles_used.empty()) {
      HPDF_Dict role_map = HPDF_Dict_New(mmgr());
      for (const auto& [role, standard] : roles_used)
        HPDF_Dict_AddName(role_map, role.c_str(), standard.c_str());
      HPDF_Dict_Add(root_, "RoleMap", role_map);
    }

    HPDF_Dict_Add(doc_->catalog, "StructTreeRoot", root_);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr());
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(doc_->catalog, "MarkInfo", mark_info);
    // Tab order follows the structure (PDF/UA-1, 7.18.3: pages with annotations).
    for (HPDF_Page page : pages)
      if (HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY))
        HPDF_Dict_AddName(page, "Tabs", "S");
    return Status::Ok();
  }

 private:
  HPDF_MMgr mmgr() const { return doc_->mmgr; }

  HPDF_Dict Indirect(HPDF_Dict dict) {
    HPDF_Xref_Add(doc_->xref, dict);
    return dict;
  }

  // A structure element of `role` below `parent`, without /K yet.
  HPDF_Dict Element(const std::string& role, HPDF_Dict parent) {
    HPDF_Dict dict = Indirect(HPDF_Dict_New(mmgr()));
    HPDF_Dict_AddName(dict, "S", role.c_str());
    HPDF_Dict_Add(dict, "P", parent);
    return dict;
  }

  // /K of `dict`: one kid bare, several in an array; marked content on the
  // element's own page as its MCID, elsewhere as a marked-content reference.
  void WriteKids(HPDF_Dict dict, const std::vector<Kid>& kids, int page,
                 const std::vector<HPDF_Page>& pages) {
    auto item = [&](const Kid& kid) -> void* {
      if (kid.annot) return kid.annot;
      if (kid.child >= 0) return dicts_[kid.child];
      if (kid.page == page) return HPDF_Number_New(mmgr(), kid.mcid);
      HPDF_Dict ref = HPDF_Dict_New(mmgr());
      HPDF_Dict_AddName(ref, "Type", "MCR");
      HPDF_Dict_Add(ref, "Pg", pages[kid.page]);
      HPDF_Dict_AddNumber(ref, "MCID", kid.mcid);
      return ref;
    };
    if (kids.size() == 1) {
      HPDF_Dict_Add(dict, "K", item(kids.front()));
      return;
    }
    HPDF_Array array = HPDF_Array_New(mmgr());
    for (const Kid& kid : kids) HPDF_Array_Add(array, item(kid));
    HPDF_Dict_Add(dict, "K", array);
  }

  HPDF_Doc doc_;
  const layout::PageTree& tree_;
  HPDF_Dict root_ = nullptr;
  std::vector<HPDF_Dict> dicts_;
  std::vector<int> page_of_;  // each element's page (its /Pg, written or inherited)
};

}  // namespace

std::string StandardRole(const std::string& role) {
  auto it = RoleMap().find(role);
  return it == RoleMap().end() ? role : it->second;
}

Status WriteStructure(HPDF_Doc doc, const layout::PageTree& tree,
                      const std::vector<HPDF_Page>& pages, const std::vector<PageMarks>& marks,
                      const std::vector<TaggedAnnotation>& annotations) {
  return TreeBuilder(doc, tree).Build(pages, marks, annotations);
}

}  // namespace parting::pdf
