#include "server/metrics.h"

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parting/request.h"

namespace parting::server {
namespace {

// A label value as the exposition format quotes it.
std::string Label(std::string_view name, std::string_view value) {
  std::string out(name);
  out += "=\"";
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// Shortest text that reads back as the same double.
std::string Number(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

void Family(std::string& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Sample(std::string& out, std::string_view name, const std::string& labels,
            const std::string& value) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(value).append("\n");
}

// /proc/self/stat's fields after the command name (which may hold spaces),
// so that field N of proc(5) is fields[N - 3].
std::vector<std::string> StatFields() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  std::getline(in, line);
  const std::size_t close = line.rfind(')');
  std::vector<std::string> fields;
  if (close == std::string::npos) return fields;
  std::istringstream rest(line.substr(close + 1));
  for (std::string field; rest >> field;) fields.push_back(field);
  return fields;
}

double BootTimeSeconds() {
  std::ifstream in("/proc/stat");
  for (std::string key; in >> key;) {
    if (key == "btime") {
      double seconds = 0;
      in >> seconds;
      return seconds;
    }
    in.ignore(1 << 20, '\n');
  }
  return 0;
}

constexpr LetterSource kSources[] = {LetterSource::kLetter, LetterSource::kBatch,
                                     LetterSource::kJob};
constexpr std::string_view kBatchOutcomes[] = {"failed", "ok", "rejected"};

}  // namespace

std::string_view LetterSourceName(LetterSource source) {
  switch (source) {
    case LetterSource::kLetter:
      return "letter";
    case LetterSource::kBatch:
      return "batch";
    case LetterSource::kJob:
      return "job";
  }
  return "letter";
}

ProcessGauges ReadProcessGauges() {
  ProcessGauges gauges;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const std::vector<std::string> fields = StatFields();
  if (fields.size() > 19 && ticks > 0) {
    gauges.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;   // utime, stime
    gauges.start_time_seconds = BootTimeSeconds() + std::stod(fields[19]) / ticks;  // starttime
  }
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (statm >> size >> resident)
    gauges.resident_bytes = resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
  std::error_code error;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", error);
       !error && it != std::filesystem::directory_iterator(); it.increment(error))
    ++gauges.open_fds;
  return gauges;
}

std::string ProcessExposition(const ProcessGauges& process, std::string_view version) {
  std::string out;
  Family(out, "process_cpu_seconds_total", "counter", "User and system CPU time spent in seconds.");
  Sample(out, "process_cpu_seconds_total", "", Number(process.cpu_seconds));
  Family(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
  Sample(out, "process_resident_memory_bytes", "", std::to_string(process.resident_bytes));
  Family(out, "process_open_fds", "gauge", "Number of open file descriptors.");
  Sample(out, "process_open_fds", "", std::to_string(process.open_fds));
  Family(out, "process_start_time_seconds", "gauge",
         "Start time of the process since the Unix epoch in seconds.");
  Sample(out, "process_start_time_seconds", "", Number(process.start_time_seconds));
  Family(out, "parting_build_info", "gauge", "The running build of Parting; always 1.");
  Sample(out, "parting_build_info", Label("version", version), "1");
  return out;
}

std::vector<std::string> LetterLanguages() {
  std::vector<std::string> codes;
  for (Language language : AllLanguages()) codes.emplace_back(LanguageCode(language));
  return codes;
}

Metrics::Metrics(const std::vector<std::string>& languages) {
  for (const std::string& language : languages)
    for (LetterSource source : kSources) letters_[{language, source}] = 0;
  for (std::string_view outcome : kBatchOutcomes) batch_items_[std::string(outcome)] = 0;
}

void Metrics::RequestStarted() { inflight_.fetch_add(1, std::memory_order_relaxed); }

void Metrics::RequestFinished(std::string_view route, int status, double seconds) {
  inflight_.fetch_sub(1, std::memory_order_relaxed);
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  Latency& latency = latency_[std::string(route)];
  ++latency.counts[bucket];
  latency.sum += seconds;
  ++latency.count;
}

void Metrics::LetterRendered(std::string_view language, LetterSource source) {
  std::lock_guard lock(mutex_);
  ++letters_[{std::string(language), source}];
}

void Metrics::BatchItemWritten(std::string_view outcome) {
  std::lock_guard lock(mutex_);
  ++batch_items_[std::string(outcome)];
}

std::string Metrics::Exposition(const QueueGauges& queue) const {
  std::string out;
  std::lock_guard lock(mutex_);

  Family(out, "parting_http_requests_total", "counter",
         "HTTP requests answered, by route pattern and status.");
  for (const auto& [key, count] : requests_)
    Sample(out, "parting_http_requests_total",
           Label("route", key.first) + "," + Label("status", std::to_string(key.second)),
           std::to_string(count));

  Family(out, "parting_http_request_duration_seconds", "histogram",
         "Time from reading a request to writing its reply, by route pattern.");
  for (const auto& [route, latency] : latency_) {
    const std::string route_label = Label("route", route);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < latency.counts.size(); ++i) {
      cumulative += latency.counts[i];
      const std::string le = i < kLatencyBuckets.size() ? Number(kLatencyBuckets[i]) : "+Inf";
      Sample(out, "parting_http_request_duration_seconds_bucket",
             route_label + "," + Label("le", le), std::to_string(cumulative));
    }
    Sample(out, "parting_http_request_duration_seconds_sum", route_label, Number(latency.sum));
    Sample(out, "parting_http_request_duration_seconds_count", route_label,
           std::to_string(latency.count));
  }

  Family(out, "parting_letters_rendered_total", "counter",
         "Letters rendered to PDF, by language and by what asked for them (letter, batch, job).");
  for (const auto& [key, count] : letters_)
    Sample(out, "parting_letters_rendered_total",
           Label("language", key.first) + "," + Label("source", LetterSourceName(key.second)),
           std::to_string(count));

  Family(out, "parting_batch_items_total", "counter",
         "Items of POST /v1/letters/batch written to their archive, by outcome.");
  for (const auto& [outcome, count] : batch_items_)
    Sample(out, "parting_batch_items_total", Label("outcome", outcome), std::to_string(count));

  Family(out, "parting_inflight_requests", "gauge", "HTTP requests being handled now.");
  Sample(out, "parting_inflight_requests", "",
         std::to_string(inflight_.load(std::memory_order_relaxed)));
  Family(out, "parting_render_queue_depth", "gauge", "Render jobs waiting for a worker.");
  Sample(out, "parting_render_queue_depth", "", std::to_string(queue.depth));
  Family(out, "parting_render_queue_capacity", "gauge",
         "Render jobs that may wait before requests get 503.");
  Sample(out, "parting_render_queue_capacity", "", std::to_string(queue.capacity));
  Family(out, "parting_render_workers", "gauge", "Render worker threads.");
  Sample(out, "parting_render_workers", "", std::to_string(queue.workers));
  Family(out, "parting_render_workers_busy", "gauge", "Render workers running a job now.");
  Sample(out, "parting_render_workers_busy", "", std::to_string(queue.busy));
  return out;
}

}  // namespace parting::server
