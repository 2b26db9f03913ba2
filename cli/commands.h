// The subcommands of the `parting` binary, declared on CLI11 (Debian's
// libcli11-dev): each Add…Command() adds its subcommand with its options to
// the application and returns what runs it once the command line is parsed.
// A command returns the process exit status (below); messages go to
// standard error. main.cc registers each command with one line.
//
//   CLI::App app{"…"};
//   std::vector<Command> commands = {AddRenderCommand(app), …};
//   app.parse(argc, argv);  // then run the command whose app was parsed
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parting/engine.h"
#include "parting/status.h"

namespace parting::cli {

inline constexpr int kExitOk = 0;        ///< done
inline constexpr int kExitRejected = 1;  ///< a request was rejected or could not become a letter
inline constexpr int kExitUsage = 2;     ///< bad usage: unknown option, unreadable input
inline constexpr int kExitOutput = 3;    ///< the output could not be written (disk full, …)
inline constexpr int kExitSignal = 128;  ///< plus the signal that stopped a batch (130, 143)

/// What --help says of the program (parting and parting-service).
inline constexpr char kDescription[] =
    "Writes the letter with which a business ends a client relationship, as PDF.";

inline constexpr char kFooter[] = R"(
Every command takes --root DIR: the folder holding letter_templates/, fonts/
and web/ (default: $PARTING_ROOT, else found near the binary or the current
folder). serve listens on 127.0.0.1:8080 unless told otherwise.

Exit status: 0 done; 1 a request was rejected (batch: at least one) or could
not become a letter; 2 bad usage or an input that cannot be read; 3 the
output could not be written (disk full, no permission); 130/143 a batch
stopped by SIGINT/SIGTERM (its manifest written).
Run 'parting COMMAND --help' for the options of a command.)";

struct Command {
  CLI::App* app = nullptr;   ///< the subcommand, owned by the parent app
  std::function<int()> run;  ///< after a successful parse
};

Command AddRenderCommand(CLI::App& parent);
Command AddPlanCommand(CLI::App& parent);
Command AddBatchCommand(CLI::App& parent);
Command AddServeCommand(CLI::App& parent);
Command AddCompareCommand(CLI::App& parent);
Command AddWorkerCommand(CLI::App& parent);       ///< cli/worker_command.cc
Command AddUnconfirmedCommand(CLI::App& parent);  ///< cli/unconfirmed_command.cc

/// Adds --root DIR (the resource folder) to `command`.
void AddRootOption(CLI::App& command, std::optional<std::string>& root);

/// Parses `args` (the arguments after the program's name; "help [COMMAND]"
/// is "[COMMAND] --help") for `app`, whose subcommands are `commands`, and
/// runs the one given: its exit status.
int RunCommands(CLI::App& app, const std::vector<Command>& commands, std::vector<std::string> args);

/// "error: <message>" and a pointer to `command`'s --help; returns kExitUsage.
int UsageError(std::string_view command, std::string_view message);

/// One "error: …" line per offending field (or the status's message when it
/// names none).
void PrintStatus(const Status& status);

/// The same for a status about the input `source` ("-": standard input), one
/// line per field in words with its pointer after it in brackets:
/// "request.json: recipient name is missing (/recipient/name)".
void PrintStatus(const Status& status, std::string_view source);

/// "recipient name is missing (/recipient/name)": an offending field for
/// people, with its JSON pointer for finding it in the file.
std::string FieldErrorLine(const FieldError& error);

/// The engine over the resource folder (--root, PARTING_ROOT or found);
/// prints why and returns nullptr when it cannot be built.
/// Where the engine's files are, and who signs: --root and the signing
/// settings (server::SigningSettings()) of render and batch.
struct EngineFlags {
  std::optional<std::string> root;
  std::map<std::string, std::string, std::less<>> signing;  ///< by flag
};
void AddEngineOptions(CLI::App& command, EngineFlags& flags);
/// The signing identity the flags (and PARTING_SIGNING_P12_PASSWORD) give:
/// nullopt for none, or with `error` naming the flag at fault.
std::optional<SigningIdentity> ResolveSigningFlags(const EngineFlags& flags, std::string& error);

std::shared_ptr<const Engine> LoadEngine(const std::optional<std::string>& root,
                                         const EngineFlags* flags = nullptr);

/// The request with options.archive set (render --archive, batch --archive);
/// text that is no JSON object is left as it is, for the engine to name what
/// is wrong with it.
std::string WithArchive(const std::string& request);

/// The whole text of a file, or of standard input for "-". nullopt, with
/// "error: cannot read PATH: <the system's reason>" printed, when it cannot
/// be read (missing, a directory, no permission).
std::optional<std::string> ReadInput(const std::string& source);

}  // namespace parting::cli
