#pragma once

#include <optional>
#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis::extra {

// The extra assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

// plume's own checks; none of the peers has them (identifiers in the comments).
std::optional<Assessment> french_typography(const Context& ctx);      // frenchTypography
std::optional<Assessment> minimum_word_count(const Context& ctx);     // minimumWordCount
std::optional<Assessment> heading_hierarchy(const Context& ctx);      // headingHierarchy
std::optional<Assessment> duplicate_sentences(const Context& ctx);    // duplicateSentences
std::optional<Assessment> keyphrase_in_headings(const Context& ctx);  // keyphraseInHeadings

}  // namespace plume::analysis::extra
