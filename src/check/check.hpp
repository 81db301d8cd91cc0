// Phase 7: the composed article analysed, its facts traced, its verbatim share measured.
#pragma once

#include "write/story.hpp"

namespace plume::write {

// Fills WriteResult::analysis, words, facts, verbatim_share and warnings for
// `result.article`, written from `story`. Returns the sentences the readability
// assessments flag (too long, passive), as words_key values, for the next plan to avoid.
Avoid check_article(const Story& story, const WriteOptions& options, WriteResult& result);

// Whether the article is as good as the composer can make it: SEO good, readability at
// least ok.
bool good_enough(const Analysis& analysis);

}  // namespace plume::write
