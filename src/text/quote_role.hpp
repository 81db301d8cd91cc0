// The role of a straight double quote in French text, read from the characters around it:
// typography pairs the marks of a line with it, and fusion asks whether a block's first
// mark closes a quotation an earlier block left open.
#pragma once

#include <cstddef>
#include <string_view>

namespace plume::text {

enum class QuoteRole { None, Open, Close };

// What the straight double quote at byte `i` of `t` does, `quoting` when a quotation is open
// before it.
QuoteRole straight_quote_role(std::string_view t, std::size_t i, bool quoting);

// Whether the straight double quote at byte `i` was typed for an elision's apostrophe
// (« qu"il », « l"homme »): right after an elided word, glued to a word in small letters.
// It neither opens nor closes a quotation.
bool elision_quote(std::string_view t, std::size_t i);

}  // namespace plume::text
