// PDF/UA-1 (ISO 14289-1) checks for the PDF stage's tests, clause by clause,
// with libqpdf: what applies to Parting's letters (docs/pdfua.md lists what
// is checked here and what is not, with Matterhorn Protocol numbers).
//
// CheckPdfUa() walks the catalog, the structure tree, every page's content
// (marked content, fonts, the character codes drawn), the annotations, the
// fonts' ToUnicode maps and the XMP metadata, and returns one line per
// failure, "clause: what". The identification schema (clause 5) is checked
// only in a file that claims PDF/UA (pdfuaid:part in its XMP).
#pragma once

#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace parting::testing {

struct UaReport {
  std::vector<std::string> failures;
  bool claims = false;                  ///< pdfuaid:part 1 in the XMP
  size_t codes_drawn = 0;               ///< character codes shown
  std::map<std::string, int> roles;     ///< standard roles of the tree, counted
  std::vector<std::string> span_langs;  ///< /Lang of Span elements, in tree order
  std::vector<std::string> span_texts;  ///< ActualText or "" of those spans' content
};

namespace ua_detail {

inline const std::set<std::string>& StandardRoles() {
  static const std::set<std::string> roles = {
      "/Document", "/Part",    "/Art",   "/Sect",      "/Div",     "/BlockQuote", "/Caption",
      "/TOC",      "/TOCI",    "/Index", "/NonStruct", "/Private", "/P",          "/H",
      "/H1",       "/H2",      "/H3",    "/H4",        "/H5",      "/H6",         "/L",
      "/LI",       "/Lbl",     "/LBody", "/Table",     "/TR",      "/TH",         "/TD",
      "/THead",    "/TBody",   "/TFoot", "/Span",      "/Quote",   "/Note",       "/Reference",
      "/BibEntry", "/Code",    "/Link",  "/Annot",     "/Ruby",    "/RB",         "/RT",
      "/RP",       "/Warichu", "/WT",    "/WP",        "/Figure",  "/Formula",    "/Form"};
  return roles;
}

// A language tag as BCP 47 spells it (ISO 32000-1, 14.9.2.1): a primary
// subtag of 2-8 letters, then subtags of 1-8 letters or digits.
inline bool WellFormedLang(const std::string& lang) {
  static const std::regex tag("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  return std::regex_match(lang, tag);
}

// A code point no ToUnicode entry may give: U+0000, U+FEFF, U+FFFE (clause
// 7.21.7), and, stricter, noncharacters and private use.
inline bool BadUnicode(unsigned c) {
  return c == 0 || c == 0xFEFF || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF) ||
         (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
}

// UTF-16BE hex digits -> code points.
inline std::vector<unsigned> CodePoints(const std::string& hex) {
  std::vector<unsigned> units, out;
  for (size_t i = 0; i + 4 <= hex.size(); i += 4)
    units.push_back(std::stoul(hex.substr(i, 4), nullptr, 16));
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i] >= 0xD800 && units[i] < 0xDC00 && i + 1 < units.size()) {
      out.push_back(0x10000 + ((units[i] - 0xD800) << 10) + (units[i + 1] - 0xDC00));
      ++i;
    } else {
      out.push_back(units[i]);
    }
  }
  return out;
}

// A ToUnicode CMap's entries: code -> UTF-16BE hex. Tokens need no white
// space between them ("<0001><0020>").
inline std::map<unsigned, std::string> ToUnicodeEntries(const std::string& cmap) {
  std::vector<std::string> tokens;
  for (size_t i = 0; i < cmap.size();) {
    const char c = cmap[i];
    if (c == '<') {
      const size_t end = cmap.find('>', i);
      if (end == std::string::npos) break;
      std::string hex;
      for (size_t k = i + 1; k < end; ++k)
        if (!std::isspace(static_cast<unsigned char>(cmap[k])))
          hex += static_cast<char>(std::toupper(cmap[k]));
      tokens.push_back("<" + hex);
      i = end + 1;
    } else if (c == '[' || c == ']') {
      tokens.push_back(std::string(1, c));
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      size_t end = i;
      while (end < cmap.size() && !std::isspace(static_cast<unsigned char>(cmap[end])) &&
             cmap[end] != '<' && cmap[end] != '[' && cmap[end] != ']')
        ++end;
      tokens.push_back(cmap.substr(i, end - i));
      i = end;
    }
  }
  std::map<unsigned, std::string> out;
  auto hex = [](const std::string& token) { return token.substr(1); };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "beginbfchar") {
      for (++i; i + 1 < tokens.size() && tokens[i] != "endbfchar"; i += 2)
        out[std::stoul(hex(tokens[i]), nullptr, 16)] = hex(tokens[i + 1]);
    } else if (tokens[i] == "beginbfrange") {
      for (++i; i + 2 < tokens.size() && tokens[i] != "endbfrange";) {
        const unsigned lo = std::stoul(hex(tokens[i]), nullptr, 16);
        const unsigned hi = std::stoul(hex(tokens[i + 1]), nullptr, 16);
        i += 2;
        if (tokens[i] == "[") {
          for (unsigned code = lo; ++i < tokens.size() && tokens[i] != "]"; ++code)
            out[code] = hex(tokens[i]);
          ++i;
        } else {
          // The last byte of the destination counts up (ISO 32000-1, 9.10.3).
          std::string dst = hex(tokens[i++]);
          for (unsigned code = lo; code <= hi; ++code) {
            out[code] = dst;
            char last[8];
            std::snprintf(last, sizeof last, "%02X",
                          (std::stoul(dst.substr(dst.size() - 2), nullptr, 16) + 1) & 0xFF);
            dst.replace(dst.size() - 2, 2, last);
          }
        }
      }
    }
  }
  return out;
}

// One page's content: marked content, what is drawn where, the codes shown.
class PageContent : public QPDFObjectHandle::ParserCallbacks {
 public:
  PageContent(QPDFObjectHandle fonts, std::vector<std::string>& failures,
              std::map<QPDFObjGen, std::set<unsigned>>& codes, size_t& drawn)
      : fonts_(fonts), failures_(failures), codes_(codes), drawn_(drawn) {}
  std::set<int> mcids;

  void handleObject(QPDFObjectHandle obj) override {
    if (!obj.isOperator()) {
      operands_.push_back(obj);
      return;
    }
    const std::string op = obj.getOperatorValue();
    if (op == "BDC" || op == "BMC") {
      Mark mark;
      mark.artifact = !operands_.empty() && operands_[0].isNameAndEquals("/Artifact");
      QPDFObjectHandle props =
          op == "BDC" && operands_.size() == 2 ? operands_[1] : QPDFObjectHandle();
      if (props.isDictionary() && props.getKey("/MCID").isInteger()) {
        mark.mcid = props.getKey("/MCID").getIntValueAsInt();
        if (!mcids.insert(mark.mcid).second)
          Fail("7.1", "MCID " + std::to_string(mark.mcid) + " twice");
      }
      if (props.isDictionary() && props.hasKey("/Lang") &&
          !WellFormedLang(props.getKey("/Lang").getUTF8Value()))
        Fail("7.2", "marked content /Lang " + props.getKey("/Lang").unparse());
      for (const Mark& open : stack_) {
        if (open.artifact && mark.mcid >= 0)
          Fail("7.1", "tagged content inside an artifact (01-004)");
        if (open.mcid >= 0 && mark.artifact)
          Fail("7.1", "an artifact inside tagged content (01-003)");
      }
      stack_.push_back(mark);
    } else if (op == "EMC") {
      if (stack_.empty())
        Fail("7.1", "EMC without BMC/BDC");
      else
        stack_.pop_back();
    } else if (op == "Tf" && operands_.size() == 2) {
      font_ = fonts_.getKey(operands_[0].getName()).getObjGen();
    } else if (op == "TJ" || op == "Tj" || op == "'" || op == "\"") {
      Painted(op);
      for (auto& operand : operands_) Codes(operand);
    } else if (op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" ||
               op == "B*" || op == "b" || op == "b*" || op == "Do" || op == "sh" || op == "BI") {
      Painted(op);
    }
    operands_.clear();
  }
  void handleEOF() override {
    if (!stack_.empty()) Fail("7.1", "marked content left open at the end of a page");
  }

 private:
  struct Mark {
    bool artifact = false;
    int mcid = -1;
  };
  void Fail(const std::string& clause, const std::string& what) {
    failures_.push_back(clause + ": " + what);
  }
  // Real content in a structure element, or an artifact (7.1 clause 3; 01-005).
  void Painted(const std::string& op) {
    for (const Mark& open : stack_)
      if (open.artifact || open.mcid >= 0) return;
    Fail("7.1", "'" + op + "' neither tagged nor an artifact (01-005)");
  }
  void Codes(QPDFObjectHandle obj) {
    if (obj.isArray()) {
      for (auto& item : obj.getArrayAsVector()) Codes(item);
    } else if (obj.isString()) {
      const std::string bytes = obj.getStringValue();  // Identity-H: two bytes a code
      for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const unsigned code =
            (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
        codes_[font_].insert(code);
        ++drawn_;
        if (code == 0) Fail("7.21.8", ".notdef (CID 0) drawn");
      }
    }
  }
  QPDFObjectHandle fonts_;
  std::vector<std::string>& failures_;
  std::map<QPDFObjGen, std::set<unsigned>>& codes_;
  size_t& drawn_;
  QPDFObjGen font_;
  std::vector<Mark> stack_;
  std::vector<QPDFObjectHandle> operands_;
};

}  // namespace ua_detail

/// Checks `pdf` against the clauses of PDF/UA-1 that apply to letters.
inline UaReport CheckPdfUa(const std::string& pdf) {
  using namespace ua_detail;
  UaReport report;
  auto fail = [&](const std::string& clause, const std::string& what) {
    report.failures.push_back(clause + ": " + what);
  };
  QPDF q;
  q.processMemoryFile("letter.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle root = q.getRoot();
  QPDFObjectHandle trailer = q.getTrailer();

  // 7.1: tagged, /MarkInfo, no suspects, the title shown.
  QPDFObjectHandle mark_info = root.getKey("/MarkInfo");
  if (!mark_info.getKey("/Marked").isBool() || !mark_info.getKey("/Marked").getBoolValue())
    fail("7.1", "/MarkInfo /Marked is not true");
  if (mark_info.getKey("/Suspects").isBool() && mark_info.getKey("/Suspects").getBoolValue())
    fail("7.1", "/MarkInfo /Suspects true");
  QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
  if (!prefs.getKey("/DisplayDocTitle").isBool() ||
      !prefs.getKey("/DisplayDocTitle").getBoolValue())
    fail("7.1", "no /ViewerPreferences /DisplayDocTitle true (07-001)");
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.getKey("/Title").isString() || info.getKey("/Title").getUTF8Value().empty())
    fail("7.1", "no /Title in the document information");
  // 7.2: the document's natural language.
  if (!root.getKey("/Lang").isString() || !WellFormedLang(root.getKey("/Lang").getUTF8Value()))
    fail("7.2", "catalog /Lang missing or not a language tag");
  // 7.16: no encryption that could keep assistive technology out.
  if (trailer.hasKey("/Encrypt")) fail("7.16", "encrypted");

  // The structure tree.
  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  if (!tree.isDictionary()) {
    fail("7.1", "no /StructTreeRoot");
    return report;
  }
  QPDFObjectHandle role_map = tree.getKey("/RoleMap");
  if (role_map.isDictionary())
    for (const auto& key : role_map.getKeys()) {
      if (StandardRoles().count(key)) fail("7.1", "standard type " + key + " remapped");
      std::string to = role_map.getKey(key).isName() ? role_map.getKey(key).getName() : "";
      for (int hops = 0; !StandardRoles().count(to) && hops < 8 && !to.empty(); ++hops)
        to = role_map.getKey(to).isName() ? role_map.getKey(to).getName() : "";
      if (!StandardRoles().count(to))
        fail("7.1", key + " maps to no standard type");
    }
  std::map<QPDFObjGen, std::string> role_of;                    // element -> standard role
  std::map<QPDFObjGen, QPDFObjGen> objr_owner;                  // annotation -> its element
  std::map<std::pair<QPDFObjGen, int>, QPDFObjGen> mcid_owner;  // (page, MCID) -> element
  std::vector<std::pair<int, std::string>> headings;            // level (0: H), role
  std::set<std::string> note_ids;
  std::function<void(QPDFObjectHandle, QPDFObjGen)> walk = [&](QPDFObjectHandle e,
                                                               QPDFObjGen page) {
    if (!e.isDictionary() || !e.getKey("/S").isName()) {
      fail("7.1", "a structure element without /S");
      return;
    }
    if (e.getKey("/Pg").isDictionary()) page = e.getKey("/Pg").getObjGen();
    std::string role = e.getKey("/S").getName();
    for (int hops = 0; !StandardRoles().count(role) && hops < 8; ++hops)
      role = role_map.getKey(role).isName() ? role_map.getKey(role).getName() : "";
    if (!StandardRoles().count(role))
      fail("7.1", "element " + e.getKey("/S").getName() + " of no standard type");
    role_of[e.getObjGen()] = role;
    ++report.roles[role];
    if (e.hasKey("/Lang") && !WellFormedLang(e.getKey("/Lang").getUTF8Value()))
      fail("7.2", role + " /Lang " + e.getKey("/Lang").unparse() + "");
    if (role == "/Span" && e.hasKey("/Lang"))
      report.span_langs.push_back(e.getKey("/Lang").getUTF8Value());
    if (role == "/Figure" && !e.getKey("/Alt").isString() && !e.getKey("/ActualText").isString())
      fail("7.3", "Figure without /Alt");
    if (role == "/Note") {
      const std::string id = e.getKey("/ID").isString() ? e.getKey("/ID").getStringValue() : "";
      if (id.empty() || !note_ids.insert(id).second)
        fail("7.9", "Note without a unique /ID");
    }
    if (role == "/H") headings.emplace_back(0, role);
    if (role.size() == 3 && role[1] == 'H' && role[2] >= '1' && role[2] <= '6')
      headings.emplace_back(role[2] - '0', role);
    QPDFObjectHandle kids = e.getKey("/K");
    std::vector<QPDFObjectHandle> list =
        kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
    for (auto& kid : list) {
      if (kid.isNull()) continue;
      if (kid.isInteger()) {
        mcid_owner[{page, kid.getIntValueAsInt()}] = e.getObjGen();
      } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
        mcid_owner[{kid.getKey("/Pg").getObjGen(), kid.getKey("/MCID").getIntValueAsInt()}] =
            e.getObjGen();
      } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
        objr_owner[kid.getKey("/Obj").getObjGen()] = e.getObjGen();
      } else {
        // 7.6 (ISO 32000-1, 14.8.4.3.3): lists hold items, items labels and bodies.
        if (kid.isDictionary() && kid.getKey("/S").isName()) {
          std::string kid_role = kid.getKey("/S").getName();
          if (role_map.getKey(kid_role).isName()) kid_role = role_map.getKey(kid_role).getName();
          if (role == "/L" && kid_role != "/LI" && kid_role != "/L" && kid_role != "/Caption")
            fail("7.6", "L holds " + kid_role + "");
          if (role == "/LI" && kid_role != "/Lbl" && kid_role != "/LBody")
            fail("7.6", "LI holds " + kid_role + "");
        }
        walk(kid, page);
      }
    }
  };
  QPDFObjectHandle top = tree.getKey("/K");
  for (auto& kid : top.isArray() ? top.getArrayAsVector() : std::vector<QPDFObjectHandle>{top})
    walk(kid, QPDFObjGen());
  if (report.roles.count("/Table")) fail("7.5", "tables are not checked here");
  // 7.4: numbered headings start at H1 and skip no level; H and Hn do not mix.
  int level = 0;
  bool any_h = false, any_hn = false;
  for (const auto& [n, role] : headings) {
    if (n == 0) {
      any_h = true;
      continue;
    }
    any_hn = true;
    if (n > level + 1)
      fail("7.4", role + " after " + (level ? "H" + std::to_string(level) : "no heading") +
                      "");
    level = n;
  }
  if (any_h && any_hn) fail("7.4", "both H and Hn");

  // Every page: marked content against the parent tree, fonts, annotations.
  std::map<int, QPDFObjectHandle> parents;
  QPDFObjectHandle nums = tree.getKey("/ParentTree").getKey("/Nums");
  for (int i = 0; nums.isArray() && i + 1 < nums.getArrayNItems(); i += 2)
    parents[nums.getArrayItem(i).getIntValueAsInt()] = nums.getArrayItem(i + 1);
  std::map<QPDFObjGen, std::set<unsigned>> codes;  // font -> codes drawn
  std::map<QPDFObjGen, QPDFObjectHandle> fonts;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    QPDFObjectHandle page_fonts = dict.getKey("/Resources").getKey("/Font");
    if (page_fonts.isDictionary())
      for (const auto& name : page_fonts.getKeys())
        fonts[page_fonts.getKey(name).getObjGen()] = page_fonts.getKey(name);
    PageContent content(page_fonts, report.failures, codes, report.codes_drawn);
    page.parseContents(&content);
    if (!content.mcids.empty()) {
      QPDFObjectHandle list = dict.getKey("/StructParents").isInteger()
                                  ? parents[dict.getKey("/StructParents").getIntValueAsInt()]
                                  : QPDFObjectHandle();
      for (int mcid : content.mcids) {
        const auto owner = mcid_owner.find({dict.getObjGen(), mcid});
        if (owner == mcid_owner.end() || !list.isArray() || mcid >= list.getArrayNItems() ||
            list.getArrayItem(mcid).getObjGen() != owner->second)
          fail("7.1", "MCID " + std::to_string(mcid) +
                          " in no structure element, or the parent tree disagrees");
      }
    }
    // 7.18: annotations in the tree, described, tab order by structure.
    QPDFObjectHandle annots = dict.getKey("/Annots");
    if (annots.isArray() && annots.getArrayNItems() > 0 &&
        !dict.getKey("/Tabs").isNameAndEquals("/S"))
      fail("7.18.3", "a page with annotations without /Tabs /S");
    for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i) {
      QPDFObjectHandle a = annots.getArrayItem(i);
      const std::string subtype =
          a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName() : "";
      if (subtype == "/Popup") continue;
      const auto owner = objr_owner.find(a.getObjGen());
      if (owner == objr_owner.end()) {
        fail("7.18.1", subtype + " annotation not in the structure tree");
        continue;
      }
      const std::string role = role_of[owner->second];
      if (!a.getKey("/StructParent").isInteger() ||
          parents[a.getKey("/StructParent").getIntValueAsInt()].getObjGen() != owner->second)
        fail("7.18.1", subtype + " annotation's /StructParent does not lead to its element");
      if (subtype == "/Widget") {
        if (role != "/Form") fail("7.18.4", "a widget not in a Form element");
        if (!a.getKey("/TU").isString()) fail("7.18.1", "a widget without /TU");
      } else {
        if (role != "/Annot") fail("7.18.1", subtype + " annotation not in an Annot element");
        if (!a.getKey("/Contents").isString() || a.getKey("/Contents").getUTF8Value().empty())
          fail("7.18.1", subtype + " annotation without /Contents");
      }
    }
  }

  // 7.21: fonts.
  for (auto& [id, font] : fonts) {
    const std::string name =
        font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName() : "?";
    if (!font.getKey("/Subtype").isNameAndEquals("/Type0") ||
        !font.getKey("/Encoding").isNameAndEquals("/Identity-H")) {
      fail("7.21", name + ": not a Type 0 font with Identity-H (not checked here)");
      continue;
    }
    QPDFObjectHandle cid = font.getKey("/DescendantFonts").getArrayItem(0);
    if (!cid.getKey("/Subtype").isNameAndEquals("/CIDFontType2"))
      fail("7.21", name + ": not a CIDFontType2 (not checked here)");
    if (!cid.hasKey("/CIDToGIDMap")) fail("7.21.3.2", name + ": no /CIDToGIDMap");
    QPDFObjectHandle descriptor = cid.getKey("/FontDescriptor");
    if (!descriptor.getKey("/FontFile2").isStream())
      fail("7.21.4.1", name + ": not embedded");
    // A CIDSet would have to name every CID of the program; none is written.
    if (descriptor.hasKey("/CIDSet"))
      fail("7.21.4.2", name + ": a /CIDSet, not checked here");
    QPDFObjectHandle to_unicode = font.getKey("/ToUnicode");
    if (!to_unicode.isStream()) {
      fail("7.21.7", name + ": no /ToUnicode");
      continue;
    }
    const auto buffer = to_unicode.getStreamData();
    const auto entries = ToUnicodeEntries(
        std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()));
    for (unsigned code : codes[id]) {
      const auto entry = entries.find(code);
      if (entry == entries.end() || entry->second.empty()) {
        fail("7.21.7", name + ": code " + std::to_string(code) + " maps to no Unicode");
        continue;
      }
      for (unsigned c : CodePoints(entry->second))
        if (BadUnicode(c))
          fail("7.21.7", name + ": code " + std::to_string(code) + " maps to U+" + entry->second +
                             "");
    }
  }

  // 5 (identification) and 7.1 (dc:title): the XMP metadata.
  QPDFObjectHandle metadata = root.getKey("/Metadata");
  std::string xmp;
  if (metadata.isStream()) {
    const auto buffer = metadata.getStreamData();
    xmp.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  }
  report.claims = xmp.find("pdfuaid:part") != std::string::npos;
  if (report.claims) {
    if (xmp.find("<pdfuaid:part>1</pdfuaid:part>") == std::string::npos &&
        xmp.find("pdfuaid:part=\"1\"") == std::string::npos)
      fail("5", "pdfuaid:part is not 1 (06-002)");
    if (xmp.find("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"") == std::string::npos)
      fail("5", "pdfuaid not in its namespace");
    const size_t title = xmp.find("<dc:title>");
    if (title == std::string::npos ||
        xmp.find("xml:lang=\"x-default\">", title) == std::string::npos ||
        xmp.compare(xmp.find("xml:lang=\"x-default\">", title) + 21, 2, "</") == 0)
      fail("7.1", "no dc:title (06-003)");
    // PDF/A (ISO 19005-2, 6.6.2.3.2): a schema PDF/A does not predefine is
    // described in the file's extension schemas.
    if (xmp.find("pdfaid:part") != std::string::npos) {
      const size_t schema = xmp.find("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/<");
      if (schema == std::string::npos ||
          xmp.find("<pdfaSchema:prefix>pdfuaid<") == std::string::npos ||
          xmp.find("<pdfaProperty:name>part<") == std::string::npos ||
          xmp.find("<pdfaProperty:valueType>Integer<") == std::string::npos ||
          xmp.find("<pdfaProperty:category>internal<") == std::string::npos)
        fail("5", "PDF/A file without the pdfuaid extension schema description");
    }
  }
  return report;
}

}  // namespace parting::testing
