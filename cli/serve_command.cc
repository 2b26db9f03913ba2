// parting serve: options → server::Serve().
#include <cstdlib>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "server/resource_root.h"
#include "server/server.h"

namespace parting::cli {
namespace {

constexpr long long kMaxBodyLimit = 1LL << 30;  // beyond this a letter request is no letter
constexpr long long kMaxThreads = 256;
constexpr long long kMaxBatchItems = 20000;  // the ZIP holds at most 65535 entries

// A limit from --flag, else from the environment variable, else the default.
// Returns false (after the usage message) for a value out of range.
bool ReadLimit(const Arguments& arguments, std::string_view flag, const char* variable,
               long long max, std::size_t& limit, int& exit_status) {
  std::optional<std::string> text = arguments.Flag(flag);
  std::string source(flag);
  if (!text) {
    const char* value = std::getenv(variable);
    if (!value || !*value) return true;
    text = value;
    source = variable;
  }
  const auto number = ParseNumber(*text, 1, max);
  if (!number) {
    exit_status = UsageError(source + " must be a number from 1 to " + std::to_string(max));
    return false;
  }
  limit = static_cast<std::size_t>(*number);
  return true;
}

}  // namespace

int ServeCommand(const std::vector<std::string>& args) {
  std::string error;
  const std::optional<Arguments> arguments = ParseArguments(args,
                                                            {{"--host", ""},
                                                             {"--port", "-p"},
                                                             {"--root", ""},
                                                             {"--max-body-bytes", ""},
                                                             {"--max-batch-items", ""},
                                                             {"--max-batch-body-bytes", ""},
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
  int exit_status = kExitOk;
  if (!ReadLimit(*arguments, "--max-batch-items", "PARTING_MAX_BATCH_ITEMS", kMaxBatchItems,
                 options.max_batch_items, exit_status) ||
      !ReadLimit(*arguments, "--max-batch-body-bytes", "PARTING_MAX_BATCH_BODY_BYTES",
                 kMaxBodyLimit, options.max_batch_body_bytes, exit_status))
    return exit_status;
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
