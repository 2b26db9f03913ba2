// GET /v1/capabilities against the real `parting serve`, with and without a
// signing identity (a throw-away certificate made by the openssl command),
// and the signed letter that the web form asks for when it says "sign":
// verified by pdfsig (poppler).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "service_harness.h"

namespace parting::testing {
namespace {

// Self-signed certificate and key, removed with the folder.
using Identity = ThrowAwayIdentity;
Identity MakeIdentity() {
  return MakeThrowAwayIdentity("parting_capabilities_", "ec -pkeyopt ec_paramgen_curve:P-256",
                               "Cedar Analytics LLC");
}

// The English sample (a final letter) with one option added.
std::string SampleWithOption(const std::string& option) {
  std::string request = SampleRequest("en");
  const std::size_t options = request.find("\"options\"");
  REQUIRE(request.find("\"draft\": false", options) != std::string::npos);
  REQUIRE(options != std::string::npos);
  const std::size_t open = request.find('{', options);
  return request.insert(open + 1, option + ",");
}

TEST_CASE(
    "capabilities: no signing identity, no signing; a request to sign is refused at its field") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  const HttpResult capabilities = Get(server.port(), "/v1/capabilities");
  REQUIRE(capabilities.status == 200);
  CHECK(capabilities.content_type == "application/json");
  CHECK(capabilities.body == R"({"sign":false})");
  const HttpResult refused =
      PostJson(server.port(), "/v1/letters", SampleWithOption(R"("sign": true)"));
  CHECK(refused.status == 422);
  CHECK(refused.body.find("/options/sign") != std::string::npos);
}

TEST_CASE(
    "capabilities: with a certificate the service signs, and pdfsig finds the signature valid") {
  const Identity id = MakeIdentity();
  ServerProcess server(
      {"--signing-cert", id.certificate.string(), "--signing-key", id.key.string()});
  REQUIRE_MESSAGE(server.running(), server.Log());
  CHECK(Get(server.port(), "/v1/capabilities").body == R"({"sign":true})");

  const HttpResult signed_letter =
      PostJson(server.port(), "/v1/letters", SampleWithOption(R"("sign": true)"));
  REQUIRE_MESSAGE(signed_letter.status == 200, signed_letter.body);
  const auto path = id.dir / "signed.pdf";
  WriteFile(path, signed_letter.body);
  int status = -1;
  const std::string report = RunCommand("pdfsig '" + path.string() + "' 2>&1", &status);
  CHECK_MESSAGE(report.find("Signature is Valid") != std::string::npos, report);
  CHECK_MESSAGE(report.find("Cedar Analytics LLC") != std::string::npos, report);

  // A draft is never signed, whatever the service can do.
  std::string draft_request = SampleWithOption(R"("sign": true)");
  draft_request.replace(draft_request.find("\"draft\": false"), 14, "\"draft\": true");
  const HttpResult draft = PostJson(server.port(), "/v1/letters", draft_request);
  CHECK(draft.status == 422);
  CHECK(draft.body.find("/options/sign") != std::string::npos);
  std::filesystem::remove_all(id.dir);
}

}  // namespace
}  // namespace parting::testing
