// docs/openapi.json is the checked twin of the request parser: a corpus of
// valid requests and of mutations of them (one rule broken each) goes through
// Ajv (tests/schema/validate.mjs, npm ajv + ajv-formats, JSON Schema 2020-12)
// and through ParseLetterRequest(); the test fails on every request one
// accepts and the other refuses. Rules that depend on the plan (an end date
// earlier than the contract allows) are the plan's, not the schema's, and are
// not in the corpus. Needs node; tests/schema/run.sh installs the packages.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "parting/request.h"
#include "request/request_fixture.h"
#include "test_support.h"

namespace parting::testing {
namespace {

struct Case {
  std::string name;
  std::vector<Edit> edits;
};

std::string Repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

// One rule broken (or one edge kept) per case, on the minimal request.
std::vector<Case> Mutations() {
  const std::string name200 = Quoted(Repeat("a", 200));
  const std::string name201 = Quoted(Repeat("a", 201));
  const std::string text1000 = Quoted(Repeat("b", 1000));
  const std::string text1001 = Quoted(Repeat("b", 1001));
  return {
      // Required fields and what counts as given.
      {"no language", {{"/language", ""}}},
      {"no sender", {{"/sender", ""}}},
      {"no recipient", {{"/recipient", ""}}},
      {"no contract", {{"/contract", ""}}},
      {"no termination", {{"/termination", ""}}},
      {"no recipient address", {{"/recipient/address", ""}}},
      {"empty recipient address", {{"/recipient/address", "[]"}}},
      {"blank address line", {{"/recipient/address/0", "\"   \""}}},
      {"sender without a name", {{"/sender/name", ""}}},
      {"sender with an organization", {{"/sender/name", ""}, {"/sender/organization", "\"ACME\""}}},
      {"sender with a blank name", {{"/sender/name", "\"  \""}}},
      {"recipient without a name", {{"/recipient/name", ""}}},
      {"null language", {{"/language", "null"}}},
      {"null optional", {{"/sender/role", "null"}}},
      {"empty optional", {{"/sender/role", "\"\""}}},
      // Types.
      {"language a number", {{"/language", "7"}}},
      {"sender a string", {{"/sender", "\"ACME\""}}},
      {"address a string", {{"/recipient/address", "\"1 Main Street\""}}},
      {"draft a string", {{"/options", R"({"draft": "yes"})"}}},
      {"period amount a string", {{"/contract/notice_period/amount", "\"1\""}}},
      {"period amount a decimal", {{"/contract/notice_period/amount", "1.5"}}},
      // Enumerations.
      {"unknown language", {{"/language", "\"fr\""}}},
      {"unknown unit", {{"/contract/notice_period/unit", "\"years\""}}},
      {"unknown anchor", {{"/contract/notice_anchor", "\"end_of_year\""}}},
      {"unknown paper", {{"/options", R"({"paper": "a4"})"}}},
      {"unknown form of address", {{"/recipient/form_of_address", "\"dr\""}}},
      // Unknown fields, at the top and inside.
      {"unknown top field", {{"/colour", "\"red\""}}},
      {"unknown sender field", {{"/sender/title", "\"Dr\""}}},
      {"unknown period field", {{"/contract/notice_period/days", "3"}}},
      // Numbers.
      {"period of zero", {{"/contract/notice_period/amount", "0"}}},
      {"period of ten years",
       {{"/contract/notice_period", R"({"amount": 120, "unit": "months"})"}}},
      {"period over ten years",
       {{"/contract/notice_period", R"({"amount": 121, "unit": "months"})"}}},
      {"days over ten years", {{"/contract/notice_period", R"({"amount": 3651, "unit": "days"})"}}},
      {"negative period", {{"/contract/notice_period/amount", "-1"}}},
      // Lengths.
      {"name of 200", {{"/sender/name", name200}}},
      {"name of 201", {{"/sender/name", name201}}},
      {"situation text of 1000",
       {{"/termination/documented_situations",
         "[{\"date\": \"2026-01-05\", \"text\": " + text1000 + "}]"}}},
      {"situation text of 1001",
       {{"/termination/documented_situations",
         "[{\"date\": \"2026-01-05\", \"text\": " + text1001 + "}]"}}},
      {"ten address lines",
       {{"/recipient/address", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]"}}},
      {"eleven address lines",
       {{"/recipient/address",
         "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]"}}},
      // Characters.
      {"control character", {{"/sender/name", R"("Ada\u0007")"}}},
      {"line break", {{"/recipient/address/0", R"("1 Main\nStreet")"}}},
      {"bidi override", {{"/sender/name", R"("Ada\u202e")"}}},
      {"private use", {{"/sender/name", R"("\ue000\ue001")"}}},
      {"Thai text", {{"/sender/name", R"("สมชาย ใจดี")"}}},
      // Dates.
      {"impossible date", {{"/letter_date", "\"2026-02-30\""}}},
      {"date with time", {{"/letter_date", "\"2026-02-03T10:00\""}}},
      {"date before 1900", {{"/letter_date", "\"1899-12-31\""}}},
      {"date in 1900", {{"/letter_date", "\"1900-01-01\""}}},
      {"date in 9899", {{"/contract/term_end", "\"9899-12-31\""}}},
      {"date after 9899", {{"/contract/term_end", "\"9900-01-01\""}}},
      // Codes.
      {"currency", {{"/contract/currency", "\"EUR\""}}},
      {"currency lowercase", {{"/contract/currency", "\"eur\""}}},
      {"currency unknown", {{"/contract/currency", "\"XYZ\""}}},
      {"currency withdrawn", {{"/contract/currency", "\"DEM\""}}},
      {"country", {{"/sender/country", "\"TH\""}}},
      {"country unknown", {{"/sender/country", "\"XX\""}}},
      {"country lowercase", {{"/sender/country", "\"de\""}}},
      // E-mail addresses.
      {"e-mail", {{"/sender/email", "\"ada@example.com\""}}},
      {"e-mail non-ASCII", {{"/sender/email", "\"jürgen@müller.example\""}}},
      {"e-mail list", {{"/sender/email", "\"a@b.example,evil@x.example\""}}},
      {"e-mail header", {{"/sender/email", "\"Bcc:evil@x.example\""}}},
      {"e-mail group", {{"/sender/email", "\"team:a@b.example;\""}}},
      {"e-mail display name", {{"/sender/email", "\"Ada <ada@x.example>\""}}},
      {"e-mail single label", {{"/sender/email", "\"ada@localhost\""}}},
      // Amounts.
      {"amount", {{"/goodwill", R"({"amount": "12.50", "currency": "EUR"})"}}},
      {"amount three decimals", {{"/goodwill", R"({"amount": "12.345", "currency": "EUR"})"}}},
      {"amount a number", {{"/goodwill", R"({"amount": 12, "currency": "EUR"})"}}},
      {"amount negative", {{"/goodwill", R"({"amount": "-1", "currency": "EUR"})"}}},
      {"amount without currency", {{"/goodwill", R"({"amount": "12.50"})"}}},
      {"yen with a fraction", {{"/goodwill", R"({"amount": "2400.50", "currency": "JPY"})"}}},
      {"whole yen", {{"/goodwill", R"({"amount": "2400", "currency": "JPY"})"}}},
      {"whole yen, zero decimals", {{"/goodwill", R"({"amount": "2400.00", "currency": "JPY"})"}}},
      {"won from the contract with a fraction",
       {{"/contract/currency", "\"KRW\""}, {"/goodwill", R"({"amount": "10.5"})"}}},
      {"euro from the contract",
       {{"/contract/currency", "\"EUR\""}, {"/goodwill", R"({"amount": "10.5"})"}}},
      // Reasons.
      {"reason", {{"/termination/reasons", R"(["strategic_change"])"}}},
      {"reason twice", {{"/termination/reasons", R"(["strategic_change", "strategic_change"])"}}},
      {"reason unknown", {{"/termination/reasons", R"(["bored"])"}}},
      // Delivery.
      {"delivery", {{"/delivery", R"({"email": {"to": "c@example.com"}})"}}},
      {"delivery without to", {{"/delivery", R"({"email": {"subject": "x"}})"}}},
      {"delivery to a list", {{"/delivery", R"({"email": {"to": "a@b.example, c@d.example"}})"}}},
      {"delivery copy not an address",
       {{"/delivery", R"({"email": {"to": "c@example.com", "cc": ["x"]}})"}}},
      // Lists of named things.
      {"project without a name", {{"/projects", R"([{"deliverable": "Report"}])"}}},
      {"blank handover item", {{"/transition", R"({"handover": [" "]})"}}},
      {"contact without a name", {{"/transition", R"({"contact": {"email": "c@example.com"}})"}}},
      {"alternative note of 1001",
       {{"/transition", "{\"alternatives\": [{\"name\": \"N\", \"note\": " + text1001 + "}]}"}}},
      {"blank optional", {{"/sender/phone", "\"   \""}}},
  };
}

// Ajv's verdict per file: "valid" or "invalid …".
std::map<std::string, std::string> SchemaVerdicts(const std::filesystem::path& dir) {
  int status = 0;
  const std::string out =
      RunCommand("node " + (SourceDir() / "tests/schema/validate.mjs").string() + " " +
                     (SourceDir() / "docs/openapi.json").string() + " " + dir.string() + " 2>&1",
                 &status);
  REQUIRE_MESSAGE(status == 0, out);
  std::map<std::string, std::string> verdicts;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t space = line.find(' ');
    if (space != std::string::npos) verdicts[line.substr(0, space)] = line.substr(space + 1);
  }
  return verdicts;
}

}  // namespace

TEST_CASE("the request schema and the parser agree on every request of the corpus") {
  if (!std::filesystem::exists(SourceDir() / "tests/schema/node_modules/ajv")) {
    const int status = std::system(
        ("bash " + (SourceDir() / "tests/schema/run.sh").string() + " --install-only").c_str());
    REQUIRE_MESSAGE(status == 0, "tests/schema/run.sh could not install ajv (npm)");
  }
  const auto dir = TempDir("parting_schema_");
  std::map<std::string, std::string> corpus;  // file → what it is
  int number = 0;
  const auto add = [&](const std::string& what, const std::string& json) {
    char file[32];
    std::snprintf(file, sizeof file, "%04d.json", ++number);
    WriteFile(dir / file, json);
    corpus[file] = what;
  };
  for (const char* language : {"en", "de", "pt", "pl", "th"})
    add(std::string(language) + " sample",
        ReadFile(SourceDir() / "letter_templates" / language / "samples/full.json"));
  add("minimal", std::string(kMinimalRequest));
  for (const Case& mutation : Mutations())
    add(mutation.name, ApplyEdits(kMinimalRequest, mutation.edits));

  const std::map<std::string, std::string> schema = SchemaVerdicts(dir);
  int disagreements = 0;
  for (const auto& [file, what] : corpus) {
    const auto parsed = ParseLetterRequest(ReadFile(dir / file), kToday);
    const auto verdict = schema.find(file);
    REQUIRE_MESSAGE(verdict != schema.end(), "no schema verdict for " << file);
    const bool schema_valid = verdict->second == "valid";
    if (schema_valid == parsed.ok()) continue;
    ++disagreements;
    FAIL_CHECK(what << " (" << file << "): the schema says " << verdict->second
                    << ", the parser says " << (parsed.ok() ? "ok" : parsed.status().ToString()));
  }
  MESSAGE(corpus.size() << " requests, " << disagreements << " disagreements");
  std::filesystem::remove_all(dir);
}

}  // namespace parting::testing
