// duplicateSentences: the same sentence twice, frequent in scraped text (a title repeated as the
// first line, a caption or a "read also" copied twice). Sentences are compared by their words,
// so case, spacing, punctuation and apostrophes do not hide a repeat.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "analyze/extra/extra.hpp"
#include "analyze/readability/readability.hpp"

namespace plume::analysis::extra {

namespace {

// Shorter sentences (« Oui. », « Lire aussi ») may repeat on purpose.
constexpr std::size_t kMinWords = 3;

// Sentences compare as their words joined by spaces. A word may hold a space (7 000), so a key
// lists the pieces between spaces, numbered: a piece that is a word of the text by its
// vocabulary id, any other after them. Equal keys, equal joined words.
class Keys {
public:
    explicit Keys(const WordIndex& vocabulary) : vocabulary_(vocabulary) {}

    // The key of a sentence's words and commas (vocabulary ids); empty for one too short to compare.
    std::u32string key_of(const std::vector<std::size_t>& words_and_commas) {
        std::u32string key;
        key.reserve(words_and_commas.size());
        std::size_t words = 0;
        for (const std::size_t w : words_and_commas)
            if (w != Context::kComma) {
                ++words;
                add(vocabulary_.word(w), w, key);
            }
        return words < kMinWords ? std::u32string() : key;
    }
    // The same for words that need not be in the vocabulary (the title's); they outlive the Keys.
    std::u32string key_of(const std::vector<std::string>& words) {
        std::u32string key;
        if (words.size() < kMinWords) return key;
        for (const std::string& w : words) add(w, vocabulary_.find(w), key);
        return key;
    }

private:
    // Appends the pieces of `word`, whose vocabulary id is `id` (npos if none).
    void add(std::string_view word, std::size_t id, std::u32string& key) {
        if (id != WordIndex::npos && word.find(' ') == std::string_view::npos) {  // most words: one piece
            key += static_cast<char32_t>(id);
            return;
        }
        for (std::size_t b = 0; b <= word.size();) {
            const std::size_t e = std::min(word.find(' ', b), word.size());
            const std::string_view piece = word.substr(b, e - b);
            const std::size_t known = vocabulary_.find(piece);
            key += static_cast<char32_t>(known != WordIndex::npos ? known : vocabulary_.size() + others_.add(piece));
            b = e + 1;
        }
    }

    const WordIndex& vocabulary_;
    WordIndex others_;  // pieces that are no word of the text
};

}  // namespace

std::optional<Assessment> duplicate_sentences(const Context& ctx) {
    const std::string& title = ctx.doc.title.value_or("");
    const std::vector<std::string> title_words = readability::words_of(title, text::tokenize(title), 0, title.size(), false);
    Keys keys(ctx.vocabulary);
    std::unordered_set<std::u32string> seen;
    if (std::u32string t = keys.key_of(title_words); !t.empty()) seen.insert(std::move(t));
    std::vector<Mark> repeats;
    for (const Sentence& s : ctx.sentences) {
        if (ctx.doc.blocks[s.block].kind == BlockKind::Code) continue;
        std::u32string key = keys.key_of(readability::words_and_commas(ctx, s));
        if (!key.empty() && !seen.insert(std::move(key)).second) repeats.push_back(ctx.mark(s));
    }
    if (repeats.empty())
        return result("duplicateSentences", 9,
                      ctx.say("Répétitions : aucune phrase en double.", "Repetitions: no duplicate sentence."));
    // A single repeat is often a title copied once; more means the text needs cleaning.
    const int score = repeats.size() == 1 ? 6 : 3;
    std::string message = ctx.say("Répétitions : {} phrase(s) en double, à supprimer.",
                                  "Repetitions: {} duplicate sentence(s) to remove.", repeats.size());
    return result("duplicateSentences", score, std::move(message), std::move(repeats));
}

}  // namespace plume::analysis::extra
