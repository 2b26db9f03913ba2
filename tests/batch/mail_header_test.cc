// E-mail header text: encoded words for what a mail program would not show
// as the PDF does, folding within 78 characters, and decoding back exactly.
#include "batch/mail_header.h"

#include <Poco/Base64Decoder.h>
#include <doctest/doctest.h>

#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace parting::batch {
namespace {

std::vector<std::string> Lines(const std::string& value) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = value.find("\r\n", start);
    lines.push_back(value.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return lines;
}

// What a mail program shows, as RFC 2047 says: lines unfolded, each UTF-8
// "B" encoded word decoded once, the white space between two adjacent
// encoded words dropped. (Poco's decodeWord() keeps that space and decodes
// its own output again.) The name is unused but keeps calls readable.
std::string Shown(const std::string&, const std::string& value) {
  std::string unfolded;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 2, "\r\n") == 0) {
      ++i;
      continue;
    }
    unfolded += value[i];
  }
  std::string shown;
  std::size_t at = 0;
  bool after_word = false;
  while (at < unfolded.size()) {
    const std::size_t word = unfolded.find("=?UTF-8?B?", at);
    const std::size_t word_end =
        word == std::string::npos ? std::string::npos : unfolded.find("?=", word + 10);
    const std::string between =
        unfolded.substr(at, word == std::string::npos ? std::string::npos : word - at);
    if (!(after_word && word != std::string::npos &&
          between.find_first_not_of(' ') == std::string::npos))
      shown += between;
    if (word == std::string::npos || word_end == std::string::npos) break;
    std::istringstream encoded(unfolded.substr(word + 10, word_end - word - 10));
    Poco::Base64Decoder decoder(encoded);
    shown += std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    at = word_end + 2;
    after_word = true;
  }
  return shown;
}

void CheckLineLengths(const std::string& name, const std::string& value) {
  const std::vector<std::string> lines = Lines(value);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    CHECK(lines[i].size() + (i == 0 ? name.size() + 2 : 0) <= 78);
    if (i > 0) CHECK(lines[i].front() == ' ');  // a folded line
  }
}

}  // namespace

TEST_CASE("plain ASCII stays readable as it is") {
  CHECK(EncodeUnstructured("Termination of the Master Services Agreement", 7) ==
        "Termination of the Master Services Agreement");
  CHECK(EncodeDisplayName("Daniel Reyes") == "Daniel Reyes");
  CHECK(EncodeDisplayName("Reyes, Daniel") == "\"Reyes, Daniel\"");
  CHECK(EncodeDisplayName("Ann \"A\" Lee") == "\"Ann \\\"A\\\" Lee\"");
}

TEST_CASE("a long ASCII subject is folded at spaces") {
  const std::string subject =
      "Termination of the Master Services Agreement MSA-2022-044 between Brightwater Analytics "
      "LLC and Cedar & Stone Retail Inc. with effect from February 28, 2027";
  const std::string value = EncodeUnstructured(subject, 7);
  CHECK(Lines(value).size() >= 3);
  CheckLineLengths("Subject", value);
  CHECK(Shown("Subject", value) == subject);
}

TEST_CASE("non-ASCII text becomes encoded words that decode to the same text") {
  for (const std::string text :
       {std::string("Kündigung des Rahmenvertrags RV-2021-17 mit der Müller & Söhne GmbH zum "
                    "31. März 2027"),
        std::string("การบอกเลิกสัญญาให้บริการที่ปรึกษาด้านการตลาดดิจิทัล เลขที่ MKT-2023-019"),
        std::string("Wypowiedzenie umowy o świadczenie usług — Łódź, Gdańsk"), std::string("é")}) {
    CAPTURE(text);
    const std::string value = EncodeUnstructured(text, 7);
    CHECK(value.rfind("=?UTF-8?B?", 0) == 0);
    CheckLineLengths("Subject", value);
    CHECK(Shown("Subject", value) == text);
    const std::string name = EncodeDisplayName(text);
    CHECK(Shown("From", name) == text);
  }
}

TEST_CASE("ASCII that looks like an encoded word is encoded, so it shows as written") {
  const std::string tricky = "=?UTF-8?B?SGFja2Vk?= notice";
  const std::string value = EncodeUnstructured(tricky, 7);
  CHECK(value != tricky);
  CHECK(Shown("Subject", value) == tricky);
  CHECK(Shown("From", EncodeDisplayName("=?ISO-8859-1?Q?Boss?=")) == "=?ISO-8859-1?Q?Boss?=");
}

}  // namespace parting::batch
