#include "parse/flattened.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/lexicon.hpp"

namespace plume::parse {

namespace {
using namespace text::chars;

constexpr std::size_t npos = std::string_view::npos;
// Twelve words of a subheading fit in far less; the search for its closing dash stops here.
constexpr std::size_t kSubheadingMaxBytes = 200;
// A subheading glued to the next sentence runs longer than a `- Titre -` one: over the 265
// sources of ../shared/corpus, 62 run 1 to 12 words, 3 run 13 or 14 (headings, by eye) and
// the next one 21 (a sentence that lost its final point).
constexpr std::size_t kGluedSubheadingMaxWords = 16;
// Spaced from the sentence before it as well, a subheading is read in fewer words: the
// corpus's three run 2 to 6.
constexpr std::size_t kSpacedSubheadingMaxWords = 8;
// Characters of page code, which no subheading has.
constexpr std::string_view kCodeSigns = "{}=<>_\\|";
// A medium's name after a teaser's « par » (« BFMTV », « France 3 Lyon », « euronews (en
// français) ») fits in this much.
constexpr std::size_t kMediumMaxBytes = 40;

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
    return is_digit(c) ? i > dash_end : is_upper(c) || is_opener(c) || c == '#';
}

bool is_hyphen(std::string_view s, std::size_t dash, std::size_t after) {
    return dash > 0 && is_alnum(decode_before(s, dash).cp) && after < s.size() && is_alnum(decode(s, after).cp);
}

// Past the white space and closing marks from byte i.
std::size_t skip_blanks_and_closers(std::string_view s, std::size_t i) {
    while (i < s.size() && (is_space(decode(s, i).cp) || is_closer(decode(s, i).cp))) i = decode(s, i).next;
    return i;
}

// A question closes a subheading glued to what follows (`masquée? -Quant`); followed by a
// spaced dash it is dialogue (`– Tu viens ? – Oui.`).
std::size_t dash_after_question(std::string_view s, std::size_t i) {
    i = skip_blanks_and_closers(s, i);
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

// A capitalised word (a capital, then a small letter or an elision) at byte i.
bool capitalised_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || !is_upper(decode(s, i).cp)) return false;
    const std::size_t next = decode(s, i).next;
    return next < s.size() && (is_lower(decode(s, next).cp) || is_apostrophe_cp(decode(s, next).cp));
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

// The word at byte i, lowercased, with its elision (« l' »), is a function word. The scan
// stops past the longest one: a run of letters may be megabytes long.
bool function_word_at(std::string_view s, std::size_t i) {
    const std::unordered_set<std::string>& words = text::word_list("function_words");
    static const std::size_t longest = [&] {
        std::size_t n = 0;
        for (const std::string& w : words)
            n = std::max<std::size_t>(n, std::count_if(w.begin(), w.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        return n;
    }();
    std::size_t e = i, code_points = 0;
    while (e < s.size() && code_points <= longest && is_letter(decode(s, e).cp)) e = decode(s, e).next, ++code_points;
    if (code_points > longest) return false;  // lowercase keeps at least as many code points
    std::string w = text::lowercase(s.substr(i, e - i));
    if (e < s.size() && is_apostrophe_cp(decode(s, e).cp)) w += '\'';
    return words.contains(w);
}

// The subheading a bullet opens between two sentences or after a colon (`fin. • Titre Le
// texte`, `l'enquête :• Que s'est-il passé ?La fusillade`): its words run to its question
// mark, or to the capitalised function word that opens the next sentence after a word in
// small letters, within kGluedSubheadingMaxWords; none when a sentence end or a capital glued
// to a word comes first (a list item, or a glued subheading `cut_glued` reads).
std::optional<Subheading> bullet_heading_at(std::string_view s, std::size_t bullet, std::size_t after) {
    const std::size_t before = trim_end(s, 0, bullet);
    if (before > 0 && !after_sentence(s, bullet) && decode_before(s, before).cp != ':') return std::nullopt;
    const std::size_t begin = skip_blanks(s, after);
    if (!opens_subheading(s, after, begin)) return std::nullopt;
    std::size_t words = 1;
    for (std::size_t i = begin; i < s.size() && words <= kGluedSubheadingMaxWords;) {
        const Decoded d = decode(s, i);
        if (d.cp == '?') {
            const std::size_t next = skip_blanks_and_closers(s, d.next);
            return next < s.size() && is_upper(decode(s, next).cp) ? std::optional<Subheading>({begin, d.next, next}) : std::nullopt;
        }
        if (is_terminator(d.cp) || d.cp == ';' || (i > begin && is_upper(d.cp) && is_lower(decode_before(s, i).cp))) return std::nullopt;
        if (is_space(d.cp)) {
            const std::size_t next = skip_blanks(s, d.next);
            if (capitalised_at(s, next) && is_lower(decode_before(s, i).cp) && function_word_at(s, next))
                return Subheading{begin, i, next};
            ++words;
        }
        i = d.next;
    }
    return std::nullopt;
}

// A capitalised word at byte i that opens a sentence: a function word, listed or a
// grammatical word to the dictionary (« Le », « Quant », « Dans », « L'hebdomadaire »), not
// a numeral nor a word the dictionary reads only as a noun or adjective, which a title or a
// name capitalises inside a sentence (« le Premier ministre », « le Cinq »); a word in small
// letters follows (not « Le Pen », « La Poste », « Les Républicains », « En Marche »).
bool sentence_opener_at(std::string_view s, std::size_t i) {
    constexpr std::size_t kOpenerMaxLetters = 12;  // « lorsqu' »; a run of letters may be megabytes
    if (!capitalised_at(s, i)) return false;
    std::size_t e = i, letters = 0;
    while (e < s.size() && letters <= kOpenerMaxLetters && is_letter(decode(s, e).cp)) e = decode(s, e).next, ++letters;
    if (letters > kOpenerMaxLetters) return false;
    std::string word = text::lowercase(s.substr(i, e - i));
    const bool elided = e < s.size() && is_apostrophe_cp(decode(s, e).cp);
    if (elided) word += '\'';
    const text::WordReadings r = text::word_readings(word);
    if (r.numeral || (r.nominal && !r.grammatical) || !(r.grammatical || function_word_at(s, i))) return false;
    const std::size_t next = elided ? decode(s, e).next : skip_blanks(s, e);
    return next < s.size() && is_lower(decode(s, next).cp);
}

std::size_t heading_start(std::string_view s, std::size_t sentence, std::size_t end);

// Whether a word of s is an auxiliary's form or a verb in a finite form and no noun or
// adjective as well (« a nié », « restait »).
bool has_conjugated_verb(std::string_view s) {
    for (const text::Token& t : text::tokenize(s)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string word = text::lowercase(s.substr(t.base, t.end - t.base));
        if (text::conjugated(word, text::word_readings(word))) return true;
    }
    return false;
}

// A subheading spaced from the sentence after it (`…du bruit.Un chantier prévu pour trois
// ans Dans le quartier…`): it starts after a sentence end or at the line's start, at the
// sentence from `sentence` or at a figure the splitter did not cut at (`journée.31
// départements toujours en alerte Dans le détail`), and a word opening in small letters or
// a figure meets, at i, a sentence opener, within kGluedSubheadingMaxWords (glued to the
// sentence before) or kSpacedSubheadingMaxWords. Over the corpus's 290 texts: 3 runs glued
// and 3 spaced, all subheadings (docs/analysis.md). Where it starts, npos if none.
std::size_t spaced_heading_start(std::string_view s, std::size_t sentence, std::size_t i) {
    // Sixteen words fit in twice a `- Titre -` subheading's bytes: a long sentence is not
    // counted again at each of its capitals.
    if (i <= sentence || i - sentence > 2 * kSubheadingMaxBytes || !is_space(decode_before(s, i).cp) || !capitalised_at(s, i))
        return npos;
    const std::size_t start = heading_start(s, sentence, i);
    const bool glued = start > 0 && !is_space(decode_before(s, start).cp);
    if ((start > 0 && !after_sentence(s, start)) || !(is_digit(decode(s, start).cp) || opens_subheading(s, start, start)))
        return npos;
    const std::size_t word_end = trim_end(s, start, i);
    std::size_t word = word_end;
    while (word > start && !is_space(decode_before(s, word).cp)) word = decode_before(s, word).next;
    if (word == word_end || !is_alnum(decode_before(s, word_end).cp)) return npos;
    const UChar32 first = decode(s, word).cp;
    if (!(is_lower(first) || is_digit(first)) || !sentence_opener_at(s, i)) return npos;
    const std::string_view run = s.substr(start, word_end - start);
    if (run.find_first_of(kCodeSigns) != npos || !text::words_at_most(run, glued ? kGluedSubheadingMaxWords : kSpacedSubheadingMaxWords))
        return npos;
    if (glued) return start;
    // Spaced from both sentences, the words are a subheading only when they name and say
    // nothing (`programme. Techniques d'audition Si la Sécurité…`): no verb, and no function
    // word last (`De sa rencontre avec M'jid El Guerrab`).
    const bool last_function_word = text::word_list("function_words").contains(text::lowercase(s.substr(word, word_end - word)));
    return has_conjugated_verb(run) || last_function_word ? npos : start;
}

// Page code, handles, hashtags and addresses glue words on purpose (`playerType`, `#JusticePourTous`).
// Asked at increasing bytes, each token between spaces is read once, not once per letter.
class CodeTokens {
public:
    explicit CodeTokens(std::string_view s) : s_(s) {}
    bool at(std::size_t i) {
        if (i < begin_ || i >= end_) {
            begin_ = end_ = i;
            while (begin_ > 0 && !is_space(decode_before(s_, begin_).cp)) begin_ = decode_before(s_, begin_).next;
            while (end_ < s_.size() && !is_space(decode(s_, end_).cp)) end_ = decode(s_, end_).next;
            const std::string_view token = s_.substr(begin_, end_ - begin_);
            code_ = token.find_first_of(kCodeSigns) != npos || token.find_first_of("#@/") != npos;
        }
        return code_;
    }

private:
    std::string_view s_;
    std::size_t begin_ = 0, end_ = 0;
    bool code_ = false;
};

// The word at byte i holds a small letter: a sentence's first word, not a word of a
// subheading in capitals (`D'UNE`).
bool has_small_letter(std::string_view s, std::size_t i) {
    for (; i < s.size() && !is_space(decode(s, i).cp); i = decode(s, i).next)
        if (is_lower(decode(s, i).cp)) return true;
    return false;
}

// Roman numerals and their ordinal (`XVIIe`, `IIIe`): capitals before a capitalised
// « e » that end no subheading.
bool roman_ordinal(std::string_view letters) {
    return letters.find_first_not_of("IVXLCDM") == npos;
}

// « A Thise (Doubs), ce sont… », « À Lyon, … »: the preposition of a sentence opening on a
// place, its capital's accent often lost, then a space and a capitalised word; a capital
// alone glued to a word is no capitalised word (`catastropheA Thise`).
bool place_preposition_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    const Decoded a = decode(s, i);
    if (a.cp != 'A' && a.cp != 0xC0) return false;
    return a.next + 1 < s.size() && s[a.next] == ' ' && capitalised_at(s, a.next + 1);
}

// Words a subheading's last words may repeat at the sentence after it.
constexpr std::size_t kRepeatedNameMaxWords = 4;
constexpr std::size_t kRepeatedNameMaxBytes = 120;

// The words between spaces of s, the first one dropped when `partial` (cut by a window).
std::vector<std::string_view> spaced_words(std::string_view s, bool partial) {
    std::vector<std::string_view> words;
    for (std::size_t b = s.find_first_not_of(' '); b != npos;) {
        const std::size_t e = std::min(s.find(' ', b), s.size());
        words.push_back(s.substr(b, e - b));
        b = s.find_first_not_of(' ', e);
    }
    if (partial && !words.empty()) words.erase(words.begin());
    return words;
}

// A subheading ending on a name glued to a sentence opening on the same name (`Les
// explications de François de RugyFrançois de Rugy a mis…`): the one to four words before
// byte i are the words after it, the last one's closing signs aside. No name set in camel
// case repeats itself.
bool name_repeated_at(std::string_view s, std::size_t i) {
    const std::size_t from = i > kRepeatedNameMaxBytes ? i - kRepeatedNameMaxBytes : 0;
    const auto before = spaced_words(s.substr(from, i - from), from > 0);
    const auto after = spaced_words(s.substr(i, kRepeatedNameMaxBytes), false);
    for (std::size_t k = 1; k <= kRepeatedNameMaxWords && k <= before.size() && k <= after.size(); ++k) {
        std::string_view last = after[k - 1];
        while (!last.empty() && !is_letter(decode_before(last, last.size()).cp)) last = last.substr(0, decode_before(last, last.size()).next);
        if (std::equal(before.end() - k, before.end() - 1, after.begin()) && before.back() == last) return true;
    }
    return false;
}

// A subheading glued to the sentence after it ends at byte i: a small letter, then a
// capitalised word (`côtesLes`). Names set in camel case are no such end: a capital before
// (`McDonald`, `AstraZeneca`) needs a function word after (`LyonMalgré`) or the name
// repeated (`RugyFrançois de Rugy`), and a lone small letter (`iPhone`) none at all. A
// subheading set in capitals ends on a word of three capitals or more glued to a
// capitalised word (`SONDAGESEmmanuel`, `RATPLes`), or of two glued to an elided one (`chez
// LRL'ancien`), except a roman numeral's ordinal (`XVIIe`).
bool glued_heading_end(std::string_view s, std::size_t i, CodeTokens& code) {
    if (i == 0 || !(capitalised_at(s, i) || place_preposition_at(s, i)) || code.at(i)) return false;
    std::size_t b = i, letters = 0;
    if (is_upper(decode_before(s, i).cp)) {
        while (b > 0 && is_upper(decode_before(s, b).cp)) {
            b = decode_before(s, b).next;
            ++letters;
        }
        const bool whole_word = b == 0 || !is_letter(decode_before(s, b).cp);
        // An elided article glued to two capitals ends them too (`chez LRL'ancien`): no word
        // spells capitals then « L' ».
        const bool elided = is_apostrophe_cp(decode(s, decode(s, i).next).cp);
        return whole_word && (letters >= 3 || (elided && letters == 2)) && has_small_letter(s, i) &&
               !roman_ordinal(s.substr(b, decode(s, i).next - b));
    }
    if (!is_lower(decode_before(s, i).cp)) return false;
    bool capital = false;
    // Back to the word's start or its last capital (then two letters at least were read).
    while (b > 0 && !capital && is_letter(decode_before(s, b).cp)) {
        b = decode_before(s, b).next;
        capital = is_upper(decode(s, b).cp);
        ++letters;
    }
    return letters >= 2 && (!capital || function_word_at(s, i) || name_repeated_at(s, i));
}

// A quotation opening at byte i on a capitalised word (`"Nous`, `« Nous`): a sentence that
// opens on a speaker's words.
bool quotation_opens_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || !is_opener(decode(s, i).cp) || decode(s, i).cp == '\'') return false;
    const std::size_t next = skip_blanks(s, decode(s, i).next);
    return capitalised_at(s, next);
}

// A capitalised word, or a quotation opening on one, after a space and a word in capitals
// (`PÉDAGOGIE Des`, `EXACERBÉES "J'ai`): where a subheading set in capitals may end.
bool after_capitals_word(std::string_view s, std::size_t i) {
    if (i == 0 || !is_space(decode_before(s, i).cp)) return false;
    if (!(capitalised_at(s, i) && has_small_letter(s, i)) && !quotation_opens_at(s, i)) return false;
    std::size_t b = decode_before(s, i).next, capitals = 0;
    while (b > 0 && is_letter(decode_before(s, b).cp)) {
        if (!is_upper(decode_before(s, b).cp)) return false;
        b = decode_before(s, b).next;
        ++capitals;
    }
    return capitals >= 2;
}

// A subheading set in capitals before a sentence, spaced (`MANQUE DE PÉDAGOGIE Des mesures`,
// `10.000 PLACES DE PRISON Sur la question`): its words from `head` to byte i, two to
// sixteen, eight capitals or more, no small letter and no sign but a figure's and a word's.
// Over the corpus's 265 sources, such runs before a capitalised word are all subheadings
// (9), and a lone word in capitals (`VIDÉO - Jean`) none.
bool capitals_heading(std::string_view s, std::size_t head, std::size_t i) {
    std::size_t capitals = 0;
    for (std::size_t k = head; k < i; k = decode(s, k).next) {
        const UChar32 c = decode(s, k).cp;
        if (is_lower(c) || !(is_alnum(c) || is_space(c) || is_apostrophe_cp(c) || c == '-' || c == '.' || c == ','))
            return false;
        capitals += is_upper(c);
    }
    const std::size_t words = text::count_words(s.substr(head, i - head));
    return capitals >= 8 && words >= 2 && words <= kGluedSubheadingMaxWords;
}

// « par » glued to the end of a teaser's title: to a word, a figure, a question mark, a
// channel's « + » or a closing quote (`?par`, `»par`, `Autainpar`, `CANAL+par`), not to an
// opening quote (`faite "par`).
bool glued_par(std::string_view s, std::size_t i) {
    if (i == 0 || !s.substr(i).starts_with("par ")) return false;
    const Decoded before = decode_before(s, i);
    if (is_alnum(before.cp) || before.cp == '?' || before.cp == '!' || before.cp == '+' || before.cp == 0xBB || before.cp == 0x201D)
        return true;
    return before.cp == '"' && before.next > 0 && !is_space(decode_before(s, before.next).cp);
}

// Where the medium's name from byte `name` ends: at the capitalised word glued to it
// (`BFMTVLe`, `franceinfoLa`, `(en français)La`), before an opening quote, spaced or glued
// (`franceinfo"Depuis`), or at the end of the text. A name has words, figures and a
// bracket, no other sign but an exclamation mark ending it; npos when none ends.
std::size_t medium_end(std::string_view s, std::size_t name) {
    for (std::size_t k = name; k < s.size() && k <= name + kMediumMaxBytes;) {
        const Decoded d = decode(s, k);
        if (k > name && capitalised_at(s, k) && !is_space(decode_before(s, k).cp)) return k;
        if (k > name && is_space(d.cp) && d.next < s.size() && is_opener(decode(s, d.next).cp)) return k;
        // A quotation glued to it (`franceinfo"Depuis des mois`).
        if (k > name && (d.cp == '"' || is_opener(d.cp)) && d.next < s.size() && is_upper(decode(s, d.next).cp)) return k;
        // A show named with its exclamation mark (`par Bonsoir!L'affaire`).
        if (k > name && d.cp == '!' && (d.next == s.size() || capitalised_at(s, d.next))) return d.next;
        if (!is_alnum(d.cp) && !is_space(d.cp) && d.cp != '(' && d.cp != ')') return npos;
        k = d.next;
    }
    return s.size() <= name + kMediumMaxBytes && s.size() > name ? s.size() : npos;
}

// Where a teaser's title ends before its « par » at byte i: before the date a page may set
// after it (`Macron ? - 21/02par`).
std::size_t title_end(std::string_view s, std::size_t begin, std::size_t i) {
    std::size_t e = i;
    while (e > begin && (is_digit(decode_before(s, e).cp) || decode_before(s, e).cp == '/')) e = decode_before(s, e).next;
    if (e == i) return i;
    e = trim_end(s, begin, e);
    return e > begin && is_dash(decode_before(s, e).cp) ? trim_end(s, begin, decode_before(s, e).next) : i;
}

bool is_marker(UChar32 c) { return c == 0x2022 || c == 0x2666 || is_dash(c); }

// Where a subheading glued at `end` starts in the sentence from `sentence`: at the list
// marker or dash that opens it (`• Titre`, `- Titre`) or at its figure (`12 stations`),
// after a sentence end the splitter did not cut at (`fin.• Titre`, `fin.12 stations`; a
// decimal point is no sentence end).
std::size_t heading_start(std::string_view s, std::size_t sentence, std::size_t end) {
    std::size_t start = sentence;
    for (std::size_t i = sentence; i < end; i = decode(s, i).next) {
        const UChar32 c = decode(s, i).cp;
        if (i == sentence || !(is_marker(c) || is_digit(c)) || !after_sentence(s, i)) continue;
        const std::size_t point = decode_before(s, i).next;
        if (!is_digit(c) || point == 0 || !is_digit(decode_before(s, point).cp)) start = i;
    }
    return start;
}

// A subheading glued by a quotation mark to the sentence after it: a pull quote
// (`fin."Aucune violence tolérée"Le président`), a heading quoting someone (`Un Brexit dur
// "quasi impossible"Du côté`) or one before a quotation (`Un tollé dans le Nord"Permettez`).
// In running text a quotation mark is spaced on one side. Where, before the capitalised word
// at i, such a quotation mark ends the sentence's first words: after it when it closes a
// quotation, before it when it opens one; npos otherwise. Over the corpus's 265 sources,
// 41 such marks within 16 words of a sentence's start, in 30 sources: subheadings by eye.
// A straight quote glued between a point and the sentence (`fin."Je suis…`) may have been
// read as closing the sentence before: `sentence` moves back onto it when it opens.
// `previous` is where the sentence before starts: a quoted exclamation the splitter ended
// (`"Les ports sont fermés !""Ma réponse…`) is the heading then.
std::size_t quoted_heading_end(std::string_view s, std::size_t& sentence, std::size_t previous, std::size_t i) {
    if (i <= sentence || !capitalised_at(s, i)) return npos;
    const Decoded mark = decode_before(s, i);
    const std::size_t at = mark.next;
    if (at == sentence && previous < sentence && is_opener(decode(s, previous).cp)) sentence = previous;
    std::size_t lead = sentence;
    if (sentence > 0)
        if (const Decoded q = decode_before(s, sentence); q.cp == '"' && q.next > 0 && is_terminator(decode_before(s, q.next).cp))
            lead = q.next;
    const bool quotation_mark = mark.cp == '"' || mark.cp == 0xAB || mark.cp == 0xBB || mark.cp == 0x201C || mark.cp == 0x201D;
    if (at <= lead || !quotation_mark) return npos;
    const auto straight = [&](std::size_t b, std::size_t e) {
        return std::count(s.begin() + static_cast<std::ptrdiff_t>(b), s.begin() + static_cast<std::ptrdiff_t>(e), '"');
    };
    const bool closes = mark.cp == '"' ? straight(lead, at) % 2 == 1 : is_closer(mark.cp);
    // Glued to a letter or to the end of a quoted exclamation or question; one opening a
    // quotation may follow the heading's own closing one (`Une estimation à "affiner""Nous`).
    const UChar32 before = decode_before(s, at).cp;
    if (!(is_letter(before) || before == '!' || before == '?' || (!closes && (before == '"' || before == 0xBB || before == 0x201D))))
        return npos;
    const std::size_t end = closes ? i : at;
    if (straight(lead, end) % 2 != 0) lead = sentence;  // the quote moved back onto pairs with none
    const std::size_t start = heading_start(s, lead, end);
    const std::string_view words = s.substr(start, end - start);
    if (words.find('.') != npos || words.find_first_of(kCodeSigns) != npos) return npos;
    const std::size_t n = text::count_words(words);
    if (n < 1 || n > kGluedSubheadingMaxWords) return npos;
    sentence = lead;
    return end;
}

// Its words: past the marker.
std::size_t past_marker(std::string_view s, std::size_t start, std::size_t end) {
    if (start < end && is_marker(decode(s, start).cp)) start = skip_blanks(s, decode(s, start).next);
    return std::min(start, end);
}

// Cuts the text piece [p.begin, p.end) of a line at its glued subheadings and video teasers.
void cut_glued(std::string_view line, const Piece& p, std::vector<Piece>& out) {
    const std::string_view s = line.substr(0, p.end);
    const std::vector<text::Span> spans = text::split_sentences(s.substr(p.begin));
    CodeTokens code(s);
    std::size_t from = p.begin, span = 0;
    bool own = p.own_paragraph, joined = false;
    const auto emit = [&](std::size_t b, std::size_t e, bool heading) {
        e = trim_end(line, b, e);
        if (e <= b) return;
        out.push_back({b, e, heading, own && !heading, joined && !heading});
        own = own && heading;
        joined = false;
    };
    for (std::size_t i = p.begin; i < p.end; i = std::max(from, decode(line, i).next)) {
        // What is looked for below starts on a capital, an opening quotation mark or « par »:
        // most bytes of a text, small letters, figures and spaces, are passed at once.
        if (const char c = line[i]; (c >= 'a' && c <= 'z' && c != 'p') || (c >= '0' && c <= '9') || c == ' ') continue;
        while (span + 1 < spans.size() && p.begin + spans[span + 1].begin <= i) ++span;
        const std::size_t sentence = std::max(from, p.begin + (spans.empty() ? 0 : spans[span].begin));
        if (const std::size_t end = glued_par(s, i) ? medium_end(s, i + 4) : npos; end != npos) {
            std::size_t begin = sentence, title = title_end(s, sentence, i);
            if (title == sentence && span > 0) begin = std::max(from, p.begin + spans[span - 1].begin);  // `? - 21/02par`
            if (title == sentence) title = title_end(s, begin, i);
            emit(from, begin, false);
            own = true;
            emit(begin, title, text::words_at_most(s.substr(begin, title - begin), kGluedSubheadingMaxWords));
            own = true;
            emit(i, end, false);
            from = skip_blanks(s, end);
            own = true;
            continue;
        }
        const std::size_t previous = span > 0 ? std::max(from, p.begin + spans[span - 1].begin) : sentence;
        if (std::size_t lead = sentence, end = quoted_heading_end(s, lead, previous, i); end != npos && lead >= from) {
            const std::size_t start = heading_start(s, lead, end), head = past_marker(s, start, end);
            if (head < end && opens_subheading(s, head, head)) {
                emit(from, start, false);
                emit(head, end, true);
                own = true;
                from = end;
                continue;
            }
        }
        if (const std::size_t start = sentence >= from ? spaced_heading_start(s, sentence, i) : npos; start != npos) {
            emit(from, start, false);
            emit(start, i, true);
            own = true;
            from = i;
            continue;
        }
        const bool spaced = after_capitals_word(s, i);
        if (!spaced && !glued_heading_end(s, i, code)) continue;
        // A subheading has at most kSubheadingMaxBytes: in a longer sentence only a marker or
        // figure after a sentence end within them may open one, read there, not from the
        // sentence start at each capitalised word.
        std::size_t window = i - sentence > kSubheadingMaxBytes ? i - kSubheadingMaxBytes : sentence;
        while (window < i && (static_cast<unsigned char>(s[window]) & 0xC0) == 0x80) ++window;
        std::size_t start = heading_start(s, spaced ? window : sentence, i);
        if (spaced && window != sentence && start == window) continue;
        std::size_t head = past_marker(s, start, i);
        // A lone straight quote before it closes the sentence before (`chansonnier."UNE`).
        if (start == head && s.substr(head, 1) == "\"" && std::count(s.begin() + head, s.begin() + i, '"') == 1)
            start = head = head + 1;
        if (spaced) {
            if (!capitals_heading(s, head, i)) continue;
            emit(from, start, false);
            emit(head, i, true);
            own = true;
            from = i;
            continue;
        }
        if (head >= i || s.substr(head, i - head).find_first_of(kCodeSigns) != npos) continue;
        if (!is_digit(decode(s, head).cp) && !opens_subheading(s, head, head)) continue;
        if (text::words_at_most(s.substr(head, i - head), kGluedSubheadingMaxWords)) {
            emit(from, start, false);
            emit(head, i, true);
            own = true;
        } else {
            emit(from, i, false);  // a sentence that lost its final point: it goes on after a space
            joined = true;
        }
        from = i;
    }
    emit(from, p.end, false);
}

}  // namespace

bool is_video_credit(std::string_view paragraph) {
    return paragraph.starts_with("par ") && medium_end(paragraph, 4) == paragraph.size();
}

// Arrows and squares mark list items only: « • » and dashes open subheadings as well.
bool is_item_marker(UChar32 c) { return c == 0x25BA || c == 0x25B6 || c == 0x25B8 || c == 0x27A4 || c == 0x25A0 || c == 0x25AA; }

// Where the list item from `begin` ends: at the next item marker; the last item at its first
// sentence end, at the sentence after it, glued (a lowercase letter then a capital) or spaced
// and opening on a function word (`…en été Le vote a eu lieu`), or at the line's end.
std::size_t item_end(std::string_view s, std::size_t begin) {
    std::size_t i = begin;
    while (i < s.size() && !is_item_marker(decode(s, i).cp)) i = decode(s, i).next;
    if (i < s.size()) return i;
    for (i = begin; i < s.size(); i = decode(s, i).next) {
        const Decoded d = decode(s, i);
        if (is_terminator(d.cp)) {
            const std::size_t next = skip_blanks_and_closers(s, d.next);
            if (next < s.size() && is_upper(decode(s, next).cp)) return d.next;
        } else if (i > begin && is_upper(d.cp) && is_lower(decode_before(s, i).cp)) {
            return i;
        } else if (is_space(d.cp) && i > begin && is_lower(decode_before(s, i).cp) && sentence_opener_at(s, skip_blanks(s, i))) {
            return i;
        }
    }
    return s.size();
}

std::vector<Piece> cut_at_subheadings(std::string_view line) {
    std::vector<Piece> out;
    std::size_t text_begin = 0;
    for (std::size_t i = 0; i < line.size();) {
        const Decoded d = decode(line, i);
        if (is_item_marker(d.cp)) {
            if (trim_end(line, text_begin, i) > text_begin) cut_glued(line, {text_begin, trim_end(line, text_begin, i)}, out);
            const std::size_t begin = skip_blanks(line, d.next), end = item_end(line, begin);
            if (trim_end(line, begin, end) > begin) out.push_back({.begin = begin, .end = trim_end(line, begin, end), .own_paragraph = true, .item = true});
            text_begin = i = skip_blanks(line, end);
            continue;
        }
        const auto h = is_dash(d.cp) ? subheading_at(line, i, d.next) : d.cp == 0x2022 ? bullet_heading_at(line, i, d.next) : std::nullopt;
        if (!h) {
            i = d.next;
            continue;
        }
        if (trim_end(line, text_begin, i) > text_begin) cut_glued(line, {text_begin, trim_end(line, text_begin, i)}, out);
        out.push_back({h->begin, h->end, true});
        text_begin = i = h->next;
    }
    if (text_begin < line.size()) cut_glued(line, {text_begin, line.size()}, out);
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
