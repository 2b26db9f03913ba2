// Letters over HTTP, checked with qpdf, pdffonts and pdftotext.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include "pdf_tools.h"
#include "service_harness.h"

namespace parting::testing {
namespace {

struct Expectations {
  std::string language;
  std::vector<std::string> phrases;  ///< each must appear in the letter's text
};

// The PDF of one sample, fetched over HTTP and written to `folder`.
std::filesystem::path FetchLetter(std::uint16_t port, const std::string& language,
                                  const std::filesystem::path& folder) {
  const HttpResult letter = PostJson(port, "/v1/letters", SampleRequest(language));
  REQUIRE_MESSAGE(letter.status == 200, letter.body);
  CHECK(letter.content_type == "application/pdf");
  const std::string disposition = letter.response.get("Content-Disposition", "");
  CHECK(disposition.starts_with("attachment; filename=\"letter-"));
  CHECK(disposition.ends_with(".pdf\""));
  CHECK(disposition.find('/') == std::string::npos);
  CHECK(letter.response.get("Cache-Control", "") == "no-store");
  CHECK(letter.body.starts_with("%PDF-"));
  const std::filesystem::path file = folder / (language + ".pdf");
  WriteFile(file, letter.body);
  return file;
}

void CheckLetter(const std::filesystem::path& pdf, const std::vector<std::string>& phrases) {
  int status = -1;
  const std::string check = RunCommand("qpdf --check '" + pdf.string() + "' 2>&1", &status);
  CHECK_MESSAGE(status == 0, check);
  CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);

  const std::string fonts_output = RunCommand("pdffonts '" + pdf.string() + "' 2>&1", &status);
  CHECK(status == 0);
  const std::vector<PdfFont> fonts = PdfFonts(fonts_output);
  CHECK_MESSAGE(!fonts.empty(), fonts_output);
  for (const PdfFont& font : fonts) {
    CAPTURE(font.name);
    CHECK(font.embedded == "yes");
  }

  const std::string text =
      FoldedText(RunCommand("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' - 2>&1", &status));
  CHECK(status == 0);
  for (const std::string& phrase : phrases) {
    CAPTURE(phrase);
    CHECK_MESSAGE(text.find(phrase) != std::string::npos, text);
  }
}

TEST_CASE("the German sample renders to a checked, searchable PDF") {
  ServerProcess server;
  REQUIRE(server.running());
  const auto folder = TempDir("parting_letters_de_");
  const auto pdf = FetchLetter(server.port(), "de", folder);
  CheckLetter(pdf, {"Thomas Müller", "Müller & Söhne AG", "28. Februar 2027", "§ 8.2",
                    "Website-Relaunch", "1.250,00 €", "RV-2023-017"});
  std::filesystem::remove_all(folder);
}

TEST_CASE("the English sample renders to a checked, searchable PDF") {
  ServerProcess server;
  REQUIRE(server.running());
  // The date the letter must state, as the plan computed it.
  const HttpResult plan = PostJson(server.port(), "/v1/letters/plan", SampleRequest("en"));
  REQUIRE(plan.status == 200);
  const std::string end = Poco::JSON::Parser()
                              .parse(plan.body)
                              .extract<Poco::JSON::Object::Ptr>()
                              ->getValue<std::string>("effective_end_date");
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  const std::string long_date = std::string(kMonths[std::stoi(end.substr(5, 2)) - 1]) + " " +
                                std::to_string(std::stoi(end.substr(8, 2))) + ", " +
                                end.substr(0, 4);

  const auto folder = TempDir("parting_letters_en_");
  const auto pdf = FetchLetter(server.port(), "en", folder);
  CheckLetter(pdf, {"Margaret Collins", "Cedar & Stone Retail Inc.", long_date, "Section 12.1",
                    "Q4 sales dashboard", "Inventory forecast model", "$2,400.00"});
  std::filesystem::remove_all(folder);
}

TEST_CASE("letters are served concurrently by the shared engine") {
  ServerProcess server({"--threads", "4"});
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  std::vector<std::thread> clients;
  std::vector<std::string> bodies(4);
  std::vector<int> statuses(4);
  for (int i = 0; i < 4; ++i)
    clients.emplace_back([&, i] {
      const HttpResult result = PostJson(port, "/v1/letters", SampleRequest(i % 2 ? "en" : "de"));
      statuses[i] = result.status;
      bodies[i] = result.body;
    });
  for (std::thread& client : clients) client.join();
  for (int i = 0; i < 4; ++i) CHECK(statuses[i] == 200);
  // Final copies are deterministic: the same request gives the same bytes.
  CHECK(bodies[0] == bodies[2]);
  CHECK(bodies[1] == bodies[3]);
  CHECK(bodies[0] != bodies[1]);
}

TEST_CASE("over HTTP: a tagged letter, an archive copy, and no archived draft") {
  ServerProcess server;
  REQUIRE(server.running());
  const auto folder = TempDir("parting_letters_archive_");
  std::string request = SampleRequest("de");
  const std::string final_copy = "\"draft\": false";
  REQUIRE(request.find(final_copy) != std::string::npos);
  request.replace(request.find(final_copy), final_copy.size(), "\"draft\": false, \"archive\": true");
  const HttpResult letter = PostJson(server.port(), "/v1/letters", request);
  REQUIRE_MESSAGE(letter.status == 200, letter.body);
  const std::filesystem::path file = folder / "archive.pdf";
  WriteFile(file, letter.body);
  CheckLetter(file, {"Thomas Müller", "28. Februar 2027"});
  int status = -1;
  const std::string info = RunCommand("pdfinfo '" + file.string() + "' 2>&1", &status);
  CHECK(status == 0);
  CHECK(info.find("Tagged:          yes") != std::string::npos);
  CHECK(info.find("Metadata Stream: yes") != std::string::npos);
  const std::string structure = RunCommand("pdfinfo -struct-text '" + file.string() + "' 2>&1");
  CHECK(structure.find("\"Sehr geehrter Herr Müller, \"") != std::string::npos);

  request.replace(request.find(final_copy), final_copy.size(), "\"draft\": true");
  const HttpResult draft = PostJson(server.port(), "/v1/letters", request);
  CHECK(draft.status == 422);
  CHECK(draft.body.find("/options/archive") != std::string::npos);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace parting::testing
