// Metrics: the service's counters, and their Prometheus text exposition
// (format 0.0.4) for GET /metrics.
//
//   parting_http_requests_total{route,status}          counter
//   parting_http_request_duration_seconds{route}        histogram
//   parting_letters_rendered_total{language,source}     counter: source is
//       "letter" (POST /v1/letters), "batch" (POST /v1/letters/batch) or
//       "job" (items this process's job workers rendered)
//   parting_batch_items_total{outcome}                  counter: ok, rejected, failed
//   parting_inflight_requests                           gauge
//   parting_render_queue_depth / _capacity, parting_render_workers / _busy
// and, from ProcessExposition(), the standard process_* gauges and
// parting_build_info{version}.
//
// Routes are the routing table's patterns, never raw paths, so the number of
// series stays bounded. Output is sorted by labels: the same counts always
// give the same text. Thread-safe (one mutex; a request touches it twice).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parting::server {

/// Upper bounds of the latency histogram's buckets, in seconds (+Inf follows).
inline constexpr std::array<double, 11> kLatencyBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                          0.5,   1,    2.5,   5,    10};

/// What the render queue reports at the moment of a scrape.
struct QueueGauges {
  std::size_t depth = 0;
  std::size_t capacity = 0;
  int workers = 0;
  int busy = 0;
};

/// The process as the Prometheus client libraries report it.
struct ProcessGauges {
  double cpu_seconds = 0;  ///< user + system
  std::uint64_t resident_bytes = 0;
  std::size_t open_fds = 0;
  double start_time_seconds = 0;  ///< since the Unix epoch
};

/// This process's gauges, read from /proc/self (zeros where unreadable).
ProcessGauges ReadProcessGauges();

/// process_cpu_seconds_total, process_resident_memory_bytes,
/// process_open_fds, process_start_time_seconds and
/// parting_build_info{version="…"} 1.
std::string ProcessExposition(const ProcessGauges& process, std::string_view version);

/// Where a rendered letter was asked for.
enum class LetterSource { kLetter, kBatch, kJob };

/// "letter", "batch", "job".
std::string_view LetterSourceName(LetterSource source);

/// The code of every language (the letters counter's series from the start).
std::vector<std::string> LetterLanguages();

class Metrics {
 public:
  /// `languages` get a letters counter per source from the start (at 0), so
  /// that a dashboard sees every series before the first letter.
  explicit Metrics(const std::vector<std::string>& languages = {});

  void RequestStarted();
  void RequestFinished(std::string_view route, int status, double seconds);
  void LetterRendered(std::string_view language, LetterSource source = LetterSource::kLetter);
  /// An item of POST /v1/letters/batch was written to its archive, with
  /// `outcome` "ok", "rejected" or "failed".
  void BatchItemWritten(std::string_view outcome);

  /// The exposition text, every family with # HELP and # TYPE.
  std::string Exposition(const QueueGauges& queue) const;

 private:
  struct Latency {
    std::array<std::uint64_t, kLatencyBuckets.size() + 1> counts{};  // per bucket, not cumulative
    double sum = 0;
    std::uint64_t count = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::map<std::pair<std::string, LetterSource>, std::uint64_t> letters_;
  std::map<std::string, std::uint64_t> batch_items_;
  std::atomic<std::int64_t> inflight_{0};
};

}  // namespace parting::server
