// French typography for the article: the rules of the analyser's `frenchTypography` check
// (src/analyze/extra/typography.cpp), applied instead of reported. The text is copied code point
// by code point; only spaces, quotation marks and apostrophes change, never a letter or a word.
#include "compose/typography.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "analyze/extra/extra.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::write {

namespace {

using text::chars::decode;
using text::chars::decode_before;

constexpr std::string_view kNbsp = "\u00A0";    // before : and inside « »
constexpr std::string_view kNarrow = "\u202F";  // before ; ! ? %, between thousands

bool is_nbsp(UChar32 c) { return c == 0xA0 || c == 0x202F; }
// The ordinary white space of a line, which a no-break space replaces.
bool is_blank(UChar32 c) { return c == ' ' || c == '\t'; }
bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool is_alpha(UChar32 c) { return c >= 0 && u_isalpha(c); }
bool is_one_of(UChar32 c, std::u32string_view set) { return c >= 0 && set.find(static_cast<char32_t>(c)) != set.npos; }

UChar32 last_cp(std::string_view s) { return s.empty() ? -1 : decode_before(s, s.size()).cp; }
UChar32 cp_at(std::string_view s, std::size_t i) { return i < s.size() ? decode(s, i).cp : -1; }

// Spans of URLs and e-mails, which keep their characters as they are (as the check skips them).
std::vector<text::Span> verbatim_spans(std::string_view t) {
    std::vector<text::Span> out;
    for (const text::Token& tok : text::tokenize(t))
        if (tok.kind == text::TokenKind::Url || tok.kind == text::TokenKind::Email) out.push_back({tok.begin, tok.end});
    return out;
}

// Pairs marks of one kind: `open` and `close` nest (the outermost pair is kept), and a blank
// line ends an unclosed quotation.
void pair_nested(std::string_view t, std::string_view open, std::string_view close, std::vector<Quotation>& out) {
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '\n' && t[i] != open[0] && t[i] != close[0]) continue;  // most bytes: no mark
        if (t.compare(i, 2, "\n\n") == 0) depth = 0;
        if (t.compare(i, open.size(), open) == 0) {
            if (depth++ == 0) start = i;
        } else if (t.compare(i, close.size(), close) == 0 && depth > 0 && --depth == 0) {
            out.push_back({start, start + open.size(), i, i + close.size()});
        }
    }
}

// Straight double quotes paired within a line.
void pair_straight(std::string_view t, std::vector<Quotation>& out) {
    std::size_t pending = std::string_view::npos;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') pending = std::string_view::npos;
        if (t[i] != '"') continue;
        const UChar32 prev = i > 0 ? decode_before(t, i).cp : -1;
        const UChar32 next = cp_at(t, i + 1);
        const bool space_before = prev < 0 || text::chars::is_space(prev);
        const bool space_after = next < 0 || text::chars::is_space(next);
        const bool can_open = !space_after && (space_before || is_one_of(prev, U"([{-–—/"));
        const bool can_close = !space_before && (space_after || u_ispunct(next));
        if (pending != std::string_view::npos && can_close) {
            out.push_back({pending, pending + 1, i, i + 1});
            pending = std::string_view::npos;
        } else if (can_open) {
            pending = i;
        }
    }
}

// Positions of the paired straight quotes, and whether each opens.
std::vector<std::pair<std::size_t, bool>> straight_quote_marks(std::string_view t) {
    std::vector<Quotation> pairs;
    pair_straight(t, pairs);
    std::vector<std::pair<std::size_t, bool>> out;
    for (const Quotation& q : pairs) {
        out.emplace_back(q.open, true);
        out.emplace_back(q.inner_end, false);
    }
    return out;
}

std::size_t blanks_before(std::string_view s, std::size_t i) {
    while (i > 0 && is_blank(static_cast<unsigned char>(s[i - 1]))) --i;
    return i;
}

std::size_t blanks_after(std::string_view s, std::size_t i) {
    while (i < s.size() && is_blank(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

// Puts `space` right before what comes next in `out`: replaces the ordinary spaces that end it,
// or adds it; a no-break space already there stays. A line break inside a paragraph is a space
// too (Markdown joins the lines), so it goes the same way; at the start of a paragraph nothing
// comes before, and the check wants no space.
void space_before(std::string& out, std::string_view space) {
    std::size_t run = blanks_before(out, out.size());
    if (run > 0 && out[run - 1] == '\n') {
        const std::size_t line_end = blanks_before(out, run - 1);
        if (line_end == 0 || out[line_end - 1] == '\n') return;
        run = line_end;
    }
    if (run == 0) return;
    const UChar32 before = decode_before(out, run).cp;
    out.resize(run);
    if (!is_nbsp(before)) out += space;
}

// After «: a no-break space instead of the ordinary spaces (or the line break inside a
// paragraph) at `i`, or added; returns where the copy goes on. Left alone at the end of a
// paragraph.
std::size_t space_after(std::string_view t, std::size_t i, std::string& out) {
    std::size_t j = blanks_after(t, i);
    if (j < t.size() && t[j] == '\n') {
        const std::size_t line = blanks_after(t, j + 1);
        if (line == t.size() || t[line] == '\n') return i;
        j = line;
    }
    if (j == t.size()) return i;
    if (!is_nbsp(decode(t, j).cp)) out += kNbsp;
    return j;
}

// ; : ! ? need no space after a sign of the same family, an opening bracket or an ellipsis,
// nor : between digits (12:30); the exceptions of the check.
bool sign_needs_space(std::string_view out, UChar32 sign, UChar32 next) {
    const UChar32 before = last_cp(out);
    if (is_one_of(before, U";:!?.…([{")) return false;
    return !(sign == ':' && is_digit(before) && is_digit(next));
}

// % after a number takes a narrow no-break space, like the signs.
void space_before_percent(std::string& out) {
    if (is_digit(last_cp(std::string_view(out).substr(0, blanks_before(out, out.size()))))) space_before(out, kNarrow);
}

// The digits of `number` in groups of three from the right, joined by narrow no-break spaces.
std::string grouped(std::string_view number) {
    std::string digits;
    for (char c : number)
        if (is_digit(static_cast<unsigned char>(c))) digits += c;
    std::string out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += kNarrow;
        out += digits[k];
    }
    return out;
}

// One pass of the rules over the text.
std::string typography_pass(std::string_view t) {
    const std::vector<text::Span> verbatim = verbatim_spans(t);
    const std::vector<std::pair<std::size_t, bool>> quotes = straight_quote_marks(t);
    auto skip = verbatim.begin();
    auto quote = quotes.begin();
    std::string out;
    out.reserve(t.size() + t.size() / 8);
    int open_quotes = 0;  // a » without « is a separator (Accueil » Actualités), not a quote
    for (std::size_t i = 0; i < t.size();) {
        while (skip != verbatim.end() && skip->end <= i) ++skip;
        if (skip != verbatim.end() && skip->begin <= i) {
            out += t.substr(i, skip->end - i);
            i = skip->end;
            continue;
        }
        const text::chars::Decoded c = decode(t, i);
        if (is_digit(c.cp)) {
            const auto number = analysis::extra::check_thousands(t, i);
            const std::string_view digits = t.substr(i, number.end - i);
            out += number.fault ? grouped(digits) : std::string(digits);
            i = number.end;
            continue;
        }
        while (quote != quotes.end() && quote->first < i) ++quote;
        const bool straight_quote = quote != quotes.end() && quote->first == i;
        if (c.cp == U'«' || (straight_quote && quote->second)) {
            ++open_quotes;
            out += "«";
            i = space_after(t, c.next, out);
            continue;
        }
        if (c.cp == U'»' || straight_quote) {
            if (open_quotes > 0) {
                --open_quotes;
                space_before(out, kNbsp);
            }
            out += "»";
        } else if (c.cp == ':' || c.cp == ';' || c.cp == '!' || c.cp == '?') {
            if (sign_needs_space(out, c.cp, cp_at(t, c.next))) space_before(out, c.cp == ':' ? kNbsp : kNarrow);
            out += t.substr(i, c.next - i);
        } else if (c.cp == '%') {
            space_before_percent(out);
            out += '%';
        } else if (c.cp == '\'' && is_alpha(last_cp(out)) && is_alpha(cp_at(t, c.next))) {
            out += "’";
        } else {
            if (c.cp == '\n' && cp_at(t, c.next) == '\n') open_quotes = 0;  // quotations end with the paragraph
            out += t.substr(i, c.next - i);
        }
        i = c.next;
    }
    return out;
}

}  // namespace

std::vector<Quotation> quotations(std::string_view t) {
    std::vector<Quotation> out;
    pair_nested(t, "«", "»", out);
    pair_nested(t, "“", "”", out);
    pair_straight(t, out);
    std::sort(out.begin(), out.end(), [](const Quotation& a, const Quotation& b) { return a.open < b.open; });
    return out;
}

std::string accent_initial_a(std::string_view t) {
    std::string out(t);
    for (std::size_t at = out.find("A "); at != std::string::npos; at = out.find("A ", at + 1)) {
        const std::string_view before = std::string_view(out).substr(0, at);
        const std::string_view text = before.substr(0, before.find_last_not_of(" \u00a0\u202f") + 1);  // npos + 1 == 0
        const bool spaced = text.size() < before.size();
        const bool opens = text.empty() || text.ends_with("\u00ab") || text.ends_with('"') ||
                           (spaced && (text.ends_with('.') || text.ends_with('!') || text.ends_with('?')));
        const char next = at + 2 < out.size() ? out[at + 2] : ' ';
        if (opens && next >= 'a' && next <= 'z') out.replace(at, 1, "\u00c0");
    }
    return out;
}

std::string french_typography(std::string_view t) {
    // A pass may create work for the next one: a number it groups can join a short number
    // before it (12 123456 -> 12 123 456), a space it adds can make a straight quote pairable.
    // Passes only add or replace spaces and marks, never remove them, so a few settle the text;
    // the bound only guards against a rule interplay no test has met.
    constexpr int kMaxPasses = 8;
    std::string out = typography_pass(accent_initial_a(t));
    for (int pass = 1; pass < kMaxPasses; ++pass) {
        std::string next = typography_pass(out);
        if (next == out) break;
        out = std::move(next);
    }
    return out;
}

}  // namespace plume::write
