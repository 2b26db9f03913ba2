// parting-service: parting's service commands (serve, worker, unconfirmed),
// which "parting serve …" runs (cli/service_commands.h).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace parting::cli;
  CLI::App app{kDescription, "parting"};
  app.set_version_flag("--version", "parting " PARTING_VERSION);
  app.footer(kFooter);
  app.require_subcommand(1);
  const std::vector<Command> commands = {
      AddServeCommand(app),
      AddWorkerCommand(app),
      AddUnconfirmedCommand(app),
  };
  return RunCommands(app, commands, std::vector<std::string>(argv + 1, argv + argc));
}
