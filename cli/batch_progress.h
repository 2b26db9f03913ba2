// The progress of `parting batch` on standard error: problems of items as
// they come ("requests.jsonl:2: item 1: /pointer: message") and, on a
// terminal, a bar with the count, the rate and the time left, drawn from the
// start and redrawn as each letter is done (at most ten times a second).
// Used from one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "batch/entry.h"

namespace parting::cli {

class BatchProgress {
 public:
  BatchProgress(std::size_t total, bool bar);
  /// One item done, in batch order.
  void Item(const batch::BatchEntry& entry, const std::string& input);
  /// Clears the bar for the closing lines.
  void Finish();

  /// "[########......] 12/40  3.1 letters/s  0:09 left" for a bar `width`
  /// wide; the rate and the time left once something is done.
  static std::string Line(std::size_t done, std::size_t total, double seconds, int width);

 private:
  void Draw(bool force);
  void Clear();

  std::size_t total_;
  std::size_t done_ = 0;
  bool bar_;
  std::size_t drawn_width_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace parting::cli
