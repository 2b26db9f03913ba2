#include "server/download_name.h"

#include <doctest/doctest.h>

namespace parting::server {
namespace {

TEST_CASE("download names are ASCII and safe in a header") {
  CHECK(DownloadFileName("Cedar & Stone Retail Inc.", "2026-11-22") ==
        "letter-cedar-stone-retail-inc-2026-11-22.pdf");
  CHECK(DownloadFileName("Müller & Söhne AG", "2026-11-22") ==
        "letter-mller-shne-ag-2026-11-22.pdf");
  CHECK(DownloadFileName("../../etc/passwd\"; x=\r\n", "") == "letter-etc-passwd-x.pdf");
  CHECK(DownloadFileName("บริษัท", "") == "letter.pdf");
  CHECK(DownloadFileName("", "") == "letter.pdf");
  CHECK(DownloadFileName(std::string(500, 'a'), "").size() < 80);
}

TEST_CASE("download names come from the recipient and the letter date") {
  CHECK(DownloadFileNameForRequest(
            R"({"letter_date":"2026-11-22","recipient":{"organization":"Acme","name":"Jo"}})") ==
        "letter-acme-2026-11-22.pdf");
  CHECK(DownloadFileNameForRequest(R"({"recipient":{"name":"Jo Lee"}})") == "letter-jo-lee.pdf");
  CHECK(DownloadFileNameForRequest(R"({"recipient":{"name":42}})") == "letter.pdf");
  CHECK(DownloadFileNameForRequest("not json") == "letter.pdf");
  CHECK(AttachmentDisposition("letter.pdf") == "attachment; filename=\"letter.pdf\"");
}

}  // namespace
}  // namespace parting::server
