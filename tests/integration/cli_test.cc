// The `parting` command line: render, plan, usage, exit statuses.
#include <doctest/doctest.h>

#include <cstdlib>

#include "pdf_tools.h"
#include "test_support.h"

namespace parting::testing {
namespace {

// Runs `parting ARGS` with its standard error captured into *errors.
// `environment` ("NAME=value …") is set for the command only.
std::string Parting(const std::string& args, int* status, std::string* errors = nullptr,
                    const std::string& stdin_file = "", const std::string& environment = "") {
  static const std::filesystem::path kFolder = TempDir("parting_cli_stderr_");
  const std::filesystem::path error_file = kFolder / "stderr.txt";
  std::string command = environment + " '" + PartingBinary().string() + "' " + args + " 2>'" +
                        error_file.string() + "'";
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

TEST_CASE("parting render --archive writes the archive copy; a draft is refused by pointer") {
  const auto folder = TempDir("parting_cli_archive_");
  const auto pdf = folder / "archive.pdf";
  int status = -1;
  std::string errors;
  Parting("render --archive" + RootFlag() + "'" + Sample("pt") + "' -o '" + pdf.string() + "'",
          &status, &errors);
  REQUIRE_MESSAGE(status == 0, errors);
  const std::string info = RunCommand("pdfinfo '" + pdf.string() + "' 2>&1");
  CHECK(info.find("Metadata Stream: yes") != std::string::npos);
  CHECK(info.find("Tagged:          yes") != std::string::npos);
  CHECK(ReadFile(pdf).find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  // Without the flag: no archive copy.
  Parting("render" + RootFlag() + "'" + Sample("pt") + "' -o '" + pdf.string() + "'", &status,
          &errors);
  REQUIRE_MESSAGE(status == 0, errors);
  CHECK(ReadFile(pdf).find("pdfaid:part") == std::string::npos);

  std::string draft = ReadFile(Sample("de"));
  draft.replace(draft.find("\"draft\": false"), 14, "\"draft\": true");
  WriteFile(folder / "draft.json", draft);
  Parting("render --archive" + RootFlag() + "'" + (folder / "draft.json").string() + "' -o '" +
              (folder / "draft.pdf").string() + "'",
          &status, &errors);
  CHECK(status == 1);
  CHECK(errors.find("/options/archive") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(folder / "draft.pdf"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("parting compare writes the redline; two languages are refused by pointer") {
  const auto folder = TempDir("parting_cli_compare_");
  std::string after = ReadFile(Sample("en"));
  after.replace(after.find("Master Services Agreement"), 25, "Master Consulting Agreement");
  WriteFile(folder / "after.json", after);
  const auto pdf = folder / "changes.pdf";
  int status = -1;
  std::string errors;
  Parting("compare" + RootFlag() + "'" + Sample("en") + "' '" + (folder / "after.json").string() +
              "' -o '" + pdf.string() + "'",
          &status, &errors);
  CHECK_MESSAGE(status == 0, errors);
  const std::string text = FoldedText(RunCommand("pdftotext '" + pdf.string() + "' -"));
  CHECK(text.find("Changes since the earlier draft") != std::string::npos);
  CHECK(text.find("Consulting") != std::string::npos);

  Parting("compare" + RootFlag() + "'" + Sample("en") + "' '" + Sample("de") + "' -o '" +
              (folder / "x.pdf").string() + "'",
          &status, &errors);
  CHECK(status == 1);
  // Each error under the file it is about, with the pointer into that file.
  CHECK_MESSAGE(errors.starts_with(Sample("de") + ": language: compare needs one language"),
                errors);
  CHECK(errors.ends_with(" (/language)\n"));
  CHECK_FALSE(std::filesystem::exists(folder / "x.pdf"));
  const auto bad_before = BadUnitRequest(folder);
  Parting("compare" + RootFlag() + "'" + bad_before.string() + "' '" + Sample("de") + "' -o '" +
              (folder / "x.pdf").string() + "'",
          &status, &errors);
  CHECK(status == 1);
  CHECK_MESSAGE(errors == bad_before.string() +
                              ": contract notice period unit must be one of days, weeks, months "
                              "(/contract/notice_period/unit)\n",
                errors);

  // A review copy is never signed: compare has no signing flags, and a
  // signing variable meant for serve (here only half of a pair) is no
  // concern of its.
  CHECK(Parting("compare --help", &status).find("--signing") == std::string::npos);
  CHECK(status == 0);
  Parting("compare" + RootFlag() + "'" + Sample("en") + "' '" + (folder / "after.json").string() +
              "' -o '" + (folder / "again.pdf").string() + "'",
          &status, &errors, "", "PARTING_SIGNING_CERT=/nonexistent/cert.pem");
  CHECK_MESSAGE(status == 0, errors);
  CHECK(std::filesystem::exists(folder / "again.pdf"));
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
  // The file, the field in words, the message, the pointer in brackets.
  const std::string bad_unit = request.string() +
                               ": contract notice period unit must be one of days, weeks, months "
                               "(/contract/notice_period/unit)\n";
  CHECK_MESSAGE(errors == bad_unit, errors);
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
  CHECK_MESSAGE(errors == bad_unit, errors);

  WriteFile(folder / "garbage.json", "{ not json");
  Parting("plan" + RootFlag() + "'" + (folder / "garbage.json").string() + "'", &status, &errors);
  CHECK(status == 1);
  CHECK_MESSAGE(errors.starts_with((folder / "garbage.json").string() + ": line 1, column "),
                errors);
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

TEST_CASE("every command has --help and -h; --version; usage errors name the command") {
  int status = -1;
  std::string errors;
  for (const char* command : {"render", "plan", "compare", "batch", "serve", "worker"}) {
    for (const char* flag : {"--help", "-h"}) {
      CAPTURE(command);
      CAPTURE(flag);
      const std::string help = Parting(std::string(command) + " " + flag, &status, &errors);
      CHECK(status == 0);
      CHECK(help.find(std::string("Usage: parting ") + command) != std::string::npos);
      CHECK(help.find("--root") != std::string::npos);
    }
  }
  const std::string serve = Parting("serve --help", &status);
  for (const char* word : {"--port", "PARTING_PORT", "--max-batch-items", "PARTING_API_KEYS"}) {
    CAPTURE(word);
    CHECK(serve.find(word) != std::string::npos);
  }
  const std::string batch = Parting("batch --help", &status);
  CHECK(batch.find("--no-progress") != std::string::npos);
  // Values are named for people, not by CLI11's type names ("UINT:UINT").
  CHECK(batch.find("-j,--jobs N ") != std::string::npos);
  CHECK(batch.find("UINT") == std::string::npos);
  const std::string worker = Parting("worker --help", &status);
  for (const char* word : {"--metrics-port", "PARTING_METRICS_PORT", "--metrics-host"}) {
    CAPTURE(word);
    CHECK(worker.find(word) != std::string::npos);
  }
  CHECK(Parting("help render", &status).find("Usage: parting render") != std::string::npos);
  CHECK(status == 0);
  Parting("help frobnicate", &status, &errors);
  CHECK(status == 2);
  CHECK(Parting("--version", &status).starts_with("parting "));
  CHECK(status == 0);

  Parting("render --frobnicate", &status, &errors);
  CHECK(status == 2);
  CHECK(errors.find("parting render --help") != std::string::npos);
}

TEST_CASE("serve: a PARTING_* twin is read, checked, and named when wrong") {
  int status = -1;
  std::string errors;
  Parting("serve", &status, &errors, "", "PARTING_PORT=abc");
  CHECK(status == 2);
  CHECK_MESSAGE(errors.find("error: PARTING_PORT must be a whole number") != std::string::npos,
                errors);
  // The flag wins over its twin: the bad variable is never looked at.
  Parting("serve --port 99999", &status, &errors, "", "PARTING_PORT=80");
  CHECK(status == 2);
  CHECK(errors.find("error: --port must be") != std::string::npos);
  Parting("serve --port 1", &status, &errors, "", "PARTING_QUEUE_DEPTH=-1");
  CHECK(status == 2);
  CHECK(errors.find("PARTING_QUEUE_DEPTH") != std::string::npos);
}

TEST_CASE("an input that is a folder or missing is a clear error, exit 2") {
  const auto folder = TempDir("parting_cli_input_");
  int status = -1;
  std::string errors;
  for (const std::string command : {"render", "plan", "batch"}) {
    CAPTURE(command);
    const std::string out = command == "render" ? " -o '" + (folder / "x.pdf").string() + "'"
                            : command == "batch" ? " --out '" + (folder / "out").string() + "'"
                                                 : "";
    Parting(command + RootFlag() + "'" + folder.string() + "'" + out, &status, &errors);
    CHECK(status == 2);
    CHECK_MESSAGE(errors.find("error: cannot read " + folder.string() + ": Is a directory") !=
                      std::string::npos,
                  errors);
    Parting(command + RootFlag() + "'" + (folder / "none.json").string() + "'" + out, &status,
            &errors);
    CHECK(status == 2);
    CHECK(errors.find("No such file or directory") != std::string::npos);
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("an output that cannot be written exits 3") {
  int status = -1;
  std::string errors;
  Parting("render" + RootFlag() + "'" + Sample("en") + "' -o /nonexistent-folder/letter.pdf",
          &status, &errors);
  CHECK(status == 3);
  CHECK(errors.find("cannot write /nonexistent-folder/letter.pdf") != std::string::npos);
  Parting("plan" + RootFlag() + "'" + Sample("en") + "' >/dev/full", &status, &errors);
  CHECK(status == 3);
  CHECK(errors.find("cannot write to standard output") != std::string::npos);
}

TEST_CASE("plan: indented on a terminal or with --pretty, one line otherwise") {
  int status = -1;
  const std::string plain = Parting("plan" + RootFlag() + "'" + Sample("en") + "'", &status);
  CHECK(status == 0);
  CHECK(plain.find('\n') == plain.size() - 1);
  const std::string pretty =
      Parting("plan --pretty" + RootFlag() + "'" + Sample("en") + "'", &status);
  CHECK(pretty.starts_with("{\n  \"letter_date\": "));
  // Under a pseudo-terminal (script(1)), the plan is indented by itself.
  const std::string terminal = RunCommand(
      "script -qec \"'" + PartingBinary().string() + "' plan" + RootFlag() + "'" + Sample("en") +
          "'\" /dev/null",
      &status);
  CHECK(status == 0);
  CHECK(terminal.find("\n  \"effective_end_date\": ") != std::string::npos);
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
