// Checking produced PDFs with the real tools: qpdf, pdffonts, pdftotext.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace parting::testing {

struct PdfFont {
  std::string name;
  std::string embedded;  ///< pdffonts' "emb" column: "yes" / "no"
};

/// The fonts pdffonts lists; columns are found from its dashed header line,
/// since a type such as "CID TrueType" contains a space.
inline std::vector<PdfFont> PdfFonts(const std::string& pdffonts_output) {
  std::istringstream lines(pdffonts_output);
  std::string line;
  std::vector<std::pair<size_t, size_t>> columns;
  std::vector<PdfFont> fonts;
  while (std::getline(lines, line)) {
    if (columns.empty()) {
      if (!line.starts_with("---")) continue;
      for (size_t start = 0; start < line.size();) {
        const size_t end = line.find(' ', start);
        columns.emplace_back(start, end == std::string::npos ? line.size() : end);
        start = end == std::string::npos ? line.size() : line.find_first_not_of(' ', end);
      }
      continue;
    }
    if (columns.size() < 4 || line.size() < columns[3].second) continue;
    auto cell = [&](size_t i) {
      std::string text = line.substr(columns[i].first, columns[i].second - columns[i].first);
      text.erase(text.find_last_not_of(' ') + 1);
      return text;
    };
    fonts.push_back({cell(0), cell(3)});
  }
  return fonts;
}

/// pdftotext output with layout whitespace folded: no-break and thin spaces
/// become spaces, a line broken after a hyphen is joined, and every run of
/// whitespace is one space. Phrases a letter may break across lines still
/// match.
inline std::string FoldedText(const std::string& text) {
  std::string spaced;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0
      spaced += ' ';
      i += 1;
    } else if (text.compare(i, 3, "\xE2\x80\xAF") == 0 ||  // U+202F
               text.compare(i, 3, "\xE2\x80\x89") == 0) {  // U+2009
      spaced += ' ';
      i += 2;
    } else {
      spaced += text[i] == '\f' ? '\n' : text[i];
    }
  }
  std::string folded;
  for (size_t i = 0; i < spaced.size(); ++i) {
    const char c = spaced[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      size_t end = i;
      bool newline = false;
      while (end < spaced.size() && (spaced[end] == ' ' || spaced[end] == '\n' ||
                                     spaced[end] == '\t' || spaced[end] == '\r')) {
        newline = newline || spaced[end] == '\n';
        ++end;
      }
      if (!(newline && !folded.empty() && folded.back() == '-')) folded += ' ';
      i = end - 1;
    } else {
      folded += c;
    }
  }
  return folded;
}

}  // namespace parting::testing
