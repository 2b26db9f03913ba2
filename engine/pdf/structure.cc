#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cctype>
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

}  // namespace

// One item of a node's /K: marked content on its own page, marked content
// elsewhere, a child node, an annotation.
struct StructureItem {
  enum Kind { kMcid, kMcr, kNode, kObjr } kind;
  int a = 0;     // MCID, node index, or the annotation's object number
  int page = 0;  // kMcr: the page's object number
};
using Item = StructureItem;

// The tree as nodes: [0] the Document, then the elements with content in
// reading order, then the Annot elements. Node i is object base + i, the
// parent tree base + nodes.size().
struct StructureObjects::Node {
  std::string role;
  int parent = -1;  // node index; -1: the StructTreeRoot
  int page = 0;     // /Pg's object number, 0: none
  std::string lang;
  std::vector<Item> kids;
};

StructureObjects::StructureObjects() = default;
StructureObjects::~StructureObjects() = default;
StructureObjects::StructureObjects(StructureObjects&&) noexcept = default;
StructureObjects& StructureObjects::operator=(StructureObjects&&) noexcept = default;

namespace {

std::string Ref(int number) { return std::to_string(number) + " 0 R"; }

int ObjectNumber(void* dict) {
  return static_cast<int>(static_cast<HPDF_Dict>(dict)->header.obj_id & 0x00FFFFFF);
}

// A BCP 47 tag as a PDF string; tags are letters, digits and hyphens. No
// tag, no string: an element without /Lang has its parent's language.
std::string LangString(const std::string& lang) {
  if (lang.empty()) return {};
  for (char c : lang)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
  return "(" + lang + ")";
}

}  // namespace

std::vector<std::string> StructureObjects::Bodies(int base) const {
  std::vector<std::string> out;
  out.reserve(nodes_.size() + 1);
  for (const Node& node : nodes_) {
    std::string s = "<</S/" + node.role + "/P " + Ref(node.parent < 0 ? root : base + node.parent);
    if (node.page) s += "/Pg " + Ref(node.page);
    if (!node.lang.empty()) s += "/Lang" + node.lang;
    std::vector<std::string> kids;
    for (const Item& item : node.kids) {
      switch (item.kind) {
        case Item::kMcid:
          kids.push_back(std::to_string(item.a));
          break;
        case Item::kNode:
          kids.push_back(Ref(base + item.a));
          break;
        case Item::kMcr:
          kids.push_back("<</Type/MCR/Pg " + Ref(item.page) + "/MCID " + std::to_string(item.a) +
                         ">>");
          break;
        case Item::kObjr:
          kids.push_back("<</Type/OBJR/Obj " + Ref(item.a) + ">>");
          break;
      }
    }
    if (kids.size() == 1) {
      s += "/K " + kids.front();
    } else {
      s += "/K[";
      for (size_t k = 0; k < kids.size(); ++k) s += (k ? " " : "") + kids[k];
      s += "]";
    }
    out.push_back(s + ">>");
  }
  // The parent tree: each page's MCIDs in order, then each annotation's key.
  std::string nums = "<</Nums[";
  for (const auto& [key, parents] : parents_) {
    nums += std::to_string(key);
    if (key >= annotation_keys_) {  // an annotation's: its element
      nums += " " + Ref(base + parents.front()) + " ";
      continue;
    }
    nums += "[";
    for (size_t k = 0; k < parents.size(); ++k) nums += (k ? " " : "") + Ref(base + parents[k]);
    nums += "]";
  }
  out.push_back(nums + "]>>");
  return out;
}

std::string StructureObjects::RootBody(int base) const {
  std::string s = "<</Type/StructTreeRoot/K " + Ref(base) + "/ParentTree " +
                  Ref(base + static_cast<int>(nodes_.size())) + "/ParentTreeNextKey " +
                  std::to_string(next_key_);
  if (!role_map_.empty()) {
    s += "/RoleMap<<";
    for (const auto& [role, standard] : role_map_) s += "/" + role + "/" + standard;
    s += ">>";
  }
  return s + ">>";
}

Result<StructureObjects> WriteStructure(HPDF_Doc doc, const layout::PageTree& tree,
                                        const std::vector<HPDF_Page>& pages,
                                        const std::vector<PageMarks>& marks,
                                        const std::vector<TaggedAnnotation>& annotations) {
  const auto& elements = tree.elements;
  const size_t n = elements.size();
  // Each element's marked content in page and MCID order, then which
  // elements hold anything (their own content or a child that does).
  std::vector<std::vector<std::pair<int, int>>> content(n);  // page, MCID
  for (size_t p = 0; p < marks.size() && p < pages.size(); ++p)
    for (size_t m = 0; m < marks[p].elements.size(); ++m) {
      const int e = marks[p].elements[m];
      if (e < 0 || static_cast<size_t>(e) >= n)
        return Status::Internal("PDF: marked content names element " + std::to_string(e));
      content[e].emplace_back(static_cast<int>(p), static_cast<int>(m));
    }
  std::vector<bool> used(n, false);
  for (size_t i = 0; i < n; ++i) used[i] = !content[i].empty();
  for (size_t i = n; i-- > 0;) {
    const int parent = elements[i].parent;
    if (parent >= static_cast<int>(i))
      return Status::Internal("PDF: element " + std::to_string(i) + " comes before its parent");
    if (used[i] && parent >= 0) used[parent] = true;
  }
  for (const TaggedAnnotation& a : annotations)
    if (a.element < 0 || static_cast<size_t>(a.element) >= n || !used[a.element] || a.page < 0 ||
        static_cast<size_t>(a.page) >= pages.size())
      return Status::Internal("PDF: an annotation about no element of the tree");

  StructureObjects out;
  auto& nodes = out.nodes_;
  // The Document names the first page: its elements there say none.
  const int first_page = pages.empty() ? 0 : ObjectNumber(pages[0]);
  nodes.push_back({"Document", -1, first_page, {}, {}});
  // Marked content in another language (page, MCID): its language, then
  // the Span node that holds it.
  std::map<std::pair<int, int>, const char*> span_language;
  std::map<std::pair<int, int>, int> span_node;
  for (size_t p = 0; p < marks.size() && p < pages.size(); ++p)
    for (const auto& [mcid, language] : marks[p].spans)
      span_language[{static_cast<int>(p), mcid}] = language;
  std::vector<int> node_of(n, -1);
  std::vector<int> page_of;  // each node's page (its /Pg, said or inherited)
  page_of.push_back(first_page);
  for (size_t i = 0; i < n; ++i) {
    if (!used[i]) continue;
    const layout::Element& e = elements[i];
    const int parent = e.parent < 0 ? 0 : node_of[e.parent];
    node_of[i] = static_cast<int>(nodes.size());
    nodes[parent].kids.push_back({Item::kNode, node_of[i], 0});
    if (RoleMap().count(e.role)) out.role_map_[e.role] = StandardRole(e.role);
    // The page: the parent's, unless the element's content starts elsewhere.
    const int inherited = page_of[parent];
    const int page = content[i].empty() ? inherited : ObjectNumber(pages[content[i].front().first]);
    page_of.push_back(page);
    nodes.push_back({e.role, parent, page != inherited ? page : 0, LangString(e.lang), {}});
    const int self = node_of[i];
    for (const auto& [p, mcid] : content[i]) {
      const int page_number = ObjectNumber(pages[p]);
      const auto span = span_language.empty() ? span_language.end() : span_language.find({p, mcid});
      if (span != span_language.end()) {
        // Text in another language: a Span of its own with /Lang.
        const int node = static_cast<int>(nodes.size());
        nodes[self].kids.push_back({Item::kNode, node, 0});
        nodes.push_back({"Span", self, page_number != page ? page_number : 0,
                         LangString(span->second), {{Item::kMcid, mcid, 0}}});
        page_of.push_back(page_number);
        span_node[{p, mcid}] = node;
      } else if (page_number == page) {
        nodes[self].kids.push_back({Item::kMcid, mcid, 0});
      } else {
        nodes[self].kids.push_back({Item::kMcr, mcid, page_number});
      }
    }
  }
  // Each page's MCIDs, in order, lead back to their nodes.
  for (size_t p = 0; p < marks.size() && p < pages.size(); ++p) {
    if (marks[p].elements.empty()) continue;
    std::vector<int> parents;
    for (size_t m = 0; m < marks[p].elements.size(); ++m) {
      const auto span = span_node.empty()
                            ? span_node.end()
                            : span_node.find({static_cast<int>(p), static_cast<int>(m)});
      parents.push_back(span != span_node.end() ? span->second : node_of[marks[p].elements[m]]);
    }
    out.parents_.emplace_back(static_cast<int>(p), std::move(parents));
    HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
  }
  // Annotations: an Annot element inside the element each is about (after
  // its content), an object reference to it, a parent-tree key of its own.
  out.annotation_keys_ = static_cast<int>(pages.size());
  int key = out.annotation_keys_;
  for (const TaggedAnnotation& a : annotations) {
    const int owner = node_of[a.element];
    const int node = static_cast<int>(nodes.size());
    const int page = ObjectNumber(pages[a.page]);
    nodes[owner].kids.push_back({Item::kNode, node, 0});
    nodes.push_back({"Annot", owner, page != page_of[owner] ? page : 0, {}, {}});
    nodes.back().kids.push_back({Item::kObjr, ObjectNumber(a.annotation), 0});
    HPDF_Dict_AddNumber(a.annotation, "StructParent", key);
    out.parents_.emplace_back(key++, std::vector<int>{node});
  }
  out.next_key_ = key;

  // The root's placeholder: an object of libharu's that the catalog can
  // name now; PackObjects() puts RootBody() in its place.
  HPDF_Dict root = HPDF_Dict_New(doc->mmgr);
  if (!root || HPDF_Xref_Add(doc->xref, root) != HPDF_OK)
    return Status::Internal("PDF: cannot make the structure tree root");
  out.root = ObjectNumber(root);
  HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(doc->mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(doc->catalog, "MarkInfo", mark_info);
  // Tab order follows the structure (PDF/UA-1, 7.18.3: pages with annotations).
  for (HPDF_Page page : pages)
    if (HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY)) HPDF_Dict_AddName(page, "Tabs", "S");
  return out;
}

std::string StandardRole(const std::string& role) {
  auto it = RoleMap().find(role);
  return it == RoleMap().end() ? role : it->second;
}

}  // namespace parting::pdf
