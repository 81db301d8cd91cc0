#include "parse/flattened.hpp"

#include <algorithm>
#include <optional>

#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::parse {

namespace {
using namespace text::chars;

constexpr std::size_t npos = std::string_view::npos;
// Twelve words of a subheading fit in far less; the search for its closing dash stops here.
constexpr std::size_t kSubheadingMaxBytes = 200;

bool is_dash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014; }
bool is_terminator(UChar32 c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_closer(UChar32 c) { return c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x2019 || c == ')' || c == ']'; }
bool is_opener(UChar32 c) { return c == '"' || c == '\'' || c == 0xAB || c == 0x201C; }

std::size_t skip_blanks(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(decode(s, i).cp)) i = decode(s, i).next;
    return i;
}

std::size_t trim_end(std::string_view s, std::size_t b, std::size_t e) {
    while (e > b && is_space(decode_before(s, e).cp)) e = decode_before(s, e).next;
    return e;
}

// A sentence ends before byte i: a terminator, then closing quotes, brackets, white space.
// A dash after anything else is a parenthesis (`la ville – déjà touchée – a…`).
bool after_sentence(std::string_view s, std::size_t i) {
    while (i > 0) {
        const Decoded d = decode_before(s, i);
        if (!is_space(d.cp) && !is_closer(d.cp)) return is_terminator(d.cp);
        i = d.next;
    }
    return false;
}

// A subheading opens on a capital, a figure, a hashtag or a quote; a figure glued to the
// dash is a negative number (-5 %).
bool opens_subheading(std::string_view s, std::size_t dash_end, std::size_t i) {
    if (i >= s.size()) return false;
    const UChar32 c = decode(s, i).cp;
    if (is_digit(c)) return i > dash_end;
    return is_upper(c) || is_opener(c) || c == '#';
}

bool is_hyphen(std::string_view s, std::size_t dash, std::size_t after) {
    return dash > 0 && is_alnum(decode_before(s, dash).cp) && after < s.size() && is_alnum(decode(s, after).cp);
}

// A question closes a subheading glued to what follows (`masquée? -Quant`); followed by a
// spaced dash it is dialogue (`– Tu viens ? – Oui.`).
std::size_t dash_after_question(std::string_view s, std::size_t i) {
    while (i < s.size() && (is_space(decode(s, i).cp) || is_closer(decode(s, i).cp))) i = decode(s, i).next;
    if (i >= s.size() || !is_dash(decode(s, i).cp)) return npos;
    const std::size_t after = decode(s, i).next;
    return after < s.size() && !is_space(decode(s, after).cp) ? i : npos;
}

// The dash closing a subheading whose words start at i, before any sentence end; a word's
// hyphen (Royaume-Uni) and a decimal point (965.000) belong to the words.
std::size_t closing_dash(std::string_view s, std::size_t i) {
    for (const std::size_t limit = std::min(s.size(), i + kSubheadingMaxBytes); i < limit;) {
        const Decoded d = decode(s, i);
        if (is_dash(d.cp) && !is_hyphen(s, i, d.next)) return i;
        if (d.cp == '?') return dash_after_question(s, d.next);
        const bool decimal = d.cp == '.' && i > 0 && is_digit(decode_before(s, i).cp) && d.next < s.size() &&
                             is_digit(decode(s, d.next).cp);
        if ((is_terminator(d.cp) && !decimal) || d.cp == ';') return npos;
        i = d.next;
    }
    return npos;
}

struct Subheading {
    std::size_t begin, end;  // its words
    std::size_t next;        // what follows the closing dash
};

// The subheading opened by the dash at [dash, after), if any: between two sentences, or a
// line of its own.
std::optional<Subheading> subheading_at(std::string_view s, std::size_t dash, std::size_t after) {
    const bool line_start = dash == 0;
    if (!line_start && !after_sentence(s, dash)) return std::nullopt;
    const std::size_t begin = skip_blanks(s, after);
    if (!opens_subheading(s, after, begin)) return std::nullopt;
    const std::size_t close = closing_dash(s, begin);
    if (close == npos) return std::nullopt;
    const std::size_t end = trim_end(s, begin, close);
    const std::size_t words = text::count_words(s.substr(begin, end - begin));
    if (words == 0 || words > kSubheadingMaxWords) return std::nullopt;
    const std::size_t next = skip_blanks(s, decode(s, close).next);
    if (next < s.size() && (line_start || !(is_upper(decode(s, next).cp) || is_digit(decode(s, next).cp) ||
                                            is_opener(decode(s, next).cp))))
        return std::nullopt;
    return Subheading{begin, end, next};
}

}  // namespace

std::vector<Piece> cut_at_subheadings(std::string_view line) {
    std::vector<Piece> out;
    std::size_t text_begin = 0;
    for (std::size_t i = 0; i < line.size();) {
        const Decoded d = decode(line, i);
        const auto h = is_dash(d.cp) ? subheading_at(line, i, d.next) : std::nullopt;
        if (!h) {
            i = d.next;
            continue;
        }
        if (trim_end(line, text_begin, i) > text_begin) out.push_back({text_begin, trim_end(line, text_begin, i), false});
        out.push_back({h->begin, h->end, true});
        text_begin = i = h->next;
    }
    if (text_begin < line.size()) out.push_back({text_begin, line.size(), false});
    return out;
}

std::vector<std::size_t> glued_sentence_starts(std::string_view text) {
    std::vector<std::size_t> out;
    const std::vector<text::Span> spans = text::split_sentences(text);
    for (std::size_t k = 1; k < spans.size(); ++k)
        if (spans[k].begin == spans[k - 1].end) out.push_back(spans[k].begin);
    return out;
}

}  // namespace plume::parse
