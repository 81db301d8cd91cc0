#include "clean/vocabulary.hpp"

#include <algorithm>
#include <cmath>

namespace plume::write {

namespace {

std::vector<std::string> vocabulary(std::string_view text) {
    std::vector<std::string> stems;
    for (std::string& stem : content_stems(text))
        if (!stem.empty() && (stem[0] < '0' || stem[0] > '9') && stem[0] != '.') stems.push_back(std::move(stem));
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return stems;
}

}  // namespace

std::vector<Unit> units_of(const std::vector<CleanSource>& sources) {
    std::vector<Unit> units;
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const int source = static_cast<int>(s);
        const std::string& title = sources[s].info.title;
        if (!title.empty()) units.push_back({source, -1, -1, false, text::count_words(title), vocabulary(title)});
        const auto& blocks = sources[s].blocks;
        int order = 0;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const BlockKind kind = blocks[b].kind;
            if (kind == BlockKind::Code) continue;
            const bool heading = kind == BlockKind::Heading;
            units.push_back({source, static_cast<int>(b), heading ? -1 : order++,
                             kind == BlockKind::Paragraph || kind == BlockKind::Quote, text::count_words(blocks[b].text),
                             vocabulary(blocks[b].text)});
        }
    }
    return units;
}

Idf inverse_frequencies(const std::vector<Unit>& units) {
    Idf idf;
    for (const Unit& u : units)
        for (const std::string& s : u.stems) idf[s] += 1;
    const double n = static_cast<double>(units.size());
    for (auto& [stem, df] : idf) df = std::log(n / df);
    return idf;
}

}  // namespace plume::write
