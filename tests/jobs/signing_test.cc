// Signed job letters: a `parting worker` given a signing identity (the
// flags of render and serve) signs the job items that ask for options.sign,
// and only those; pdfsig checks the signature. A worker without one rejects
// such an item at /options/sign instead of sending an unsigned letter.
#include <Poco/JSON/Object.h>
#include <doctest/doctest.h>

#include <sstream>

#include "jobs/job_client.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

using Identity = ThrowAwayIdentity;
Identity MakeIdentity() { return MakeThrowAwayIdentity("parting_job_sign_"); }

// The English sample with options.sign set as given.
std::string Request(bool sign) {
  auto request = Json(SampleRequest("en"));
  request->getObject("options")->set("sign", sign);
  std::ostringstream out;
  request->stringify(out);
  return out.str();
}

std::string PdfSig(const std::filesystem::path& dir, const std::string& pdf) {
  const auto path = dir / "letter.pdf";
  WriteFile(path, pdf);
  return RunCommand("pdfsig " + path.string() + " 2>&1");
}

TEST_CASE("a worker with a signing identity signs the job letters that ask for it") {
  const Identity id = MakeIdentity();
  const std::string location = NewSqliteLocation();
  const std::string data_dir = std::filesystem::path(location.substr(7)).parent_path().string();
  ServerProcess server({"--data-dir", data_dir, "--no-worker"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const std::string body = "[" + Request(true) + "," + Request(false) + "]";

  SUBCASE("signed by the worker that renders it") {
    const HttpResult created = Call(server.port(), "POST", "/v1/jobs", body);
    REQUIRE(created.status == 202);
    const std::string job = Json(created.body)->getValue<std::string>("id");
    WorkerProcess worker({"--data-dir", data_dir, "--job-workers", "1", "--signing-cert",
                          id.certificate.string(), "--signing-key", id.key.string()});
    auto done = WaitForJob(server.port(), job);
    CHECK_MESSAGE(done->getObject("totals")->getValue<int>("ok") == 2, worker.Log());
    const HttpResult signed_letter = Call(server.port(), "GET", "/v1/jobs/" + job + "/letters/0");
    REQUIRE(signed_letter.status == 200);
    const std::string report = PdfSig(id.dir, signed_letter.body);
    CAPTURE(report);
    CHECK(report.find("Signature #1") != std::string::npos);
    CHECK(report.find("Signature is Valid") != std::string::npos);
    CHECK(report.find("Total document signed") != std::string::npos);
    CHECK(report.find("Nordlicht Consulting GmbH") != std::string::npos);
    CHECK(report.find("Signature #2") == std::string::npos);
    const HttpResult plain = Call(server.port(), "GET", "/v1/jobs/" + job + "/letters/1");
    REQUIRE(plain.status == 200);
    CHECK(PdfSig(id.dir, plain.body).find("does not contain any signatures") != std::string::npos);
    CHECK(worker.Terminate() == 0);
    CHECK(worker.Log().find("signing letters that ask for it") != std::string::npos);
  }

  SUBCASE("refused at /options/sign by a worker without one, the other letter made") {
    const HttpResult created = Call(server.port(), "POST", "/v1/jobs", body);
    REQUIRE(created.status == 202);
    const std::string job = Json(created.body)->getValue<std::string>("id");
    WorkerProcess worker({"--data-dir", data_dir, "--job-workers", "1"});
    auto done = WaitForJob(server.port(), job);
    CHECK(done->getObject("totals")->getValue<int>("ok") == 1);
    CHECK(done->getObject("totals")->getValue<int>("rejected") == 1);
    const HttpResult refused = Call(server.port(), "GET", "/v1/jobs/" + job + "/letters/0");
    CHECK(refused.status == 422);
    CHECK(refused.body.find("/options/sign") != std::string::npos);
  }
}

TEST_CASE("a worker refuses half a signing identity as bad usage") {
  const Identity id = MakeIdentity();
  int status = 0;
  const std::string output =
      RunCommand(PartingBinary().string() + " worker --root " + ResourceRoot().string() +
                     " --job-workers 1 --signing-cert " + id.certificate.string() + " 2>&1",
                 &status);
  CHECK(status == 2);
  CHECK(output.find("--signing-cert needs --signing-key") != std::string::npos);
}

}  // namespace
}  // namespace parting::testing
