#include "batch/download_name.h"

#include <doctest/doctest.h>

#include <cctype>
#include <string>

namespace parting::batch {
namespace {

TEST_CASE("download names are ASCII and safe in a header") {
  CHECK(DownloadFileName("Cedar & Stone Retail Inc.", "2026-11-22") ==
        "letter-cedar-stone-retail-inc-2026-11-22.pdf");
  CHECK(DownloadFileName("Müller & Söhne AG", "2026-11-22") ==
        "letter-muller-sohne-ag-2026-11-22.pdf");
  CHECK(DownloadFileName("Przedsiębiorstwo Łódź", "") == "letter-przedsiebiorstwo-lodz.pdf");
  CHECK(DownloadFileName("../../etc/passwd\"; x=\r\n", "") == "letter-etc-passwd-x.pdf");
  // Other scripts are transliterated: a readable ASCII name, not an empty one.
  const std::string thai = DownloadFileName("บริษัท", "");
  CHECK(thai.size() > std::string("letter-.pdf").size());
  for (const char c : thai)
    CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'));
  CHECK(DownloadFileName("\xff\xfe", "") == "letter.pdf");
  CHECK(DownloadFileName("", "") == "letter.pdf");
  CHECK(DownloadFileName(std::string(500, 'a'), "").size() < 80);
}

TEST_CASE("download names come from the recipient and the letter date") {
  LetterRequest request;
  request.letter_date = Date{2026, 11, 22};
  request.recipient.organization = "Acme";
  request.recipient.name = "Jo";
  CHECK(DownloadFileNameFor(request) == "letter-acme-2026-11-22.pdf");
  request.recipient.organization.clear();
  request.recipient.name = "Jo Lee";
  CHECK(DownloadFileNameFor(request) == "letter-jo-lee-2026-11-22.pdf");
  request.recipient.name.clear();
  CHECK(DownloadFileNameFor(request) == "letter-2026-11-22.pdf");
  CHECK(AttachmentDisposition("letter.pdf") == "attachment; filename=\"letter.pdf\"");
}

}  // namespace
}  // namespace parting::batch
