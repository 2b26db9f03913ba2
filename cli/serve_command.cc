// parting serve: flags and their PARTING_* twins → server::Serve().
//
// The settings are declared once, in server::ServeSettings() (flag,
// variable, help); each becomes a CLI11 option with ->envname(), so a flag
// wins over its variable and an empty variable counts as unset. The values
// are then checked and turned into ServeOptions by ResolveServeOptions().
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/service_commands.h"
#include "parting/resource_root.h"
#include "parting/serve_config.h"
#include "parting/server.h"

namespace parting::cli {
namespace {

struct ServeCommandOptions {
  std::optional<std::string> root;
  std::map<std::string, std::string, std::less<>> values;  ///< by flag, as given
};

// A check that failed names the flag; when the value came from the
// environment (the variable holds exactly that value), name the variable.
std::string NameTheSource(std::string error, const ServeCommandOptions& command) {
  for (const server::ServeSetting& setting : server::ServeSettings()) {
    if (setting.flag.empty() || setting.environment.empty() || !error.starts_with(setting.flag) ||
        (error.size() > setting.flag.size() && error[setting.flag.size()] != ' '))
      continue;
    const auto value = command.values.find(setting.flag);
    if (value != command.values.end() &&
        server::ProcessEnvironment(setting.environment) == value->second)
      error.replace(0, setting.flag.size(), setting.environment);
    break;
  }
  return error;
}

int Serve(const ServeCommandOptions& command) {
  server::ResolvedServeOptions resolved = server::ResolveServeOptions(
      command.values, [](std::string_view name) -> std::optional<std::string> {
        // Flags and their twins arrive through CLI11; only a setting
        // without a flag (PARTING_API_KEYS) is read here.
        for (const server::ServeSetting& setting : server::ServeSettings())
          if (setting.flag.empty() && setting.environment == name)
            return server::ProcessEnvironment(name);
        return std::nullopt;
      });
  if (!resolved.options) return UsageError("parting serve", NameTheSource(resolved.error, command));
  server::ServeOptions options = std::move(*resolved.options);
  const auto root = server::FindResourceRoot(command.root);
  if (!root.ok()) {
    PrintStatus(root.status());
    return kExitRejected;
  }
  options.root = *root;
  const Status status = server::Serve(options);
  if (!status.ok()) {
    PrintStatus(status);
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

Command AddServeCommand(CLI::App& parent) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* serve = parent.add_subcommand("serve", ServiceDescription("serve"));
  for (const server::ServeSetting& setting : server::ServeSettings()) {
    if (setting.flag.empty()) continue;
    const std::string names =
        setting.flag == "--port" ? "-p," + std::string(setting.flag) : std::string(setting.flag);
    CLI::Option* option = serve->add_option_function<std::string>(
        names,
        [options, flag = std::string(setting.flag)](const std::string& value) {
          options->values[flag] = value;
        },
        std::string(setting.help));
    if (!setting.environment.empty()) option->envname(std::string(setting.environment));
  }
  // --no-worker is --job-workers 0: this replica serves and leaves the
  // job items to other processes.
  serve->add_flag_callback(
      "--no-worker", [options] { options->values["--job-workers"] = "0"; },
      "work no job items here (same as --job-workers 0)");
  AddRootOption(*serve, options->root);
  std::string variables;
  for (const server::ServeSetting& setting : server::ServeSettings())
    if (setting.flag.empty())
      variables += "\n  " + std::string(setting.environment) + ": " + std::string(setting.help) +
                   " (no flag: a command line is visible to every user)";
  serve->footer("Settings without a flag:" + variables);
  return {serve, [options] { return Serve(*options); }};
}

}  // namespace parting::cli
