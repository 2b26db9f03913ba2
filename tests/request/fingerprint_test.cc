#include <doctest/doctest.h>

#include "parting/fingerprint.h"
#include "test_support.h"

using namespace parting;

namespace {

LetterRequest Parse(const std::string& json) {
  auto r = ParseLetterRequest(json, Date{2026, 11, 22});
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

const char* kMinimal = R"({"language":"en","sender":{"organization":"A Ltd"},
  "recipient":{"name":"B C","address":["1 Road"]},
  "contract":{"notice_period":{"amount":1,"unit":"months"}},"termination":{}})";

}  // namespace

TEST_CASE("Fingerprint: the same letter, written differently, has one fingerprint") {
  const std::string reordered = R"({"termination":{},"contract":{"notice_period":
    {"unit":"months","amount":1},"notice_anchor":"any_day"},"recipient":{"address":["1 Road"],
    "name":"B C","form_of_address":"neutral"},"sender":{"organization":"A Ltd"},
    "language":"en","letter_date":"2026-11-22","options":{"draft":false}})";
  CHECK(Fingerprint(Parse(kMinimal)) == Fingerprint(Parse(reordered)));
  CHECK(Fingerprint(Parse(kMinimal)).size() == 64);
}

TEST_CASE("Fingerprint: any change of content changes it") {
  const LetterRequest base = Parse(kMinimal);
  LetterRequest other = base;
  other.recipient.name = "B D";
  CHECK(Fingerprint(base) != Fingerprint(other));
  other = base;
  other.options.draft = true;
  CHECK(Fingerprint(base) != Fingerprint(other));
  other = base;
  other.letter_date = Date{2026, 11, 23};
  CHECK(Fingerprint(base) != Fingerprint(other));
  other = base;
  other.options.fallback_clause = false;
  CHECK(Fingerprint(base) != Fingerprint(other));
  other = base;
  other.options.confirm_receipt = false;
  CHECK(Fingerprint(base) != Fingerprint(other));
  other = base;
  other.sender.legal = LegalIdentity{};
  other.sender.legal->seat = "Hamburg";
  CHECK(Fingerprint(base) != Fingerprint(other));
}

TEST_CASE("CanonicalJson: the samples round-trip through the parser unchanged") {
  for (const char* language : {"en", "de", "pt", "pl", "th"}) {
    CAPTURE(language);
    const LetterRequest request = Parse(testing::ReadFile(
        testing::SourceDir() / "letter_templates" / language / "samples" / "full.json"));
    const std::string canonical = CanonicalJson(request);
    CHECK(CanonicalJson(Parse(canonical)) == canonical);
    CHECK(canonical.find("\"language\":\"" + std::string(language) + "\"") == 1);
  }
}
