// Subheadings built from a section's own words: the noun phrase of its sentences that
// carries the most of what is distinctive about the section.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "analyze/keyphrase.hpp"
#include "plan/noun_phrase.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinWords = 3;
constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxHeadingWords = 10;
constexpr std::size_t kMaxSentences = 12;  // where a section's subject is stated

struct Word {
    std::string lower;  // the whole token, lowercased, ' apostrophe
    std::string stem;   // content words only
    bool number = false;
    bool function = false;
    bool elided = false;
};

Word word_of(std::string_view s, const text::Token& t) {
    Word w;
    w.lower = unified_word(text::lowercase(t.view(s)));
    w.number = t.kind == text::TokenKind::Number;
    w.elided = t.base != t.begin;
    const std::string base = text::lowercase(s.substr(t.base, t.end - t.base));
    w.function = analysis::is_function_word(t.view(s)) || (!w.elided && analysis::is_function_word(base));
    if (!w.function && !w.number) w.stem = folded_stem(base);
    return w;
}

// A noun phrase opens on a determiner (la récolte de blé) or a name (TSMC et Foxconn),
// never on a word whose role the span would cut off (24 [minutes], [démarré] en mars).
bool can_start(const Word& w, const Word* before, bool capitalised) {
    if (w.elided) return w.lower.starts_with("l'") && !verb_like(w.lower);
    if (w.function) return determiner(w.lower);
    // A name right after a determiner belongs to the phrase the determiner opens (la Doua).
    return capitalised && before && !before->number && !determiner(before->lower) && !verb_like(w.lower);
}

bool can_hold(const Word& w) {
    if (w.elided) return (w.lower.starts_with("l'") || w.lower.starts_with("d'")) && !verb_like(w.lower.substr(2));
    return w.number || (w.function ? noun_phrase_word(w.lower) : !verb_like(w.lower));
}

// "décrivant", "visant" after a noun are verbs; "le montant", "un dirigeant" are nouns.
bool present_participle(const Word& before, const Word& w) {
    return (w.lower.ends_with("ant") || w.lower.ends_with("ants")) && w.lower.size() > 5 &&
           !determiner(before.lower) && !before.lower.ends_with("'");
}

// "pour afficher", "de construire", "à lever": a verb's infinitive after its preposition.
bool infinitive(const Word& before, const Word& w) {
    static const std::set<std::string, std::less<>> kMarkers = {"pour", "à", "de", "d'", "sans"};
    return kMarkers.contains(before.lower) && w.lower.size() > 3 &&
           (w.lower.ends_with("er") || w.lower.ends_with("ir") || w.lower.ends_with("re"));
}

bool can_end(const Word& w) { return w.number || (!w.function && !verb_like(w.lower)); }

bool starts_lower(std::string_view w) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    return !u_isupper(c);
}

// tf in the section times idf over the story's sentences.
using Weights = std::unordered_map<std::string_view, double>;

Weights document_frequencies(const Story& story) {
    Weights df;
    for (const StorySentence& s : story.sentences) {
        std::vector<std::string_view> stems(s.stems.begin(), s.stems.end());
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        for (std::string_view st : stems) ++df[st];
    }
    return df;
}

bool taken_already(const std::string& heading, const std::vector<std::string>& taken) {
    const std::string key = text::lowercase(heading);
    return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return text::lowercase(t) == key; });
}

struct Best {
    double score = 0;
    std::string text;
};

// One sentence's tokens, their roles in a noun phrase and their keyphrase match forms.
struct Parsed {
    std::vector<text::Token> tokens;
    std::vector<Word> words;
    std::vector<std::string> forms;
};

}  // namespace

struct HeadingWriter::Impl {
    const Story& story;
    std::string keyphrase;
    analysis::Keyphrase kp;
    std::size_t kp_words;
    Weights df;  // keys view the story's stems
    mutable std::vector<std::optional<Parsed>> parsed;

    const Parsed& parse(std::size_t i) const {
        if (!parsed[i]) {
            const std::string& s = story.sentences[i].text;
            Parsed p;
            p.tokens = story.sentences[i].tokens;
            for (const text::Token& t : p.tokens) {
                p.words.push_back(word_of(s, t));
                // The French match form, through the story's stem cache.
                p.forms.push_back(kp.empty() ? std::string() : folded_stem(text::lowercase(s.substr(t.base, t.end - t.base))));
            }
            parsed[i] = std::move(p);
        }
        return *parsed[i];
    }

    // tf in the section times idf over the story's sentences.
    Weights weights(const std::vector<int>& sentences) const {
        Weights tf;
        for (int i : sentences)
            for (const std::string& st : story.sentences[static_cast<std::size_t>(i)].stems) ++tf[st];
        const double n = static_cast<double>(story.sentences.size());
        for (auto& [st, w] : tf) w *= std::log(1.0 + n / df.at(st));
        return tf;
    }
};

HeadingWriter::HeadingWriter(const Story& story, const std::string& keyphrase)
    : impl_(new Impl{story, keyphrase, analysis::make_keyphrase(keyphrase, MatchMode::French), text::count_words(keyphrase),
                     document_frequencies(story),
                     std::vector<std::optional<Parsed>>(story.sentences.size())}) {}

HeadingWriter::~HeadingWriter() = default;

std::string HeadingWriter::operator()(const std::vector<int>& sentences, const std::vector<std::string>& taken,
                                      bool want_keyphrase) const {
    const Impl& m = *impl_;
    const auto weights = m.weights(sentences);
    // "Keyphrase : phrase" must stay within the 10 words of a subheading.
    const std::size_t room = kMaxHeadingWords > m.kp_words ? kMaxHeadingWords - m.kp_words : 0;
    Best best, best_plain, best_short;
    for (std::size_t k = 0; k < sentences.size() && k < kMaxSentences; ++k) {
        const std::string& s = m.story.sentences[static_cast<std::size_t>(sentences[k])].text;
        const Parsed& p = m.parse(static_cast<std::size_t>(sentences[k]));
        const auto& tokens = p.tokens;
        const auto& words = p.words;
        auto span_has_keyphrase = [&](std::size_t i, std::size_t j) {
            return !m.kp.empty() && std::all_of(m.kp.words.begin(), m.kp.words.end(), [&](const analysis::KeyWord& w) {
                for (std::size_t k = i; k <= j; ++k)
                    if (analysis::matches(w, p.forms[k], MatchMode::French)) return true;
                return false;
            });
        };
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const bool capitalised = tokens[i].kind == text::TokenKind::Word && !starts_lower(tokens[i].view(s));
            if (tokens[i].kind != text::TokenKind::Word || !can_start(words[i], i ? &words[i - 1] : nullptr, capitalised))
                continue;
            double sum = 0;
            std::vector<std::string_view> seen;
            for (std::size_t j = i; j < tokens.size() && j - i < kMaxWords; ++j) {
                const text::TokenKind kind = tokens[j].kind;
                if ((kind != text::TokenKind::Word && kind != text::TokenKind::Number) || !can_hold(words[j])) break;
                if (j > i && (present_participle(words[j - 1], words[j]) || infinitive(words[j - 1], words[j]))) break;
                if (const std::string& st = words[j].stem; !st.empty() && std::find(seen.begin(), seen.end(), st) == seen.end()) {
                    seen.push_back(st);
                    if (auto it = weights.find(st); it != weights.end()) sum += it->second;
                }
                const std::size_t n = j - i + 1;
                if (n < kMinWords || !can_end(words[j])) continue;
                const bool has_kp = span_has_keyphrase(i, j);
                const double score = sum / std::sqrt(static_cast<double>(n));
                Best& slot = has_kp ? best : best_plain;
                const bool shorter = !has_kp && n <= room && score > best_short.score;
                if (score <= slot.score && !shorter) continue;  // the text only for a candidate that wins
                const std::string heading = capitalise(s.substr(tokens[i].begin, tokens[j].end - tokens[i].begin));
                if (taken_already(heading, taken)) continue;
                if (score > slot.score) slot = {score, heading};
                if (shorter) best_short = {score, heading};
            }
        }
    }
    if (want_keyphrase) {
        if (!best.text.empty()) return best.text;
        if (!best_short.text.empty()) {
            const std::string h = capitalise(m.keyphrase) + "\u00a0: " + lower_ordinary_first_word(best_short.text);
            if (!taken_already(h, taken)) return h;
        }
    }
    return !best_plain.text.empty() ? best_plain.text : best.text;
}

}  // namespace plume::write
