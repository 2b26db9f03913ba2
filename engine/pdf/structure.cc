#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cctype>
#include <charconv>
#include <iterator>
#include <map>
#include <span>
#include <string_view>

namespace parting::pdf {
namespace {

// Parting's roles for the parts of a letter, and the standard types a reader
// takes them for (at most 32: StructureObjects::roles_used_ is a bit set).
struct OwnRole {
  std::string_view role, standard;
};
constexpr OwnRole kOwnRoles[] = {{"Address", "P"},
                                 {"Closing", "P"},
                                 {"DateBlock", "P"},
                                 {"Letterhead", "P"},
                                 {"Signature", "P"}};
static_assert(std::size(kOwnRoles) <= 32);

// Which of kOwnRoles `role` is, -1 when it is a standard one.
int OwnRoleIndex(std::string_view role) {
  for (size_t i = 0; i < std::size(kOwnRoles); ++i)
    if (kOwnRoles[i].role == role) return static_cast<int>(i);
  return -1;
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
// parent tree base + nodes.size(). Roles are the page tree's strings (or
// literals): StructureObjects lives while its page tree does.
struct StructureObjects::Node {
  std::string_view role;
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

void Int(std::string& out, int value) {
  char buf[16];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, end);
}

// "n 0 R"
void Ref(std::string& out, int number) {
  Int(out, number);
  out += " 0 R";
}

}  // namespace

void StructureObjects::AppendBodies(int base, ExtraObjects& extra) const {
  std::string& out = extra.appended;
  out.reserve(out.size() + 32 * nodes_.size() + 8 * static_cast<size_t>(next_key_) + 64);
  for (const Node& node : nodes_) {
    out += "<</S/";
    out += node.role;
    out += "/P ";
    Ref(out, node.parent < 0 ? root : base + node.parent);
    if (node.page) {
      out += "/Pg ";
      Ref(out, node.page);
    }
    if (!node.lang.empty()) {
      out += "/Lang";
      out += node.lang;
    }
    out += node.kids.size() == 1 ? "/K " : "/K[";
    for (size_t k = 0; k < node.kids.size(); ++k) {
      const Item& item = node.kids[k];
      if (k) out += ' ';
      switch (item.kind) {
        case Item::kMcid:
          Int(out, item.a);
          break;
        case Item::kNode:
          Ref(out, base + item.a);
          break;
        case Item::kMcr:
          out += "<</Type/MCR/Pg ";
          Ref(out, item.page);
          out += "/MCID ";
          Int(out, item.a);
          out += ">>";
          break;
        case Item::kObjr:
          out += "<</Type/OBJR/Obj ";
          Ref(out, item.a);
          out += ">>";
          break;
      }
    }
    out += node.kids.size() == 1 ? ">>" : "]>>";
    extra.ends.push_back(out.size());
  }
  // The parent tree: each page's MCIDs in order, then each annotation's key.
  out += "<</Nums[";
  for (const auto& [key, parents] : parents_) {
    Int(out, key);
    if (key >= annotation_keys_) {  // an annotation's: its element
      out += ' ';
      Ref(out, base + parents.front());
      out += ' ';
      continue;
    }
    out += '[';
    for (size_t k = 0; k < parents.size(); ++k) {
      if (k) out += ' ';
      Ref(out, base + parents[k]);
    }
    out += ']';
  }
  out += "]>>";
  extra.ends.push_back(out.size());
}

std::string StructureObjects::RootBody(int base) const {
  std::string s = "<</Type/StructTreeRoot/K ";
  Ref(s, base);
  s += "/ParentTree ";
  Ref(s, base + static_cast<int>(nodes_.size()));
  s += "/ParentTreeNextKey ";
  Int(s, next_key_);
  if (roles_used_) {
    s += "/RoleMap<<";
    for (size_t i = 0; i < std::size(kOwnRoles); ++i)
      if (roles_used_ >> i & 1) {
        s += '/';
        s += kOwnRoles[i].role;
        s += '/';
        s += kOwnRoles[i].standard;
      }
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
  // One table for all: element i's are [starts[i], starts[i + 1]).
  std::vector<size_t> starts(n + 1, 0);
  const size_t page_count = std::min(marks.size(), pages.size());
  for (size_t p = 0; p < page_count; ++p)
    for (const int e : marks[p].elements) {
      if (e < 0 || static_cast<size_t>(e) >= n)
        return Status::Internal("PDF: marked content names element " + std::to_string(e));
      ++starts[e + 1];
    }
  for (size_t i = 0; i < n; ++i) starts[i + 1] += starts[i];
  std::vector<std::pair<int, int>> content_items(starts[n]);  // page, MCID
  {
    std::vector<size_t> next(starts.begin(), starts.end() - 1);
    for (size_t p = 0; p < page_count; ++p)
      for (size_t m = 0; m < marks[p].elements.size(); ++m)
        content_items[next[marks[p].elements[m]]++] = {static_cast<int>(p), static_cast<int>(m)};
  }
  auto content = [&](size_t i) {
    return std::span<const std::pair<int, int>>(content_items.data() + starts[i],
                                                starts[i + 1] - starts[i]);
  };
  std::vector<bool> used(n, false);
  for (size_t i = 0; i < n; ++i) used[i] = starts[i + 1] > starts[i];
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
  nodes.reserve(n + 1 + annotations.size());
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
    if (const int own = OwnRoleIndex(e.role); own >= 0) out.roles_used_ |= 1u << own;
    // The page: the parent's, unless the element's content starts elsewhere.
    const int inherited = page_of[parent];
    const int page = content(i).empty() ? inherited : ObjectNumber(pages[content(i).front().first]);
    page_of.push_back(page);
    nodes.push_back({e.role, parent, page != inherited ? page : 0, LangString(e.lang), {}});
    const int self = node_of[i];
    for (const auto& [p, mcid] : content(i)) {
      const int page_number = ObjectNumber(pages[p]);
      const auto span = span_language.empty() ? span_language.end() : span_language.find({p, mcid});
      if (span != span_language.end()) {
        // Text in another language: a Span of its own with /Lang.
        const int node = static_cast<int>(nodes.size());
        nodes[self].kids.push_back({Item::kNode, node, 0});
        nodes.push_back({"Span",
                         self,
                         page_number != page ? page_number : 0,
                         LangString(span->second),
                         {{Item::kMcid, mcid, 0}}});
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
  const int own = OwnRoleIndex(role);
  return own < 0 ? role : std::string(kOwnRoles[own].standard);
}

}  // namespace parting::pdf
