#include "parting/fingerprint.h"

#include <doctest/doctest.h>

#include <utility>

#include "request/enum_names.h"
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

// The fingerprints below were made by the hand-written JSON writer, before
// the canonical request was written through nlohmann's: batch manifests and
// jobs compare them across versions, so they must not move.
TEST_CASE("Fingerprint: the samples keep the fingerprints they had") {
  const std::pair<const char*, const char*> samples[] = {
      {"en", "aa44672851d63790a1828538af0d2a1f8e5ba46f95628bb2d834e68a1d135e96"},
      {"de", "b4322fb04e4dbeb0d31bc3f332f92457fb66f72d821a57698b67122e581b8428"},
      {"pt", "14501b447e28154f8ad8eae4dba878be79451d650441afca55518637580ac480"},
      {"pl", "37e6fcbd1a7adeaf80e5531a9b7f1e8c8a387b83bac8470ae26685c55310b963"},
      {"th", "5dd0f5a507a0c9dddea697c9c78fd2bb9aac34a285fa0b14010191090fea0b8e"},
  };
  for (const auto& [language, fingerprint] : samples) {
    CAPTURE(language);
    CHECK(Fingerprint(Parse(testing::ReadFile(testing::SourceDir() / "letter_templates" / language /
                                              "samples" / "full.json"))) == fingerprint);
  }
  // Quotes, backslashes, a slash, markup and non-ASCII text, written as \u escapes.
  const std::string escapes =
      R"({"language": "en", "letter_date": "2026-11-20", "sender": {"organization": )"
      R"("Quote \"Q\" & Back\\slash / Ltd"}, "recipient": {"name": "Zo\u00eb \u00dcnal", )"
      R"("address": ["<b>1</b> Road", "Tab-free \u2018quoted\u2019 line"]}, "contract": )"
      R"({"title": "A \\\"tricky\\\" title", "notice_period": {"amount": 1, "unit": )"
      R"("months"}}, "termination": {}})";
  CHECK(Fingerprint(Parse(escapes)) ==
        "b1c74bf972880234e5addedf338a2c775118d2882ff45bd43b002641541bdae7");
}

TEST_CASE("CanonicalJson spells every enum value as the request does") {
  const auto canonical_of = [](const std::string& contract, const std::string& recipient_extra,
                               const std::string& options) {
    const std::string json =
        R"({"language":"en","sender":{"organization":"A Ltd"},"recipient":{"name":"B C",)"
        R"("address":["1 Road"])" +
        recipient_extra + R"(},"contract":)" + contract + R"(,"termination":{},"options":)" +
        options + "}";
    const std::string canonical = CanonicalJson(Parse(json));
    CHECK(CanonicalJson(Parse(canonical)) == canonical);
    return canonical;
  };
  for (const auto& unit : request::kTimeUnits) {
    const std::string name(unit.name);
    CAPTURE(name);
    CHECK(canonical_of(R"({"notice_period":{"amount":2,"unit":")" + name + R"("}})", "", "{}")
              .find(R"("unit":")" + name + '"') != std::string::npos);
  }
  for (const auto& anchor : request::kNoticeAnchors) {
    const std::string name(anchor.name);
    CAPTURE(name);
    CHECK(canonical_of(
              R"({"notice_period":{"amount":1,"unit":"months"},"notice_anchor":")" + name + R"("})",
              "", "{}")
              .find(R"("notice_anchor":")" + name + '"') != std::string::npos);
  }
  for (const auto& form : request::kFormsOfAddress) {
    const std::string name(form.name);
    CAPTURE(name);
    CHECK(canonical_of(R"({"notice_period":{"amount":1,"unit":"months"}})",
                       R"(,"form_of_address":")" + name + '"', "{}")
              .find(R"("form_of_address":")" + name + '"') != std::string::npos);
  }
  for (const auto& paper : request::kPapers) {
    const std::string name(paper.name);
    CAPTURE(name);
    CHECK(canonical_of(R"({"notice_period":{"amount":1,"unit":"months"}})", "",
                       R"({"paper":")" + name + R"("})")
              .find(R"("paper":")" + name + '"') != std::string::npos);
  }
}
