#include "cli/batch_progress.h"

#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace parting::cli {
namespace {

constexpr int kBarWidth = 30;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string Duration(double seconds) {
  const long long total = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  return text;
}

}  // namespace

BatchProgress::BatchProgress(std::size_t total, bool bar)
    : total_(total), bar_(bar), start_(std::chrono::steady_clock::now()) {
  Draw(true);
}

std::string BatchProgress::Line(std::size_t done, std::size_t total, double seconds, int width) {
  const int filled = total ? static_cast<int>(static_cast<double>(width) * done / total) : width;
  std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
                     std::to_string(done) + "/" + std::to_string(total);
  if (done > 0 && seconds > 0) {
    const double rate = done / seconds;
    char text[64];
    std::snprintf(text, sizeof text, "  %.1f letters/s", rate);
    line += text;
    if (done < total) line += "  " + Duration((total - done) / rate) + " left";
  }
  return line;
}

void BatchProgress::Item(const batch::BatchEntry& entry, const std::string& input) {
  ++done_;
  if (!entry.ok()) {
    Clear();
    for (const FieldError& error : entry.errors)
      std::cerr << input << ":" << entry.line << ": item " << entry.index << ": "
                << FieldErrorLine(error) << "\n";
    if (!entry.failure.empty())
      std::cerr << input << ":" << entry.line << ": item " << entry.index << ": " << entry.failure
                << "\n";
  }
  Draw(done_ == 1 || done_ == total_ || drawn_width_ == 0);
}

void BatchProgress::Finish() {
  Clear();
  bar_ = false;
}

void BatchProgress::Draw(bool force) {
  if (!bar_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const std::string line =
      Line(done_, total_, std::chrono::duration<double>(now - start_).count(), kBarWidth);
  std::cerr << "\r" << line;
  if (line.size() < drawn_width_) std::cerr << std::string(drawn_width_ - line.size(), ' ');
  std::cerr << std::flush;
  drawn_width_ = std::max(drawn_width_, line.size());
}

void BatchProgress::Clear() {
  if (!drawn_width_) return;
  std::cerr << "\r" << std::string(drawn_width_, ' ') << "\r";
  drawn_width_ = 0;
}

}  // namespace parting::cli
