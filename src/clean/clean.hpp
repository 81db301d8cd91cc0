// Phase 2: what is not the story leaves the sources, each removal with its reason.
#pragma once

#include <vector>

#include "clean/vocabulary.hpp"
#include "write/story.hpp"

namespace plume::write {

// Keeps the blocks of one parsed source that belong to the article: removes boilerplate
// (comment prompts, e-mail notices, credits and captions, "Source et images",
// "Regarder :", "Lire aussi", newsletter/share/follow/promo lines, date stamps, bylines),
// lines repeating the title, summary bullets whose words the body already says, and
// passages in the promotional register (clean/promo.hpp). `index` is the source's index,
// recorded in each Removal.
CleanSource clean_source(const Document& doc, SourceInfo info, int index,
                         std::vector<Removal>& removals);

// Removes paragraphs that share no vocabulary with the story the sources tell together
// (lexical cohesion, not a list of phrases): promotional or unrelated paragraphs.
// `units` is units_of(sources), and still is on return: the removed blocks' units leave it.
void remove_off_topic(std::vector<CleanSource>& sources, std::vector<Unit>& units, std::vector<Removal>& removals);

// Indexes of sources that share too little vocabulary with the others to tell the same
// story (empty with fewer than two sources). `units` is units_of(sources).
std::vector<int> unrelated_sources(const std::vector<CleanSource>& sources, const std::vector<Unit>& units);

}  // namespace plume::write
