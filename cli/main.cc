// parting: termination letters from the command line. The service's
// commands run in parting-service (cli/service_commands.h).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/service_commands.h"

int main(int argc, char** argv) {
  using namespace parting::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  // "parting [help] serve …" is parting-service's.
  const bool help = !args.empty() && args.front() == "help";
  if (args.size() > (help ? 1u : 0u) && *ServiceDescription(args[help ? 1 : 0])) {
    if (help) {
      args.erase(args.begin());
      args.push_back("--help");
    }
    return RunService(args);
  }
  CLI::App app{kDescription, "parting"};
  app.set_version_flag("--version", "parting " PARTING_VERSION);
  app.footer(kFooter);
  app.require_subcommand(1);
  std::vector<Command> commands = {
      AddRenderCommand(app),
      AddPlanCommand(app),
      AddCompareCommand(app),
      AddBatchCommand(app),
  };
  // Listed in --help; never parsed here (above).
  for (const ServiceCommand& service : kServiceCommands)
    commands.push_back({app.add_subcommand(service.name, service.description), nullptr});
  return RunCommands(app, commands, std::move(args));
}
