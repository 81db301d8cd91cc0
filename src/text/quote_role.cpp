#include "text/quote_role.hpp"

#include <unicode/uchar.h>

#include <string>

#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::text {

namespace {

using chars::decode;
using chars::decode_before;

bool is_one_of(UChar32 c, std::u32string_view set) { return c >= 0 && set.find(static_cast<char32_t>(c)) != set.npos; }
UChar32 cp_at(std::string_view s, std::size_t i) { return i < s.size() ? decode(s, i).cp : -1; }

// The first code point after the blanks from `i` on the same line, or -1.
UChar32 next_visible(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    return cp_at(t, i);
}

// The letters before byte `end` are an elided word: l d j qu jusqu…
bool elided_word_ends_at(std::string_view t, std::size_t end) {
    std::size_t begin = end;
    while (begin > 0 && decode_before(t, begin).cp >= 0 && u_isalpha(decode_before(t, begin).cp)) begin = decode_before(t, begin).next;
    const std::string word = lowercase(t.substr(begin, end - begin));
    return word.size() == 1 || word.ends_with("qu");
}

// An elided word ends right before `i`: l' d' j' qu' jusqu'… (not the single quote that closes
// 'brioche' before a double one).
bool elision_before(std::string_view t, std::size_t i) {
    return i > 0 && chars::is_apostrophe_cp(decode_before(t, i).cp) && elided_word_ends_at(t, decode_before(t, i).next);
}

}  // namespace

bool elision_quote(std::string_view t, std::size_t i) {
    const UChar32 next = cp_at(t, i + 1);
    return i > 0 && t[i] == '"' && next >= 0 && u_islower(next) && u_islower(decode_before(t, i).cp) && elided_word_ends_at(t, i);
}

// Glued to the word after it, it opens (after a space, an opening bracket, an elision:
// d'"apologie, or a comma: « européennes ,"en fonction »); glued to the word before, it closes.
// Glued on both sides (a flattened page: « …ministères"Nicolas Hulot »), it closes the open
// quotation, or opens one before a capital. A space may stand on the wrong side: before a
// closing one followed by punctuation (« habituelle ", indique »), after an opening one that
// follows a sentence's end (« le vol." Il nous reste »). Spaced on both sides, or an inch mark
// (27"), it is neither.
QuoteRole straight_quote_role(std::string_view t, std::size_t i, bool quoting) {
    if (elision_quote(t, i)) return QuoteRole::None;
    const UChar32 prev = i > 0 ? decode_before(t, i).cp : -1;
    const UChar32 next = cp_at(t, i + 1);
    const bool space_before = prev < 0 || chars::is_space(prev);
    const bool space_after = next < 0 || chars::is_space(next);
    const bool punct_after = is_one_of(next, U",.;:!?)…");
    if (space_before && space_after) return QuoteRole::None;
    if (space_before) return punct_after ? (quoting ? QuoteRole::Close : QuoteRole::None) : QuoteRole::Open;
    if (elision_before(t, i) || is_one_of(prev, U"([{")) return space_after ? QuoteRole::None : QuoteRole::Open;
    if (quoting) return QuoteRole::Close;
    if (space_after) return is_one_of(prev, U".!?…") && chars::is_upper(next_visible(t, i + 1)) ? QuoteRole::Open : QuoteRole::None;
    return chars::is_upper(next) || is_one_of(prev, U"-–—/»,;:") ? QuoteRole::Open : QuoteRole::None;
}

}  // namespace plume::text
