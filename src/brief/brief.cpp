// Phase 1: a brief is recognised by its cues (data/fr/brief_cues.txt), never by its place
// alone: the first line of a source is usually its title, which must stay.
#include "brief/brief.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "plume/text.hpp"
#include "write/cues.hpp"

namespace plume::write {

namespace {

// A news title may ask nothing of anyone yet mention an article and SEO; a line is a
// brief when its cues are this many kinds, or two with an imperative verb among them.
constexpr int kKindsWithoutVerb = 3;
constexpr int kKindsWithVerb = 2;
// A keyphrase is a few words; a longer capture is a sentence the cue happens to precede.
constexpr std::size_t kKeyphraseMaxWords = 6;
constexpr std::size_t kMaxWords = 100000;
// A brief is a line of instructions (16 words at most in tests/unit/write_brief_test.cpp); a
// longer line inside a source is a paragraph, whatever cues it holds.
constexpr std::size_t kInnerBriefMaxWords = 40;

struct Word {
    std::string form;  // match_form of the word, its elision dropped
    std::size_t begin = 0;  // bytes in the line
    std::size_t end = 0;
    bool number = false;
    bool clause_start = false;  // first word of the line or after , ; . : ! ?
};

// Cues by kind, each as its words ("au moins" -> {"au", "moins"}).
using CueWords = std::map<std::string, std::vector<std::vector<std::string>>, std::less<>>;

// The kinds a brief is counted by (read_brief), one bit each: « french » and « english » are
// one, the language.
constexpr std::array<std::pair<std::string_view, unsigned>, 8> kCountedKinds = {{
    {"verb", 1u << 0}, {"article", 1u << 1}, {"seo", 1u << 2}, {"words", 1u << 3},
    {"headings", 1u << 4}, {"french", 1u << 5}, {"english", 1u << 5}, {"keyword", 1u << 6}}};
constexpr unsigned kVerbBit = 1u << 0;

struct Cues {
    CueWords by_kind;
    std::set<std::string, std::less<>> single_words;  // cues of one word, hyphenated ones kept whole
    // The counted kinds of the cues each word opens: a line whose words open fewer kinds
    // than a brief needs is none, whatever follows them.
    std::unordered_map<std::string, unsigned> opened_kinds;
};

const Cues& cues() {
    static const Cues c = [] {
        Cues out;
        for (const Cue& cue : cue_list("brief_cues")) {
            std::vector<std::string> words;
            for (std::size_t b = 0; b < cue.text.size();) {
                const auto e = std::min(cue.text.find(' ', b), cue.text.size());
                words.push_back(cue.text.substr(b, e - b));
                b = e + 1;
            }
            if (words.size() == 1) out.single_words.insert(words[0]);
            for (const auto& [kind, bit] : kCountedKinds)
                if (cue.kind == kind) out.opened_kinds[words[0]] |= bit;
            out.by_kind[cue.kind].push_back(std::move(words));
        }
        return out;
    }();
    return c;
}

// The words of the line; a hyphenated word that is no cue itself counts as its parts, so
// "SEO-friendly" says SEO and "700-word" gives a length.
std::vector<Word> words_of(std::string_view line) {
    std::vector<Word> out;
    bool clause_start = true;
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind == text::TokenKind::Punct) {
            const std::string_view p = t.view(line);
            clause_start = clause_start || p == "," || p == ";" || p == "." || p == ":" || p == "!" || p == "?";
            continue;
        }
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        const std::string form = match_form(line.substr(t.base, t.end - t.base));
        const bool number = t.kind == text::TokenKind::Number;
        if (number || form.find('-') == std::string::npos || cues().single_words.contains(form)) {
            out.push_back({form, t.begin, t.end, number, clause_start});
        } else {
            std::size_t b = 0;
            while (b <= form.size()) {
                const auto e = std::min(form.find('-', b), form.size());
                const std::string part = form.substr(b, e - b);
                const bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
                if (!part.empty()) out.push_back({part, t.begin, t.end, digits, clause_start && b == 0});
                b = e + 1;
            }
        }
        clause_start = false;
    }
    return out;
}

// Length of the cue of `kind` whose words start at words[i]; 0 when none does.
std::size_t match_at(const std::vector<Word>& words, std::size_t i, std::string_view kind) {
    const auto it = cues().by_kind.find(kind);
    if (it == cues().by_kind.end()) return 0;
    std::size_t best = 0;
    for (const auto& cue : it->second) {
        if (i + cue.size() > words.size() || cue.size() <= best) continue;
        std::size_t k = 0;
        while (k < cue.size() && words[i + k].form == cue[k]) ++k;
        if (k == cue.size()) best = k;
    }
    return best;
}

// Whether a cue of `kind` ends just before words[i].
bool ends_before(const std::vector<Word>& words, std::size_t i, std::string_view kind) {
    for (std::size_t start = 0; start < i; ++start)
        if (match_at(words, start, kind) == i - start) return true;
    return false;
}

std::optional<std::size_t> number_value(std::string_view line, const Word& w) {
    std::string digits;
    for (char c : line.substr(w.begin, w.end - w.begin))
        if (c >= '0' && c <= '9') digits += c;
        else if (c == ',' || c == '.') break;  // "1,5" is no word count; its integer part is
    std::size_t n = 0;
    const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || p != digits.data() + digits.size() || n == 0 || n > kMaxWords) return std::nullopt;
    return n;
}

// "at least 700 words", "au moins 900 mots", "700-word", "entre 700 et 900 mots" (700);
// a maximum ("at most 900 words") is not a minimum.
std::optional<std::size_t> min_words_of(std::string_view line, const std::vector<Word>& words) {
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (!words[i - 1].number || !match_at(words, i, "words")) continue;
        std::size_t n = i - 1;
        if (n >= 3 && words[n - 2].number && match_at(words, n - 1, "and") == 1 &&
            match_at(words, n - 3, "between") == 1)
            n -= 2;
        if (ends_before(words, n, "most")) continue;
        if (const auto value = number_value(line, words[n])) return value;
    }
    return std::nullopt;
}

// Length of the white space, no-break spaces included, that starts `s`.
std::size_t space_at(std::string_view s) {
    for (std::string_view space : {" ", "\t", "\u00A0", "\u202F"})
        if (s.starts_with(space)) return space.size();
    return 0;
}

std::string trim(std::string_view s) {
    while (const std::size_t n = space_at(s)) s.remove_prefix(n);
    while (!s.empty()) {
        std::size_t n = 0;
        for (std::size_t k = 1; k <= 3 && k <= s.size() && !n; ++k)
            if (space_at(s.substr(s.size() - k)) == k) n = k;
        if (!n) break;
        s.remove_suffix(n);
    }
    return std::string(s);
}

// The keyphrase after a keyword cue: between quotes when it is quoted, otherwise up to the
// next punctuation or linking word ("mot clé principal « tramway T11 »", "keyword: tram Lyon").
std::string keyphrase_of(std::string_view line, const std::vector<Word>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::size_t n = match_at(words, i, "keyword");
        if (!n) continue;
        std::size_t j = i + n;
        while (j < words.size() && match_at(words, j, "filler") == 1) ++j;
        std::size_t at = words[j - 1].end;
        while (at < line.size()) {
            const std::size_t n = line[at] == ':' || line[at] == '=' ? 1 : space_at(line.substr(at));
            if (!n) break;
            at += n;
        }
        const std::string_view rest = line.substr(at);
        static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
            {"«", "»"}, {"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"'", "'"}};
        std::string phrase;
        bool quoted = false;
        for (const auto& [open, close] : kQuotes)
            if (rest.starts_with(open)) {
                const auto end = rest.find(close, open.size());
                if (end != std::string_view::npos) phrase = trim(rest.substr(open.size(), end - open.size()));
                quoted = true;
                break;
            }
        if (!quoted) {
            std::size_t end = rest.find_first_of(",;.!?()");
            for (std::size_t k = j; k < words.size(); ++k)
                if (words[k].begin >= at && (match_at(words, k, "and") || match_at(words, k, "stop"))) {
                    end = std::min(end, words[k].begin - at);
                    break;
                }
            phrase = trim(rest.substr(0, std::min(end, rest.size())));
        }
        if (!phrase.empty() && text::words_at_most(phrase, kKeyphraseMaxWords)) return phrase;
    }
    return {};
}

// True or false when the line asks for subheadings or refuses them ("sans intertitres").
std::optional<bool> subheadings_of(const std::vector<Word>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!match_at(words, i, "headings")) continue;
        const bool refused = (i >= 1 && match_at(words, i - 1, "no")) || (i >= 2 && match_at(words, i - 2, "no"));
        return !refused;
    }
    return std::nullopt;
}

std::optional<Lang> lang_of(const std::vector<Word>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (match_at(words, i, "french")) return Lang::Fr;
        if (match_at(words, i, "english")) return Lang::En;
    }
    return std::nullopt;
}

// An imperative verb opens a clause, or follows "please" / "merci de".
bool has_imperative(const std::vector<Word>& words) {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (match_at(words, i, "verb") && (words[i].clause_start || ends_before(words, i, "polite"))) return true;
    return false;
}

bool has_kind(const std::vector<Word>& words, std::string_view kind) {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (match_at(words, i, kind)) return true;
    return false;
}

// Whether the line's words open cues of enough kinds to make a brief: most lines do not,
// and matching every cue at every word is the cost of reading a source.
bool may_be_brief(const std::vector<Word>& words) {
    unsigned kinds = 0;
    for (const Word& w : words)
        if (const auto it = cues().opened_kinds.find(w.form); it != cues().opened_kinds.end()) kinds |= it->second;
    return std::popcount(kinds) >= ((kinds & kVerbBit) ? kKindsWithVerb : kKindsWithoutVerb);
}

// The brief a line gives, or nullopt when the line asks nothing.
std::optional<Brief> read_brief(std::string_view line) {
    const std::vector<Word> words = words_of(line);
    if (!may_be_brief(words)) return std::nullopt;
    Brief b;
    b.min_words = min_words_of(line, words);
    b.subheadings = subheadings_of(words);
    b.lang = lang_of(words);
    b.keyphrase = keyphrase_of(line, words);
    const bool verb = has_imperative(words);
    const int kinds = verb + has_kind(words, "article") + has_kind(words, "seo") + b.min_words.has_value() +
                      b.subheadings.has_value() + b.lang.has_value() + has_kind(words, "keyword");
    if (kinds < (verb ? kKindsWithVerb : kKindsWithoutVerb)) return std::nullopt;
    b.line = trim(line);
    return b;
}

}  // namespace

Brief take_brief(std::string& text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const auto end = std::min(text.find('\n', begin), text.size());
        std::string_view line(text.data() + begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) {
            begin = end + 1;
            continue;
        }
        std::optional<Brief> brief = read_brief(line);
        if (!brief) return {};
        text.erase(begin, end < text.size() ? end + 1 - begin : end - begin);
        return *brief;
    }
    return {};
}

std::vector<std::string> take_inner_briefs(std::string& text) {
    std::vector<std::string> out;
    std::string kept;
    for (std::size_t begin = 0; begin < text.size();) {
        const auto end = std::min(text.find('\n', begin), text.size());
        std::string_view line(text.data() + begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::optional<Brief> brief;
        if (text::words_at_most(line, kInnerBriefMaxWords)) brief = read_brief(line);
        if (brief) out.push_back(std::move(brief->line));
        else kept.append(text, begin, end + 1 - begin);
        begin = end + 1;
    }
    if (!out.empty()) text = std::move(kept);
    return out;
}

}  // namespace plume::write
