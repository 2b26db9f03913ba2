// A signature field's widget in a tagged letter's structure tree (PDF/UA-1,
// 7.18.1 and 7.18.4): a Form element inside the signer's block (the
// element whose role is "Signature") with an object reference to the
// widget, and a parent-tree key that leads back from the widget to it.
//
// Signing adds the widget in an incremental update; TagWidget() says which
// objects that update rewrites (the signer's element, the parent tree, the
// structure tree root) and adds (the Form element), as PDF text.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <string>
#include <utility>
#include <vector>

namespace parting::pdf {

struct WidgetTag {
  /// Object number and new dictionary of each object to write; empty when
  /// the letter has no structure tree or no signer's element.
  std::vector<std::pair<int, std::string>> objects;
  /// Keys to add to the widget's dictionary (" /StructParent n").
  std::string widget_keys;
};

/// Tags `widget` (an indirect object, written by the caller) with the
/// Form element `form` (a fresh indirect object whose text this returns).
WidgetTag TagWidget(QPDF& document, QPDFObjectHandle widget, QPDFObjectHandle form);

}  // namespace parting::pdf
