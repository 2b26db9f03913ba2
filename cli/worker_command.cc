// parting worker: works job items without serving HTTP (jobs/run_worker.h).
//
//   parting worker [--root DIR] [--database postgresql://…] [--data-dir DIR]
//                  [--job-workers N] [--job-lease-ms N] [--job-retention 7d]
//                  [--callback-allow LIST]
//
// Settings as for `parting serve` (flags or their PARTING_* variables);
// --job-workers defaults to one per core here. Its own small parser, so
// that it does not depend on how the other subcommands read their flags.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "jobs/job_options.h"
#include "jobs/run_worker.h"
#include "server/resource_root.h"

namespace parting::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

int Usage(const std::string& message) {
  std::cerr << "error: " << message << "\n"
            << "usage: parting worker [--root DIR] [--database URL | --data-dir DIR] "
               "[--job-workers N] [--job-lease-ms N] [--job-retention T] "
               "[--callback-allow LIST]\n";
  return kUsage;
}

std::optional<std::string> Environment(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (!value) return std::nullopt;
  return std::string(value);
}

}  // namespace

int WorkerCommand(const std::vector<std::string>& args) {
  std::vector<std::string> known = {"--root"};
  for (const jobs::JobSetting& setting : jobs::JobSettings())
    if (!setting.flag.empty()) known.emplace_back(setting.flag);
  std::map<std::string, std::string, std::less<>> flags;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    if (std::find(known.begin(), known.end(), name) == known.end())
      return Usage("unknown option " + name);
    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Usage("option " + name + " needs a value");
    }
    if (!flags.emplace(name, value).second) return Usage("option " + name + " given twice");
  }
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  jobs::ResolvedJobOptions resolved = jobs::ResolveJobOptions(flags, Environment, cores);
  if (!resolved.options) return Usage(resolved.error);
  if (resolved.options->workers < 1) return Usage("a worker needs --job-workers 1 or more");
  std::optional<std::filesystem::path> root_flag;
  if (auto it = flags.find("--root"); it != flags.end()) root_flag = it->second;
  const auto root = server::FindResourceRoot(root_flag);
  if (!root.ok()) {
    std::cerr << "error: " << root.status().ToString() << "\n";
    return kFailed;
  }
  const Status status = jobs::RunWorker(*root, *resolved.options);
  if (!status.ok()) {
    std::cerr << "error: " << status.ToString() << "\n";
    return kFailed;
  }
  return kOk;
}

}  // namespace parting::cli
