#include "layout/thai_break.h"

#include <thai/thbrk.h>
#include <thai/thwchar.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "core/utf8.h"

namespace parting::layout {
namespace {

// Compounds that both libthai and ICU split into their parts, though a
// Thai reader keeps them on one line.
constexpr std::string_view kCompounds[] = {"ตอบสนอง"};

struct BreakerDeleter {
  void operator()(ThBrk* brk) const { th_brk_delete(brk); }
};

// libthai's word-break dictionary, where libthai looks for it: the folder
// LIBTHAI_DICTDIR names, else the one Debian's libthai-data fills.
std::string DictionaryPath() {
  const char* dir = std::getenv("LIBTHAI_DICTDIR");
  return std::string(dir && *dir ? dir : "/usr/share/libthai") + "/thbrk.tri";
}

// libthai's breaker for this thread, nullptr when its dictionary is missing.
ThBrk* Breaker() {
  thread_local std::unique_ptr<ThBrk, BreakerDeleter> brk(th_brk_new(DictionaryPath().c_str()));
  return brk.get();
}

}  // namespace

bool IsThaiLetter(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }

std::vector<ThaiRun> ThaiRuns(std::string_view text) {
  std::vector<ThaiRun> runs;
  bool open = false;
  for (size_t pos = 0; pos < text.size();) {
    const size_t at = pos;
    const auto c = DecodeUtf8(text, pos);
    if (!c) ++pos;
    const bool thai = c && IsThaiLetter(*c);
    if (thai && !open) runs.push_back({at, at});
    if (thai) runs.back().end = pos;
    open = thai;
  }
  return runs;
}

std::vector<size_t> ThaiBreaks(std::string_view text, ThaiRun run) {
  ThBrk* brk = Breaker();
  if (!brk) return {};
  // TIS-620, one byte per Thai character; remember where each one starts.
  std::vector<thchar_t> tis;
  std::vector<size_t> byte_at;
  for (size_t pos = run.begin; pos < run.end;) {
    byte_at.push_back(pos);
    const auto c = DecodeUtf8(text, pos);
    const thchar_t t = c ? th_uni2tis(static_cast<thwchar_t>(*c)) : THCHAR_ERR;
    tis.push_back(t == THCHAR_ERR ? ' ' : t);
    if (!c) ++pos;
  }
  byte_at.push_back(run.end);
  tis.push_back(0);
  std::vector<int> positions(tis.size());
  const int n = th_brk_find_breaks(brk, tis.data(), positions.data(), positions.size());
  const std::string_view part = text.substr(run.begin, run.end - run.begin);
  std::vector<size_t> breaks;
  for (int i = 0; i < n; ++i) {
    const size_t at = byte_at[positions[i]];
    if (at <= run.begin || at >= run.end) continue;
    bool inside_compound = false;
    for (std::string_view compound : kCompounds)
      for (size_t found = part.find(compound); found != std::string_view::npos;
           found = part.find(compound, found + 1)) {
        const size_t begin = run.begin + found;
        if (begin < at && at < begin + compound.size()) inside_compound = true;
      }
    if (!inside_compound) breaks.push_back(at);
  }
  return breaks;
}

Status CheckThaiBreaker() {
  // Building a breaker reads the whole dictionary, some 5 ms, and most
  // letters have no Thai: here only the file is checked; each thread builds
  // its breaker for its first Thai text.
  const std::string path = DictionaryPath();
  std::ifstream dictionary(path, std::ios::binary);
  if (dictionary && dictionary.peek() != std::ifstream::traits_type::eof()) return Status::Ok();
  return Status::NotFound("libthai cannot open its word-break dictionary " + path +
                          " (install Debian's libthai-data)");
}

}  // namespace parting::layout
