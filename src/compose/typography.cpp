// French typography applied to the article: the rules the analyser's frenchTypography check
// (src/analyze/extra/typography.cpp) looks for, applied where they are certain.
#include "compose/typography.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "plume/text.hpp"

namespace plume::write {

namespace {

constexpr std::string_view kNbsp = "\u00a0";        // before : and inside « »
constexpr std::string_view kNarrowNbsp = "\u202f";  // before ; ! ? %, between thousands
constexpr std::size_t kGroupFrom = 5;               // digits; four-digit numbers (years) stay whole

UChar32 cp_at(std::string_view t, std::size_t i, std::size_t* next = nullptr) {
    if (i >= t.size()) return -1;
    auto n = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(t.data(), n, static_cast<int32_t>(t.size()), c);
    if (next) *next = static_cast<std::size_t>(n);
    return c;
}

UChar32 last_cp(std::string_view t) {
    if (t.empty()) return -1;
    auto n = static_cast<int32_t>(t.size());
    UChar32 c;
    U8_PREV(t.data(), 0, n, c);
    return c;
}

bool is_letter(UChar32 c) { return c >= 0 && u_isalpha(c); }
bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool is_nbsp(UChar32 c) { return c == 0xA0 || c == 0x202F; }

// The space before a sign: an ordinary space is replaced; none is inserted after a word.
void space_before(std::string& out, std::string_view space) {
    const UChar32 prev = last_cp(out);
    if (prev < 0 || is_nbsp(prev)) return;
    if (prev == ' ') {
        out.pop_back();
        out += space;
    } else if (is_letter(prev) || is_digit(prev) || prev == U'»' || prev == ')' || prev == '"' || prev == 0x2019) {
        out += space;
    }
}

std::size_t digits_end(std::string_view t, std::size_t i) {
    while (i < t.size() && is_digit(static_cast<unsigned char>(t[i]))) ++i;
    return i;
}

// A quantity (not a code, a decimal part, a time or a reference): digits standing alone.
bool quantity(std::string_view t, std::size_t begin, std::size_t end) {
    if (t[begin] == '0') return false;
    const UChar32 before = last_cp(t.substr(0, begin));
    const UChar32 after = cp_at(t, end);
    if (is_letter(before) || (before >= 0 && std::u32string_view(U"-/_#°º+.,:@").find(static_cast<char32_t>(before)) != std::u32string_view::npos))
        return false;
    return !is_letter(after) && !(after >= 0 && std::u32string_view(U"-/_°º.:,").find(static_cast<char32_t>(after)) != std::u32string_view::npos &&
                                  is_digit(cp_at(t, end + 1)));
}

// Digits from `i`: "12000" -> "12 000"; "7 000" (ordinary space) -> "7 000".
std::size_t number(std::string_view t, std::size_t i, std::string& out) {
    const std::size_t end = digits_end(t, i);
    std::size_t run_end = end;
    std::string groups;  // the 3-digit groups that follow a run of at most three digits
    while (end - i <= 3) {
        std::size_t sep_end = 0;
        const UChar32 sep = cp_at(t, run_end, &sep_end);
        if (sep != ' ' && !is_nbsp(sep)) break;
        const std::size_t g = digits_end(t, sep_end);
        if (g - sep_end != 3) break;
        groups += std::string(kNarrowNbsp) + std::string(t.substr(sep_end, 3));
        run_end = g;
    }
    if (!quantity(t, i, run_end)) {
        out += t.substr(i, run_end - i);
        return run_end;
    }
    const std::string_view digits = t.substr(i, end - i);
    if (groups.empty() && digits.size() >= kGroupFrom) {
        for (std::size_t k = 0; k < digits.size(); ++k) {
            if (k > 0 && (digits.size() - k) % 3 == 0) out += kNarrowNbsp;
            out += digits[k];
        }
    } else {
        out += digits;
        out += groups;
    }
    return run_end;
}

// Straight double quotes, when they pair up, become « ».
bool paired_straight_quotes(std::string_view t) {
    std::size_t n = 0;
    for (char c : t) n += c == '"';
    return n > 0 && n % 2 == 0;
}

}  // namespace

std::string french_typography(std::string_view t) {
    std::vector<text::Span> verbatim;
    for (const text::Token& tok : text::tokenize(t))
        if (tok.kind == text::TokenKind::Url || tok.kind == text::TokenKind::Email) verbatim.push_back({tok.begin, tok.end});
    auto skip = verbatim.begin();
    const bool convert_quotes = paired_straight_quotes(t);
    bool straight_open = false;
    int open_quotes = 0;
    std::string out;
    out.reserve(t.size() + t.size() / 8);
    for (std::size_t i = 0; i < t.size();) {
        while (skip != verbatim.end() && skip->end <= i) ++skip;
        if (skip != verbatim.end() && skip->begin <= i) {
            out += t.substr(i, skip->end - i);
            i = skip->end;
            continue;
        }
        std::size_t next = i + 1;
        const UChar32 c = cp_at(t, i, &next);
        if (is_digit(c)) {
            i = number(t, i, out);
            continue;
        }
        const UChar32 prev = last_cp(out), after = cp_at(t, next);
        if (c == '"' && convert_quotes) {
            straight_open = !straight_open;
            if (straight_open) {
                out += "«";
                out += kNbsp;
                ++open_quotes;
                while (next < t.size() && t[next] == ' ') ++next;
            } else {
                space_before(out, kNbsp);
                if (!is_nbsp(last_cp(out))) out += kNbsp;
                out += "»";
                --open_quotes;
            }
        } else if (c == U'«') {
            out += "«";
            ++open_quotes;
            std::size_t n2 = 0;
            const UChar32 a = cp_at(t, next, &n2);
            if (a == ' ') next = n2;
            if (!is_nbsp(a)) out += kNbsp;
        } else if (c == U'»' && open_quotes > 0) {
            --open_quotes;
            if (!is_nbsp(prev)) {
                if (prev == ' ') out.pop_back();
                out += kNbsp;
            }
            out += "»";
        } else if (c == ':' && !(is_digit(prev) && is_digit(after))) {
            space_before(out, kNbsp);
            out += ':';
        } else if (c == ';' || c == '!' || c == '?') {
            if (!(prev >= 0 && std::u32string_view(U";:!?.…([{").find(static_cast<char32_t>(prev)) != std::u32string_view::npos))
                space_before(out, kNarrowNbsp);
            out += static_cast<char>(c);
        } else if (c == '%') {
            if (prev == ' ') {
                out.pop_back();
                out += kNarrowNbsp;
            }
            out += '%';
        } else if (c == '\'' && is_letter(prev) && is_letter(after)) {
            out += "\u2019";
        } else {
            out += t.substr(i, next - i);
        }
        i = next;
    }
    return out;
}

}  // namespace plume::write
