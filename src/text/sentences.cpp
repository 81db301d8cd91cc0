// French sentence splitter. A sentence ends at . ! ? … (with the closing quotes and
// brackets that follow) when the next sentence visibly starts: after white space, anything
// but a lower-case letter or closing punctuation; or, in run-together scraped text
// (`60 ch.La Mini`, `fin."Nous`), a capitalised word or an opening quote before a capital. Abbreviations (data/fr/abbreviations.txt),
// initials (J. R. R. Tolkien), dotted acronyms, decimals, URLs and tickers in brackets after
// `Co.` do not end a sentence.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/text_cache.hpp"
#include "text/quote_role.hpp"

namespace plume::text {

namespace {
using namespace chars;

struct Abbreviations {
    std::unordered_set<std::string> before_anything;  // M., Mme, cf., p. ex., av. J.-C.
    std::unordered_set<std::string> before_number;    // art. 3, vol. 2, janv. 2024
};

// Entries are written without their final period; "art digits" ends no sentence only
// before a number, since alone the word is a noun that can end one (l’art.).
const Abbreviations& abbreviations() {
    static const Abbreviations a = [] {
        Abbreviations out;
        for (std::string entry : word_list("abbreviations")) {
            const auto space = entry.find(' ');
            const bool number_only = space != std::string::npos && entry.substr(space + 1) == "digits";
            if (space != std::string::npos) entry.resize(space);
            if (!entry.empty() && entry.back() == '.') entry.pop_back();
            (number_only ? out.before_number : out.before_anything).insert(entry);
        }
        return out;
    }();
    return a;
}

bool is_blank(UChar32 c) { return is_space(c) || is_format(c); }

std::size_t skip_blanks(std::string_view t, std::size_t i) {
    while (i < t.size()) {
        const Decoded d = decode(t, i);
        if (!is_blank(d.cp)) break;
        i = d.next;
    }
    return i;
}

// Length in bytes of the terminator at i (. ! ? …), 0 if none.
std::size_t terminator_at(std::string_view t, std::size_t i) {
    const char c = t[i];
    if (c == '.' || c == '!' || c == '?') return 1;
    return t.substr(i, 3) == "\u2026" ? 3 : 0;
}

// A capital or a figure: what a quotation opens on.
bool quoted_start_at(std::string_view t, std::size_t i) {
    return i < t.size() && (is_upper(decode(t, i).cp) || is_digit(decode(t, i).cp));
}

// A letter, a figure or what joins them in a word before a period (J.-C, n°, U.S).
bool is_word_char(UChar32 c) { return is_alnum(c) || c == '.' || c == '-' || c == 0xB0 || c == 0xBA; }

// What the splitter reads of the text behind a period, kept as it moves forward through the
// text: read back from each period, a run of megabytes without a space (`a.a.a…`, `"A."A."A…`)
// takes a time quadratic in its length.
class Cursor {
public:
    explicit Cursor(std::string_view t) : t_(t) {}

    // Straight quotes before byte i, not one typed for an apostrophe (« qu"il »); i may move
    // back a little (skip_closers looks ahead).
    std::size_t quotes_before(std::size_t i) {
        const auto quote = [&](std::size_t k) { return t_[k] == '"' && !elision_quote(t_, k); };
        for (; quotes_at_ < i; ++quotes_at_) quotes_ += quote(quotes_at_);
        for (; quotes_at_ > i; --quotes_at_) quotes_ -= quote(quotes_at_ - 1);
        return quotes_;
    }

    // The word before byte i (is_word_char): where it starts, its code points, whether it
    // holds a period. Asked at the periods, in the order of the text, as address_before.
    struct Word {
        std::size_t begin, code_points;
        bool dotted;
    };
    Word word_before(std::size_t i) {
        advance(i);
        return {word_, word_code_points_, dot_ != npos && dot_ >= word_};
    }

    // The text since the last white space before byte i holds a URL or an address
    // (www.Site.Com, a@b.Fr).
    bool address_before(std::size_t i) {
        advance(i);
        const std::string_view chunk = t_.substr(run_, i - run_);
        return (sign_ != npos && sign_ >= run_) || chunk.starts_with("www") || chunk.starts_with("WWW");
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    void advance(std::size_t i) {
        if (i < at_) *this = Cursor(t_);  // asked backwards: read again
        while (at_ < i) {
            const Decoded d = decode(t_, at_);
            if (is_blank(d.cp)) run_ = d.next;
            if (d.cp == '/' || d.cp == '@') sign_ = at_;
            if (is_word_char(d.cp)) {
                ++word_code_points_;
                if (d.cp == '.') dot_ = at_;
            } else {
                word_ = d.next;
                word_code_points_ = 0;
            }
            at_ = d.next;
        }
    }

    std::string_view t_;
    std::size_t quotes_at_ = 0, quotes_ = 0;
    std::size_t at_ = 0;
    std::size_t run_ = 0, sign_ = npos;                     // text since the last white space, its last '/' or '@'
    std::size_t word_ = 0, word_code_points_ = 0, dot_ = npos;  // the word, and the last '.'
};

// A straight quote glued between a terminator and a capital (`fin."Nous`, `fin."Il`) may
// open the next sentence or close this one: it closes only a quote left open before it.
bool closes_glued_quote(std::string_view t, std::size_t quote, Cursor& cursor) {
    if (!quoted_start_at(t, quote + 1)) return true;
    return cursor.quotes_before(quote) % 2 == 1;
}

// Closing quotes and brackets after a terminator belong to the sentence it ends
// (« Il est parti. » / (voir plus bas.)); » and ” may follow a (no-break) space.
std::size_t skip_closers(std::string_view t, std::size_t i, Cursor& cursor) {
    while (i < t.size()) {
        const std::size_t after_blank = skip_blanks(t, i);
        if (after_blank >= t.size()) break;
        const Decoded d = decode(t, after_blank);
        const bool spaced_closer = d.cp == 0xBB || d.cp == 0x201D;
        const bool tight_closer = after_blank == i && ((d.cp == '"' && closes_glued_quote(t, i, cursor)) || d.cp == ')' ||
                                                       d.cp == ']' || d.cp == 0x2019 || d.cp == '\'');
        if (!(spaced_closer || tight_closer)) break;
        i = d.next;
    }
    return i;
}

// The word just before byte i, with its inner dots and hyphens (J.-C, n°), lower-cased.
struct WordBefore {
    std::string lower;
    int letters;
    bool single_capital;
    bool dotted;
};

// A longer word is no abbreviation nor initials: over the corpus's sources, the longest word
// before a period runs 29 code points (« auteur-compositeur-interprète »).
constexpr std::size_t kWordBeforeMax = 64;

WordBefore word_before(std::string_view t, std::size_t i, Cursor& cursor) {
    const Cursor::Word word = cursor.word_before(i);
    if (word.code_points > kWordBeforeMax) return {"", 0, false, word.dotted};
    int letters = 0;
    std::string lower;
    for (std::size_t k = word.begin; k < i;) {
        const Decoded d = decode(t, k);
        letters += is_letter(d.cp);
        const UChar32 l = u_tolower(d.cp);
        char buf[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, l);
        lower.append(buf, static_cast<std::size_t>(n));
        k = d.next;
    }
    return {std::move(lower), letters, word.code_points == 1 && is_upper(decode(t, word.begin).cp), word.dotted};
}

// Single letters joined by periods or hyphens (j.k, j.-p, u.s): initials. J.-C., which
// mostly ends a date, is the exception.
bool initials(const WordBefore& w) {
    if (w.letters < 2 || w.lower == "j.-c") return false;
    int dots = 0, others = 0;
    for (const char c : w.lower) {
        dots += c == '.';
        others += c != '.' && c != '-';
    }
    return dots + 1 == w.letters && others == w.letters;
}

// Two lower-case letters end the text before the period, maybe inside quotes or brackets:
// `parquet.SOS`, `voix".EN`, but neither `Site.COM` nor `U.S`.
bool after_lower_word(std::string_view t, std::size_t dot) {
    while (dot > 0 && (t[dot - 1] == '"' || t[dot - 1] == ')')) --dot;
    for (int letters = 0; dot > 0; ++letters) {
        const Decoded d = decode_before(t, dot);
        if (!is_lower(d.cp)) return false;
        if (letters == 1) return true;
        dot = d.next;
    }
    return false;
}

// The period at i is inside a URL or an address; a bracket or quote just before it closes
// something else (`(Label/Pias).Quand`).
bool in_address(std::string_view t, std::size_t i, Cursor& cursor) {
    if (i > 0 && (t[i - 1] == ')' || t[i - 1] == '"')) return false;
    return cursor.address_before(i);
}

// A capital followed by a lower-case letter: the first word of a sentence (La, Elle, Écrit),
// an elided one (L’Iran, C'est) or the preposition A / À before a word (A l’issue).
bool capitalised_word_at(std::string_view t, std::size_t i) {
    if (i >= t.size()) return false;
    const Decoded first = decode(t, i);
    if (!is_upper(first.cp) || first.next >= t.size()) return false;
    const Decoded second = decode(t, first.next);
    if (is_lower(second.cp)) return true;
    const bool elided = second.cp == '\'' || second.cp == 0x2019;
    const bool preposition = (first.cp == 'A' || first.cp == 0xC0) && second.cp == ' ';
    return (elided || preposition) && second.next < t.size() && is_letter(decode(t, second.next).cp);
}

// A word or a figure ends the text before the period, which a name's initial may follow
// glued: `conseil.M. Martin`, `en 2009.M. Ramadan`.
bool ends_before_initial(std::string_view t, std::size_t dot) {
    return after_lower_word(t, dot) || (dot > 0 && is_digit(static_cast<unsigned char>(t[dot - 1])));
}

// The initial of a name glued after a sentence: the period after M in `conseil.M. Martin`.
bool glued_initial_before(std::string_view t, std::size_t dot) {
    if (dot == 0) return false;
    const Decoded initial = decode_before(t, dot);
    return is_upper(initial.cp) && initial.next > 0 && t[initial.next - 1] == '.' &&
           ends_before_initial(t, initial.next - 1);
}

// A word of two capitals or more followed by another word (`SOS Racisme`, `EN BAISSE`; not
// the `TV.` of France.TV).
bool upper_word_at(std::string_view t, std::size_t i) {
    int capitals = 0;
    for (Decoded d{}; i < t.size() && is_letter((d = decode(t, i)).cp); i = d.next) {
        if (!is_upper(d.cp)) return false;
        ++capitals;
    }
    return capitals >= 2 && i < t.size() && t[i] == ' ';
}

// Initials glued to the sentence before them (`gouvernement.M. Hollande`, `fin."J.K Rowling`,
// `fin.J.-P. Dupont`; not `Ph.D. Il`, as the caller checks the word before).
bool initial_at(std::string_view t, std::size_t i) {
    const Decoded d = decode(t, i);
    if (!is_upper(d.cp) || t.substr(d.next, 1) != ".") return false;
    std::size_t next = d.next + 1;
    if (t.substr(next, 1) == " " || t.substr(next, 1) == "-") ++next;
    return next < t.size() && is_upper(decode(t, next).cp);
}

// A straight or opening quote before a capital or a figure starts a quotation (`fin."Nous`).
bool quotation_at(std::string_view t, std::size_t i) {
    const Decoded d = decode(t, i);
    if (d.cp != '"' && d.cp != 0xAB && d.cp != 0x201C) return false;
    return quoted_start_at(t, skip_blanks(t, d.next));
}

// Where a sentence glued to the previous one starts (`temps.Les`, `fin."Nous`, `fin.«Nous`).
bool glued_sentence_at(std::string_view t, std::size_t i) {
    return i < t.size() && (capitalised_word_at(t, i) || quotation_at(t, i));
}

// Whether what starts at i (after white space) can open a new sentence.
bool opens_sentence(std::string_view t, std::size_t i) {
    const Decoded d = decode(t, i);
    if (d.cp < 0 || is_lower(d.cp)) return false;
    switch (d.cp) {
        case ',': case ';': case ':': case ')': case ']': case '.': case '!': case '?':
        case 0xBB: case 0x201D: case 0x2026:
            return false;
        case '(':  // (NASDAQ : TSM) or (TSMC) after Co. continue the sentence; (Voir...) opens one
            return capitalised_word_at(t, skip_blanks(t, d.next));
        default:
            return true;
    }
}

bool period_ends_sentence(std::string_view t, std::size_t dot, std::size_t next, bool spaced, Cursor& cursor) {
    if (!spaced && dot > 0 && is_digit(static_cast<unsigned char>(t[dot - 1])) && is_digit(decode(t, next).cp))
        return false;  // 3.5
    const WordBefore w = word_before(t, dot, cursor);
    const Abbreviations& abbr = abbreviations();
    if (w.single_capital || glued_initial_before(t, dot) || abbr.before_anything.contains(w.lower)) return false;
    // `60 ch.La Mini`, `journée.31 départements`, but not U.S.Army, www.Site.Com, `.Net` nor art.3
    if (!spaced)
        return !w.dotted && dot > 0 && !is_blank(decode_before(t, dot).cp) &&
               !in_address(t, dot, cursor) &&
               (glued_sentence_at(t, next) ||
                (initial_at(t, next) && ends_before_initial(t, dot)) ||
                ((upper_word_at(t, next) || (is_digit(decode(t, next).cp) && !abbr.before_number.contains(w.lower))) &&
                 after_lower_word(t, dot)) ||
                (is_digit(decode(t, next).cp) && t[dot - 1] == '%'));  // `8,8%.61% des parents`: no decimal after %
    if (is_digit(decode(t, next).cp) && abbr.before_number.contains(w.lower)) return false;
    if (initials(w) && capitalised_word_at(t, next)) return false;  // J.K. Rowling, J.-P. Dupont
    return opens_sentence(t, next);
}

// Where the sentence ends if the terminator run [i, j) ends one, else npos.
std::size_t sentence_end(std::string_view t, std::size_t i, std::size_t j, Cursor& cursor) {
    const std::size_t end = skip_closers(t, j, cursor);
    const std::size_t next = skip_blanks(t, end);
    if (next >= t.size()) return end;
    const bool spaced = next > end;
    const bool single_period = j == i + 1 && t[i] == '.';
    if (single_period) return period_ends_sentence(t, i, next, spaced, cursor) ? end : std::string_view::npos;
    if (i > 0 && (t[i - 1] == '[' || t[i - 1] == '(')) return std::string_view::npos;  // […] marks a cut
    const bool opens = spaced ? opens_sentence(t, next) : glued_sentence_at(t, next);
    return opens ? end : std::string_view::npos;
}

// The span [b, e) without surrounding white space.
Span trimmed(std::string_view t, std::size_t b, std::size_t e) {
    b = skip_blanks(t.substr(0, e), b);
    while (e > b && is_blank(decode_before(t, e).cp)) e = decode_before(t, e).next;
    return {b, e};
}

// The next byte from i on that may end a sentence: . ! ? a line break, or the lead byte of …
std::size_t next_candidate(std::string_view t, std::size_t i) {
    static constexpr auto kCandidate = [] {
        std::array<bool, 256> c{};
        for (const unsigned char b : {'.', '!', '?', '\n', '\xE2'}) c[b] = true;
        return c;
    }();
    while (i < t.size() && !kCandidate[static_cast<unsigned char>(t[i])]) ++i;
    return i;
}

std::vector<Span> split(std::string_view text) {
    std::vector<Span> out;
    std::size_t start = 0;
    Cursor cursor(text);
    auto push = [&](std::size_t end) {
        const Span s = trimmed(text, start, end);
        if (s.end > s.begin) out.push_back(s);
        start = end;
    };
    std::size_t i = 0;
    while ((i = next_candidate(text, i)) < text.size()) {
        if (text[i] == '\n') {
            push(i);
            ++i;
            continue;
        }
        std::size_t len = terminator_at(text, i);
        if (len == 0) {
            ++i;
            continue;
        }
        std::size_t j = i + len;
        while (j < text.size() && (len = terminator_at(text, j)) > 0) j += len;
        const std::size_t end = sentence_end(text, i, j, cursor);
        if (end != std::string_view::npos) push(end);
        i = end != std::string_view::npos ? end : j;
    }
    push(text.size());
    return out;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) { return remembered_sentences(text, split); }

}  // namespace plume::text
