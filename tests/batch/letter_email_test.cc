// The cover e-mail's headers: well formed whatever the names and subject.
#include "batch/letter_email.h"

#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

namespace parting::batch {
namespace {

LetterRequest SampleWithEmail(const std::string& language) {
  std::string json =
      testing::ReadFile(testing::SourceDir() / "letter_templates" / language / "samples/full.json");
  json.replace(
      json.find('{'), 1,
      R"({"delivery": {"email": {"to": "client@example.com", "cc": ["legal@example.com"]}},)");
  auto request = ParseLetterRequest(json, Date{2026, 11, 22});
  REQUIRE_MESSAGE(request.ok(), request.status().ToString());
  return *request;
}

std::string Headers(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n"));
}

}  // namespace

TEST_CASE("cover e-mail headers are ASCII, folded, and carry one address each") {
  auto notes = CoverNotes::Load(testing::SourceDir() / "letter_templates");
  REQUIRE(notes.ok());
  for (const char* language : {"en", "de", "pl", "pt", "th"}) {
    CAPTURE(language);
    LetterRequest request = SampleWithEmail(language);
    RenderedLetter letter;
    letter.pdf = "%PDF-1.4 test";
    letter.fingerprint = std::string(64, 'a');
    // A long subject in the letter's language, and a name that pretends to
    // be an encoded word.
    letter.subject =
        request.contract.title + " " + request.contract.title + " " + request.contract.title;
    request.sender.name = "=?UTF-8?B?Qm9zcw==?= " + request.sender.name;
    auto eml = LetterEmail(request, letter, "0001-letter.pdf", *notes);
    REQUIRE_MESSAGE(eml.ok(), eml.status().ToString());
    const std::string headers = Headers(*eml);
    std::size_t start = 0;
    while (start < headers.size()) {
      std::size_t end = headers.find("\r\n", start);
      if (end == std::string::npos) end = headers.size();
      const std::string line = headers.substr(start, end - start);
      CAPTURE(line);
      CHECK(line.size() <= 998);  // RFC 5322's limit; 78 where a header can be folded:
      if (!line.starts_with("Message-ID:")) CHECK(line.size() <= 78);
      for (unsigned char c : line) CHECK(c < 0x80);
      start = end + 2;
    }
    // The pretended encoded word is itself inside an encoded word.
    CHECK(headers.find("From: =?UTF-8?B?Qm9zcw==?=") == std::string::npos);
    CHECK(headers.find("Subject: ") != std::string::npos);
  }
}

}  // namespace parting::batch
