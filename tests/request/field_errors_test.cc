// Each kind of field error, with its exact pointer and message.
#include <doctest/doctest.h>

#include "request/json_reader.h"
#include "request_fixture.h"

namespace parting::testing {
namespace {

struct ErrorCase {
  std::string name;
  std::vector<Edit> edits;
  std::vector<FieldError> expected;  ///< empty: the request parses
};

void CheckCases(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases) {
    SUBCASE(c.name.c_str()) {
      const Result<LetterRequest> result = ParseEdited(c.edits);
      CHECK(Describe(result) == (c.expected.empty() ? "ok" : Describe(c.expected)));
    }
  }
}

TEST_CASE("missing required fields are named by pointer") {
  CheckCases({
      {"language", {{"/language", ""}}, {{"/language", "is required"}}},
      {"sender", {{"/sender", ""}}, {{"/sender", "is required"}}},
      {"recipient", {{"/recipient", ""}}, {{"/recipient", "is required"}}},
      {"contract", {{"/contract", ""}}, {{"/contract", "is required"}}},
      {"termination", {{"/termination", ""}}, {{"/termination", "is required"}}},
      {"null required", {{"/language", "null"}}, {{"/language", "must not be null"}}},
      {"sender without organization or name",
       {{"/sender/name", ""}, {"/sender/role", "\"CEO\""}},
       {{"/sender", "needs an organization or a name"}}},
      {"blank name counts as none",
       {{"/sender/name", "\"   \""}},
       {{"/sender", "needs an organization or a name"}}},
      {"organization alone is enough",
       {{"/recipient/name", ""}, {"/recipient/organization", "\"ACME\""}},
       {}},
      {"recipient address", {{"/recipient/address", ""}}, {{"/recipient/address", "is required"}}},
      {"recipient address empty",
       {{"/recipient/address", "[]"}},
       {{"/recipient/address", "needs at least one line"}}},
      {"sender address is optional", {{"/sender/address", "[]"}}, {}},
      {"situation date and text",
       {{"/termination/documented_situations", "[{}]"}},
       {{"/termination/documented_situations/0/date", "is required"},
        {"/termination/documented_situations/0/text", "is required"}}},
      {"project name",
       {{"/projects", R"([{"deliverable": "Report"}])"}},
       {{"/projects/0/name", "is required"}}},
      {"contact name",
       {{"/transition/contact", R"({"email": "a@b.example"})"}},
       {{"/transition/contact/name", "is required"}}},
      {"alternative name",
       {{"/transition/alternatives", R"([{"note": "good"}])"}},
       {{"/transition/alternatives/0/name", "is required"}}},
      {"period amount and unit",
       {{"/contract/notice_period", "{}"}},
       {{"/contract/notice_period/amount", "is required"},
        {"/contract/notice_period/unit", "is required"}}},
      {"auto renewal period",
       {{"/contract/auto_renewal", "{}"}},
       {{"/contract/auto_renewal/period", "is required"}}},
      {"empty list item",
       {{"/transition/handover", R"(["Files", ""])"}},
       {{"/transition/handover/1", "must not be empty"}}},
      {"null list item",
       {{"/transition/handover", "[null]"}},
       {{"/transition/handover/0", "must not be null"}}},
  });
}

TEST_CASE("the notice period is required unless the term or the cause ends the contract") {
  const std::string why =
      "is required: the contract has no term_end and the termination is not for cause under "
      "immediate_for_cause";
  CheckCases({
      {"absent", {{"/contract/notice_period", ""}}, {{"/contract/notice_period", why}}},
      {"null", {{"/contract/notice_period", "null"}}, {{"/contract/notice_period", why}}},
      {"for cause alone is not enough",
       {{"/contract/notice_period", ""}, {"/termination/for_cause", "true"}},
       {{"/contract/notice_period", why}}},
      {"term_end", {{"/contract/notice_period", ""}, {"/contract/term_end", "\"2027-06-30\""}}, {}},
      {"immediate for cause",
       {{"/contract/notice_period", ""},
        {"/contract/immediate_for_cause", "true"},
        {"/termination/for_cause", "true"}},
       {}},
      {"not repeated when the contract is no object",
       {{"/contract", "\"MSA\""}},
       {{"/contract", "must be an object, not a string"}}},
  });
}

TEST_CASE("values of the wrong JSON type") {
  CheckCases({
      {"object", {{"/contract", "[]"}}, {{"/contract", "must be an object, not an array"}}},
      {"array", {{"/projects", "{}"}}, {{"/projects", "must be an array, not an object"}}},
      {"string", {{"/sender/name", "42"}}, {{"/sender/name", "must be a string, not a number"}}},
      {"boolean",
       {{"/options/draft", "\"yes\""}},
       {{"/options/draft", "must be true or false, not a string"}}},
      {"fallback clause",
       {{"/options/fallback_clause", "\"no\""}},
       {{"/options/fallback_clause", "must be true or false, not a string"}}},
      {"confirm receipt",
       {{"/options/confirm_receipt", "0"}},
       {{"/options/confirm_receipt", "must be true or false, not a number"}}},
      {"boolean from number",
       {{"/termination/for_cause", "1"}},
       {{"/termination/for_cause", "must be true or false, not a number"}}},
      {"integer from string",
       {{"/contract/notice_period/amount", "\"3\""}},
       {{"/contract/notice_period/amount", "must be a whole number, not a string"}}},
      {"integer from float",
       {{"/contract/notice_period/amount", "1.5"}},
       {{"/contract/notice_period/amount", "must be a whole number, not a decimal number"}}},
      {"integer from true",
       {{"/contract/notice_period/amount", "true"}},
       {{"/contract/notice_period/amount", "must be a whole number, not true"}}},
      {"date from number",
       {{"/letter_date", "20261122"}},
       {{"/letter_date", "must be a date string such as \"2026-11-22\", not a number"}}},
      {"list item",
       {{"/termination/reasons", "[7]"}},
       {{"/termination/reasons/0", "must be a string, not a number"}}},
  });
}

TEST_CASE("enum values must be spelled exactly") {
  CheckCases({
      {"language",
       {{"/language", "\"fr\""}},
       {{"/language", "is not a supported language: fr (supported: en, de, pt, pl, th)"}}},
      {"language case",
       {{"/language", "\"EN\""}},
       {{"/language", "is not a supported language: EN (supported: en, de, pt, pl, th)"}}},
      {"unit",
       {{"/contract/notice_period/unit", "\"years\""}},
       {{"/contract/notice_period/unit", "must be one of days, weeks, months"}}},
      {"anchor",
       {{"/contract/notice_anchor", "\"end_of_year\""}},
       {{"/contract/notice_anchor", "must be one of any_day, end_of_month, end_of_quarter"}}},
      {"form of address",
       {{"/recipient/form_of_address", "\"sir\""}},
       {{"/recipient/form_of_address", "must be one of mr, ms, neutral"}}},
      {"goodwill kind",
       {{"/goodwill/kind", "\"gift\""}},
       {{"/goodwill/kind",
         "must be one of none, refund_last_month, cancel_last_invoice, waive_fee"}}},
      {"paper", {{"/options/paper", "\"a4\""}}, {{"/options/paper", "must be one of A4, letter"}}},
  });
}

TEST_CASE("dates must be real days written YYYY-MM-DD") {
  CheckCases({
      {"impossible",
       {{"/letter_date", "\"2026-02-30\""}},
       {{"/letter_date", "not a real date: 2026-02-30"}}},
      {"no leap year",
       {{"/contract/signed_on", "\"2023-02-29\""}},
       {{"/contract/signed_on", "not a real date: 2023-02-29"}}},
      {"month 13",
       {{"/contract/term_end", "\"2027-13-01\""}},
       {{"/contract/term_end", "not a real date: 2027-13-01"}}},
      {"german style",
       {{"/letter_date", "\"22.11.2026\""}},
       {{"/letter_date", "must be a date written YYYY-MM-DD"}}},
      {"with time",
       {{"/transition/handover_by", "\"2027-01-15T00:00\""}},
       {{"/transition/handover_by", "must be a date written YYYY-MM-DD"}}},
      {"nested",
       {{"/projects", R"([{"name": "Site", "due": "2026-04-31"}])"}},
       {{"/projects/0/due", "not a real date: 2026-04-31"}}},
  });
}

TEST_CASE("dates stay where every computed date keeps four digits") {
  const std::string range = "must be a date from 1900-01-01 to 9899-12-31";
  CheckCases({
      {"first",
       {{"/letter_date", "\"1900-01-01\""}, {"/contract/signed_on", "\"1900-01-01\""}},
       {}},
      {"last", {{"/contract/term_end", "\"9899-12-31\""}}, {}},
      {"before", {{"/contract/signed_on", "\"1899-12-31\""}}, {{"/contract/signed_on", range}}},
      {"after", {{"/contract/term_end", "\"9900-01-01\""}}, {{"/contract/term_end", range}}},
      {"year 9999 letter", {{"/letter_date", "\"9999-12-31\""}}, {{"/letter_date", range}}},
      {"year zero",
       {{"/termination/requested_end_date", "\"0000-01-01\""}},
       {{"/termination/requested_end_date", "not a real date: 0000-01-01"}}},
  });
}

TEST_CASE("periods are whole numbers within ten years") {
  CheckCases({
      {"months",
       {{"/contract/notice_period/amount", "121"}},
       {{"/contract/notice_period/amount", "must be between 0 and 120 months"}}},
      {"weeks",
       {{"/contract/notice_period/amount", "521"}, {"/contract/notice_period/unit", "\"weeks\""}},
       {{"/contract/notice_period/amount", "must be between 0 and 520 weeks"}}},
      {"days",
       {{"/contract/notice_period/amount", "3651"}, {"/contract/notice_period/unit", "\"days\""}},
       {{"/contract/notice_period/amount", "must be between 0 and 3650 days"}}},
      {"negative",
       {{"/contract/notice_period/amount", "-1"}},
       {{"/contract/notice_period/amount", "must be between 0 and 120 months"}}},
      {"beyond 64 bits",
       {{"/contract/notice_period/amount", "18446744073709551615"}},
       {{"/contract/notice_period/amount", "must be between 0 and 120 months"}}},
      {"renewal",
       {{"/contract/auto_renewal/period", R"({"amount": 200, "unit": "months"})"}},
       {{"/contract/auto_renewal/period/amount", "must be between 0 and 120 months"}}},
      {"zero is allowed", {{"/contract/notice_period/amount", "0"}}, {}},
  });
}

TEST_CASE("amounts are non-negative decimal strings with at most two decimals") {
  CheckCases({
      {"JSON number",
       {{"/goodwill/amount", "1250"}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "write amounts as a decimal string such as \"1250.00\""}}},
      {"JSON float",
       {{"/goodwill/amount", "1250.5"}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "write amounts as a decimal string such as \"1250.00\""}}},
      {"negative",
       {{"/goodwill/amount", "\"-5.00\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "must not be negative"}}},
      {"three decimals",
       {{"/goodwill/amount", "\"12.345\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "must have at most two decimals"}}},
      {"not a number",
       {{"/goodwill/amount", "\"twelve\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "must be a decimal number such as \"1250.00\""}}},
      {"grouping",
       {{"/goodwill/amount", "\"1,250.00\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "must be a decimal number such as \"1250.00\""}}},
      {"exponent",
       {{"/goodwill/amount", "\"1e3\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "must be a decimal number such as \"1250.00\""}}},
      {"too large",
       {{"/goodwill/amount", "\"12345678901234\""}, {"/goodwill/currency", "\"EUR\""}},
       {{"/goodwill/amount", "is too large"}}},
      {"no currency anywhere",
       {{"/goodwill/amount", "\"10.00\""}},
       {{"/goodwill/currency", "is required for an amount when the contract has no currency"}}},
      {"yen have no minor unit",
       {{"/goodwill/amount", "\"2400.50\""}, {"/goodwill/currency", "\"JPY\""}},
       {{"/goodwill/amount", "must be a whole number of JPY, which has no minor unit"}}},
      {"whole yen", {{"/goodwill/amount", "\"2400\""}, {"/goodwill/currency", "\"JPY\""}}, {}},
      {"whole yen with zero decimals",
       {{"/goodwill/amount", "\"2400.00\""}, {"/goodwill/currency", "\"JPY\""}},
       {}},
      {"the contract's currency counts",
       {{"/contract/currency", "\"KRW\""}, {"/goodwill/amount", "\"10.5\""}},
       {{"/goodwill/amount", "must be a whole number of KRW, which has no minor unit"}}},
      {"cents in euro", {{"/goodwill/amount", "\"12.34\""}, {"/goodwill/currency", "\"EUR\""}}, {}},
  });
}

TEST_CASE("codes: currency, country and e-mail") {
  const std::string three = "must be a three-letter ISO 4217 currency code such as EUR";
  const std::string two = "must be a two-letter ISO 3166 country code such as DE";
  CheckCases({
      {"currency lowercase", {{"/contract/currency", "\"eur\""}}, {{"/contract/currency", three}}},
      {"currency too long", {{"/contract/currency", "\"EURO\""}}, {{"/contract/currency", three}}},
      {"currency symbol", {{"/contract/currency", "\"€\""}}, {{"/contract/currency", three}}},
      {"currency unknown",
       {{"/contract/currency", "\"XYZ\""}},
       {{"/contract/currency", "is not an ISO 4217 currency code in use: XYZ"}}},
      {"currency withdrawn",
       {{"/goodwill/currency", "\"DEM\""}},
       {{"/goodwill/currency", "is not an ISO 4217 currency code in use: DEM"}}},
      {"currencies in use",
       {{"/contract/currency", "\"THB\""}, {"/goodwill/currency", "\"PLN\""}},
       {}},
      {"country name", {{"/sender/country", "\"Germany\""}}, {{"/sender/country", two}}},
      {"country lowercase", {{"/recipient/country", "\"de\""}}, {{"/recipient/country", two}}},
      {"country unknown",
       {{"/recipient/country", "\"XX\""}},
       {{"/recipient/country", "is not an ISO 3166 country code: XX"}}},
      {"country old code",
       {{"/sender/country", "\"UK\""}},
       {{"/sender/country", "is not an ISO 3166 country code: UK"}}},
      {"countries", {{"/sender/country", "\"TH\""}, {"/recipient/country", "\"BR\""}}, {}},
      {"e-mail list",
       {{"/sender/email", "\"a@b.example,evil@x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail header",
       {{"/sender/email", "\"Bcc:evil@x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail group",
       {{"/sender/email", "\"team:a@b.example;\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail display name",
       {{"/sender/email", "\"Ada <ada@x.example>\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail double dot",
       {{"/sender/email", "\"ada..l@x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail hyphen label",
       {{"/sender/email", "\"ada@-x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail plus and non-ASCII are fine",
       {{"/sender/email", "\"ada+billing@x.example\""},
        {"/transition/contact", R"({"name": "C", "email": "jürgen@müller.example"})"}},
       {}},
      {"e-mail without domain dot",
       {{"/sender/email", "\"ada@localhost\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail with space",
       {{"/sender/email", "\"ada lovelace@x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
      {"e-mail twice @",
       {{"/transition/contact", R"({"name": "C", "email": "a@@b.example"})"}},
       {{"/transition/contact/email", "is not an e-mail address"}}},
      {"e-mail without local part",
       {{"/sender/email", "\"@x.example\""}},
       {{"/sender/email", "is not an e-mail address"}}},
  });
}

TEST_CASE("strings reject control and invisible reordering characters") {
  CheckCases({
      {"C0",
       {{"/sender/name", R"("Ada\u0007")"}},
       {{"/sender/name", "must not contain control characters (U+0007)"}}},
      {"NUL",
       {{"/sender/name", R"("Ada\u0000Lovelace")"}},
       {{"/sender/name", "must not contain control characters (U+0000)"}}},
      {"newline",
       {{"/recipient/address/0", R"("1 Main\nStreet")"}},
       {{"/recipient/address/0", "must not contain control characters (U+000A)"}}},
      {"DEL",
       {{"/contract/title", R"("MSA\u007f")"}},
       {{"/contract/title", "must not contain control characters (U+007F)"}}},
      {"C1",
       {{"/contract/title", R"("MSA\u0085")"}},
       {{"/contract/title", "must not contain control characters (U+0085)"}}},
      {"line separator",
       {{"/sender/role", R"("CEO\u2028")"}},
       {{"/sender/role", "must not contain line or paragraph separators (U+2028)"}}},
      {"bidi override",
       {{"/goodwill/invoice", R"("INV\u202e1")"}},
       {{"/goodwill/invoice", "must not contain bidirectional control characters (U+202E)"}}},
      {"bidi isolate",
       {{"/sender/phone", R"("\u2066+49")"}},
       {{"/sender/phone", "must not contain bidirectional control characters (U+2066)"}}},
      {"private use",
       {{"/projects", R"([{"name": "\ue000\ue001"}])"}},
       {{"/projects/0/name", "must not contain private-use characters (U+E000)"}}},
      {"private use, last of the BMP",
       {{"/contract/title", R"("MSA\uf8ff")"}},
       {{"/contract/title", "must not contain private-use characters (U+F8FF)"}}},
      {"supplementary private use",
       {{"/sender/name", R"("Ada\udbc0\udc00")"}},
       {{"/sender/name", "must not contain private-use characters (U+100000)"}}},
      {"non-Latin text is fine", {{"/sender/name", R"("สมชาย ใจดี")"}}, {}},
  });
}

TEST_CASE("strings and lists have length caps") {
  const std::string long_name = "\"" + std::string(201, 'a') + "\"";
  const std::string long_text = "\"" + std::string(1001, 'a') + "\"";
  std::string eleven_lines = "[";
  for (int i = 0; i < 11; ++i) eleven_lines += std::string(i ? "," : "") + "\"line\"";
  eleven_lines += "]";
  std::string many_items = "[";
  for (int i = 0; i < 201; ++i) many_items += std::string(i ? "," : "") + "\"item\"";
  many_items += "]";
  CheckCases({
      {"name", {{"/sender/name", long_name}}, {{"/sender/name", "must be at most 200 characters"}}},
      {"200 characters of Thai are fine",
       {{"/sender/name", "\"" +
                             [] {
                               std::string s;
                               for (int i = 0; i < 200; ++i) s += "ก";
                               return s;
                             }() +
                             "\""}},
       {}},
      {"free text",
       {{"/termination/documented_situations",
         R"([{"date": "2026-01-05", "text": )" + long_text + "}]"}},
       {{"/termination/documented_situations/0/text", "must be at most 1000 characters"}}},
      {"address line",
       {{"/recipient/address/0", long_name}},
       {{"/recipient/address/0", "must be at most 200 characters"}}},
      {"address lines",
       {{"/recipient/address", eleven_lines}},
       {{"/recipient/address", "must have at most 10 lines"}}},
      {"handover items",
       {{"/transition/handover", many_items}},
       {{"/transition/handover", "must have at most 200 items"}}},
  });
}

TEST_CASE("reasons come from the catalog, once each") {
  CheckCases({
      {"unknown",
       {{"/termination/reasons", R"(["time_drain", "too_nice"])"}},
       {{"/termination/reasons/1", "is not in the reason catalog: too_nice"}}},
      {"duplicate",
       {{"/termination/reasons", R"(["time_drain", "unprofitable", "time_drain"])"}},
       {{"/termination/reasons/2", "repeats the reason at /termination/reasons/0"}}},
      {"empty list", {{"/termination/reasons", "[]"}}, {}},
  });
}

TEST_CASE("sender.legal: every field optional, each checked by pointer") {
  CheckCases({
      {"all fields",
       {{"/sender/legal",
         R"({"legal_form": "GmbH", "seat": "Hamburg", "register_court": "Amtsgericht Hamburg",
             "register_number": "HRB 123456", "managing_directors": ["Jana Petersen"],
             "vat_id": "DE123456789", "tax_id": null,
             "share_capital": {"amount": "25000.00", "currency": "EUR"}})"}},
       {}},
      {"empty object", {{"/sender/legal", "{}"}}, {}},
      {"not an object",
       {{"/sender/legal", "\"GmbH\""}},
       {{"/sender/legal", "must be an object, not a string"}}},
      {"for the sender only",
       {{"/recipient/legal", R"({"seat": "Hamburg"})"}},
       {{"/recipient/legal", "unknown field"}}},
      {"unknown field inside",
       {{"/sender/legal", R"({"sete": "Hamburg"})"}},
       {{"/sender/legal/sete", "unknown field (did you mean 'seat'?)"}}},
      {"a register number names a number",
       {{"/sender/legal/register_number", "\"Amtsgericht Hamburg\""}},
       {{"/sender/legal/register_number", "must contain the number itself (no digit found)"}}},
      {"a VAT id names a number",
       {{"/sender/legal/vat_id", "\"DE\""}},
       {{"/sender/legal/vat_id", "must contain the number itself (no digit found)"}}},
      {"directors are a list of names",
       {{"/sender/legal/managing_directors", R"(["Jana Petersen", 7])"}},
       {{"/sender/legal/managing_directors/1", "must be a string, not a number"}}},
      {"share capital needs its currency",
       {{"/sender/legal/share_capital", R"({"amount": "25000.00"})"}},
       {{"/sender/legal/share_capital/currency", "is required"}}},
      {"share capital is an exact amount",
       {{"/sender/legal/share_capital", R"({"amount": 25000, "currency": "EUR"})"}},
       {{"/sender/legal/share_capital/amount",
         "write amounts as a decimal string such as \"1250.00\""}}},
      {"share capital in a real currency",
       {{"/sender/legal/share_capital", R"({"amount": "1.00", "currency": "EURO"})"}},
       {{"/sender/legal/share_capital/currency", "must be a three-letter ISO 4217 currency code such as EUR"}}},
  });
}

TEST_CASE("unknown fields are rejected, with a suggestion when one is close") {
  CheckCases({
      {"typo",
       {{"/contract/notice_perod", R"({"amount": 1, "unit": "months"})"}},
       {{"/contract/notice_perod", "unknown field (did you mean 'notice_period'?)"}}},
      {"swapped letters",
       {{"/langauge", "\"en\""}},
       {{"/langauge", "unknown field (did you mean 'language'?)"}}},
      {"top level", {{"/shipping", R"({"by": "mail"})"}}, {{"/shipping", "unknown field"}}},
      {"nested deep",
       {{"/contract/auto_renewal/period", R"({"amount": 1, "unit": "months", "units": "x"})"}},
       {{"/contract/auto_renewal/period/units", "unknown field (did you mean 'unit'?)"}}},
      {"in an array item",
       {{"/projects", R"([{"name": "Site", "due_date": "2026-12-01"}])"}},
       {{"/projects/0/due_date", "unknown field"}}},
      {"form_of_address is for the recipient only",
       {{"/sender/form_of_address", "\"mr\""}},
       {{"/sender/form_of_address", "unknown field"}}},
      {"pointer escapes ~ and /",
       {{"/sender", R"({"name": "Ada", "a~b/c": 1})"}},
       {{"/sender/a~0b~1c", "unknown field"}}},
  });
}

}  // namespace
}  // namespace parting::testing
