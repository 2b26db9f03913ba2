// parting render, compare and plan: requests through the engine.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output_file.h"

namespace parting::cli {
namespace {

constexpr int kPrettyIndent = 2;

struct RenderOptions {
  std::string request;
  std::string output;
  bool archive = false;
  EngineFlags engine;
};

// A comparison is a review copy, which is never signed: no signing flags
// (nor their PARTING_SIGNING_* twins, which would only get in the way).
struct CompareOptions {
  std::string before;
  std::string after;
  std::string output;
  std::optional<std::string> root;
};

struct PlanOptions {
  std::string request;
  std::optional<std::string> root;
  bool pretty = false;
  bool compact = false;
};

// A comparison's errors under the file they are about: "/after/x/y" is
// "/x/y" of the after file. Errors of the pair as a whole (the languages
// differ: /after/language) stay with the after file.
void PrintCompareStatus(const Status& status, const CompareOptions& options) {
  if (status.errors().empty()) return PrintStatus(status);
  for (FieldError error : status.errors()) {
    std::string_view source = "the comparison";
    for (const auto& [prefix, file] :
         {std::pair<std::string_view, const std::string*>{"/before", &options.before},
          {"/after", &options.after}}) {
      if (error.pointer == prefix || error.pointer.starts_with(std::string(prefix) + "/")) {
        error.pointer.erase(0, prefix.size());
        source = *file;
        break;
      }
    }
    PrintStatus(Status::Invalid({error}), source);
  }
}

// Writes `pdf` to `output` ('-': standard output, never a terminal).
int WritePdf(const std::string& output, const std::string& pdf) {
  const Status written =
      output == "-" ? WriteStandardOutput(pdf) : WriteFileAtomically(output, pdf);
  if (!written.ok()) {
    PrintStatus(written);
    return kExitOutput;
  }
  return kExitOk;
}

int Render(const RenderOptions& options) {
  if (options.output.empty())
    return UsageError("parting render", "-o needs a file name ('-' for standard output)");
  if (options.output == "-" && ::isatty(STDOUT_FILENO))
    return UsageError("parting render",
                      "will not write a PDF to a terminal; use -o FILE or redirect the output");
  const std::optional<std::string> request = ReadInput(options.request);
  if (!request) return kExitUsage;
  const auto engine = LoadEngine(options.engine.root, &options.engine);
  if (!engine) return kExitRejected;
  Result<std::string> pdf = engine->Render(options.archive ? WithArchive(*request) : *request);
  if (!pdf.ok()) {
    PrintStatus(pdf.status(), options.request);
    return kExitRejected;
  }
  return WritePdf(options.output, *pdf);
}

int Compare(const CompareOptions& options) {
  if (options.output == "-" && ::isatty(STDOUT_FILENO))
    return UsageError("parting compare",
                      "will not write a PDF to a terminal; use -o FILE or redirect the output");
  const std::optional<std::string> before = ReadInput(options.before);
  if (!before) return kExitUsage;
  const std::optional<std::string> after = ReadInput(options.after);
  if (!after) return kExitUsage;
  const auto engine = LoadEngine(options.root);
  if (!engine) return kExitRejected;
  // The body of POST /v1/letters/compare, so that errors name /before/… and
  // /after/… exactly as the route does.
  Result<std::string> pdf = engine->Compare("{\"before\":" + *before + ",\"after\":" + *after + "}");
  if (!pdf.ok()) {
    PrintCompareStatus(pdf.status(), options);
    return kExitRejected;
  }
  return WritePdf(options.output, *pdf);
}

// The plan as the engine writes it (compact), or indented for people.
std::string Indented(const std::string& json) {
  const auto parsed = nlohmann::ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return json;
  return parsed.dump(kPrettyIndent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

int Plan(const PlanOptions& options) {
  const std::optional<std::string> request = ReadInput(options.request);
  if (!request) return kExitUsage;
  const auto engine = LoadEngine(options.root);
  if (!engine) return kExitRejected;
  Result<std::string> plan = engine->PlanJson(*request);
  if (!plan.ok()) {
    PrintStatus(plan.status(), options.request);
    return kExitRejected;
  }
  const bool pretty = options.pretty || (!options.compact && ::isatty(STDOUT_FILENO));
  const Status written = WriteStandardOutput((pretty ? Indented(*plan) : *plan) + "\n");
  if (!written.ok()) {
    PrintStatus(written);
    return kExitOutput;
  }
  return kExitOk;
}

}  // namespace

Command AddRenderCommand(CLI::App& parent) {
  auto options = std::make_shared<RenderOptions>();
  CLI::App* render = parent.add_subcommand("render", "render one letter as PDF");
  render->add_option("REQUEST", options->request, "the request as JSON ('-' for standard input)")
      ->required();
  render->add_option("-o,--output", options->output, "the PDF to write ('-' for standard output)")
      ->required();
  render->add_flag("--archive", options->archive,
                   "an archive copy, PDF/A-2b (the request's options.archive: true)");
  AddEngineOptions(*render, options->engine);
  return {render, [options] { return Render(*options); }};
}

Command AddCompareCommand(CLI::App& parent) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* compare = parent.add_subcommand(
      "compare",
      "the AFTER letter as a review copy with every change since BEFORE marked, and a first "
      "page of the changed facts (POST /v1/letters/compare)");
  compare->add_option("BEFORE", options->before, "the earlier request as JSON ('-': standard input)")
      ->required();
  compare->add_option("AFTER", options->after, "the later request as JSON")->required();
  compare->add_option("-o,--output", options->output, "the PDF to write ('-' for standard output)")
      ->required();
  AddRootOption(*compare, options->root);
  return {compare, [options] { return Compare(*options); }};
}

Command AddPlanCommand(CLI::App& parent) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = parent.add_subcommand(
      "plan",
      "print the plan (effective end date, how it was derived, sections, warnings) as JSON: "
      "indented on a terminal, one line otherwise");
  plan->add_option("REQUEST", options->request, "the request as JSON ('-' for standard input)")
      ->required();
  CLI::Option* pretty = plan->add_flag("--pretty", options->pretty, "indent the JSON anyway");
  plan->add_flag("--compact", options->compact, "one line even on a terminal")->excludes(pretty);
  AddRootOption(*plan, options->root);
  return {plan, [options] { return Plan(*options); }};
}

}  // namespace parting::cli
