// `parting batch`: a folder of letters from JSON Lines, exit statuses, re-runs.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "service_harness.h"
#include "test_support.h"

namespace parting::testing {
namespace {

std::string OneLine(const std::string& language) {
  Poco::JSON::Parser parser;
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(parser.parse(SampleRequest(language)), out);
  return out.str();
}

std::string Batch(const std::string& args, int* status, std::string* errors) {
  const auto folder = TempDir("parting_batch_cli_");
  const auto error_file = folder / "stderr.txt";
  const std::string out = RunCommand("'" + PartingBinary().string() + "' batch --root '" +
                                         ResourceRoot().string() + "' " + args + " 2>'" +
                                         error_file.string() + "'",
                                     status);
  *errors = ReadFile(error_file);
  std::filesystem::remove_all(folder);
  return out;
}

Poco::JSON::Object::Ptr Manifest(const std::filesystem::path& out) {
  Poco::JSON::Parser parser;
  return parser.parse(ReadFile(out / "manifest.json")).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("parting batch writes good letters, reports bad lines, and skips on a re-run") {
  const auto folder = TempDir("parting_batch_run_");
  const auto input = folder / "requests.jsonl";
  Poco::JSON::Parser parser;
  auto request = parser.parse(OneLine("en")).extract<Poco::JSON::Object::Ptr>();
  request->getObject("contract")->getObject("notice_period")->set("unit", "fortnights");
  std::ostringstream bad;
  Poco::JSON::Stringifier::condense(request, bad);
  WriteFile(input, OneLine("de") + "\n" + bad.str() + "\n\n" + OneLine("en") + "\n");
  const auto out = folder / "out";
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + out.string() + "' --jobs 2", &status, &errors);
  CHECK(status == 1);
  CHECK_MESSAGE(errors.find("requests.jsonl:2: item 1: /contract/notice_period/unit: ") !=
                    std::string::npos,
                errors);
  CHECK(errors.find("3 requests: 2 written, 0 skipped (already written), 1 rejected") !=
        std::string::npos);
  CHECK(errors.find('\r') == std::string::npos);  // no progress bar off a terminal
  CHECK(ReadFile(out / "0001-mueller-soehne-ag-2026-11-22.pdf").starts_with("%PDF-"));
  CHECK(ReadFile(out / "0003-cedar-stone-retail-inc-2026-11-22.pdf").starts_with("%PDF-"));
  auto manifest = Manifest(out);
  CHECK(manifest->getObject("totals")->getValue<int>("rejected") == 1);
  const auto before = std::filesystem::last_write_time(out / "0001-mueller-soehne-ag-2026-11-22.pdf");

  SUBCASE("a re-run skips what is written") {
    Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
    CHECK(status == 1);
    CHECK_MESSAGE(errors.find("3 requests: 0 written, 2 skipped") != std::string::npos, errors);
    CHECK(std::filesystem::last_write_time(out / "0001-mueller-soehne-ag-2026-11-22.pdf") == before);
    manifest = Manifest(out);
    CHECK(manifest->getArray("items")->getObject(0)->getValue<std::string>("status") == "skipped");
    CHECK(manifest->getArray("items")->getObject(0)->getValue<std::string>("sha256").size() == 64);
  }
  SUBCASE("a changed file is written again") {
    WriteFile(out / "0001-mueller-soehne-ag-2026-11-22.pdf", "damaged");
    Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
    CHECK_MESSAGE(errors.find("1 written, 1 skipped") != std::string::npos, errors);
    CHECK(ReadFile(out / "0001-mueller-soehne-ag-2026-11-22.pdf").starts_with("%PDF-"));
  }
  SUBCASE("all good: exit 0; a JSON array works as input too") {
    const auto array = folder / "good.json";
    WriteFile(array, "[" + OneLine("pl") + ",\n" + OneLine("pt") + "]");
    Batch("'" + array.string() + "' --out '" + (folder / "good").string() + "'", &status, &errors);
    CHECK_MESSAGE(status == 0, errors);
    CHECK(Manifest(folder / "good")->getObject("totals")->getValue<int>("ok") == 2);
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting batch usage errors exit 2") {
  const auto folder = TempDir("parting_batch_usage_");
  const auto input = folder / "requests.jsonl";
  WriteFile(input, OneLine("en") + "\n");
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "'", &status, &errors);  // no --out
  CHECK(status == 2);
  Batch("'" + (folder / "missing.jsonl").string() + "' --out '" + folder.string() + "'", &status,
        &errors);
  CHECK(status == 2);
  Batch("'" + input.string() + "' --out '" + folder.string() + "' --jobs 0", &status, &errors);
  CHECK(status == 2);
  WriteFile(input, "[{}, ");
  Batch("'" + input.string() + "' --out '" + folder.string() + "'", &status, &errors);
  CHECK(status == 2);
  std::filesystem::remove_all(folder);
}

}  // namespace parting::testing
