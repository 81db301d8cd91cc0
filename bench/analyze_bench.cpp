// plume::analyze on the shipped 800-word article (examples/article-puces.md), the figure
// bench/compare_yoast.sh sets against yoastseo.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "plume/plume.hpp"

namespace {

const std::string kArticle = PLUME_EXAMPLES "/article-puces.md";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

plume::AnalyzeOptions options() {
    plume::AnalyzeOptions o;
    o.keyphrase = "puces d’IA";
    o.match = plume::MatchMode::Yoast;  // the mode compared with yoastseo
    return o;
}

// The analysis alone: the document is parsed once, as an editor re-analyses a parsed draft.
void BM_Analyze(benchmark::State& state) {
    const plume::Document doc = plume::read_document(kArticle, plume::Format::Auto);
    const plume::AnalyzeOptions o = options();
    for (auto _ : state) benchmark::DoNotOptimize(plume::analyze(doc, o));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Bytes in memory to analysis: validation, normalisation, Markdown parsing and analysis.
void BM_ParseAnalyze(benchmark::State& state) {
    const std::string bytes = read_bytes(kArticle);
    const plume::AnalyzeOptions o = options();
    for (auto _ : state) {
        const plume::Document doc = plume::parse_document(bytes, plume::Format::Auto, kArticle);
        benchmark::DoNotOptimize(plume::analyze(doc, o));
    }
}
BENCHMARK(BM_ParseAnalyze)->Unit(benchmark::kMicrosecond)->UseRealTime();

// What `plume analyze --json` and POST /v1/analyze do per article: the analysis, then its JSON.
void BM_AnalyzeJson(benchmark::State& state) {
    const plume::Document doc = plume::read_document(kArticle, plume::Format::Auto);
    const plume::AnalyzeOptions o = options();
    for (auto _ : state) benchmark::DoNotOptimize(plume::render_json(plume::analyze(doc, o), kArticle));
}
BENCHMARK(BM_AnalyzeJson)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The JSON writer alone, on the same analysis: its cost against BM_Analyze's is the ratio the
// README reports.
void BM_RenderJson(benchmark::State& state) {
    const plume::Document doc = plume::read_document(kArticle, plume::Format::Auto);
    const plume::Analysis a = plume::analyze(doc, options());
    for (auto _ : state) benchmark::DoNotOptimize(plume::render_json(a, kArticle));
}
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
