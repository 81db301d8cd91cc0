// plume::write_article, the whole pipeline from source bytes to a checked article: on the
// five seeds of ../shared/seeds (when present) and on a shipped example source set.
#include <benchmark/benchmark.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "plume/plume.hpp"

namespace {

std::vector<plume::SourceInput> read_dir(const std::string& dir) {
    std::vector<std::string> files;
    if (std::filesystem::is_directory(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<plume::SourceInput> inputs;
    for (const std::string& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        inputs.push_back({f, bytes.str(), "", plume::Format::Auto});
    }
    return inputs;
}

void run(benchmark::State& state, const std::string& dir) {
    const std::vector<plume::SourceInput> inputs = read_dir(dir);
    if (inputs.empty()) {
        state.SkipWithError(("no sources in " + dir).c_str());
        return;
    }
    plume::WriteOptions o;
    o.date = "2026-01-01";
    for (auto _ : state) benchmark::DoNotOptimize(plume::write_article(inputs, o));
}

void BM_WriteSeeds(benchmark::State& state) { run(state, PLUME_SEEDS); }
BENCHMARK(BM_WriteSeeds)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WriteExample(benchmark::State& state) { run(state, PLUME_EXAMPLES "/sources/tramway-lyon"); }
BENCHMARK(BM_WriteExample)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
