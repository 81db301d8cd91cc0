// Phase 3: several cleaned sources become one story, near-duplicates merged.
#pragma once

#include <vector>

#include "write/story.hpp"

namespace plume::write {

// Two sentences say the same thing when most of their content words are shared.
double sentence_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// A sentence's distinct content stems, sorted: what similarity compares. For comparing one
// sentence with many, computed once.
std::vector<std::string> distinct_stems(std::vector<std::string> stems);

// sentence_similarity of two distinct_stems lists.
double distinct_similarity(const std::vector<std::string>& da, const std::vector<std::string>& db);

// Splits the sources into sentences, merges near-duplicates across and within sources
// (keeping the most informative wording; the others become Story::variants and are
// recorded as Duplicate removals) and orders the result along the story: a sentence
// stands where the longest source tells it, or where its own source does.
Story fuse(std::vector<CleanSource> sources, std::vector<Removal>& removals);

}  // namespace plume::write
