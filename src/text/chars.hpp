// Code point decoding and classes shared by the tokenizer, the sentence splitter and the
// syllable counter. ASCII is classified inline; everything else asks ICU.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <string_view>

namespace plume::text::chars {

// One code point of `s` at byte `i`; `cp` is negative for an ill-formed sequence, whose
// bytes `next` skips (at least one).
struct Decoded {
    UChar32 cp;
    std::size_t next;
};

inline Decoded decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, i + 1};
    auto j = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
    return {cp, static_cast<std::size_t>(j)};
}

// The code point that ends just before byte `i` (i > 0), and where it starts.
inline Decoded decode_before(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i - 1]);
    if (c < 0x80) return {c, i - 1};
    auto j = static_cast<int32_t>(i);
    UChar32 cp;
    U8_PREV(s.data(), 0, j, cp);
    return {cp, static_cast<std::size_t>(j)};
}

constexpr bool is_ascii_alpha(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// Latin letters with diacritics and the ligatures (U+00C0-024F but × and ÷): the non-ASCII
// letters of French, most of a text's non-ASCII characters, are classified without ICU.
constexpr bool is_latin_letter(UChar32 c) { return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7; }

// Combining marks; there is none before U+0300.
inline bool is_mark(UChar32 c) { return c >= 0x300 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// Letters, and the combining marks that belong to them.
inline bool is_letter(UChar32 c) {
    if (c < 0x80) return is_ascii_alpha(c);
    return is_latin_letter(c) || (c > 0 && (u_isUAlphabetic(c) || is_mark(c)));
}

inline bool is_alnum(UChar32 c) { return is_digit(c) || is_letter(c); }

inline bool is_upper(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return c > 0 && (u_isUUppercase(c) || u_istitle(c));
}

inline bool is_lower(UChar32 c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return c > 0 && u_isULowercase(c);
}

// White space includes the no-break spaces of French typography; a zero-width space
// separates words too.
inline bool is_space(UChar32 c) {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    if (c < 0x1680) return c == 0x85 || c == 0xA0;  // the only ones before U+1680, asked of ICU after
    return u_isUWhiteSpace(c) || c == 0x200B;
}

// Invisible format characters (soft hyphen, joiners, BOM) that words may carry.
inline bool is_format(UChar32 c) {
    if (c < 0x600) return c == 0xAD;  // the only one before U+0600
    return u_charType(c) == U_FORMAT_CHAR && c != 0x200B;
}

inline bool is_apostrophe_cp(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// Hyphens that join compounds (peut-être); not the dashes that separate clauses.
inline bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

}  // namespace plume::text::chars
