// parting unconfirmed: the operator's view of job e-mails whose delivery is
// unknown (the sender stopped after the message's final "." and before the
// relay's answer was recorded; docs/sending.md), and the way to settle each.
//
//   parting unconfirmed [--database URL | --data-dir DIR]      list them
//   parting unconfirmed … --sent JOB:INDEX      the relay's log shows it went out
//   parting unconfirmed … --resend JOB:INDEX    send it again, same Message-ID
//
// Lists one e-mail a line: job, index, Message-ID, recipients, what is known.
// Settling is idempotent: the same decision again exits 0 and changes
// nothing. Exit status 0, or 1 when an e-mail named is not unconfirmed (the
// others named are still settled), 2 for bad usage. The HTTP routes
// (server/email_handlers.h) settle through the same store call.
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/service_commands.h"
#include "jobs/job_options.h"
#include "jobs/job_store.h"
#include "jobs/mail_sender.h"
#include "parting/serve_config.h"

namespace parting::cli {
namespace {

struct UnconfirmedOptions {
  std::map<std::string, std::string, std::less<>> store;  ///< --database, --data-dir
  std::vector<std::string> sent, resend;                  ///< JOB:INDEX
};

bool ParseItem(const std::string& text, std::string& job, std::int64_t& index) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  job = text.substr(0, colon);
  try {
    std::size_t used = 0;
    index = std::stoll(text.substr(colon + 1), &used);
    return used == text.size() - colon - 1 && index >= 0;
  } catch (const std::exception&) {
    return false;
  }
}

int Run(const UnconfirmedOptions& options) {
  const jobs::ResolvedJobOptions resolved = jobs::ResolveJobOptions(
      options.store, [](std::string_view name) { return server::ProcessEnvironment(name); }, 1);
  if (!resolved.options) return UsageError("parting unconfirmed", resolved.error);
  auto store = jobs::JobStore::Open(resolved.options->database);
  if (!store.ok()) {
    PrintStatus(store.status());
    return kExitRejected;
  }
  int exit = kExitOk;
  for (const auto& [items, resend] : {std::pair{&options.sent, false}, {&options.resend, true}}) {
    for (const std::string& item : *items) {
      std::string job;
      std::int64_t index = 0;
      if (!ParseItem(item, job, index))
        return UsageError("parting unconfirmed", "'" + item + "' is not JOB:INDEX");
      auto settled = (*store)->SettleEmail(
          job, index, resend ? jobs::Settlement::kResend : jobs::Settlement::kSent);
      if (!settled.ok()) {
        PrintStatus(settled.status());
        return kExitRejected;
      }
      using Kind = jobs::SettleOutcome::Kind;
      if (settled->kind != Kind::kSettled && settled->kind != Kind::kAlreadySettled) {
        std::cerr << "error: " << item << ": no unconfirmed e-mail there"
                  << (settled->kind == Kind::kSettledOtherwise
                          ? " (settled before as " + settled->settled + ")"
                          : "")
                  << "\n";
        exit = kExitRejected;
        continue;
      }
      std::cerr << item << ": " << (resend ? "to be sent again" : "recorded as sent")
                << (settled->kind == Kind::kAlreadySettled ? " (already)" : "") << "\n";
    }
  }
  if (!options.sent.empty() || !options.resend.empty()) return exit;
  auto unconfirmed = (*store)->UnconfirmedEmails();
  if (!unconfirmed.ok()) {
    PrintStatus(unconfirmed.status());
    return kExitRejected;
  }
  for (const jobs::UnconfirmedEmail& email : *unconfirmed) {
    const jobs::Envelope envelope = jobs::Envelope::Decode(email.envelope);
    std::string recipients;
    for (const std::string& recipient : envelope.recipients)
      recipients += (recipients.empty() ? "" : ",") + recipient;
    std::cout << email.job_id << ":" << email.index << "\t" << jobs::MessageIdOf(email.eml) << "\t"
              << recipients << "\t" << email.reply << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddUnconfirmedCommand(CLI::App& parent) {
  auto options = std::make_shared<UnconfirmedOptions>();
  CLI::App* command = parent.add_subcommand("unconfirmed", ServiceDescription("unconfirmed"));
  for (const jobs::JobSetting& setting : jobs::JobSettings()) {
    if (setting.flag != "--database" && setting.flag != "--data-dir") continue;
    command
        ->add_option_function<std::string>(
            std::string(setting.flag),
            [options, flag = std::string(setting.flag)](const std::string& value) {
              options->store[flag] = value;
            },
            std::string(setting.help))
        ->envname(std::string(setting.environment));
  }
  command->add_option("--sent", options->sent,
                      "JOB:INDEX of an e-mail the relay's log shows delivered (repeatable)");
  command->add_option("--resend", options->resend,
                      "JOB:INDEX of an e-mail to send again with the same Message-ID (repeatable)");
  return {command, [options] { return Run(*options); }};
}

}  // namespace parting::cli
