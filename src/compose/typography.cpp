// French typography for the article: the rules of the analyser's `frenchTypography` check
// (src/analyze/extra/typography.cpp), applied instead of reported, and the classes of faults a
// web editor found in plume's articles (glued or straight quotes, 32.000, 18H00, Etat). The text
// is copied code point by code point; only spaces, quotation marks, apostrophes, dashes, the
// separators of a number, an hour's H, the accent of a capital and a period a quotation's own
// mark makes a second one change, never a word.
#include "compose/typography.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyze/extra/extra.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/quote_role.hpp"
#include "write/text_case.hpp"

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

// Straight double quotes paired within a line; a mark left without its pair stays as it is.
void pair_straight(std::string_view t, std::vector<Quotation>& out) {
    std::size_t pending = std::string_view::npos;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') pending = std::string_view::npos;
        if (t[i] != '"') continue;
        const text::QuoteRole role = text::straight_quote_role(t, i, pending != std::string_view::npos);
        if (role == text::QuoteRole::Close) {
            out.push_back({pending, pending + 1, i, i + 1});
            pending = std::string_view::npos;
        } else if (role == text::QuoteRole::Open) {
            pending = i;
        }
    }
}

// Whether `c`, the mark at `i`, may open a quotation written with it: at the start of a line,
// after a blank or an opening mark, and glued to the letter after it (« une 'diagonale »,
// « du +clickbait »); not an elision (l'homme), a sign (+5 %) or an inch.
bool opens_alternate(std::string_view t, std::size_t i) {
    const UChar32 before = last_cp(t.substr(0, i));
    return (before < 0 || text::chars::is_space(before) || is_one_of(before, U"«“([")) && is_alpha(cp_at(t, i + 1));
}

// Whether the mark at `i` closes one: glued to the word or the stop before it, and to no
// letter or digit after it (« l'humanité » inside the quotation goes on).
bool closes_alternate(std::string_view t, std::size_t i) {
    const UChar32 before = last_cp(t.substr(0, i));
    return (text::chars::is_alnum(before) || is_one_of(before, U".!?…")) && !text::chars::is_alnum(cp_at(t, i + 1));
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

// A comma or a period after ordinary spaces that follow a word, a figure or a closing mark,
// and before a space or the end: a scraped page's « européennes , ». French sets no space
// there. A period before a letter or a figure (« .NET », « ,5 ») is left as it is.
bool spaced_stop(std::string_view out, UChar32 next) {
    const std::size_t run = blanks_before(out, out.size());
    if (run == out.size() || run == 0 || (next >= 0 && !is_blank(next) && next != '\n')) return false;
    const UChar32 before = decode_before(out, run).cp;
    return is_alpha(before) || is_digit(before) || is_one_of(before, U"»”)\"");
}

// A page that lost the space after a sign: a comma glued between two words (« personnes,en
// marge »), or the period of a name's initial glued to the next sentence (« Cyrille P.Les
// jumeaux »: a lone capital before it, a capital and a small letter after). Not « J.K. »,
// « 3,5 » nor « .NET ».
bool glued_stop(std::string_view out, UChar32 sign, std::string_view t, std::size_t next) {
    const UChar32 before = last_cp(out), after = cp_at(t, next);
    if (sign == ',') return is_alpha(before) && is_alpha(after);
    if (!text::chars::is_upper(before) || !text::chars::is_upper(after)) return false;
    const std::size_t initial = decode_before(out, out.size()).next;  // where the capital starts
    return (initial == 0 || is_blank(last_cp(out.substr(0, initial)))) && text::chars::is_lower(cp_at(t, decode(t, next).next));
}

// A hyphen between spaces inside a line, the way a keyboard types a dash (« Johnny - « c'est
// notre trésor » - reposent »), or closing an incise before a stop (« Chevènement - président
// de la fondation -, »): French sets the en dash « – » there. Not a list's marker at a
// line's start, nor a minus glued to its figure (« -5 % »).
bool spaced_hyphen(std::string_view out, UChar32 next) {
    const std::size_t word_end = blanks_before(out, out.size());
    return word_end > 0 && word_end < out.size() && out[word_end - 1] != '\n' && (is_blank(next) || is_one_of(next, U",.;)"));
}

// Two hyphens typed for an incise's dash, glued to the words or spaced (« s'entretient
// --surtout par téléphone, coronavirus oblige-- avec »; 12 such in 11 of the corpus's 290
// texts, every one an incise): not a run of three or more, nor at a line's start.
bool double_hyphen(std::string_view t, std::size_t next, std::string_view out) {
    const UChar32 before = last_cp(out);
    return cp_at(t, next) == '-' && cp_at(t, next + 1) != '-' && before != '-' && before != '\n' && before >= 0;
}

// A period after a closing guillemet whose quotation ends on its own ! ? or … (« …sont fermés
// ! ». ): the quotation's mark ends the sentence, and French sets no second one.
bool stop_after_quoted_stop(std::string_view out, UChar32 next) {
    if (!out.ends_with("»") || !(next < 0 || is_blank(next) || next == '\n')) return false;
    std::size_t end = out.size() - std::string_view("»").size();
    while (end > 0 && (is_blank(decode_before(out, end).cp) || is_nbsp(decode_before(out, end).cp))) end = decode_before(out, end).next;
    const UChar32 mark = end > 0 ? decode_before(out, end).cp : -1;
    return mark == '!' || mark == '?' || mark == 0x2026;
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

// Digits glued to what comes before them belong to a word, a code or another number.
bool glued_before(std::string_view t, std::size_t i) {
    const UChar32 prev = i > 0 ? decode_before(t, i).cp : -1;
    return text::chars::is_alnum(prev) || is_one_of(prev, U".,:/-_#°+@");
}

std::size_t digits_end(std::string_view t, std::size_t i) {
    while (i < t.size() && is_digit(static_cast<unsigned char>(t[i]))) ++i;
    return i;
}

// The end of a number whose thousands are separated by periods (32.000, 21.936.820), or
// npos: one to three digits not starting with 0, then groups of exactly three, and no
// period, colon or letter glued after them with more. Dates (12.05.2020), decimals (3.5,
// 0.750), versions and addresses (1.2.3, 192.168.1.1) are none.
std::size_t dotted_thousands_end(std::string_view t, std::size_t i) {
    const std::size_t head = digits_end(t, i);
    if (head - i > 3 || t[i] == '0' || glued_before(t, i)) return std::string_view::npos;
    std::size_t end = head;
    while (end < t.size() && t[end] == '.' && digits_end(t, end + 1) == end + 4) end += 4;
    const UChar32 after = cp_at(t, end);
    const bool more = is_one_of(after, U".:") && is_digit(cp_at(t, end + 1));
    if (end == head || more || text::chars::is_letter(after)) return std::string_view::npos;
    return end;
}

// An hour glued to a capital H, 18H00, 9H30 or 23H (the wire services' form): its end, or npos.
// Up to 24, H, then two digits up to 59 or none; a letter, a digit, / or - after it (24H/24,
// 16H-18H, 4H2) and it is something else, or left as written. The press's 18h30 is left glued:
// spaced, it is three words to yoastseo, and long sentences in 1 of the 39 corpus articles that
// write it crossed its limit.
std::size_t glued_time_end(std::string_view t, std::size_t i) {
    const std::size_t hour = digits_end(t, i);
    if (hour - i > 2 || hour >= t.size() || t[hour] != 'H' || glued_before(t, i) ||
        std::stoi(std::string(t.substr(i, hour - i))) > 24)
        return std::string_view::npos;
    std::size_t end = hour + 1;
    if (digits_end(t, end) == end + 2 && t[end] <= '5') end += 2;
    const UChar32 after = cp_at(t, end);
    if (text::chars::is_alnum(after) || is_one_of(after, U"/-")) return std::string_view::npos;
    return end;
}

// 18H00 -> 18 h 00 (Imprimerie nationale): the hour's mark is a lowercase h between narrow
// no-break spaces, like the unit after a figure; the digits stay as written (06 h 00).
std::string spaced_time(std::string_view time) {
    const std::size_t mark = time.find('H');
    std::string out(time.substr(0, mark));
    out += kNarrow;
    out += 'h';
    if (mark + 1 < time.size()) out += std::string(kNarrow) + std::string(time.substr(mark + 1));
    return out;
}

// An opening quotation mark glued to what comes before it gets a space there, except after an
// elision (l’« akazu »), an opening bracket or a dash.
void space_before_opening(std::string& out) {
    const UChar32 before = last_cp(out);
    if (before < 0 || text::chars::is_space(before) || text::chars::is_apostrophe_cp(before) || is_one_of(before, U"([{-–—/"))
        return;
    out += ' ';
}

// A closing quotation mark glued to the next word (a flattened page: « …autonome"Les quinze »)
// gets a space after it.
void space_after_closing(std::string_view t, std::size_t next, std::string& out) {
    if (text::chars::is_alnum(cp_at(t, next))) out += ' ';
}

// One pass of the rules over the text.
std::string typography_pass(std::string_view t) {
    const std::vector<text::Span> verbatim = verbatim_spans(t);
    const std::vector<std::pair<std::size_t, bool>> quotes = straight_quote_marks(t);
    const std::vector<std::pair<std::size_t, bool>> alternates = alternate_quote_marks(t);
    auto skip = verbatim.begin();
    auto quote = quotes.begin();
    auto alternate = alternates.begin();
    std::string out;
    out.reserve(t.size() + t.size() / 8);
    int open_quotes = 0;  // a » without « is a separator (Accueil » Actualités), not a quote
    bool inner = false;   // a straight quotation inside « » is open, written “ ”
    bool alternate_inner = false;  // the same for 'mot' or +mot+
    for (std::size_t i = 0; i < t.size();) {
        while (skip != verbatim.end() && skip->end <= i) ++skip;
        if (skip != verbatim.end() && skip->begin <= i) {
            out += t.substr(i, skip->end - i);
            i = skip->end;
            continue;
        }
        const text::chars::Decoded c = decode(t, i);
        if (is_digit(c.cp)) {
            if (const std::size_t end = glued_time_end(t, i); end != std::string_view::npos) {
                out += spaced_time(t.substr(i, end - i));
                i = end;
                continue;
            }
            const std::size_t dotted = dotted_thousands_end(t, i);
            const auto number = analysis::extra::check_thousands(t, i);
            const std::size_t end = dotted != std::string_view::npos ? dotted : number.end;
            const std::string_view digits = t.substr(i, end - i);
            out += dotted != std::string_view::npos || number.fault ? grouped(digits) : std::string(digits);
            i = end;
            continue;
        }
        while (quote != quotes.end() && quote->first < i) ++quote;
        const bool straight_quote = quote != quotes.end() && quote->first == i;
        while (alternate != alternates.end() && alternate->first < i) ++alternate;
        const bool alternate_quote = alternate != alternates.end() && alternate->first == i;
        bool& inner_open = alternate_quote ? alternate_inner : inner;
        if (open_quotes > 0 && ((straight_quote && quote->second) || (alternate_quote && alternate->second))) {  // inside « »: “ ”
            space_before_opening(out);
            out += "“";
            inner_open = true;
        } else if ((straight_quote || alternate_quote) && inner_open) {
            out += "”";
            inner_open = false;
            space_after_closing(t, c.next, out);
        } else if (c.cp == U'«' || (straight_quote && quote->second) || (alternate_quote && alternate->second)) {
            ++open_quotes;
            space_before_opening(out);
            out += "«";
            i = space_after(t, c.next, out);
            continue;
        } else if (c.cp == U'»' || straight_quote || alternate_quote) {
            const bool closes = open_quotes > 0;
            if (closes) {
                --open_quotes;
                space_before(out, kNbsp);
            }
            out += "»";
            if (closes) space_after_closing(t, c.next, out);
        } else if (c.cp == ':' || c.cp == ';' || c.cp == '!' || c.cp == '?') {
            if (sign_needs_space(out, c.cp, cp_at(t, c.next))) space_before(out, c.cp == ':' ? kNbsp : kNarrow);
            out += t.substr(i, c.next - i);
        } else if (c.cp == '.' && stop_after_quoted_stop(out, cp_at(t, c.next))) {
        } else if ((c.cp == ',' || c.cp == '.') && spaced_stop(out, cp_at(t, c.next))) {
            out.resize(blanks_before(out, out.size()));  // « européennes , » : no space before
            out += static_cast<char>(c.cp);
        } else if ((c.cp == ',' || c.cp == '.') && glued_stop(out, c.cp, t, c.next)) {
            out += static_cast<char>(c.cp);
            out += ' ';
        } else if (c.cp == '%') {
            space_before_percent(out);
            out += '%';
        } else if (c.cp == '-' && double_hyphen(t, c.next, out)) {
            if (!is_blank(last_cp(out))) out += ' ';
            out += "\u2013";
            i = c.next + 1;
            if (is_alpha(cp_at(t, i)) || is_digit(cp_at(t, i))) out += ' ';
            continue;
        } else if (c.cp == '-' && spaced_hyphen(out, cp_at(t, c.next))) {
            out += "\u2013";  // « à Londres - c'est l'interprète… - un son »: an incise's dash
        } else if ((c.cp == '\'' && is_alpha(last_cp(out)) && (is_alpha(cp_at(t, c.next)) || is_one_of(cp_at(t, c.next), U"«“"))) ||
                   (c.cp == '"' && text::elision_quote(t, i))) {
            out += "’";
        } else {
            if (c.cp == '\n' && cp_at(t, c.next) == '\n') {  // quotations end with the paragraph
                open_quotes = 0;
                inner = alternate_inner = false;
            }
            out += t.substr(i, c.next - i);
        }
        i = c.next;
    }
    return out;
}

// The words of data/fr/accented_capitals.txt (état, île, ça) by their form with an unaccented
// first letter (etat, ile, ca).
const std::unordered_map<std::string, std::string>& accented_capitals() {
    static const auto forms = [] {
        std::unordered_map<std::string, std::string> out;
        for (const std::string& word : text::word_list("accented_capitals")) {
            const std::size_t first = decode(word, 0).next;
            out.emplace(text::strip_accents(word.substr(0, first)) + word.substr(first), capitalise(word));
        }
        return out;
    }();
    return forms;
}

// A word, or one part of a compound (Ile-de-France), with its accented capital when the list
// has it: Etat -> État; empty otherwise. Only a capital that opens the part, the rest as the
// list writes it (ETAT and EtAt are left alone).
std::string_view accented_part(std::string_view part) {
    if (part.empty() || part[0] < 'A' || part[0] > 'Z') return {};
    std::string key(part);
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    const auto it = accented_capitals().find(key);
    return it == accented_capitals().end() ? std::string_view{} : std::string_view(it->second);
}

// The words of data/fr/oe_ligatures.txt (sœur, œuvre) by their form typed « oe ».
const std::unordered_map<std::string, std::string>& oe_ligatures() {
    static const auto forms = [] {
        std::unordered_map<std::string, std::string> out;
        for (const std::string& word : text::word_list("oe_ligatures")) {
            std::string typed = word;
            for (std::size_t at; (at = typed.find("œ")) != std::string::npos;) typed.replace(at, std::string_view("œ").size(), "oe");
            out.emplace(std::move(typed), word);
        }
        return out;
    }();
    return forms;
}

// A word, or one part of a compound, written with its ligature when the list has it typed
// « oe »: soeur -> sœur, Oeuvre -> Œuvre, d'oeuvre -> d'œuvre; empty otherwise.
std::string ligatured_part(std::string_view part) {
    // After an elision (d'oeuvre, d’oeuvre), the word.
    std::size_t from = 0;
    if (const std::size_t straight = part.find('\''); straight != std::string_view::npos) from = straight + 1;
    else if (const std::size_t curly = part.find("’"); curly != std::string_view::npos) from = curly + std::string_view("’").size();
    if (part.size() < from + 3) return {};
    const std::string_view word = part.substr(from);
    const bool capital = word[0] == 'O';
    if (word.find("oe") == std::string_view::npos && !(capital && word.size() > 1 && word[1] == 'e')) return {};
    std::string key(word);
    if (capital) key[0] = 'o';
    const auto it = oe_ligatures().find(key);
    if (it == oe_ligatures().end()) return {};
    return std::string(part.substr(0, from)) + (capital ? capitalise(it->second) : it->second);
}

std::size_t alnum_count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const text::chars::Decoded c = decode(s, i);
        n += text::chars::is_alnum(c.cp);
        i = c.next;
    }
    return n;
}

// Where `n` letters and digits from `i` on end.
std::size_t after_alnums(std::string_view s, std::size_t i, std::size_t n) {
    while (n > 0 && i < s.size()) {
        const text::chars::Decoded c = decode(s, i);
        n -= text::chars::is_alnum(c.cp);
        i = c.next;
    }
    return i;
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

std::vector<std::pair<std::size_t, bool>> alternate_quote_marks(std::string_view t) {
    // The longest one the corpus holds is a sentence of 26 words quoted inside another.
    constexpr std::size_t kMaxWords = 30;
    std::vector<std::pair<std::size_t, bool>> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char mark = t[i];
        if ((mark != '\'' && mark != '+') || !opens_alternate(t, i)) continue;
        std::size_t words = 1;
        for (std::size_t j = i + 1; j < t.size() && words <= kMaxWords && t[j] != '\n'; ++j) {
            if (t.compare(j, 2, "«") == 0 || t.compare(j, 2, "»") == 0) break;  // a French quotation's edge
            words += t[j] == ' ' && j + 1 < t.size() && t[j + 1] != ' ';
            if (t[j] != mark) continue;
            if (closes_alternate(t, j)) {
                out.emplace_back(i, true);
                out.emplace_back(j, false);
                i = j;
                break;
            }
            if (mark == '+') break;  // no + inside: a formula, not a quotation
        }
    }
    return out;
}

// Whether a name of one word starts at `i`, a capital and small letters (« Copenhague »,
// « Pékin »), and no capitalised word after it: « A Rome, », not the English title « A
// Quiet Place » nor « A NEW ».
bool place_after(std::string_view t, std::size_t i) {
    const auto small = [&](std::size_t k) {
        return k < t.size() && ((t[k] >= 'a' && t[k] <= 'z') || static_cast<unsigned char>(t[k]) >= 0x80);
    };
    if (i >= t.size() || t[i] < 'A' || t[i] > 'Z' || !small(i + 1)) return false;
    std::size_t end = i + 1;
    while (small(end) || (end < t.size() && t[end] == '-')) ++end;
    if (end >= t.size() || t[end] != ' ') return true;
    return !(end + 1 < t.size() && t[end + 1] >= 'A' && t[end + 1] <= 'Z');
}

// The Latin locutions that open on « a » and keep it unaccented (« A priori, … »).
bool latin_after(std::string_view t, std::size_t i) {
    static constexpr std::array<std::string_view, 6> kLatin = {"priori", "posteriori", "fortiori", "contrario", "minima", "maxima"};
    const std::string_view rest = t.substr(std::min(i, t.size()));
    return std::any_of(kLatin.begin(), kLatin.end(), [&](std::string_view w) {
        return rest.starts_with(w) && (rest.size() == w.size() || !std::isalpha(static_cast<unsigned char>(rest[w.size()])));
    });
}

std::string accent_initial_a(std::string_view t) {
    std::string out(t);
    for (std::size_t at = out.find("A "); at != std::string::npos; at = out.find("A ", at + 1)) {
        if (latin_after(out, at + 2)) continue;
        const std::string_view before = std::string_view(out).substr(0, at);
        const std::string_view text = before.substr(0, before.find_last_not_of(" \u00a0\u202f") + 1);  // npos + 1 == 0
        const bool spaced = text.size() < before.size();
        const bool opens = text.empty() || text.ends_with("\u00ab") || text.ends_with('"') ||
                           (spaced && (text.ends_with('.') || text.ends_with('!') || text.ends_with('?')));
        const char next = at + 2 < out.size() ? out[at + 2] : ' ';
        const bool sentence = text.empty() || !(text.ends_with("\u00ab") || text.ends_with('"'));
        if (opens && ((next >= 'a' && next <= 'z') || (sentence && place_after(out, at + 2)))) out.replace(at, 1, "\u00c0");
    }
    return out;
}

std::vector<std::string> french_typography(const std::vector<std::string>& pieces) {
    const auto one_by_one = [&] {  // where the paragraph cannot be cut back into its pieces
        std::vector<std::string> each;
        for (const std::string& p : pieces) each.push_back(french_typography(p));
        return each;
    };
    // Typography changes spaces, marks and accents, never the letters and digits: once typeset,
    // a piece ends at the first plain space after as many of them as it had.
    std::string joined;
    for (const std::string& p : pieces) {
        if (p.empty()) continue;
        if (alnum_count(p) == 0) return one_by_one();
        joined += joined.empty() ? p : " " + p;
    }
    const std::string typeset = french_typography(joined);
    std::vector<std::string> out;
    std::size_t begin = 0;
    for (const std::string& p : pieces) {
        if (p.empty()) {
            out.emplace_back();
            continue;
        }
        const std::size_t end = std::min(typeset.find(' ', after_alnums(typeset, begin, alnum_count(p))), typeset.size());
        out.push_back(typeset.substr(begin, end - begin));
        begin = std::min(end + 1, typeset.size());
    }
    std::string rejoined;
    for (const std::string& p : out)
        if (!p.empty()) rejoined += rejoined.empty() ? p : " " + p;
    return rejoined == typeset ? out : one_by_one();
}

std::size_t typeset_words(std::string_view t) {
    // Typography changes a text's count only by grouping a number's digits (« 12000 » ->
    // « 12 000 », two words to a reader): without a digit, the words are the text's own.
    if (t.find_first_of("0123456789") == std::string_view::npos) {
        std::size_t n = 0;
        for (const text::Token& tok : text::tokenize(t)) n += tok.kind == text::TokenKind::Word;
        return n;
    }
    const std::string typeset = french_typography(t);
    std::size_t n = 0;
    for (const text::Token& tok : text::tokenize(typeset)) {
        if (tok.kind == text::TokenKind::Word) ++n;
        if (tok.kind != text::TokenKind::Number) continue;
        const std::string_view number = tok.view(typeset);
        for (std::size_t i = 0; i < number.size();) {
            const text::chars::Decoded c = decode(number, i);
            n += i == 0 || text::chars::is_space(c.cp);
            i = c.next;
        }
    }
    return n;
}

std::string accent_capitals(std::string_view t) {
    std::string out;
    std::size_t done = 0;
    for (const text::Token& tok : text::tokenize(t)) {
        if (tok.kind != text::TokenKind::Word) continue;
        const std::string_view word = t.substr(0, tok.end);  // not the rest of the text: it may hold no '-'
        for (std::size_t b = tok.base; b < tok.end;) {
            const std::size_t e = std::min(word.find('-', b), tok.end);
            if (const std::string_view accented = accented_part(t.substr(b, e - b)); !accented.empty()) {
                out.append(t, done, b - done);
                out += accented;
                done = e;
            } else if (const std::string ligatured = ligatured_part(t.substr(b, e - b)); !ligatured.empty()) {
                out.append(t, done, b - done);
                out += ligatured;
                done = e;
            }
            b = e + 1;
        }
    }
    return done == 0 ? std::string(t) : out.append(t.substr(done));
}

std::string french_typography(std::string_view t) {
    // A pass may create work for the next one: a number it groups can join a short number
    // before it (12 123456 -> 12 123 456), a space it adds can make a straight quote pairable.
    // Passes only add or replace spaces and marks (removing only spaces before a stop), so a few settle the text;
    // the bound only guards against a rule interplay no test has met.
    constexpr int kMaxPasses = 8;
    const std::string in = accent_capitals(accent_initial_a(t));
    std::string out = typography_pass(in);
    if (out == in) return out;  // typeset already: a pass would find nothing more to do
    for (int pass = 1; pass < kMaxPasses; ++pass) {
        std::string next = typography_pass(out);
        if (next == out) break;
        out = std::move(next);
    }
    return out;
}

}  // namespace plume::write
