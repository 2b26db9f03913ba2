// `parting batch`: a folder of letters from JSON Lines, exit statuses, re-runs.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>
#include <vector>

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
  const std::string out =
      RunCommand("'" + PartingBinary().string() + "' batch --root '" + ResourceRoot().string() +
                     "' " + args + " 2>'" + error_file.string() + "'",
                 status);
  *errors = ReadFile(error_file);
  std::filesystem::remove_all(folder);
  return out;
}

// A sample as one line that also asks for an e-mail.
std::string WithEmail(const std::string& language) {
  Poco::JSON::Parser parser;
  auto request = parser.parse(OneLine(language)).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
  Poco::JSON::Object::Ptr mail = new Poco::JSON::Object;
  mail->set("to", "client@example.com");
  delivery->set("email", mail);
  request->set("delivery", delivery);
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(request, out);
  return out.str();
}

std::vector<std::string> FileNames(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& file : std::filesystem::directory_iterator(folder))
    names.push_back(file.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// 150 letters in FOLDER/requests.jsonl: long enough to be stopped midway.
std::filesystem::path LongBatch(const std::filesystem::path& folder) {
  std::string lines;
  for (int i = 0; i < 150; ++i) lines += OneLine(i % 2 ? "en" : "pt") + "\n";
  WriteFile(folder / "requests.jsonl", lines);
  return folder / "requests.jsonl";
}

Poco::JSON::Object::Ptr Manifest(const std::filesystem::path& out) {
  Poco::JSON::Parser parser;
  return parser.parse(ReadFile(out / "manifest.json")).extract<Poco::JSON::Object::Ptr>();
}

// The PDF files OUT/manifest.json lists, in batch order (the names depend on
// how recipients are transliterated: the tests take them from here).
std::vector<std::string> ListedFiles(const std::filesystem::path& out) {
  std::vector<std::string> files;
  auto items = Manifest(out)->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = items->getObject(static_cast<unsigned>(i));
    if (!item->isNull("file")) files.push_back(item->getValue<std::string>("file"));
  }
  return files;
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
  CHECK_MESSAGE(
      errors.find("requests.jsonl:2: item 1: contract notice period unit must be one of days, "
                  "weeks, months (/contract/notice_period/unit)\n") != std::string::npos,
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

TEST_CASE(
    "parting batch: a re-run finds letters whose line moved; files no longer listed are reported "
    "or pruned") {
  const auto folder = TempDir("parting_batch_moved_");
  const auto input = folder / "requests.jsonl";
  const auto out = folder / "out";
  WriteFile(input, OneLine("en") + "\n" + OneLine("de") + "\n");
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
  REQUIRE_MESSAGE(status == 0, errors);
  const std::vector<std::string> before = ListedFiles(out);  // 0001-… (en), 0002-… (de)
  REQUIRE(before.size() == 2);
  const std::string english = ReadFile(out / before[0]);
  const std::string german = ReadFile(out / before[1]);

  // A new line on top: both letters move down one place.
  WriteFile(input, OneLine("pl") + "\n" + OneLine("en") + "\n" + OneLine("de") + "\n");
  Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
  CHECK_MESSAGE(status == 0, errors);
  CHECK_MESSAGE(errors.find("3 requests: 1 written, 2 skipped") != std::string::npos, errors);
  const std::vector<std::string> after = ListedFiles(out);  // 0001-… (pl), 0002-… (en), 0003-… (de)
  REQUIRE(after.size() == 3);
  // The same letters under their new numbers, the rest of the name unchanged.
  CHECK(after[1] == "0002" + before[0].substr(4));
  CHECK(after[2] == "0003" + before[1].substr(4));
  CHECK(ReadFile(out / after[1]) == english);
  CHECK(ReadFile(out / after[2]) == german);
  auto items = Manifest(out)->getArray("items");
  CHECK(items->getObject(1)->getValue<std::string>("status") == "skipped");
  // The old names are no longer listed: reported, and left alone.
  for (const std::string& old : before) {
    CAPTURE(old);
    CHECK(errors.find("not in the manifest: " + (out / old).string()) != std::string::npos);
    CHECK(std::filesystem::exists(out / old));
  }
  CHECK(errors.find("2 file(s) from earlier runs are not in the manifest; --prune removes them") !=
        std::string::npos);

  // --prune removes exactly those; a file of someone else stays.
  WriteFile(out / "notes.txt", "mine");
  Batch("'" + input.string() + "' --out '" + out.string() + "' --prune", &status, &errors);
  CHECK_MESSAGE(errors.find("removed 2 file(s)") != std::string::npos, errors);
  CHECK(errors.find("3 requests: 0 written, 3 skipped") != std::string::npos);
  std::vector<std::string> kept = after;
  kept.insert(kept.end(), {"manifest.json", "notes.txt"});
  CHECK(FileNames(out) == kept);
  std::filesystem::remove_all(folder);
}

TEST_CASE(
    "parting batch: a full disk stops at the first failure, leaves no part of that letter, and a "
    "re-run completes") {
  const auto folder = TempDir("parting_batch_full_");
  const auto input = folder / "requests.jsonl";
  const auto out = folder / "out";
  WriteFile(input, OneLine("en") + "\n" + OneLine("de") + "\n" + WithEmail("pl") + "\n" +
                       OneLine("pt") + "\n" + OneLine("th") + "\n");
  // A file size limit (RLIMIT_FSIZE) above the first three PDFs and below
  // the third letter's e-mail (its PDF in base64): the disk is "full" in
  // the middle of the third letter.
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + (folder / "sizes").string() + "'", &status, &errors);
  REQUIRE_MESSAGE(status == 0, errors);
  std::uintmax_t largest_pdf = 0;
  const std::vector<std::string> sized = ListedFiles(folder / "sizes");
  for (std::size_t i = 0; i < 3; ++i)
    largest_pdf = std::max(largest_pdf, std::filesystem::file_size(folder / "sizes" / sized[i]));
  const std::uintmax_t limit_kib = largest_pdf / 1024 + 2;
  std::string email = sized[2];
  email.replace(email.size() - 4, 4, ".eml");
  REQUIRE(limit_kib * 1024 < std::filesystem::file_size(folder / "sizes" / email));
  const std::string errors_file = (folder / "stderr.txt").string();
  RunCommand("bash -c \"trap '' XFSZ; ulimit -f " + std::to_string(limit_kib) + "; exec '" +
                 PartingBinary().string() + "' batch --jobs 1 --root '" + ResourceRoot().string() +
                 "' '" + input.string() + "' --out '" + out.string() + "'\" 2>'" + errors_file +
                 "'",
             &status);
  errors = ReadFile(errors_file);
  CHECK_MESSAGE(status == 3, errors);
  const std::size_t at = errors.find("error: cannot write " + (out / "0003-").string());
  CHECK_MESSAGE(at != std::string::npos, errors);
  CHECK(errors.find(".eml", at) != std::string::npos);
  CHECK(errors.find("stopped after 3 of 5 requests") != std::string::npos);
  // Two whole letters and the manifest; nothing of the third, no temporary file.
  std::vector<std::string> whole = ListedFiles(out);
  CHECK(whole.size() == 2);
  whole.push_back("manifest.json");
  CHECK(FileNames(out) == whole);
  auto totals = Manifest(out)->getObject("totals");
  CHECK(totals->getValue<int>("ok") == 2);
  CHECK(totals->getValue<int>("failed") == 1);

  Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
  CHECK_MESSAGE(status == 0, errors);
  CHECK_MESSAGE(errors.find("5 requests: 3 written, 2 skipped") != std::string::npos, errors);
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting batch: a killed batch leaves a manifest of whole letters that a re-run skips") {
  const auto folder = TempDir("parting_batch_killed_");
  const auto input = LongBatch(folder);
  const auto out = folder / "out";
  const auto pid_file = folder / "pid";
  RunCommand("'" + PartingBinary().string() + "' batch --jobs 1 --root '" +
             ResourceRoot().string() + "' '" + input.string() + "' --out '" + out.string() +
             "' 2>/dev/null & echo $! >'" + pid_file.string() + "'");
  const std::string pid = ReadFile(pid_file).substr(0, ReadFile(pid_file).find('\n'));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!std::filesystem::exists(out / "manifest.json") &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  RunCommand("kill -KILL " + pid + " 2>/dev/null; sleep 0.2");
  REQUIRE(std::filesystem::exists(out / "manifest.json"));
  auto manifest = Manifest(out);  // whole JSON: it was renamed into place
  const int written = manifest->getObject("totals")->getValue<int>("ok");
  CHECK(written >= 1);
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + out.string() + "' --jobs 2", &status, &errors);
  CHECK_MESSAGE(status == 0, errors);
  CHECK_MESSAGE(errors.find(std::to_string(written) + " skipped") != std::string::npos, errors);
  CHECK(Manifest(out)->getObject("totals")->getValue<int>("skipped") >= written);
  std::filesystem::remove_all(folder);
}

TEST_CASE(
    "parting batch: SIGTERM stops after the letter being written; the manifest lists every file") {
  const auto folder = TempDir("parting_batch_term_");
  const auto input = LongBatch(folder);
  const auto out = folder / "out";
  const auto pid_file = folder / "pid";
  const auto status_file = folder / "status";
  RunCommand("('" + PartingBinary().string() + "' batch --jobs 1 --root '" +
             ResourceRoot().string() + "' '" + input.string() + "' --out '" + out.string() +
             "' 2>'" + (folder / "stderr.txt").string() + "' & echo $! >'" + pid_file.string() +
             "'; wait $!; echo $? >'" + status_file.string() + "') >/dev/null 2>&1 &");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline &&
         (!std::filesystem::exists(pid_file) || !std::filesystem::exists(out) ||
          FileNames(out).size() < 3))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::string pid = ReadFile(pid_file).substr(0, ReadFile(pid_file).find('\n'));
  RunCommand("kill -TERM " + pid);
  while (std::chrono::steady_clock::now() < deadline && !std::filesystem::exists(status_file))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string errors = ReadFile(folder / "stderr.txt");
  CHECK_MESSAGE(ReadFile(status_file) == "143\n", errors);
  CHECK(errors.find("stopped by SIGTERM after ") != std::string::npos);
  // Exactly the letters in the folder are in the manifest, all whole.
  std::vector<std::string> listed = ListedFiles(out);
  CHECK(listed.size() < 150);
  listed.push_back("manifest.json");
  CHECK(FileNames(out) == listed);
  std::filesystem::remove_all(folder);
}

TEST_CASE(
    "parting batch: the progress bar on a terminal moves from the first letter, with rate and time "
    "left") {
  const auto folder = TempDir("parting_batch_bar_");
  const auto input = folder / "requests.jsonl";
  WriteFile(input, OneLine("en") + "\n" + OneLine("pt") + "\n" + OneLine("en") + "\n");
  int status = -1;
  const std::string terminal =
      RunCommand("script -qec \"'" + PartingBinary().string() + "' batch --jobs 1 --root '" +
                     ResourceRoot().string() + "' '" + input.string() + "' --out '" +
                     (folder / "out").string() + "'\" /dev/null",
                 &status);
  CHECK(status == 0);
  CHECK_MESSAGE(terminal.find("] 0/3") != std::string::npos, terminal);
  CHECK(terminal.find("] 1/3  ") != std::string::npos);
  CHECK(terminal.find("letters/s") != std::string::npos);
  CHECK(terminal.find(" left") != std::string::npos);
  const std::string quiet =
      RunCommand("script -qec \"'" + PartingBinary().string() + "' batch --no-progress --root '" +
                     ResourceRoot().string() + "' '" + input.string() + "' --out '" +
                     (folder / "out").string() + "'\" /dev/null",
                 &status);
  CHECK(quiet.find("letters/s") == std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting batch --archive writes archive copies; a draft among them is refused by pointer") {
  const auto folder = TempDir("parting_batch_archive_");
  const auto input = folder / "requests.jsonl";
  std::string draft = OneLine("de");
  draft.replace(draft.find("\"draft\":false"), 13, "\"draft\":true");
  WriteFile(input, OneLine("en") + "\n" + draft + "\n");
  const auto out = folder / "out";
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + out.string() + "' --archive", &status, &errors);
  CHECK(status == 1);  // one item refused
  CHECK_MESSAGE(errors.find("requests.jsonl:2: item 1: archive copy: a draft is not archived: ") !=
                    std::string::npos,
                errors);
  CHECK(errors.find(" (draft false) (/options/archive)\n") != std::string::npos);
  const auto pdf = out / "0001-cedar-stone-retail-inc-2026-11-22.pdf";
  CHECK(ReadFile(pdf).find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(RunCommand("pdfinfo '" + pdf.string() + "' 2>&1").find("Tagged:          yes") !=
        std::string::npos);
  // A re-run with the flag skips the archive copy it wrote; one without the
  // flag asks for another letter (its fingerprint differs) and writes it.
  Batch("'" + input.string() + "' --out '" + out.string() + "' --archive", &status, &errors);
  CHECK(errors.find("1 skipped (already written)") != std::string::npos);
  Batch("'" + input.string() + "' --out '" + out.string() + "'", &status, &errors);
  CHECK(errors.find("0 skipped (already written)") != std::string::npos);
  CHECK(ReadFile(pdf).find("pdfaid:part") == std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting batch: a line that is not JSON is reported by its line, in the parser's words") {
  const auto folder = TempDir("parting_batch_unreadable_");
  const auto input = folder / "requests.jsonl";
  WriteFile(input, OneLine("de") + "\n{not json\n");
  int status = -1;
  std::string errors;
  Batch("'" + input.string() + "' --out '" + (folder / "out").string() + "'", &status, &errors);
  CHECK(status == 1);
  CHECK_MESSAGE(errors.find("requests.jsonl:2: item 1: line 1, column 2: expected a field name") !=
                    std::string::npos,
                errors);
  CHECK(errors.find("the request:") == std::string::npos);
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
