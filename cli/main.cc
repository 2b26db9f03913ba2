// parting: termination letters from the command line, and the HTTP service.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr char kDescription[] =
    "Writes the letter with which a business ends a client relationship, as PDF.";

constexpr char kFooter[] = R"(
Every command takes --root DIR: the folder holding letter_templates/, fonts/
and web/ (default: $PARTING_ROOT, else found near the binary or the current
folder). serve listens on 127.0.0.1:8080 unless told otherwise.

Exit status: 0 done; 1 a request was rejected (batch: at least one) or could
not become a letter; 2 bad usage or an input that cannot be read; 3 the
output could not be written (disk full, no permission); 130/143 a batch
stopped by SIGINT/SIGTERM (its manifest written).
Run 'parting COMMAND --help' for the options of a command.)";

}  // namespace

int main(int argc, char** argv) {
  using namespace parting::cli;
  CLI::App app{kDescription, "parting"};
  app.set_version_flag("--version", "parting " PARTING_VERSION);
  app.footer(kFooter);
  app.require_subcommand(1);
  const std::vector<Command> commands = {
      AddRenderCommand(app),      AddPlanCommand(app),  AddCompareCommand(app),
      AddBatchCommand(app),       AddServeCommand(app), AddWorkerCommand(app),
      AddUnconfirmedCommand(app),
  };
  // "parting help [COMMAND]" is "parting [COMMAND] --help".
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args.front() == "help") {
    args.erase(args.begin());
    if (!args.empty() && std::none_of(commands.begin(), commands.end(), [&](const Command& c) {
          return c.app->get_name() == args.front();
        }))
      return UsageError("parting", "no command '" + args.front() + "'");
    args.push_back("--help");
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command = "parting";
    for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
    return UsageError(command, e.what());
  }
  try {
    for (const Command& command : commands)
      if (command.app->parsed()) return command.run();
  } catch (const std::exception& e) {  // a last resort: a message, never std::terminate
    std::cerr << "error: " << e.what() << "\n";
    return kExitRejected;
  }
  return UsageError("parting", "no command given");
}
