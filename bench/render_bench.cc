// How long one letter takes, in process: parse + plan + compose + layout +
// PDF, per language sample, and the stages on their own.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPARTING_BUILD_BENCH=ON
//   cmake --build build-bench --target render_bench
//   build-bench/bench/render_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <sstream>

#include "compose/composer.h"
#include "layout/typesetter.h"
#include "parting/engine.h"
#include "parting/plan.h"
#include "pdf/pdf_writer.h"

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
  request.replace(request.find(final_copy), final_copy.size(),
                  "\"draft\": false, \"archive\": true");
  RenderLoop(state, request);
}

// A language sample's page tree, laid out once.
const parting::layout::PageTree& SampleTree(const std::string& language) {
  static std::map<std::string, parting::layout::PageTree> trees;
  auto known = trees.find(language);
  if (known != trees.end()) return known->second;
  const auto resources = parting::Resources::FromRoot(PARTING_SOURCE_DIR);
  auto request = TheEngine().ParseRequest(Sample(language));
  if (!request.ok()) std::abort();
  auto plan = parting::MakePlan(*request);
  auto composer = parting::compose::Composer::Load(resources.templates_dir);
  auto setter = parting::layout::Typesetter::Load(resources.fonts_dir);
  if (!plan.ok() || !composer.ok() || !setter.ok()) std::abort();
  auto document = (*composer)->Compose(*request, *plan);
  if (!document.ok()) std::abort();
  auto laid = (*setter)->Lay(*document);
  if (!laid.ok()) std::abort();
  return trees.emplace(language, std::move(*laid)).first->second;
}

// The PDF stage alone on a sample's page tree: as every letter is written
// (tagged) and with the tree's structure dropped (untagged, packed the same
// way). The difference is what tagging costs, in time and bytes.
void BM_WritePdf(benchmark::State& state, const std::string& language, bool tagged) {
  parting::layout::PageTree tree = SampleTree(language);
  if (!tagged) tree.elements.clear();
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = parting::pdf::WritePdf(tree);
    if (!pdf.ok()) state.SkipWithError(pdf.status().ToString().c_str());
    bytes = pdf.ok() ? pdf->size() : 0;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
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
BENCHMARK_CAPTURE(BM_WritePdf, de_tagged, std::string("de"), true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, de_untagged, std::string("de"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, th_tagged, std::string("th"), true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WritePdf, th_untagged, std::string("th"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Plan)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
