// What the subcommands share: error reporting, the engine and the input.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "parting/field_words.h"
#include "parting/resource_root.h"
#include "parting/serve_config.h"

namespace parting::cli {
namespace {

constexpr std::size_t kReadChunk = 1 << 16;

std::optional<std::string> CannotRead(const std::string& source, int error) {
  std::cerr << "error: cannot read " << (source == "-" ? "standard input" : source) << ": "
            << std::strerror(error) << "\n";
  return std::nullopt;
}

}  // namespace

void AddRootOption(CLI::App& command, std::optional<std::string>& root) {
  command.add_option("--root", root,
                     "folder holding letter_templates/, fonts/ and web/ (default: "
                     "$PARTING_ROOT, else found near the binary or the current folder)");
}

int RunCommands(CLI::App& app, const std::vector<Command>& commands,
                std::vector<std::string> args) {
  // "help [COMMAND]" is "[COMMAND] --help".
  if (!args.empty() && args.front() == "help") {
    args.erase(args.begin());
    if (!args.empty() && std::none_of(commands.begin(), commands.end(), [&](const Command& c) {
          return c.app->get_name() == args.front();
        }))
      return UsageError("parting", "no command '" + args.front() + "'");
    args.push_back("--help");
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command = "parting";
    for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
    return UsageError(command, e.what());
  }
  try {
    for (const Command& command : commands)
      if (command.run && command.app->parsed()) return command.run();
  } catch (const std::exception& e) {  // a last resort: a message, never std::terminate
    std::cerr << "error: " << e.what() << "\n";
    return kExitRejected;
  }
  return UsageError("parting", "no command given");
}

int UsageError(std::string_view command, std::string_view message) {
  std::cerr << "error: " << message << "\nRun '" << command << " --help' for usage.\n";
  return kExitUsage;
}

namespace {

// Every line of a status, each after `prefix`.
void PrintStatusLines(const Status& status, const std::string& prefix) {
  if (status.errors().empty()) {
    // Some messages list several problems, one per line: each gets its prefix.
    std::istringstream lines(status.message());
    std::string line;
    while (std::getline(lines, line))
      if (!line.empty()) std::cerr << prefix << line << "\n";
    return;
  }
  for (const FieldError& error : status.errors())
    std::cerr << prefix << FieldErrorLine(error) << "\n";
}

}  // namespace

std::string FieldErrorLine(const FieldError& error) {
  std::string line = ErrorInWords(error);
  if (!error.pointer.empty()) line += " (" + error.pointer + ")";
  return line;
}

void PrintStatus(const Status& status) { PrintStatusLines(status, "error: "); }

void PrintStatus(const Status& status, std::string_view source) {
  PrintStatusLines(status,
                   (source == "-" ? std::string("standard input") : std::string(source)) + ": ");
}

void AddEngineOptions(CLI::App& command, EngineFlags& flags) {
  AddRootOption(command, flags.root);
  for (const server::ServeSetting& setting : server::SigningSettings()) {
    if (setting.flag.empty()) continue;
    command
        .add_option_function<std::string>(
            std::string(setting.flag),
            [&flags, flag = std::string(setting.flag)](const std::string& value) {
              flags.signing[flag] = value;
            },
            std::string(setting.help))
        ->envname(std::string(setting.environment));
  }
}

std::optional<SigningIdentity> ResolveSigningFlags(const EngineFlags& flags, std::string& error) {
  // Flags and their twins arrive through CLI11; only the password, which
  // has no flag, is read from the environment here.
  return server::ResolveSigning(
      flags.signing,
      [](std::string_view name) -> std::optional<std::string> {
        for (const server::ServeSetting& setting : server::SigningSettings())
          if (setting.flag.empty() && setting.environment == name)
            return server::ProcessEnvironment(name);
        return std::nullopt;
      },
      error);
}

std::shared_ptr<const Engine> LoadEngine(const std::optional<std::string>& root,
                                         const EngineFlags* flags) {
  const auto folder = server::FindResourceRoot(root);
  if (!folder.ok()) {
    PrintStatus(folder.status());
    return nullptr;
  }
  Resources resources = Resources::FromRoot(*folder);
  if (flags != nullptr) {
    std::string error;
    resources.signing = ResolveSigningFlags(*flags, error);
    if (!error.empty()) {
      std::cerr << "error: " << error << "\n";
      return nullptr;
    }
  }
  auto engine = Engine::Create(std::move(resources));
  if (!engine.ok()) {
    PrintStatus(engine.status());
    return nullptr;
  }
  return *engine;
}

std::optional<std::string> ReadInput(const std::string& source) {
  // POSIX rather than a stream: a stream says "failed", the system says why
  // (a directory opens fine and only fails to read, with EISDIR).
  const int fd = source == "-" ? STDIN_FILENO : ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return CannotRead(source, errno);
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    if (fd != STDIN_FILENO) ::close(fd);
    return CannotRead(source, EISDIR);
  }
  std::string text;
  char buffer[kReadChunk];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      if (fd != STDIN_FILENO) ::close(fd);
      return CannotRead(source, error);
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return text;
}

std::string WithArchive(const std::string& request) {
  auto json = nlohmann::ordered_json::parse(request, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return request;
  auto& options = json["options"];
  if (options.is_null()) options = nlohmann::ordered_json::object();
  if (!options.is_object()) return request;
  options["archive"] = true;
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace parting::cli
