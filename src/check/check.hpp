// Phase 7: the composed article analysed, its facts traced, its verbatim share measured.
#pragma once

#include "write/story.hpp"

namespace plume::write {

// Fills WriteResult::analysis, words, facts, verbatim_share and warnings for
// `result.article`, written from `story`.
void check_article(const Story& story, const WriteOptions& options, WriteResult& result);

}  // namespace plume::write
