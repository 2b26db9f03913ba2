// How long one letter takes, in process: parse + plan + compose + layout +
// PDF, per language sample, and the stages on their own.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPARTING_BUILD_BENCH=ON
//   cmake --build build-bench --target render_bench
//   build-bench/bench/render_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "parting/engine.h"

namespace {

std::string Sample(const std::string& language) {
  std::ifstream in(std::string(PARTING_SOURCE_DIR) + "/letter_templates/" + language +
                   "/samples/full.json");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const parting::Engine& TheEngine() {
  static auto engine = parting::Engine::Create(parting::Resources::FromRoot(PARTING_SOURCE_DIR));
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    std::abort();
  }
  return **engine;
}

// Renders `request` for as long as the benchmark runs; counts its size.
void RenderLoop(benchmark::State& state, const std::string& request) {
  const parting::Engine& engine = TheEngine();
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = engine.Render(request);
    if (!pdf.ok()) state.SkipWithError(pdf.status().ToString().c_str());
    bytes = pdf.ok() ? pdf->size() : 0;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

void BM_Render(benchmark::State& state, const std::string& language) {
  RenderLoop(state, Sample(language));
}

// The German sample as an archive copy (options.archive: PDF/A-2b).
void BM_RenderArchive(benchmark::State& state) {
  std::string request = Sample("de");
  const std::string final_copy = "\"draft\": false";
  request.replace(request.find(final_copy), final_copy.size(), "\"draft\": false, \"archive\": true");
  RenderLoop(state, request);
}

void BM_Plan(benchmark::State& state) {
  const std::string request = Sample("de");
  const parting::Engine& engine = TheEngine();
  for (auto _ : state) benchmark::DoNotOptimize(engine.PlanJson(request));
}

}  // namespace

BENCHMARK_CAPTURE(BM_Render, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, de, std::string("de"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, pt, std::string("pt"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, pl, std::string("pl"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, th, std::string("th"))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderArchive)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
