// parting render and parting plan: one request through the engine.
#include <unistd.h>

#include <iostream>
#include <variant>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output_file.h"

namespace parting::cli {
namespace {

// The request text of a command that takes exactly one REQUEST argument.
struct LetterInput {
  Arguments arguments;
  std::string request;
};

// Parses, then reads the request; returns an exit status when it cannot.
std::variant<LetterInput, int> ReadLetterInput(const std::vector<std::string>& args,
                                               const std::vector<FlagSpec>& flags,
                                               std::string_view command) {
  std::string error;
  std::optional<Arguments> arguments = ParseArguments(args, flags, &error);
  if (!arguments) return UsageError(error);
  if (arguments->positionals.size() != 1)
    return UsageError(std::string(command) + " takes one REQUEST.json ('-' for standard input)");
  std::optional<std::string> request = ReadRequest(arguments->positionals.front());
  if (!request) return kExitUsage;
  return LetterInput{std::move(*arguments), std::move(*request)};
}

}  // namespace

int RenderCommand(const std::vector<std::string>& args) {
  auto input = ReadLetterInput(args, {{"--output", "-o"}, {"--root", ""}}, "render");
  if (const int* exit_status = std::get_if<int>(&input)) return *exit_status;
  const auto& [arguments, request] = std::get<LetterInput>(input);
  const std::optional<std::string> output = arguments.Flag("--output");
  if (!output || output->empty())
    return UsageError("render needs -o LETTER.pdf ('-' for standard output)");
  if (*output == "-" && ::isatty(STDOUT_FILENO))
    return UsageError("will not write a PDF to a terminal; use -o FILE or redirect the output");

  const auto engine = LoadEngine(arguments.Flag("--root"));
  if (!engine) return kExitRejected;
  Result<std::string> pdf = engine->Render(request);
  if (!pdf.ok()) {
    PrintStatus(pdf.status());
    return kExitRejected;
  }
  const Status written =
      *output == "-" ? WriteStandardOutput(*pdf) : WriteFileAtomically(*output, *pdf);
  if (!written.ok()) {
    PrintStatus(written);
    return kExitRejected;
  }
  return kExitOk;
}

int PlanCommand(const std::vector<std::string>& args) {
  auto input = ReadLetterInput(args, {{"--root", ""}}, "plan");
  if (const int* exit_status = std::get_if<int>(&input)) return *exit_status;
  const auto& [arguments, request] = std::get<LetterInput>(input);
  const auto engine = LoadEngine(arguments.Flag("--root"));
  if (!engine) return kExitRejected;
  Result<std::string> plan = engine->PlanJson(request);
  if (!plan.ok()) {
    PrintStatus(plan.status());
    return kExitRejected;
  }
  const Status written = WriteStandardOutput(*plan + "\n");
  if (!written.ok()) {
    PrintStatus(written);
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace parting::cli
