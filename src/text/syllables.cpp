// French syllables by rule, for the Kandel–Moles reading ease. A syllable is a group of
// written vowels (oi, ou, ai, eau, ieu are one), with these corrections:
// - silent letters: u of qu and of gu before e/i/y, e of ge before a/o/u;
// - a silent final e or es (vie, pages; kept in le, les), and the silent -ent of verbs
//   in the third person plural (parlent, avaient) recognised by ending, while the -ent of
//   nouns, adjectives and adverbs is sounded (moment, client, souvent);
// - hiatus splits a vowel group: diaeresis (naïf, Noël), é next to a vowel (réalité,
//   créer), o before e (poète), a before o (chaos), y after a vowel (pays, payer), and
//   i/u after a consonant + l/r (client, cruel);
// - capitals words of up to three letters, or without vowel (IA, PDG, TSMC), are spelled.
// Parts of a word between apostrophes and hyphens (aujourd’hui, peut-être) add up.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>
#include <vector>

#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::text {

namespace {
using namespace chars;

enum Mark : char { kNone, kAcute, kGrave, kDiaeresis };  // kGrave: grave or circumflex

struct Letter {
    // No default member initializers: the per-word buffer is not zeroed.
    char base;  // a-z, or '#' for a letter outside the Latin alphabet
    Mark mark;
    bool upper;
    char unused;  // four bytes: returned in one register
};

// Latin letters with diacritics (U+00C0–U+024F), decomposed once by ICU.
constexpr std::size_t kMaxLetters = 48;
constexpr UChar32 kLatinFirst = 0xC0, kLatinLast = 0x24F;

Letter decompose(UChar32 cp) {
    const UChar32 lower = u_tolower(cp);
    Letter l{'#', kNone, is_upper(cp), 0};
    if (lower == 0x153 || lower == 0xE6) {  // œ, æ sound as one vowel
        l.base = 'e';
        return l;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString parts;
    if (U_FAILURE(status) || !nfd->getDecomposition(lower, parts) || parts.length() < 1 || parts[0] >= 0x80 ||
        !is_ascii_alpha(parts[0]))
        return l;
    l.base = static_cast<char>(parts[0]);
    const UChar accent = parts.length() > 1 ? parts[1] : 0;
    l.mark = accent == 0x301 ? kAcute : accent == 0x300 || accent == 0x302 ? kGrave : accent == 0x308 ? kDiaeresis : kNone;
    return l;
}

Letter latin_letter(UChar32 cp) {
    static const auto table = [] {
        std::array<Letter, kLatinLast - kLatinFirst + 1> t{};
        for (UChar32 c = kLatinFirst; c <= kLatinLast; ++c) t[static_cast<std::size_t>(c - kLatinFirst)] = decompose(c);
        return t;
    }();
    if (cp >= kLatinFirst && cp <= kLatinLast) return table[static_cast<std::size_t>(cp - kLatinFirst)];
    return {'#', kNone, is_upper(cp), 0};
}

inline Letter letter_of(UChar32 cp) {
    if (cp < 0x80) return {static_cast<char>(cp | 0x20), kNone, cp <= 'Z', 0};
    return latin_letter(cp);
}

bool vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
bool front_vowel(const Letter& l) { return (l.base == 'e' || l.base == 'i' || l.base == 'y') && l.mark != kDiaeresis; }
bool back_vowel(const Letter& l) { return l.base == 'a' || l.base == 'o' || l.base == 'u'; }
bool obstruent(char c) { return std::string_view("bcdfgkptv").find(c) != std::string_view::npos; }

// Endings of -ent words: verbs whose -ent is silent, and the nouns, adjectives and adverbs
// that share the ending but sound it. The longest matching ending decides; no match: sounded.
constexpr std::pair<std::string_view, bool> kEntEndings[] = {
    {"aient", true},    {"oient", true},   {"uent", true},    {"éent", true},    {"yent", true},
    {"ssent", true},    {"ttent", true},   {"nnent", true},   {"llent", true},   {"rment", true},
    {"lment", true},    {"aiment", true},  {"nomment", true}, {"somment", true}, {"ndent", true},
    {"rdent", true},    {"èdent", true},   {"aident", true},  {"itent", true},   {"utent", true},
    {"outent", true},   {"ûtent", true},   {"ètent", true},   {"otent", true},   {"tatent", true},
    {"stent", true},    {"ptent", true},   {"ctent", true},   {"rtent", true},   {"ltent", true},
    {"ntent", true},    {"isent", true},   {"usent", true},   {"osent", true},   {"nsent", true},
    {"rsent", true},    {"ivent", true},   {"euvent", true},  {"ouvent", true},  {"rvent", true},
    {"èvent", true},    {"ovent", true},   {"rlent", true},   {"blent", true},   {"plent", true},
    {"flent", true},    {"glent", true},   {"clent", true},   {"eulent", true},  {"ulent", true},
    {"èlent", true},    {"ôlent", true},   {"ilent", true},   {"rnent", true},   {"ènent", true},
    {"èrent", true},    {"urent", true},   {"irent", true},   {"orent", true},   {"trent", true},
    {"brent", true},    {"vrent", true},   {"frent", true},   {"acent", true},   {"ncent", true},
    {"rcent", true},    {"pent", true},    {"bent", true},    {"fent", true},    {"chent", true},
    {"gnent", true},    {"quent", true},   {"xent", true},    {"ngent", true},   {"igent", true},
    {"ègent", true},    {"ogent", true},   {"ugent", true},   {"gagent", true},  {"tagent", true},
    {"sagent", true},   {"ragent", true},  {"vraiment", false}, {"souvent", false}, {"serpent", false},
    {"arpent", false},  {"excellent", false}, {"content", false}, {"équent", false}, {"loquent", false},
    {"écent", false},   {"scent", false},  {"ocent", false},  {"érent", false},  {"arent", false},
    {"rrent", false},   {"alent", false},  {"olent", false},  {"ésent", false},  {"bsent", false},
    {"ligent", false},
};

// The -ent endings spelled as letters, decoded once.
struct Ending {
    std::vector<Letter> letters;
    bool silent;
};

bool same_letter(const Letter& a, const Letter& b) { return a.base == b.base && a.mark == b.mark; }

// The letter before -ent (every ending has one): only the endings sharing it can match.
std::size_t ent_key(const Letter* w, std::size_t n) { return static_cast<unsigned char>(w[n - 4].base) & 0x7F; }

bool silent_ent(const Letter* w, std::size_t n) {
    static const auto by_key = [] {
        std::array<std::vector<Ending>, 128> out;
        for (const auto& [text, silent] : kEntEndings) {
            Ending e{{}, silent};
            for (std::size_t i = 0; i < text.size();) {
                const Decoded d = decode(text, i);
                e.letters.push_back(letter_of(d.cp));
                i = d.next;
            }
            out[ent_key(e.letters.data(), e.letters.size())].push_back(std::move(e));
        }
        return out;
    }();
    std::size_t best = 0;
    bool silent = false;
    for (const Ending& e : by_key[ent_key(w, n)]) {
        const std::size_t len = e.letters.size();
        if (len <= best || len > n) continue;
        bool match = true;
        for (std::size_t k = 0; k < len && match; ++k) match = same_letter(w[n - len + k], e.letters[k]);
        if (match) {
            best = len;
            silent = e.silent;
        }
    }
    return silent;
}

// A vowel letter that is not sounded; each test starts with its rare letter before the vowel,
// which keeps the branches predictable.
bool silent_vowel(const Letter* w, std::size_t k, std::size_t n) {
    const char c = w[k].base;
    const char prev = k > 0 ? w[k - 1].base : '\0';
    const bool has_next = k + 1 < n;
    if (prev == 'q' && c == 'u') return true;                                                   // quatre
    if (prev == 'g' && c == 'u' && has_next && front_vowel(w[k + 1])) return true;              // guerre
    if (prev == 'g' && c == 'e' && w[k].mark == kNone && has_next && back_vowel(w[k + 1])) return true;  // mangeons
    return k == 0 && c == 'y' && has_next && vowel_letter(w[k + 1].base);                       // yeux
}

// Which letters of `w` are sounded vowels.
void mark_vowels(const Letter* w, std::size_t n, bool* vowel) {
    for (std::size_t k = 0; k < n; ++k) vowel[k] = vowel_letter(w[k].base) && !silent_vowel(w, k, n);
}

// Whether vowel k, following vowel k-1 in the same group, starts a new syllable.
bool hiatus(const Letter* w, std::size_t k, std::size_t end) {
    const Letter& a = w[k - 1];
    const Letter& b = w[k];
    if (b.mark == kDiaeresis || b.base == 'y') return true;
    if (a.mark == kAcute) return true;
    if (b.mark == kAcute && a.base != 'i' && a.base != 'u') return true;
    const bool u_next = k + 1 < end && w[k + 1].base == 'u';
    if (a.base == 'o' && b.base == 'e' && !u_next) return true;  // poète, but oeuvre
    if (a.base == 'a' && b.base == 'o' && !u_next) return true;  // chaos, but août
    const bool after_cluster = k >= 3 && (w[k - 2].base == 'l' || w[k - 2].base == 'r') && obstruent(w[k - 3].base);
    if (after_cluster && a.mark == kNone && (a.base == 'i' || (a.base == 'u' && b.base != 'i'))) return true;
    return false;
}

int spelled(const Letter* w, std::size_t n) {
    int syllables = 0;
    for (std::size_t k = 0; k < n; ++k) syllables += w[k].base == 'w' ? 3 : w[k].base == 'y' ? 2 : 1;
    return syllables;
}

// Syllables of one run of letters.
int part_syllables(const Letter* w, std::size_t n) {
    bool vowel[kMaxLetters];
    mark_vowels(w, n, vowel);
    bool all_upper = n >= 2, any_vowel = false;
    for (std::size_t k = 0; k < n; ++k) {
        all_upper = all_upper && w[k].upper;
        any_vowel = any_vowel || vowel[k];
    }
    if (all_upper && (n <= 3 || (!any_vowel && n <= 6))) return spelled(w, n);

    auto sounded_before = [&](std::size_t end) {
        for (std::size_t k = 0; k < end; ++k)
            if (vowel[k]) return true;
        return false;
    };
    std::size_t end = n;
    const auto plain_e = [&](std::size_t k) { return w[k].base == 'e' && w[k].mark == kNone; };
    const bool ent = n > 3 && w[n - 3].base == 'e' && w[n - 3].mark == kNone && w[n - 2].base == 'n' && w[n - 1].base == 't';
    if (ent && silent_ent(w, n) && sounded_before(n - 3))
        end = n - 3;
    else if (n > 2 && plain_e(n - 2) && w[n - 1].base == 's' && sounded_before(n - 2))
        end = n - 2;
    else if (n > 1 && plain_e(n - 1) && sounded_before(n - 1))
        end = n - 1;

    int syllables = 0;
    for (std::size_t k = 0; k < end; ++k)
        if (vowel[k] && (k == 0 || !vowel[k - 1] || hiatus(w, k, end))) ++syllables;
    return syllables;
}

}  // namespace

int count_syllables(std::string_view word) {
    // A part longer than kMaxLetters (not a French word) is counted in pieces.
    Letter part[kMaxLetters];
    std::size_t n = 0;
    int total = 0;
    for (std::size_t i = 0; i <= word.size();) {
        const Decoded d = i < word.size() ? decode(word, i) : Decoded{-1, i + 1};
        if (is_mark(d.cp)) {  // combining marks add no letter
        } else if (d.cp >= 0 && is_letter(d.cp) && n < kMaxLetters) {
            part[n++] = letter_of(d.cp);
        } else {
            if (n > 0) total += part_syllables(part, n);
            n = 0;
            if (d.cp >= 0 && is_letter(d.cp)) part[n++] = letter_of(d.cp);
        }
        i = d.next;
    }
    return total > 0 ? total : 1;
}

}  // namespace plume::text
