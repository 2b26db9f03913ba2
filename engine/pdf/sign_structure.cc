#include "pdf/sign_structure.h"

namespace parting::pdf {
namespace {

std::string Ref(const QPDFObjectHandle& object) {
  return std::to_string(object.getObjectID()) + " 0 R";
}

// The first element below `node` whose role is `role` (depth first); null
// when there is none.
QPDFObjectHandle FindRole(QPDFObjectHandle node, const std::string& role, int depth = 0) {
  if (depth > 64 || !node.isDictionary()) return QPDFObjectHandle::newNull();
  if (node.getKey("/S").isNameAndEquals(role)) return node;
  QPDFObjectHandle kids = node.getKey("/K");
  std::vector<QPDFObjectHandle> list =
      kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
  for (QPDFObjectHandle& kid : list) {
    if (!kid.isDictionary() || kid.hasKey("/Type")) continue;  // MCR, OBJR
    QPDFObjectHandle found = FindRole(kid, role, depth + 1);
    if (!found.isNull()) return found;
  }
  return QPDFObjectHandle::newNull();
}

}  // namespace

WidgetTag TagWidget(QPDF& document, QPDFObjectHandle widget, QPDFObjectHandle form) {
  WidgetTag tag;
  QPDFObjectHandle tree = document.getRoot().getKey("/StructTreeRoot");
  if (!tree.isDictionary() || !tree.isIndirect()) return tag;
  QPDFObjectHandle parent_tree = tree.getKey("/ParentTree");
  QPDFObjectHandle next = tree.getKey("/ParentTreeNextKey");
  if (!parent_tree.isIndirect() || !parent_tree.getKey("/Nums").isArray() || !next.isInteger())
    return tag;
  QPDFObjectHandle owner = FindRole(tree.getKey("/K"), "/Signature");
  if (owner.isNull() || !owner.isIndirect()) return tag;
  const long long key = next.getIntValue();

  QPDFObjectHandle owner_copy = owner.shallowCopy();
  QPDFObjectHandle kids = QPDFObjectHandle::newArray();
  QPDFObjectHandle old_kids = owner.getKey("/K");
  if (old_kids.isArray())
    for (const QPDFObjectHandle& kid : old_kids.aitems()) kids.appendItem(kid);
  else if (!old_kids.isNull())
    kids.appendItem(old_kids);
  kids.appendItem(form);
  owner_copy.replaceKey("/K", kids);

  QPDFObjectHandle parent_tree_copy = parent_tree.shallowCopy();
  QPDFObjectHandle nums = QPDFObjectHandle::newArray();
  for (const QPDFObjectHandle& item : parent_tree.getKey("/Nums").aitems()) nums.appendItem(item);
  nums.appendItem(QPDFObjectHandle::newInteger(key));
  nums.appendItem(form);
  parent_tree_copy.replaceKey("/Nums", nums);

  QPDFObjectHandle tree_copy = tree.shallowCopy();
  tree_copy.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key + 1));

  tag.objects.emplace_back(owner.getObjectID(), owner_copy.unparse());
  tag.objects.emplace_back(parent_tree.getObjectID(), parent_tree_copy.unparse());
  tag.objects.emplace_back(tree.getObjectID(), tree_copy.unparse());
  tag.objects.emplace_back(
      form.getObjectID(),
      "<< /S /Form /P " + Ref(owner) + " /K << /Type /OBJR /Obj " + Ref(widget) + " >> >>");
  tag.widget_keys = " /StructParent " + std::to_string(key);
  return tag;
}

}  // namespace parting::pdf
