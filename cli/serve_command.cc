// parting serve: flags and environment → server::Serve().
#include "cli/arguments.h"
#include "cli/commands.h"
#include "server/resource_root.h"
#include "server/serve_config.h"
#include "server/server.h"

namespace parting::cli {

int ServeCommand(const std::vector<std::string>& given) {
  // --no-worker (no value) is --job-workers 0: this replica serves only.
  std::vector<std::string> args;
  for (const std::string& arg : given) {
    if (arg == "--no-worker") {
      args.insert(args.end(), {"--job-workers", "0"});
    } else {
      args.push_back(arg);
    }
  }
  std::vector<FlagSpec> flags = {{"--root", ""}};
  for (const server::ServeSetting& setting : server::ServeSettings())
    if (!setting.flag.empty()) flags.push_back({setting.flag, setting.flag == "--port" ? "-p" : ""});
  std::string error;
  const std::optional<Arguments> arguments = ParseArguments(args, flags, &error);
  if (!arguments) return UsageError(error);
  if (!arguments->positionals.empty())
    return UsageError("serve takes no argument '" + arguments->positionals.front() + "'");

  server::ResolvedServeOptions resolved =
      server::ResolveServeOptions(arguments->flags, server::ProcessEnvironment);
  if (!resolved.options) return UsageError(resolved.error);
  server::ServeOptions options = std::move(*resolved.options);
  const auto root = server::FindResourceRoot(arguments->Flag("--root"));
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

}  // namespace parting::cli
