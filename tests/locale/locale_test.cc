#include "locale/locale.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

namespace parting::locale {
namespace {

using L = Language;

TEST_CASE("locale ids per language") {
  struct Row {
    L language;
    const char* icu;
    const char* bcp47;
  };
  for (const Row& row : std::vector<Row>{{L::kEn, "en_US", "en-US"},
                                         {L::kDe, "de_DE", "de-DE"},
                                         {L::kPt, "pt_BR", "pt-BR"},
                                         {L::kPl, "pl_PL", "pl-PL"},
                                         {L::kTh, "th_TH", "th-TH"}}) {
    CHECK(std::string(IcuLocale(row.language)) == row.icu);
    CHECK(std::string(Bcp47(row.language)) == row.bcp47);
  }
}

struct DateRow {
  L language;
  Date date;
  const char* expected;
};

TEST_CASE("FormatDate writes the long date in the language's calendar") {
  const std::vector<DateRow> rows = {
      {L::kEn, {2027, 2, 28}, "February 28, 2027"},
      {L::kEn, {2028, 2, 29}, "February 29, 2028"},
      {L::kEn, {2026, 12, 31}, "December 31, 2026"},
      {L::kEn, {2027, 1, 1}, "January 1, 2027"},
      {L::kDe, {2027, 2, 28}, "28. Februar 2027"},
      {L::kDe, {2028, 2, 29}, "29. Februar 2028"},
      {L::kDe, {2026, 12, 31}, "31. Dezember 2026"},
      {L::kDe, {2027, 3, 1}, "1. März 2027"},
      {L::kPt, {2027, 2, 28}, "28 de fevereiro de 2027"},
      {L::kPt, {2028, 2, 29}, "29 de fevereiro de 2028"},
      {L::kPt, {2026, 12, 31}, "31 de dezembro de 2026"},
      {L::kPt, {2027, 3, 1}, "1 de março de 2027"},
      // Polish months in the genitive: "lutego", not "luty".
      {L::kPl, {2027, 2, 28}, "28 lutego 2027"},
      {L::kPl, {2028, 2, 29}, "29 lutego 2028"},
      {L::kPl, {2026, 12, 31}, "31 grudnia 2026"},
      {L::kPl, {2026, 11, 22}, "22 listopada 2026"},
      // Buddhist era: Gregorian year + 543, also across the year end.
      {L::kTh, {2027, 2, 28}, "28 กุมภาพันธ์ 2570"},
      {L::kTh, {2028, 2, 29}, "29 กุมภาพันธ์ 2571"},
      {L::kTh, {2026, 12, 31}, "31 ธันวาคม 2569"},
      {L::kTh, {2027, 1, 1}, "1 มกราคม 2570"},
      {L::kTh, {2026, 11, 22}, "22 พฤศจิกายน 2569"},
      // Before 1582 the date stays proleptic Gregorian, as Date counts.
      {L::kEn, {1500, 3, 1}, "March 1, 1500"},
      {L::kTh, {1500, 3, 1}, "1 มีนาคม 2043"},
  };
  for (const DateRow& row : rows) {
    INFO(IcuLocale(row.language), " ", row.date.ToIso());
    CHECK(FormatDate(row.language, row.date) == row.expected);
  }
}

TEST_CASE("FormatShortDate writes the numeric date with a four-digit year") {
  const std::vector<DateRow> rows = {
      {L::kEn, {2026, 11, 22}, "11/22/2026"}, {L::kEn, {2027, 1, 1}, "01/01/2027"},
      {L::kDe, {2026, 11, 22}, "22.11.2026"}, {L::kDe, {2028, 2, 29}, "29.02.2028"},
      {L::kPt, {2026, 11, 22}, "22/11/2026"}, {L::kPt, {2026, 12, 31}, "31/12/2026"},
      {L::kPl, {2026, 11, 22}, "22.11.2026"}, {L::kPl, {2027, 2, 28}, "28.02.2027"},
      {L::kTh, {2026, 11, 22}, "22/11/2569"}, {L::kTh, {2027, 2, 28}, "28/02/2570"},
  };
  for (const DateRow& row : rows) {
    INFO(IcuLocale(row.language), " ", row.date.ToIso());
    CHECK(FormatShortDate(row.language, row.date) == row.expected);
  }
}

TEST_CASE("Quote uses the language's quotation marks") {
  struct Row {
    L language;
    const char* open;
    const char* close;
  };
  for (const Row& row : std::vector<Row>{{L::kEn, "“", "”"},
                                         {L::kDe, "„", "“"},
                                         {L::kPt, "“", "”"},
                                         {L::kPl, "„", "”"},
                                         {L::kTh, "“", "”"}}) {
    INFO(IcuLocale(row.language));
    CHECK(QuoteOpen(row.language) == row.open);
    CHECK(QuoteClose(row.language) == row.close);
    CHECK(Quote(row.language, "Vertrag") == std::string(row.open) + "Vertrag" + row.close);
  }
}

}  // namespace
}  // namespace parting::locale
