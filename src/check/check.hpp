// Phase 7: the composed article analysed, its facts traced, its verbatim share measured.
#pragma once

#include "write/story.hpp"

namespace plume::write {

// Fills WriteResult::analysis, words, facts, verbatim_share and warnings for
// `result.article`, written from `story`.
void check_article(const Story& story, const WriteOptions& options, WriteResult& result);

// Each source's title and kept blocks as one text: what facts are traced to.
std::vector<std::string> source_texts(const Story& story);

}  // namespace plume::write
