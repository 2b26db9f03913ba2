// libFuzzer target over the whole render path: arbitrary bytes -> the
// engine's ParseRequest -> plan -> compose -> layout -> PDF, all compiled
// with ASan and UBSan. The promise it checks is the service's: a request the
// parser accepts never fails later except as an invalid request (422, with
// pointers); a failure of kind kInternal (a 500) aborts with its status
// message, and so does a PDF that does not start with %PDF- and end with
// %%EOF. Templates and fonts come from the repository (PARTING_ROOT, set by
// fuzz/CMakeLists.txt); every hyphenation dictionary is loaded once, up front.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "parting/engine.h"

namespace {

[[noreturn]] void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "render_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

std::shared_ptr<const parting::Engine>& TheEngine() {
  static std::shared_ptr<const parting::Engine> engine;
  return engine;
}

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parting::Resources resources = parting::Resources::FromRoot(PARTING_ROOT);
  resources.today = [] { return parting::Date{2026, 11, 22}; };
  auto engine = parting::Engine::Create(std::move(resources));
  if (!engine.ok()) Fail("the engine does not start", engine.status().ToString());
  (*engine)->WarmUp();
  TheEngine() = *engine;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parting::Engine& engine = *TheEngine();
  parting::Result<parting::LetterRequest> request = engine.ParseRequest(text);
  if (!request.ok()) {
    if (request.status().code() == parting::StatusCode::kInternal)
      Fail("parsing failed internally", request.status().ToString());
    return 0;
  }
  parting::Result<parting::RenderedLetter> letter = engine.RenderWithPlan(*request);
  if (!letter.ok()) {
    // A plan may still refuse the request (422); anything else would be a 500.
    if (letter.status().code() != parting::StatusCode::kInvalid || letter.status().errors().empty())
      Fail("an accepted request failed to render", letter.status().ToString());
    return 0;
  }
  const std::string& pdf = letter->pdf;
  if (pdf.rfind("%PDF-", 0) != 0 || !(EndsWith(pdf, "%%EOF\n") || EndsWith(pdf, "%%EOF")))
    Fail("the PDF is not framed as a PDF", pdf.substr(0, 16));
  if (letter->fingerprint.size() != 64)
    Fail("fingerprint is not 64 hex digits", letter->fingerprint);
  return 0;
}
