// frenchTypography: the French typographic rules a reader notices and a word processor applies
// (Imprimerie nationale, Lexique des règles typographiques): a no-break space (U+00A0, or the
// narrow U+202F) before ; : ! ? and inside « », the typographic apostrophe ’, and thousands
// grouped by a no-break space in numbers of five digits or more. Character rules, so the block
// text is scanned directly; URLs, e-mails and code blocks are left alone.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

namespace {

// Up to this many faults the text is "ok": a slip or two; more means the rule is ignored.
constexpr std::size_t kFewFaults = 5;

enum class Kind { Sign, Quotes, Apostrophe, Thousands };
constexpr std::size_t kKinds = 4;

struct Fault {
    std::size_t begin = 0;  // in the block's text
    std::size_t end = 0;
    Kind kind = Kind::Sign;
};

// One code point of a text and where it stands; c < 0 past either end or for invalid bytes.
struct Cp {
    UChar32 c = -1;
    std::size_t begin = 0;
    std::size_t end = 0;
};

Cp next_cp(std::string_view t, std::size_t i) {
    if (i >= t.size()) return {-1, i, i};
    auto n = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(t.data(), n, static_cast<int32_t>(t.size()), c);
    return {c, i, static_cast<std::size_t>(n)};
}

Cp prev_cp(std::string_view t, std::size_t i) {
    if (i == 0) return {-1, 0, 0};
    auto n = static_cast<int32_t>(i);
    UChar32 c;
    U8_PREV(t.data(), 0, n, c);
    return {c, static_cast<std::size_t>(n), i};
}

bool is_nbsp(UChar32 c) { return c == 0xA0 || c == 0x202F; }
bool is_space(UChar32 c) { return c >= 0 && u_isWhitespace(c); }
bool is_letter(UChar32 c) { return c >= 0 && u_isalpha(c); }
constexpr bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool is_one_of(UChar32 c, std::u32string_view set) { return c >= 0 && set.find(static_cast<char32_t>(c)) != set.npos; }

// A wrongly spaced sign: the ordinary space before it and the sign, or the sign alone.
Fault misspaced(const Cp& space, const Cp& sign, Kind kind) {
    return is_space(space.c) ? Fault{std::min(space.begin, sign.begin), std::max(space.end, sign.end), kind}
                             : Fault{sign.begin, sign.end, kind};
}

// ; : ! ? want a no-break space before them, except in runs (?! …?), after an opening bracket,
// and for a colon between digits (12:30, 3:1).
std::optional<Fault> check_sign(std::string_view t, const Cp& sign) {
    const Cp before = prev_cp(t, sign.begin);
    if (before.c < 0 || is_nbsp(before.c) || is_one_of(before.c, U";:!?.…([{")) return std::nullopt;
    if (sign.c == ':' && is_digit(before.c) && is_digit(next_cp(t, sign.end).c)) return std::nullopt;
    return misspaced(before, sign, Kind::Sign);
}

std::optional<Fault> check_open_quote(std::string_view t, const Cp& quote) {
    const Cp after = next_cp(t, quote.end);
    if (after.c < 0 || is_nbsp(after.c)) return std::nullopt;
    return misspaced(after, quote, Kind::Quotes);
}

std::optional<Fault> check_close_quote(std::string_view t, const Cp& quote) {
    const Cp before = prev_cp(t, quote.begin);
    if (before.c < 0 || is_nbsp(before.c)) return std::nullopt;
    return misspaced(before, quote, Kind::Quotes);
}

// The straight apostrophe inside a word (l'IA, aujourd'hui); quotes in 'single quotes' are not
// apostrophes.
std::optional<Fault> check_apostrophe(std::string_view t, const Cp& a) {
    if (!is_letter(prev_cp(t, a.begin).c) || !is_letter(next_cp(t, a.end).c)) return std::nullopt;
    return Fault{a.begin, a.end, Kind::Apostrophe};
}

std::size_t digits_end(std::string_view t, std::size_t i) {
    while (i < t.size() && is_digit(static_cast<unsigned char>(t[i]))) ++i;
    return i;
}

// A number: a run of digits and, when it has at most three, the 3-digit groups that follow it
// after a space (7 000 000).
struct Number {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t first_run = 0;     // digits before the first group separator
    bool ordinary_space = false;  // a group separated by a breaking space
};

Number read_number(std::string_view t, std::size_t i) {
    Number n{i, digits_end(t, i), 0, false};
    n.first_run = n.end - i;
    if (n.first_run > 3) return n;
    for (;;) {
        const Cp sep = next_cp(t, n.end);
        if (!is_nbsp(sep.c) && sep.c != ' ') break;
        const std::size_t group_end = digits_end(t, sep.end);
        if (group_end - sep.end != 3) break;
        n.ordinary_space = n.ordinary_space || sep.c == ' ';
        n.end = group_end;
    }
    return n;
}

// The word before position i, lowercased, without a final period (n°, réf., ISBN).
std::string word_before(std::string_view t, std::size_t i) {
    const Cp space = prev_cp(t, i);
    if (!is_space(space.c)) return {};
    std::size_t begin = space.begin;
    for (Cp c = prev_cp(t, begin); is_letter(c.c) || is_one_of(c.c, U"°º."); c = prev_cp(t, begin)) begin = c.begin;
    std::string w = text::lowercase(t.substr(begin, space.begin - begin));
    if (w.ends_with('.')) w.pop_back();
    return w;
}

bool after_reference_word(std::string_view t, std::size_t i) {
    static constexpr std::array<std::string_view, 14> kWords = {
        "n°",   "no",    "numéro", "réf",  "référence", "isbn",      "issn",
        "siren", "siret", "tél",    "code", "téléphone", "matricule", "dossier"};
    const std::string w = word_before(t, i);
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Digits that are not a quantity: phone and reference numbers (leading zero, glued to letters,
// hyphens, slashes, + or °), decimals, times, postal codes (5 digits before a capital: 75001
// Paris) and numbers introduced by n°, réf., ISBN…
bool is_identifier(std::string_view t, const Number& n) {
    if (t[n.begin] == '0') return true;
    const Cp before = prev_cp(t, n.begin), after = next_cp(t, n.end);
    if (is_letter(before.c) || is_one_of(before.c, U"-/_#°º+.,:@")) return true;
    if (is_letter(after.c) || is_one_of(after.c, U"-/_°º")) return true;
    if (is_one_of(after.c, U".:") && is_digit(next_cp(t, after.end).c)) return true;
    const bool five = n.end - n.begin == 5;
    if (five && (after.c == ' ' || is_nbsp(after.c)) && u_isupper(next_cp(t, after.end).c)) return true;
    return after_reference_word(t, n.begin);
}

// Five digits or more want their thousands grouped; a grouped number wants no-break spaces.
// Four-digit numbers are fine either way (years among them), as French usage allows.
std::optional<Fault> check_number(std::string_view t, const Number& n) {
    const bool ungrouped = n.first_run >= 5;
    if ((!ungrouped && !n.ordinary_space) || is_identifier(t, n)) return std::nullopt;
    return Fault{n.begin, n.end, Kind::Thousands};
}

// Spans of URLs and e-mails, which keep their characters as they are.
std::vector<text::Span> verbatim_spans(const std::vector<text::Token>& tokens) {
    std::vector<text::Span> out;
    for (const text::Token& tok : tokens)
        if (tok.kind == text::TokenKind::Url || tok.kind == text::TokenKind::Email) out.push_back({tok.begin, tok.end});
    return out;
}

// A byte no rule looks at, so the scan may step over it alone: ASCII but digits and ; : ! ? ',
// and the bytes of other UTF-8 sequences than U+0080-00BF (« and » among them), which alone
// begin with 0xC2. From a table, as every byte of the text is asked.
bool is_plain_byte(unsigned char c) {
    static constexpr auto kPlain = [] {
        std::array<bool, 256> t{};
        for (int b = 0; b < 0x100; ++b)
            t[static_cast<std::size_t>(b)] = b >= 0x80 ? b != 0xC2
                                                      : !is_digit(b) && std::string_view(";:!?'").find(static_cast<char>(b)) == std::string_view::npos;
        return t;
    }();
    return kPlain[c];
}

std::vector<Fault> faults_in(std::string_view t, const std::vector<text::Token>& tokens) {
    std::vector<Fault> out;
    const auto add = [&](std::optional<Fault> f) {
        if (f) out.push_back(*f);
    };
    const std::vector<text::Span> verbatim = verbatim_spans(tokens);
    auto skip = verbatim.begin();
    int open_quotes = 0;  // a » without « is a separator (Accueil » Actualités), not a quote
    for (std::size_t i = 0; i < t.size();) {
        while (skip != verbatim.end() && skip->end <= i) ++skip;
        if (skip != verbatim.end() && skip->begin <= i) {
            i = skip->end;
            continue;
        }
        if (is_plain_byte(static_cast<unsigned char>(t[i]))) {  // most bytes: up to the next one looked at
            const std::size_t stop = skip != verbatim.end() ? skip->begin : t.size();
            while (i < stop && is_plain_byte(static_cast<unsigned char>(t[i]))) ++i;
            continue;
        }
        const Cp c = next_cp(t, i);
        if (is_digit(c.c)) {
            const Number n = read_number(t, i);
            add(check_number(t, n));
            i = n.end;
            continue;
        }
        if (is_one_of(c.c, U";:!?")) {
            add(check_sign(t, c));
        } else if (c.c == U'«') {
            ++open_quotes;
            add(check_open_quote(t, c));
        } else if (c.c == U'»' && open_quotes > 0) {
            --open_quotes;
            add(check_close_quote(t, c));
        } else if (c.c == '\'') {
            add(check_apostrophe(t, c));
        }
        i = std::max(c.end, i + 1);
    }
    return out;
}

std::string faults(const Context& ctx, std::size_t n) {
    return fmt::format("{} {}{}", n, ctx.say("faute", "fault"), n > 1 ? "s" : "");
}

std::string details(const Context& ctx, const std::array<std::size_t, kKinds>& counts) {
    static constexpr std::array<std::array<std::string_view, 2>, kKinds> kRules = {{
        {"espace insécable avant ; : ! ?", "no-break space before ; : ! ?"},
        {"espaces insécables dans « »", "no-break spaces inside « »"},
        {"apostrophe ’ et non '", "apostrophe ’ rather than '"},
        {"milliers séparés par une espace insécable (7 000)", "thousands separated by a no-break space (7 000)"},
    }};
    std::string out;
    for (std::size_t k = 0; k < kKinds; ++k)
        if (counts[k] > 0)
            out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", ctx.say(kRules[k][0], kRules[k][1]), counts[k]);
    return out;
}

}  // namespace

ThousandsCheck check_thousands(std::string_view text, std::size_t begin) {
    const Number n = read_number(text, begin);
    return {n.end, check_number(text, n).has_value()};
}

std::optional<Assessment> french_typography(const Context& ctx) {
    std::array<std::size_t, kKinds> counts{};
    std::vector<Mark> marks;
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        if (ctx.doc.blocks[b].kind == BlockKind::Code) continue;
        for (const Fault& f : faults_in(ctx.doc.blocks[b].text, ctx.tokens[b])) {
            ++counts[static_cast<std::size_t>(f.kind)];
            marks.push_back(ctx.mark(b, f.begin, f.end));
        }
    }
    if (marks.empty())
        return result("frenchTypography", 9,
                      ctx.say("Typographie française : rien à corriger.", "French typography: nothing to correct."));
    const int score = marks.size() <= kFewFaults ? 6 : 3;
    std::string message = ctx.say("Typographie française : {} à corriger — {}.",
                                  "French typography: {} to correct — {}.", faults(ctx, marks.size()),
                                  details(ctx, counts));
    return result("frenchTypography", score, std::move(message), std::move(marks));
}

}  // namespace plume::analysis::extra
