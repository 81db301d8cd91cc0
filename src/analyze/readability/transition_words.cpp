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

// A word's parts, elisions expanded: one or two views, into the word or into kElided.
struct Parts {
    std::array<std::string_view, 2> part;
    std::size_t count = 0;
    const std::string_view* begin() const { return part.data(); }
    const std::string_view* end() const { return part.data() + count; }
};

// Elided words in full (qu'il -> que il, d'abord -> de abord), so that « parce qu'il »
// matches « parce que » and « d’abord » matches « d'abord ».
Parts expanded(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kElided = {{
        {"l", "le"}, {"d", "de"}, {"j", "je"}, {"m", "me"}, {"t", "te"}, {"s", "se"}, {"c", "ce"}, {"n", "ne"},
        {"qu", "que"}, {"lorsqu", "lorsque"}, {"puisqu", "puisque"}, {"jusqu", "jusque"}, {"quoiqu", "quoique"},
        {"presqu", "presque"}}};
    const auto apostrophe = word.find('\'');
    if (apostrophe != std::string_view::npos) {
        const std::string_view elided = word.substr(0, apostrophe);
        const auto full = std::find_if(kElided.begin(), kElided.end(), [&](const auto& e) { return e.first == elided; });
        if (full != kElided.end()) {
            if (apostrophe + 1 < word.size()) return {{full->second, word.substr(apostrophe + 1)}, 2};
            return {{full->second, {}}, 1};
        }
    }
    return {{word, {}}, 1};
}

using Phrase = std::vector<std::string>;

Phrase phrase_of(std::string_view entry) {
    Phrase out;
    while (!entry.empty()) {
        const auto space = entry.find(' ');
        if (const std::string w = normalize_word(entry.substr(0, space)); !w.empty())
            for (std::string_view part : expanded(w)) out.emplace_back(part);
        entry = space == std::string_view::npos ? std::string_view{} : entry.substr(space + 1);
    }
    return out;
}

// A listed phrase, its words numbered in Lists::words: a transition of its own, or one part of
// a correlative pair.
enum class Role { Single, First, Second };
struct Listed {
    Phrase text;
    Role role;
    std::size_t pair;  // for First and Second
    std::vector<std::size_t> words;
};

// Every phrase, its words numbered and indexed by its first word, so that a sentence, its
// words numbered the same way, is scanned once for all of them. Built in place: the index
// views the phrases' words.
struct Lists {
    std::vector<Listed> phrases;
    std::size_t pairs = 0;
    WordIndex words;                                   // every word of every phrase
    std::vector<std::vector<const Listed*>> starting;  // by id in `words`: the phrases it starts

    Lists() {
        for (const std::string& e : text::word_list("transition_words")) add(phrase_of(e), Role::Single);
        for (const std::string& e : text::word_list("two_part_transition_words")) {
            const auto sep = e.find("…");
            if (sep == std::string::npos) continue;
            add(phrase_of(std::string_view(e).substr(0, sep)), Role::First);
            add(phrase_of(std::string_view(e).substr(sep + std::string_view("…").size())), Role::Second);
            ++pairs;
        }
        for (Listed& p : phrases)
            for (const std::string& w : p.text) p.words.push_back(words.add(w));
        starting.resize(words.size());
        for (const Listed& p : phrases) starting[p.words.front()].push_back(&p);
    }
    void add(Phrase text, Role role) {
        if (!text.empty()) phrases.push_back({std::move(text), role, pairs, {}});
    }
};

const Lists& lists() {
    static const Lists l;
    return l;
}

// A word's parts numbered as in Lists::words, npos for a part no phrase holds.
struct Numbered {
    std::array<std::size_t, 2> id;
    std::size_t count;
};

Numbered numbered(std::string_view word) {
    const Parts parts = expanded(word);
    Numbered n{{}, parts.count};
    for (std::size_t k = 0; k < parts.count; ++k) n.id[k] = lists().words.find(parts.part[k]);
    return n;
}

// Phrases are short: a plain loop, rather than std::equal's call to memcmp.
bool starts_at(const std::vector<std::size_t>& words, std::size_t at, const std::vector<std::size_t>& phrase) {
    if (at + phrase.size() > words.size()) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k)
        if (words[at + k] != phrase[k]) return false;
    return true;
}

// Where each pair's parts stand in a sentence, kept across sentences to save allocations.
struct PairHits {
    std::vector<std::size_t> first_end;    // where the first occurrence of the first part ends; npos: none
    std::vector<std::size_t> last_second;  // 1 + where the last occurrence of the second part starts; 0: none
};

// A pair counts when its second part follows its first, so a lone « soit » or « plus » is none.
bool has_transition(const std::vector<std::size_t>& words, PairHits& hits) {
    const Lists& l = lists();
    hits.first_end.assign(l.pairs, std::string_view::npos);
    hits.last_second.assign(l.pairs, 0);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == WordIndex::npos) continue;
        for (const Listed* p : l.starting[words[i]]) {
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

bool is_word(const text::Token& t) { return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number; }

// yoastseo counts the text length with hyphenated words split (« peut-être » is two words): the
// words, and the hyphens within them, found with memchr (they are rare) and placed in a word.
std::size_t words_split_on_hyphens(const Context& ctx) {
    std::size_t n = 0;
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        if (!analysed(ctx.doc.blocks[b])) continue;
        const std::string& text = ctx.doc.blocks[b].text;
        const std::vector<text::Token>& tokens = ctx.tokens[b];
        n += static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), is_word));
        auto t = tokens.begin();
        for (std::size_t h = text.find('-'); h != std::string::npos; h = text.find('-', h + 1)) {
            while (t != tokens.end() && t->end <= h) ++t;
            n += t != tokens.end() && t->begin <= h && is_word(*t);
        }
    }
    return n;
}

}  // namespace

bool has_transition_word(std::string_view sentence) {
    std::vector<std::size_t> ids;
    for (const std::string& word : words_of(sentence, text::tokenize(sentence), 0, sentence.size(), true)) {
        const Numbered n = numbered(word);
        ids.insert(ids.end(), n.id.begin(), n.id.begin() + static_cast<std::ptrdiff_t>(n.count));
    }
    PairHits hits;
    return has_transition(ids, hits);
}

std::optional<Assessment> transition_words(const Context& ctx) {
    std::vector<Numbered> by_word(ctx.vocabulary.size());  // each word numbered once
    for (std::size_t id = 0; id < by_word.size(); ++id) by_word[id] = numbered(ctx.vocabulary.word(id));
    std::size_t total = 0;
    std::vector<const Sentence*> with;
    std::vector<std::size_t> words;
    PairHits hits;
    for (const Sentence& s : ctx.sentences) {
        if (!analysed(ctx.doc.blocks[s.block])) continue;
        ++total;
        words.clear();
        for (const std::size_t id : words_and_commas(ctx, s))
            for (std::size_t k = 0; k < by_word[id].count; ++k) words.push_back(by_word[id].id[k]);
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
