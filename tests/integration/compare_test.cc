// POST /v1/letters/compare over real HTTP: the redline PDF checked with qpdf
// and pdftotext (changes page first, new words in the letter, the old ones
// still there), "no changes" for identical drafts, and the refusals with
// their pointers.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <sstream>

#include "pdf_tools.h"
#include "service_harness.h"

namespace parting::testing {
namespace {

Poco::JSON::Object::Ptr Sample(const std::string& language) {
  return Poco::JSON::Parser().parse(SampleRequest(language)).extract<Poco::JSON::Object::Ptr>();
}

std::string Json(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

std::string CompareBody(const Poco::JSON::Object::Ptr& before,
                        const Poco::JSON::Object::Ptr& after) {
  return "{\"before\":" + Json(before) + ",\"after\":" + Json(after) + "}";
}

/// The sample with its first documented situation reworded and a later
/// receipt date, which moves the end date.
Poco::JSON::Object::Ptr Revised(const std::string& language, const std::string& extra_word,
                                const std::string& receipt_date) {
  Poco::JSON::Object::Ptr request = Sample(language);
  auto situations = request->getObject("termination")->getArray("documented_situations");
  auto first = situations->getObject(0);
  first->set("text", first->getValue<std::string>("text") + " " + extra_word);
  request->getObject("termination")->set("receipt_date", receipt_date);
  return request;
}

/// The PDF's text (pdftotext, folded), after qpdf found it sound.
std::string CheckedText(const std::string& pdf, const std::string& name) {
  const auto folder = TempDir("parting_compare_");
  const auto file = folder / (name + ".pdf");
  WriteFile(file, pdf);
  int status = -1;
  const std::string check = RunCommand("qpdf --check '" + file.string() + "' 2>&1", &status);
  CHECK_MESSAGE(status == 0, check);
  const std::string text = FoldedText(
      RunCommand("pdftotext -layout -enc UTF-8 '" + file.string() + "' - 2>&1", &status));
  CHECK(status == 0);
  std::filesystem::remove_all(folder);
  return text;
}

TEST_CASE("compare: a redline with the changed facts first, over HTTP") {
  ServerProcess server;
  REQUIRE(server.running());

  SUBCASE("English: a word and a date changed") {
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare",
                 CompareBody(Sample("en"), Revised("en", "twice", "2026-12-10")));
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    CHECK(reply.content_type == "application/pdf");
    CHECK(reply.response.get("Content-Disposition", "").find("letter-changes.pdf") !=
          std::string::npos);
    const std::string text = CheckedText(reply.body, "en");
    const size_t changes = text.find("Changes since the earlier draft");
    const size_t letter = text.find("Dear Ms. Collins");
    REQUIRE(changes != std::string::npos);
    REQUIRE(letter != std::string::npos);
    CHECK(changes < letter);
    // The changed facts, before → after.
    CHECK(text.find("Effective end date was December 22, 2026; now January 9, 2027") < letter);
    CHECK(text.find("Receive by") < letter);
    // The new word in the letter, and the deleted date still where it stood.
    CHECK(text.find("was declined twice", letter) != std::string::npos);
    CHECK(text.find("December 22, 2026 January 9, 2027", letter) != std::string::npos);
    CHECK(text.find("No changes") == std::string::npos);
    // The window title says what the copy is.
    const auto folder = TempDir("parting_compare_info_");
    WriteFile(folder / "en.pdf", reply.body);
    const std::string info = RunCommand("pdfinfo '" + (folder / "en.pdf").string() + "' 2>&1");
    CHECK_MESSAGE(info.find("Changes since the earlier draft: Termination") != std::string::npos,
                  info);
    std::filesystem::remove_all(folder);
  }
  SUBCASE("identical drafts: no changes") {
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("en"), Sample("en")));
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    const std::string text = CheckedText(reply.body, "same");
    CHECK(text.find("Changes since the earlier draft") != std::string::npos);
    CHECK(text.find("No changes") != std::string::npos);
    const std::string first_page = text.substr(0, text.find("Dear Ms. Collins"));
    CHECK(first_page.find("Effective end date") == std::string::npos);
  }
  SUBCASE("German: the changes page in German, no changes in German") {
    const HttpResult changed =
        PostJson(server.port(), "/v1/letters/compare",
                 CompareBody(Sample("de"), Revised("de", "erneut", "2026-12-10")));
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    const std::string text = CheckedText(changed.body, "de");
    CHECK(text.find("Änderungen gegenüber dem früheren Entwurf") != std::string::npos);
    CHECK(text.find("Vertragsende") != std::string::npos);
    CHECK(text.find("erneut") != std::string::npos);
    const HttpResult same =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("de"), Sample("de")));
    REQUIRE(same.status == 200);
    CHECK(CheckedText(same.body, "de_same").find("Keine Änderungen") != std::string::npos);
  }
  SUBCASE("only the address and the signer's role changed: listed and marked, not 'no changes'") {
    Poco::JSON::Object::Ptr after = Sample("de");
    after->getObject("recipient")->getArray("address")->set(0, "Leopoldstraße 7");
    after->getObject("sender")->set("role", "Geschäftsführende Gesellschafterin");
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("de"), after));
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    const std::string text = CheckedText(reply.body, "address");
    const size_t letter = text.find("Sehr geehrter Herr Müller");
    REQUIRE(letter != std::string::npos);
    CHECK(text.find("Keine Änderungen") == std::string::npos);
    CHECK(text.find("Empfänger bisher Müller & Söhne AG") < letter);
    CHECK(text.find("Leopoldstraße 7") < letter);
    CHECK(text.find("Unterschriftsblock bisher") < letter);
    CHECK(text.find("Gesellschafterin") < letter);
    // Marked where they stand, too: the old number struck through, the new one inserted.
    CHECK(text.find("Eingefügte Wörter: 3; entfallene Wörter: 2") < letter);
    CHECK(text.find("Leopoldstraße 5 7") != std::string::npos);  // in the window, above the letter
    CHECK(text.find("Geschäftsführerin Geschäftsführende Gesellschafterin", letter) !=
          std::string::npos);
  }
  SUBCASE("a reason added: a new part of the wording, counted") {
    Poco::JSON::Object::Ptr after = Sample("en");
    after->getObject("termination")->getArray("reasons")->add("time_drain");
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("en"), after));
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    const std::string text = CheckedText(reply.body, "reason");
    CHECK(text.find("Words inserted: ") != std::string::npos);
    CHECK(text.find("No changes") == std::string::npos);
  }
  SUBCASE("two languages: 422 at /after/language") {
    Poco::JSON::Object::Ptr after = Sample("en");
    after->set("language", "de");
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("en"), after));
    CHECK(reply.status == 422);
    CHECK(reply.body.find("\"/after/language\"") != std::string::npos);
    CHECK(reply.body.find("compare needs one language") != std::string::npos);
  }
  SUBCASE("an invalid field is named below /before or /after") {
    Poco::JSON::Object::Ptr before = Sample("en");
    before->set("letter_date", "2026-02-30");
    Poco::JSON::Object::Ptr after = Sample("en");
    after->getObject("recipient")->remove("name");
    after->getObject("recipient")->remove("organization");
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(before, after));
    CHECK(reply.status == 422);
    CHECK_MESSAGE(reply.body.find("\"/before/letter_date\"") != std::string::npos, reply.body);
    CHECK_MESSAGE(reply.body.find("\"/after/recipient") != std::string::npos, reply.body);
  }
  SUBCASE("a pointer inside a message is prefixed too") {
    Poco::JSON::Object::Ptr after = Sample("en");
    auto reasons = after->getObject("termination")->getArray("reasons");
    reasons->add(reasons->getElement<std::string>(0));
    const HttpResult reply =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("en"), after));
    CHECK(reply.status == 422);
    CHECK_MESSAGE(reply.body.find("\"/after/termination/reasons/2\"") != std::string::npos,
                  reply.body);
    CHECK_MESSAGE(reply.body.find("at /after/termination/reasons/0") != std::string::npos,
                  reply.body);
  }
  SUBCASE("Thai: the changes page and the new words read back") {
    const HttpResult changed =
        PostJson(server.port(), "/v1/letters/compare",
                 CompareBody(Sample("th"), Revised("th", "อีกครั้ง", "2027-02-01")));
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    const std::string text = CheckedText(changed.body, "th");
    CHECK(text.find("การเปลี่ยนแปลงจากร่างฉบับก่อน") != std::string::npos);
    CHECK(text.find("อีกครั้ง") != std::string::npos);
    const HttpResult same =
        PostJson(server.port(), "/v1/letters/compare", CompareBody(Sample("th"), Sample("th")));
    REQUIRE(same.status == 200);
    CHECK(CheckedText(same.body, "th_same").find("ไม่มีการเปลี่ยนแปลง") != std::string::npos);
  }
  SUBCASE("a body without both drafts") {
    const HttpResult missing = PostJson(server.port(), "/v1/letters/compare",
                                        "{\"before\":" + SampleRequest("en") + ",\"draft\":1}");
    CHECK(missing.status == 422);
    CHECK(missing.body.find("\"/after\"") != std::string::npos);
    CHECK(missing.body.find("\"/draft\"") != std::string::npos);
    const HttpResult not_json = PostJson(server.port(), "/v1/letters/compare", "[1,2]");
    CHECK(not_json.status == 400);
  }
}

}  // namespace
}  // namespace parting::testing
