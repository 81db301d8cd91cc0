// Phase 7: facts of the article traced to the sources, and the article's verbatim share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plume/write.hpp"

namespace plume::write {

// Numbers (amounts, percentages, quantities with their unit), dates, quoted passages
// (« » and "") and proper names of a text, each once, in order of appearance.
std::vector<Fact> extract_facts(std::string_view text);

// Sets Fact::source to the first source text containing the fact, comparing after
// normalising what typography changes (spaces, apostrophes, quotation marks, capital
// accents, thousands separators); -1 when none.
void trace_facts(std::vector<Fact>& facts, const std::vector<std::string>& sources);

// Share (0..1) of the article's word 8-grams found verbatim in the sources, compared
// on lowercased words with typography normalised.
double verbatim_share(std::string_view article, const std::vector<std::string>& sources);

}  // namespace plume::write
