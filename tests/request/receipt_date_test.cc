// termination.receipt_date: optional, a real day, never before the letter date,
// and part of the canonical request (so of the fingerprint).
#include <doctest/doctest.h>

#include "parting/fingerprint.h"
#include "request_fixture.h"

namespace parting::testing {
namespace {

TEST_CASE("receipt_date is optional and read as a date") {
  CHECK_FALSE(ParseEdited({}).value().termination.receipt_date);
  CHECK_FALSE(
      ParseEdited({{"/termination/receipt_date", "null"}}).value().termination.receipt_date);
  const Result<LetterRequest> r = ParseEdited(
      {{"/letter_date", "\"2026-11-22\""}, {"/termination/receipt_date", "\"2026-11-25\""}});
  REQUIRE(r.ok());
  CHECK(r->termination.receipt_date == Date{2026, 11, 25});
}

TEST_CASE("receipt_date on the letter date itself is allowed") {
  const Result<LetterRequest> r = ParseEdited(
      {{"/letter_date", "\"2026-11-22\""}, {"/termination/receipt_date", "\"2026-11-22\""}});
  CHECK(Describe(r) == "ok");
}

TEST_CASE("receipt_date before the letter date is rejected by pointer") {
  CHECK(Describe(ParseEdited({{"/letter_date", "\"2026-11-22\""},
                              {"/termination/receipt_date", "\"2026-11-21\""}})) ==
        "/termination/receipt_date: is 2026-11-21, before the letter date 2026-11-22: a letter "
        "cannot be received before it is dated\n");
}

TEST_CASE("receipt_date is compared with today's date when the letter date is absent") {
  // kToday is 2026-11-22.
  CHECK(Describe(ParseEdited({{"/termination/receipt_date", "\"2026-11-01\""}})) ==
        "/termination/receipt_date: is 2026-11-01, before the letter date 2026-11-22: a letter "
        "cannot be received before it is dated\n");
  CHECK(Describe(ParseEdited({{"/termination/receipt_date", "\"2026-11-23\""}})) == "ok");
}

TEST_CASE("receipt_date must be a real ISO day") {
  CHECK(Describe(ParseEdited({{"/termination/receipt_date", "\"2026-02-30\""}})) ==
        "/termination/receipt_date: not a real date: 2026-02-30\n");
  CHECK(Describe(ParseEdited({{"/termination/receipt_date", "25"}}))
            .rfind("/termination/receipt_date: must be a date string", 0) == 0);
}

TEST_CASE("receipt_date is part of the canonical request and the fingerprint") {
  const LetterRequest without = ParseEdited({{"/letter_date", "\"2026-11-22\""}}).value();
  const LetterRequest with = ParseEdited({{"/letter_date", "\"2026-11-22\""},
                                          {"/termination/receipt_date", "\"2026-11-24\""}})
                                 .value();
  CHECK(CanonicalJson(with).find(R"("receipt_date":"2026-11-24")") != std::string::npos);
  CHECK(CanonicalJson(without).find("receipt_date") == std::string::npos);
  CHECK(Fingerprint(with) != Fingerprint(without));
  CHECK(CanonicalJson(ParseLetterRequest(CanonicalJson(with), kToday).value()) ==
        CanonicalJson(with));
}

}  // namespace
}  // namespace parting::testing
