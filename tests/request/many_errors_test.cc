// Every problem of a request is reported at once, not just the first.
#include <doctest/doctest.h>

#include "request_fixture.h"

namespace parting::testing {
namespace {

TEST_CASE("every problem is reported in one answer") {
  const Result<LetterRequest> result = ParseEdited({
      {"/language", "\"fr\""},
      {"/letter_date", "\"2026-02-30\""},
      {"/sender/email", "\"nobody\""},
      {"/recipient/address", ""},
      {"/contract/notice_period/unit", "\"years\""},
      {"/contract/currency", "\"EURO\""},
      {"/termination/reasons", R"(["time_drain", "nope", "time_drain"])"},
      {"/projects", R"([{"name": "A"}, {"deliverable": "B", "due": "2026-13-01"}])"},
      {"/goodwill/amount", "12.5"},
      {"/options/draft", "\"no\""},
      {"/options/colour", "\"blue\""},
  });
  REQUIRE(result.status().code() == StatusCode::kInvalid);
  CHECK(Describe(result) ==
        Describe(std::vector<FieldError>{
            {"/language", "is not a supported language: fr (supported: en, de, pt, pl, th)"},
            {"/letter_date", "not a real date: 2026-02-30"},
            {"/sender/email", "is not an e-mail address"},
            {"/recipient/address", "is required"},
            {"/contract/notice_period/unit", "must be one of days, weeks, months"},
            {"/contract/currency", "must be a three-letter ISO 4217 currency code such as EUR"},
            {"/termination/reasons/1", "is not in the reason catalog: nope"},
            {"/termination/reasons/2", "repeats the reason at /termination/reasons/0"},
            {"/projects/1/name", "is required"},
            {"/projects/1/due", "not a real date: 2026-13-01"},
            {"/goodwill/amount", "write amounts as a decimal string such as \"1250.00\""},
            {"/options/colour", "unknown field"},
            {"/options/draft", "must be true or false, not a string"},
        }));
}

TEST_CASE("the status of an invalid request reads well on one line") {
  const Result<LetterRequest> result =
      ParseEdited({{"/language", ""}, {"/options/paper", "\"A5\""}});
  CHECK(
      result.status().ToString() ==
      "the request is invalid: /language: is required; /options/paper: must be one of A4, letter");
}

}  // namespace
}  // namespace parting::testing
