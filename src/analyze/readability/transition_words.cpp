// textTransitionWords: share of sentences with a transition word (data/fr/transition_words.txt)
// or both parts of a correlative pair (data/fr/two_part_transition_words.txt).
#include <algorithm>
#include <array>

#include "analyze/readability/readability.hpp"
#include "analyze/word_index.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kNeededAbove = 200;  // words; shorter texts need no transition words
constexpr double kOk = 20;
constexpr double kGood = 30;

// A sentence's words, elisions expanded: views into the sentence's words or into kElided.
using Words = std::vector<std::string_view>;

// Elided words in full (qu'il -> que il, d'abord -> de abord), so that « parce qu'il »
// matches « parce que » and « d’abord » matches « d'abord ».
void append_expanded(std::string_view word, Words& out) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kElided = {{
        {"l", "le"}, {"d", "de"}, {"j", "je"}, {"m", "me"}, {"t", "te"}, {"s", "se"}, {"c", "ce"}, {"n", "ne"},
        {"qu", "que"}, {"lorsqu", "lorsque"}, {"puisqu", "puisque"}, {"jusqu", "jusque"}, {"quoiqu", "quoique"},
        {"presqu", "presque"}}};
    const auto apostrophe = word.find('\'');
    if (apostrophe != std::string_view::npos) {
        const std::string_view elided = word.substr(0, apostrophe);
        const auto full = std::find_if(kElided.begin(), kElided.end(), [&](const auto& e) { return e.first == elided; });
        if (full != kElided.end()) {
            out.push_back(full->second);
            if (apostrophe + 1 < word.size()) out.push_back(word.substr(apostrophe + 1));
            return;
        }
    }
    out.push_back(word);
}

using Phrase = std::vector<std::string>;

Phrase phrase_of(std::string_view entry) {
    Phrase out;
    Words parts;
    while (!entry.empty()) {
        const auto space = entry.find(' ');
        if (const std::string w = normalize_word(entry.substr(0, space)); !w.empty()) {
            parts.clear();
            append_expanded(w, parts);
            out.insert(out.end(), parts.begin(), parts.end());
        }
        entry = space == std::string_view::npos ? std::string_view{} : entry.substr(space + 1);
    }
    return out;
}

bool starts_at(const Words& words, std::size_t at, const Phrase& phrase) {
    return at + phrase.size() <= words.size() && std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

// A listed phrase: a transition of its own, or one part of a correlative pair.
enum class Role { Single, First, Second };
struct Listed {
    Phrase words;
    Role role;
    std::size_t pair;  // for First and Second
};

// Every phrase indexed by its first word, so that a sentence is scanned once for all of them.
// Built in place: the index views the phrases' words.
struct Lists {
    std::vector<Listed> phrases;
    std::size_t pairs = 0;
    WordIndex first_words;
    std::vector<std::vector<const Listed*>> starting;  // by first_words id

    Lists() {
        for (const std::string& e : text::word_list("transition_words")) add(phrase_of(e), Role::Single);
        for (const std::string& e : text::word_list("two_part_transition_words")) {
            const auto sep = e.find("…");
            if (sep == std::string::npos) continue;
            add(phrase_of(std::string_view(e).substr(0, sep)), Role::First);
            add(phrase_of(std::string_view(e).substr(sep + std::string_view("…").size())), Role::Second);
            ++pairs;
        }
        for (const Listed& p : phrases) {
            const std::size_t id = first_words.add(p.words.front());
            starting.resize(first_words.size());
            starting[id].push_back(&p);
        }
    }
    void add(Phrase words, Role role) {
        if (!words.empty()) phrases.push_back({std::move(words), role, pairs});
    }
};

const Lists& lists() {
    static const Lists l;
    return l;
}

// Where each pair's parts stand in a sentence, kept across sentences to save allocations.
struct PairHits {
    std::vector<std::size_t> first_end;    // where the first occurrence of the first part ends; npos: none
    std::vector<std::size_t> last_second;  // 1 + where the last occurrence of the second part starts; 0: none
};

// A pair counts when its second part follows its first, so a lone « soit » or « plus » is none.
bool has_transition(const Words& words, PairHits& hits) {
    const Lists& l = lists();
    hits.first_end.assign(l.pairs, std::string_view::npos);
    hits.last_second.assign(l.pairs, 0);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::size_t id = l.first_words.find(words[i]);
        if (id == WordIndex::npos) continue;
        for (const Listed* p : l.starting[id]) {
            if (!starts_at(words, i, p->words)) continue;
            if (p->role == Role::Single) return true;
            if (p->role == Role::First) hits.first_end[p->pair] = std::min(hits.first_end[p->pair], i + p->words.size());
            else hits.last_second[p->pair] = i + 1;
        }
    }
    for (std::size_t k = 0; k < l.pairs; ++k)
        if (hits.last_second[k] > 0 && hits.last_second[k] - 1 >= hits.first_end[k]) return true;
    return false;
}

// yoastseo counts the text length with hyphenated words split (« peut-être » is two words).
std::size_t words_split_on_hyphens(const Context& ctx) {
    std::size_t n = 0;
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        if (!analysed(ctx.doc.blocks[b])) continue;
        for (const text::Token& t : ctx.tokens[b]) {
            if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
            const std::string_view v = t.view(ctx.doc.blocks[b].text);
            n += 1 + static_cast<std::size_t>(std::count(v.begin(), v.end(), '-'));
        }
    }
    return n;
}

}  // namespace

std::optional<Assessment> transition_words(const Context& ctx) {
    std::size_t total = 0;
    std::vector<const Sentence*> with;
    Words words;
    PairHits hits;
    for (const Sentence& s : ctx.sentences) {
        if (!analysed(ctx.doc.blocks[s.block])) continue;
        ++total;
        words.clear();
        for (const std::string& w : words_and_commas(ctx, s)) append_expanded(w, words);
        if (has_transition(words, hits)) with.push_back(&s);
    }
    const double pct = percentage(with.size(), total);
    std::vector<Mark> marks = marks_of(ctx, with);
    const auto done = [&] {
        return result("textTransitionWords", 9, ctx.say("Mots de transition : bien joué !", "Transition words: well done!"),
                      std::move(marks));
    };
    if (words_split_on_hyphens(ctx) < kNeededAbove) {
        if (pct > 0) return done();
        return result("textTransitionWords", 9,
                      ctx.say("Mots de transition : aucun, mais le texte est assez court pour s’en passer.",
                              "Transition words: you are not using any transition words, but your text is short "
                              "enough and probably doesn't need them."));
    }
    if (pct >= kGood) return done();
    const int score = pct < kOk ? 3 : 6;
    if (pct == 0)
        return result("textTransitionWords", score,
                      ctx.say("Mots de transition : aucune phrase n’en contient. Utilisez-en.",
                              "Transition words: none of the sentences contain transition words. Use some."));
    return result("textTransitionWords", score,
                  ctx.say("Mots de transition : seules {} des phrases en contiennent, c’est trop peu. "
                          "Utilisez-en davantage.",
                          "Transition words: only {} of the sentences contain transition words, which is not "
                          "enough. Use more of them.",
                          format_percent(ctx, pct)),
                  std::move(marks));
}

}  // namespace plume::analysis::readability
