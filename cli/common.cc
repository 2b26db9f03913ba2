// What the subcommands share: usage, error reporting, engine and input.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "server/resource_root.h"

namespace parting::cli {

std::string_view UsageText() {
  return R"(Usage: parting COMMAND [OPTIONS]

Writes the letter with which a business ends a client relationship, as PDF.

Commands:
  render REQUEST.json -o LETTER.pdf   render one letter ('-' = standard input/output)
  plan REQUEST.json                   print the plan (effective end date, how it
                                      was derived, sections, warnings) as JSON
  batch REQUESTS.jsonl --out DIR      one PDF per request (JSON Lines or a JSON
        [--jobs N]                    array), .eml files for delivery.email, and
                                      DIR/manifest.json; letters already in DIR
                                      with the same fingerprint are skipped;
                                      N render threads (default: one per core)
  serve [--host H] [--port P]         the HTTP service and its web form
        [--max-body-bytes N]          request body limit (default 1048576)
        [--max-concurrent-batches N]  batches rendering at once (default 1; more: 503)
        [--max-batch-items N]         requests per batch (default 2000,
                                      or $PARTING_MAX_BATCH_ITEMS)
        [--max-batch-body-bytes N]    batch body limit (default 67108864,
                                      or $PARTING_MAX_BATCH_BODY_BYTES)
        [--threads N]                 connection threads, one per open connection
                                      (default: enough for the render queue)
        [--render-workers N]          letters rendered at once (default: cores)
        [--queue-depth N]             letters that may wait; beyond, 503 (default 16)
        [--request-timeout-ms N]      longest wait for a letter (default 30000)
        [--api-keys-file PATH]        require a key on /v1/ (also PARTING_API_KEYS)
        [--data-dir DIR]              where jobs.sqlite is kept (default
                                      $XDG_DATA_HOME/parting)
        [--database postgresql://…]   jobs in PostgreSQL, shared by many machines
        [--job-workers N | --no-worker]  job items rendered at once (default 1)
        [--job-retention T]           jobs kept after they end (default 7d)
        [--callback-allow LIST]       hosts / CIDRs job callbacks may call (none)
                                      each flag has a PARTING_* twin: see README
  worker [--database URL] …           works job items without serving HTTP; the
                                      job flags of serve (--job-workers default:
                                      cores); SIGTERM finishes the items in hand
  --help                              this text

Options of every command:
  --root DIR   the folder holding letter_templates/, fonts/ and web/
               (default: $PARTING_ROOT, else found near the binary or the
               current folder)

serve listens on 127.0.0.1:8080 unless told otherwise.

Exit status: 0 done, 1 the request was rejected (batch: at least one), 2 bad
usage.
)";
}

int UsageError(std::string_view message) {
  std::cerr << "error: " << message << "\nRun 'parting --help' for usage.\n";
  return kExitUsage;
}

void PrintStatus(const Status& status) {
  if (status.errors().empty()) {
    // Some messages list several problems, one per line: each gets its prefix.
    std::istringstream lines(status.message());
    std::string line;
    while (std::getline(lines, line))
      if (!line.empty()) std::cerr << "error: " << line << "\n";
    return;
  }
  for (const FieldError& error : status.errors())
    std::cerr << "error: " << (error.pointer.empty() ? "/" : error.pointer) << ": " << error.message
              << "\n";
}

std::shared_ptr<const Engine> LoadEngine(const std::optional<std::string>& root) {
  const auto folder = server::FindResourceRoot(root);
  if (!folder.ok()) {
    PrintStatus(folder.status());
    return nullptr;
  }
  auto engine = Engine::Create(Resources::FromRoot(*folder));
  if (!engine.ok()) {
    PrintStatus(engine.status());
    return nullptr;
  }
  return *engine;
}

std::optional<std::string> ReadRequest(const std::string& source) {
  if (source == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(source, std::ios::binary);
  if (!in.is_open()) {
    std::cerr << "error: cannot read " << source << "\n";
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace parting::cli
