#include "cli/service_commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace parting::cli {

const char* ServiceDescription(std::string_view name) {
  for (const ServiceCommand& command : kServiceCommands)
    if (name == command.name) return command.description;
  return "";
}

int RunService(const std::vector<std::string>& args) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path service =
      (error ? std::filesystem::path(".") : self.parent_path()) / "parting-service";
  std::vector<std::string> kept = {"parting"};
  kept.insert(kept.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : kept) argv.push_back(arg.data());
  argv.push_back(nullptr);
  ::execv(service.c_str(), argv.data());
  return UsageError("parting " + (args.empty() ? std::string() : args.front()),
                    "cannot start " + service.string() + " (" + std::strerror(errno) +
                        "): it is built and installed next to parting");
}

}  // namespace parting::cli
