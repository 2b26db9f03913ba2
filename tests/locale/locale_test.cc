#include "locale/locale.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

namespace parting::locale {
namespace {

using L = Language;

Amount Money(const char* decimal) { return Amount::FromDecimal(decimal).value(); }

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
      {L::kPt, {2027, 3, 1}, "1º de março de 2027"},  // Brazilian ordinal for the 1st
      // Polish months in the genitive: "lutego", not "luty".
      // … and "r." after the year, bound to it by a no-break space.
      {L::kPl, {2027, 2, 28}, "28 lutego 2027\u00a0r."},
      {L::kPl, {2028, 2, 29}, "29 lutego 2028\u00a0r."},
      {L::kPl, {2026, 12, 31}, "31 grudnia 2026\u00a0r."},
      {L::kPl, {2026, 11, 22}, "22 listopada 2026\u00a0r."},
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

struct AmountRow {
  L language;
  const char* amount;
  const char* currency;
  const char* expected;
};

void CheckAmounts(const std::vector<AmountRow>& rows) {
  for (const AmountRow& row : rows) {
    INFO(IcuLocale(row.language), " ", row.amount, " ", row.currency);
    CHECK(FormatAmount(row.language, Money(row.amount), row.currency) == row.expected);
  }
}

TEST_CASE("FormatAmount writes the currency the language's way, keeping no-break spaces") {
  CheckAmounts({
      {L::kEn, "2400", "USD", "$2,400.00"},
      {L::kEn, "1234567.89", "USD", "$1,234,567.89"},
      {L::kEn, "0", "USD", "$0.00"},
      {L::kEn, "0.05", "USD", "$0.05"},
      {L::kEn, "1250", "EUR", "€1,250.00"},
      {L::kDe, "1250", "EUR", "1.250,00\u00a0€"},
      {L::kDe, "1234567.89", "EUR", "1.234.567,89\u00a0€"},
      {L::kDe, "0", "EUR", "0,00\u00a0€"},
      {L::kDe, "1250.5", "EUR", "1.250,50\u00a0€"},
      {L::kPt, "1250", "BRL", "R$\u00a01.250,00"},
      {L::kPt, "1234567.89", "BRL", "R$\u00a01.234.567,89"},
      {L::kPt, "0", "BRL", "R$\u00a00,00"},
      {L::kPt, "0.99", "BRL", "R$\u00a00,99"},
      // Grouped from four digits, as domain.md writes it (CLDR alone would
      // give "1250,00 zł").
      {L::kPl, "1250", "PLN", "1\u00a0250,00\u00a0zł"},
      {L::kPl, "1234567.89", "PLN", "1\u00a0234\u00a0567,89\u00a0zł"},
      {L::kPl, "0", "PLN", "0,00\u00a0zł"},
      {L::kPl, "999.01", "PLN", "999,01\u00a0zł"},
      // Thai baht as a Thai legal letter writes them: figures, บาท, the sum in words.
      {L::kTh, "1250", "THB", "1,250.00\u00a0บาท (หนึ่งพันสองร้อยห้าสิบบาทถ้วน)"},
      {L::kTh, "12500", "THB", "12,500.00\u00a0บาท (หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน)"},
      {L::kTh, "1234567.89", "THB",
       "1,234,567.89\u00a0บาท (หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์)"},
      {L::kTh, "21", "THB", "21.00\u00a0บาท (ยี่สิบเอ็ดบาทถ้วน)"},
      {L::kTh, "0", "THB", "0.00\u00a0บาท (ศูนย์บาทถ้วน)"},
      {L::kTh, "0.10", "THB", "0.10\u00a0บาท (สิบสตางค์)"},
  });
}

TEST_CASE("FormatAmount without a currency writes the plain number with two decimals") {
  CheckAmounts({
      {L::kEn, "1234567.89", "", "1,234,567.89"},
      {L::kDe, "1234567.89", "", "1.234.567,89"},
      {L::kPt, "1250", "", "1.250,00"},
      {L::kPl, "1250", "", "1\u00a0250,00"},
      {L::kTh, "0", "", "0.00"},
  });
}

TEST_CASE("FormatAmount uses the currency's decimals unless that would drop cents") {
  CheckAmounts({
      {L::kEn, "1250", "JPY", "¥1,250"},
      {L::kEn, "1250.50", "JPY", "¥1,250.50"},
      {L::kDe, "1250", "JPY", "1.250\u00a0¥"},
      {L::kEn, "1250", "KWD", "KWD\u00a01,250.000"},
  });
}

TEST_CASE("FormatAmount falls back to the plain form for a malformed currency code") {
  CheckAmounts({
      {L::kDe, "1250", "E", "1250.00 E"},
      {L::kEn, "0.05", "EURO", "0.05 EURO"},
  });
}

TEST_CASE("FormatPeriod writes full unit names with the language's plural forms") {
  struct Row {
    L language;
    int amount;
    TimeUnit unit;
    const char* expected;
  };
  using U = TimeUnit;
  const std::vector<Row> rows = {
      {L::kEn, 0, U::kDays, "0 days"},
      {L::kEn, 1, U::kDays, "1 day"},
      {L::kEn, 30, U::kDays, "30 days"},
      {L::kEn, 2, U::kWeeks, "2 weeks"},
      {L::kEn, 1, U::kMonths, "1 month"},
      {L::kEn, 3, U::kMonths, "3 months"},
      {L::kDe, 0, U::kDays, "0 Tage"},
      // German letters write small numbers in words ("beträgt drei Monate").
      {L::kDe, 1, U::kDays, "einen Tag"},
      {L::kDe, 14, U::kDays, "14 Tage"},
      {L::kDe, 1, U::kWeeks, "eine Woche"},
      {L::kDe, 2, U::kWeeks, "zwei Wochen"},
      {L::kDe, 1, U::kMonths, "einen Monat"},
      {L::kDe, 3, U::kMonths, "drei Monate"},
      {L::kDe, 12, U::kMonths, "zwölf Monate"},
      {L::kDe, 13, U::kMonths, "13 Monate"},
      // pt counts 0 with the singular (CLDR: i = 0..1).
      {L::kPt, 0, U::kDays, "0 dia"},
      {L::kPt, 30, U::kDays, "30 dias"},
      {L::kPt, 2, U::kWeeks, "2 semanas"},
      {L::kPt, 1, U::kMonths, "1 mês"},
      {L::kPt, 3, U::kMonths, "3 meses"},
      // Polish: one, few (2–4, 22–24), many (0, 5–21, 25…).
      {L::kPl, 1, U::kMonths, "1 miesiąc"},
      {L::kPl, 2, U::kMonths, "2 miesiące"},
      {L::kPl, 3, U::kMonths, "3 miesiące"},
      {L::kPl, 5, U::kMonths, "5 miesięcy"},
      {L::kPl, 12, U::kMonths, "12 miesięcy"},
      {L::kPl, 22, U::kMonths, "22 miesiące"},
      {L::kPl, 0, U::kMonths, "0 miesięcy"},
      {L::kPl, 1, U::kWeeks, "1 tydzień"},
      {L::kPl, 2, U::kWeeks, "2 tygodnie"},
      {L::kPl, 5, U::kWeeks, "5 tygodni"},
      {L::kPl, 1, U::kDays, "1 dzień"},
      {L::kPl, 2, U::kDays, "2 dni"},
      {L::kPl, 14, U::kDays, "14 dni"},
      {L::kPl, 0, U::kDays, "0 dni"},
      {L::kTh, 3, U::kMonths, "3 เดือน"},
      {L::kTh, 1, U::kMonths, "1 เดือน"},
      {L::kTh, 2, U::kWeeks, "2 สัปดาห์"},
      {L::kTh, 30, U::kDays, "30 วัน"},
      {L::kTh, 0, U::kDays, "0 วัน"},
  };
  for (const Row& row : rows) {
    INFO(IcuLocale(row.language), " ", row.amount, " unit ", static_cast<int>(row.unit));
    CHECK(FormatPeriod(row.language, Period{row.amount, row.unit}) == row.expected);
  }
}

TEST_CASE("FormatList joins with the language's conjunction") {
  struct Row {
    L language;
    std::vector<std::string> items;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {L::kEn, {}, ""},
      {L::kEn, {"a"}, "a"},
      {L::kEn, {"a", "b"}, "a and b"},
      {L::kEn, {"a", "b", "c"}, "a, b, and c"},  // en_US: serial comma
      {L::kDe, {"a", "b"}, "a und b"},
      {L::kDe, {"Wartung", "Hosting", "Beratung"}, "Wartung, Hosting und Beratung"},
      {L::kPt, {"a", "b"}, "a e b"},
      {L::kPt, {"a", "b", "c"}, "a, b e c"},
      {L::kPl, {"a", "b"}, "a i b"},
      {L::kPl, {"łąka", "b", "żółw"}, "łąka, b i żółw"},
      {L::kTh, {"a"}, "a"},
      {L::kTh, {"a", "b"}, "aและb"},
      {L::kTh, {"a", "b", "c"}, "a b และc"},
  };
  for (const Row& row : rows) {
    INFO(IcuLocale(row.language), " ", row.items.size(), " items");
    CHECK(FormatList(row.language, row.items) == row.expected);
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

TEST_CASE("formatting from many threads at once gives the same text") {
  const Date date{2027, 2, 28};
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const Date day = date.AddDays(i % 2);
        const char* thai = i % 2 ? "1 มีนาคม 2570" : "28 กุมภาพันธ์ 2570";
        if (FormatDate(L::kTh, day) != thai) ++mismatches[t];
        if (FormatList(L::kDe, {"a", "b", "c"}) != "a, b und c") ++mismatches[t];
        if (FormatPeriod(L::kPl, {5, TimeUnit::kMonths}) != "5 miesięcy") ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : mismatches) CHECK(count == 0);
}

}  // namespace
}  // namespace parting::locale
