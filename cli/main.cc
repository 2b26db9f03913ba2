// parting: termination letters from the command line, and the HTTP service.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace parting::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "error: no command given\n\n" << UsageText();
    return kExitUsage;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << UsageText();
    return kExitOk;
  }
  if (command == "render") return RenderCommand(rest);
  if (command == "plan") return PlanCommand(rest);
  if (command == "serve") return ServeCommand(rest);
  if (command == "batch") return BatchCommand(rest);
  if (command == "worker") return WorkerCommand(rest);
  return UsageError("unknown command '" + command + "'");
}
