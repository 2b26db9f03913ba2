// The subcommands of the `parting` binary. Each takes the arguments after
// its name and returns the process exit status: 0 done, 1 the request was
// rejected (or the letter could not be produced), 2 bad usage (unknown
// option, missing file). Messages go to standard error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/engine.h"
#include "parting/status.h"

namespace parting::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

int RenderCommand(const std::vector<std::string>& args);
int PlanCommand(const std::vector<std::string>& args);
int ServeCommand(const std::vector<std::string>& args);
int BatchCommand(const std::vector<std::string>& args);
int WorkerCommand(const std::vector<std::string>& args);  ///< cli/worker_command.cc

/// The --help text.
std::string_view UsageText();

/// "error: <message>" and a pointer to --help; returns kExitUsage.
int UsageError(std::string_view message);

/// One "error: /pointer: message" line per offending field (or the status's
/// message when it names none).
void PrintStatus(const Status& status);

/// The engine over the resource folder (--root, PARTING_ROOT or found);
/// prints why and returns nullptr when it cannot be built.
std::shared_ptr<const Engine> LoadEngine(const std::optional<std::string>& root);

/// The request text from a file or "-" (standard input); prints why and
/// returns nullopt when it cannot be read.
std::optional<std::string> ReadRequest(const std::string& source);

}  // namespace parting::cli
