// ToUnicodeCMap: ranges, arrays and single entries read back as written.
#include "pdf/to_unicode.h"

#include <doctest/doctest.h>

#include "core/utf8.h"
#include "pdf/pdfua_check.h"

using namespace parting;

TEST_CASE("ToUnicode: every CID reads back as its text, in ranges, arrays and bfchar") {
  std::map<uint16_t, std::string> text_of_cid;
  // 1-5: consecutive code points (a range); 6-17: twelve unrelated texts
  // (an array, a ligature among them); 18: alone after a gap; 0x1FF and
  // 0x200: consecutive CIDs across a high byte; 0x300-0x301: a range
  // across U+00FF/U+0100 must split.
  for (uint16_t cid = 1; cid <= 5; ++cid)
    text_of_cid[cid] = std::string(1, static_cast<char>('a' + cid - 1));
  const char* scattered[] = {"Z",      "\u0E4D", "\u0E32", "fi",     "Q", "\u00A0",
                             "\u2010", "0",      "%",      "\u20AC", "K", "\u0E01"};
  for (uint16_t k = 0; k < 12; ++k) text_of_cid[6 + k] = scattered[k];
  text_of_cid[20] = "x";
  text_of_cid[0x1FF] = "y";
  text_of_cid[0x200] = "z";
  text_of_cid[0x300] = "\u00FF";
  text_of_cid[0x301] = "\u0100";
  const std::string cmap = pdf::ToUnicodeCMap(text_of_cid);
  CAPTURE(cmap);
  CHECK(cmap.find("[<") != std::string::npos);  // the twelve are an array
  const auto entries = testing::ua_detail::ToUnicodeEntries(cmap);
  CHECK(entries.size() == text_of_cid.size());
  auto utf16_hex = [](const std::string& utf8) {
    std::string hex;
    for (size_t pos = 0; pos < utf8.size();) {
      const auto c = parting::DecodeUtf8(utf8, pos);
      REQUIRE(c);
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(*c));
      hex += buf;
    }
    return hex;
  };
  for (const auto& [cid, text] : text_of_cid) {
    CAPTURE(cid);
    REQUIRE(entries.count(cid));
    CHECK(entries.at(cid) == utf16_hex(text));
  }
}
