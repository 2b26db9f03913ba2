// parting serve: options → server::Serve().
#include "cli/arguments.h"
#include "cli/commands.h"
#include "server/resource_root.h"
#include "server/server.h"

namespace parting::cli {
namespace {

constexpr long long kMaxBodyLimit = 1LL << 30;  // beyond this a letter request is no letter
constexpr long long kMaxThreads = 256;

}  // namespace

int ServeCommand(const std::vector<std::string>& args) {
  std::string error;
  const std::optional<Arguments> arguments = ParseArguments(args,
                                                            {{"--host", ""},
                                                             {"--port", "-p"},
                                                             {"--root", ""},
                                                             {"--max-body-bytes", ""},
                                                             {"--threads", ""}},
                                                            &error);
  if (!arguments) return UsageError(error);
  if (!arguments->positionals.empty())
    return UsageError("serve takes no argument '" + arguments->positionals.front() + "'");

  server::ServeOptions options;
  if (auto host = arguments->Flag("--host")) {
    if (host->empty()) return UsageError("--host needs an address");
    options.host = *host;
  }
  if (auto port = arguments->Flag("--port")) {
    const auto number = ParseNumber(*port, 0, 65535);
    if (!number) return UsageError("--port must be a number from 0 to 65535");
    options.port = static_cast<std::uint16_t>(*number);
  }
  if (auto limit = arguments->Flag("--max-body-bytes")) {
    const auto number = ParseNumber(*limit, 1, kMaxBodyLimit);
    if (!number) return UsageError("--max-body-bytes must be a number from 1 to 1073741824");
    options.max_body_bytes = static_cast<std::size_t>(*number);
  }
  if (auto threads = arguments->Flag("--threads")) {
    const auto number = ParseNumber(*threads, 1, kMaxThreads);
    if (!number) return UsageError("--threads must be a number from 1 to 256");
    options.threads = static_cast<int>(*number);
  }
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
