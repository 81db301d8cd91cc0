// duplicateSentences: the same sentence twice, frequent in scraped text (a title repeated as the
// first line, a caption or a "read also" copied twice). Sentences are compared by their words,
// so case, spacing, punctuation and apostrophes do not hide a repeat.
#include <unordered_set>

#include "analyze/extra/extra.hpp"
#include "analyze/readability/readability.hpp"

namespace plume::analysis::extra {

namespace {

// Shorter sentences (« Oui. », « Lire aussi ») may repeat on purpose.
constexpr std::size_t kMinWords = 3;

// The words joined by spaces; empty for a sentence too short to compare.
std::string key_of(const std::vector<std::string_view>& words) {
    std::string key;
    if (words.size() < kMinWords) return key;
    std::size_t size = words.size();
    for (std::string_view w : words) size += w.size();
    key.reserve(size);
    for (std::size_t i = 0; i < words.size(); ++i) key.append(i > 0 ? " " : "").append(words[i]);
    return key;
}

std::string title_key(const Context& ctx) {
    const std::string& title = ctx.doc.title.value_or("");
    const std::vector<std::string> words = readability::words_of(title, text::tokenize(title), 0, title.size(), false);
    return key_of({words.begin(), words.end()});
}

}  // namespace

std::optional<Assessment> duplicate_sentences(const Context& ctx) {
    std::unordered_set<std::string> seen;
    if (std::string t = title_key(ctx); !t.empty()) seen.insert(std::move(t));
    std::vector<Mark> repeats;
    for (const Sentence& s : ctx.sentences) {
        if (ctx.doc.blocks[s.block].kind == BlockKind::Code) continue;
        std::string key = key_of(readability::sentence_words(ctx, s));
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
