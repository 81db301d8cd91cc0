// textTransitionWords: share of sentences with a transition word (data/fr/transition_words.txt)
// or both parts of a correlative pair (data/fr/two_part_transition_words.txt).
#include <algorithm>
#include <array>
#include <unordered_map>

#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kNeededAbove = 200;  // words; shorter texts need no transition words
constexpr double kOk = 20;
constexpr double kGood = 30;

using Phrase = std::vector<std::string>;

// Elided words in full (qu'il -> que il, d'abord -> de abord), so that « parce qu'il »
// matches « parce que » and « d’abord » matches « d'abord ».
void append_expanded(const std::string& word, Phrase& out) {
    static constexpr std::array<std::string_view, 14> kElidable = {
        "l", "d", "j", "m", "t", "s", "c", "n", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu", "presqu"};
    const auto apostrophe = word.find('\'');
    if (apostrophe != std::string::npos &&
        std::find(kElidable.begin(), kElidable.end(), std::string_view(word).substr(0, apostrophe)) != kElidable.end()) {
        out.push_back(word.substr(0, apostrophe) + "e");
        if (apostrophe + 1 < word.size()) out.push_back(word.substr(apostrophe + 1));
        return;
    }
    out.push_back(word);
}

Phrase phrase_of(std::string_view entry) {
    Phrase out;
    while (!entry.empty()) {
        const auto space = entry.find(' ');
        if (std::string w = normalize_word(entry.substr(0, space)); !w.empty()) append_expanded(w, out);
        entry = space == std::string_view::npos ? std::string_view{} : entry.substr(space + 1);
    }
    return out;
}

bool starts_at(const Phrase& words, std::size_t at, const Phrase& phrase) {
    return at + phrase.size() <= words.size() && std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

// Phrases indexed by their first word, so a sentence is scanned once.
struct Index {
    std::unordered_map<std::string, std::vector<Phrase>> by_first;

    void add(Phrase p) {
        if (!p.empty()) by_first[p.front()].push_back(std::move(p));
    }
    // Where the first phrase found from `from` on ends; nullopt when none is found.
    std::optional<std::size_t> end_in(const Phrase& words, std::size_t from = 0) const {
        for (std::size_t i = from; i < words.size(); ++i)
            if (auto it = by_first.find(words[i]); it != by_first.end())
                for (const Phrase& p : it->second)
                    if (starts_at(words, i, p)) return i + p.size();
        return std::nullopt;
    }
};

struct Lists {
    Index single;
    std::vector<std::pair<Index, Index>> pairs;
};

const Lists& lists() {
    static const Lists l = [] {
        Lists out;
        for (const std::string& e : text::word_list("transition_words")) out.single.add(phrase_of(e));
        for (const std::string& e : text::word_list("two_part_transition_words")) {
            const auto sep = e.find("…");
            if (sep == std::string::npos) continue;
            std::pair<Index, Index> pair;
            pair.first.add(phrase_of(std::string_view(e).substr(0, sep)));
            pair.second.add(phrase_of(std::string_view(e).substr(sep + std::string_view("…").size())));
            out.pairs.push_back(std::move(pair));
        }
        return out;
    }();
    return l;
}

// A pair counts when its second part follows its first, so a lone « soit » or « plus » is none.
bool has_transition(const Phrase& words) {
    const Lists& l = lists();
    if (l.single.end_in(words)) return true;
    return std::any_of(l.pairs.begin(), l.pairs.end(), [&](const auto& p) {
        const auto first = p.first.end_in(words);
        return first && p.second.end_in(words, *first);
    });
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
    for (const Sentence& s : ctx.sentences) {
        if (!analysed(ctx.doc.blocks[s.block])) continue;
        ++total;
        Phrase words;
        for (const std::string& w : words_and_commas(ctx, s)) append_expanded(w, words);
        if (has_transition(words)) with.push_back(&s);
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
