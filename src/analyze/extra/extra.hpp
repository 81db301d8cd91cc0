#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
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

// The number whose first digit is at `begin` in `text`, as frenchTypography reads it: where
// it ends, and whether its thousands want grouping by no-break spaces (the fault it marks).
// Shared with the writer's typography so that both agree on which numbers are quantities.
struct ThousandsCheck {
    std::size_t end = 0;
    bool fault = false;
};
ThousandsCheck check_thousands(std::string_view text, std::size_t begin);

}  // namespace plume::analysis::extra
