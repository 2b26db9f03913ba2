// The service's commands (serve, worker, unconfirmed) live in a program of
// their own, parting-service, next to parting: the letter commands (render,
// plan, compare, batch) then load none of the service's libraries (HTTP,
// TLS, SQLite, PostgreSQL), whose dynamic linking took every start of
// parting some 8 ms, more than a letter takes. "parting serve …" replaces
// itself with "parting-service serve …" (same process, same arguments), so
// users, scripts and signals see one program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parting::cli {

struct ServiceCommand {
  const char* name;
  const char* description;  ///< what --help says of it, in both programs
};

inline constexpr ServiceCommand kServiceCommands[] = {
    {"serve", "the HTTP service and its web form"},
    {"worker",
     "work job items (POST /v1/jobs), serving no API (with --metrics-port: /metrics and "
     "health); SIGTERM finishes the items in hand"},
    {"unconfirmed",
     "list job e-mails whose delivery is unknown, or settle them: --sent JOB:INDEX (it went "
     "out) or --resend JOB:INDEX (send again, same Message-ID)"},
};

/// The description of service command `name` (one of kServiceCommands).
const char* ServiceDescription(std::string_view name);

/// Replaces this process with parting-service (next to this program) run
/// with `args` (the arguments after the program's name). Returns only when
/// it cannot, with the reason printed: kExitUsage.
int RunService(const std::vector<std::string>& args);

}  // namespace parting::cli
