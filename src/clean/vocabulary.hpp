// The vocabulary of the sources, for lexical cohesion: which content stems each block
// uses and how rare each stem is. Internal to the clean phase.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "write/story.hpp"

namespace plume::write {

// One block of one source, or its title, and its distinct content stems, figures left
// out: figures are facts, and stories that share none may still share "2030" or "30".
struct Unit {
    int source = 0;
    int block = -1;  // index in CleanSource::blocks; -1 for the title
    int order = -1;  // index among the source's paragraphs, list items and quotes; -1 for
                     // titles and headings, which sum up the text they head
    bool prose = false;  // a paragraph or a quote, which off-topic removal may judge
    std::size_t words = 0;           // text::count_words of the block or title
    std::vector<std::string> stems;  // sorted, distinct
};

// Each source's title, then its blocks but code, source by source.
std::vector<Unit> units_of(const std::vector<CleanSource>& sources);

// Inverse document frequency of each stem over the units: log(units / units using it).
using Idf = std::unordered_map<std::string, double>;
Idf inverse_frequencies(const std::vector<Unit>& units);

}  // namespace plume::write
