// The `parting` command line: render, plan, usage, exit statuses.
#include <doctest/doctest.h>

#include <cstdlib>

#include "pdf_tools.h"
#include "test_support.h"

namespace parting::testing {
namespace {

// Runs `parting ARGS` with its standard error captured into *errors.
std::string Parting(const std::string& args, int* status, std::string* errors = nullptr,
                    const std::string& stdin_file = "") {
  static const std::filesystem::path kFolder = TempDir("parting_cli_stderr_");
  const std::filesystem::path error_file = kFolder / "stderr.txt";
  std::string command =
      "'" + PartingBinary().string() + "' " + args + " 2>'" + error_file.string() + "'";
  if (!stdin_file.empty()) command += " <'" + stdin_file + "'";
  const std::string out = RunCommand(command, status);
  if (errors) *errors = ReadFile(error_file);
  return out;
}

// --root for the resources under test ($PARTING_ROOT or the source tree), so
// that the binary works wherever the build folder is.
std::string RootFlag() {
  const char* root = std::getenv("PARTING_ROOT");
  return " --root '" + (root && *root ? std::string(root) : SourceDir().string()) + "' ";
}

std::string Sample(const std::string& language) {
  return (SourceDir() / "letter_templates" / language / "samples" / "full.json").string();
}

// The German sample with an unknown notice period unit.
std::filesystem::path BadUnitRequest(const std::filesystem::path& folder) {
  std::string request = ReadFile(Sample("de"));
  request.replace(request.find("\"months\""), 8, "\"fortnights\"");
  const auto file = folder / "bad_unit.json";
  WriteFile(file, request);
  return file;
}

TEST_CASE("parting render writes the letter") {
  const auto folder = TempDir("parting_cli_render_");
  const auto pdf = folder / "letter.pdf";
  int status = -1;
  std::string errors;
  Parting("render" + RootFlag() + "'" + Sample("de") + "' -o '" + pdf.string() + "'", &status,
          &errors);
  CHECK_MESSAGE(status == 0, errors);
  CHECK(ReadFile(pdf).starts_with("%PDF-"));
  RunCommand("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
  const std::string text = FoldedText(RunCommand("pdftotext -layout '" + pdf.string() + "' -"));
  CHECK(text.find("28. Februar 2027") != std::string::npos);
  // No temporary file is left next to it.
  CHECK(std::distance(std::filesystem::directory_iterator(folder),
                      std::filesystem::directory_iterator()) == 1);

  // Standard input to standard output gives the same bytes.
  const std::string piped =
      Parting("render" + RootFlag() + "- -o -", &status, &errors, Sample("de"));
  CHECK_MESSAGE(status == 0, errors);
  CHECK(piped == ReadFile(pdf));
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting plan prints the plan") {
  int status = -1;
  std::string errors;
  const std::string plan =
      Parting("plan" + RootFlag() + "'" + Sample("de") + "'", &status, &errors);
  CHECK_MESSAGE(status == 0, errors);
  CHECK(plan.find("\"effective_end_date\":\"2027-02-28\"") != std::string::npos);
}

TEST_CASE("a rejected request exits 1, names the field, and leaves no file") {
  const auto folder = TempDir("parting_cli_rejected_");
  const auto request = BadUnitRequest(folder);
  const auto pdf = folder / "letter.pdf";
  int status = -1;
  std::string errors;
  Parting("render" + RootFlag() + "'" + request.string() + "' -o '" + pdf.string() + "'", &status,
          &errors);
  CHECK(status == 1);
  CHECK(errors.find("error: /contract/notice_period/unit: ") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(pdf));
  CHECK(std::distance(std::filesystem::directory_iterator(folder),
                      std::filesystem::directory_iterator()) == 1);  // only the request

  // An existing file is left as it was.
  WriteFile(pdf, "previous letter");
  Parting("render" + RootFlag() + "'" + request.string() + "' -o '" + pdf.string() + "'", &status,
          &errors);
  CHECK(status == 1);
  CHECK(ReadFile(pdf) == "previous letter");

  Parting("plan" + RootFlag() + "'" + request.string() + "'", &status, &errors);
  CHECK(status == 1);
  CHECK(errors.find("/contract/notice_period/unit") != std::string::npos);

  WriteFile(folder / "garbage.json", "{ not json");
  Parting("plan" + RootFlag() + "'" + (folder / "garbage.json").string() + "'", &status, &errors);
  CHECK(status == 1);
  CHECK(errors.starts_with("error: "));
  std::filesystem::remove_all(folder);
}

TEST_CASE("bad usage exits 2") {
  int status = -1;
  std::string errors;
  const char* const cases[] = {
      "",
      "frobnicate",
      "render",
      "render /nonexistent/request.json -o /tmp/x.pdf",
      "plan /nonexistent/request.json",
      "plan a.json b.json",
      "plan --bogus x",
      "serve --port 99999",
      "serve --port abc",
      "serve --threads 0",
      "serve --max-body-bytes -5",
      "serve extra",
  };
  for (const char* args : cases) {
    CAPTURE(args);
    Parting(args, &status, &errors);
    CHECK(status == 2);
    CHECK(errors.find("error: ") != std::string::npos);
  }
  Parting(std::string("render '") + Sample("de") + "'", &status, &errors);  // no -o
  CHECK(status == 2);
}

TEST_CASE("parting --help explains the commands") {
  int status = -1;
  const std::string help = Parting("--help", &status);
  CHECK(status == 0);
  for (const char* word : {"render", "plan", "serve", "--root", "127.0.0.1"}) {
    CAPTURE(word);
    CHECK(help.find(word) != std::string::npos);
  }
}

}  // namespace
}  // namespace parting::testing
