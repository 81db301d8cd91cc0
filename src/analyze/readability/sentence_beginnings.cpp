// sentenceBeginnings: three or more consecutive sentences starting with the same word.
// Articles, demonstratives and numerals (data/fr/first_word_exceptions.txt) are taken
// with the word that follows them.
#include <algorithm>

#include "analyze/readability/readability.hpp"
#include "analyze/word_index.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kMaxSame = 2;

std::string beginning_of(const WordIndex& vocabulary, const std::vector<std::size_t>& words) {
    static const WordIndex exceptions("first_word_exceptions");
    std::string beginning(vocabulary.word(words[0]));
    if (words.size() > 1 && exceptions.contains(beginning)) beginning.append(" ").append(vocabulary.word(words[1]));
    return beginning;
}

}  // namespace

std::optional<Assessment> sentence_beginnings(const Context& ctx) {
    // Lists are left out, as yoastseo does: their items often start alike on purpose.
    std::string previous;
    std::vector<const Sentence*> run;
    std::vector<const Sentence*> repeated;
    std::size_t groups = 0, lowest = 0;
    const auto close_run = [&] {
        if (run.size() > kMaxSame) {
            ++groups;
            lowest = lowest == 0 ? run.size() : std::min(lowest, run.size());
            repeated.insert(repeated.end(), run.begin(), run.end());
        }
        run.clear();
    };
    for (const Sentence& s : ctx.sentences) {
        const BlockKind kind = ctx.doc.blocks[s.block].kind;
        if (kind != BlockKind::Paragraph && kind != BlockKind::Heading) continue;
        const std::vector<std::size_t> words = sentence_words(ctx, s);
        if (words.empty()) continue;
        std::string beginning = beginning_of(ctx.vocabulary, words);
        if (beginning != previous) close_run();
        run.push_back(&s);
        previous = std::move(beginning);
    }
    close_run();
    if (groups == 0)
        return result("sentenceBeginnings", 9,
                      ctx.say("Phrases consécutives : pas de débuts de phrase répétitifs. Parfait !",
                              "Consecutive sentences: there are no repetitive sentence beginnings. That's great!"));
    std::string message =
        groups == 1
            ? ctx.say("Phrases consécutives : {} phrases consécutives commencent par le même mot. Variez !",
                      "Consecutive sentences: the text contains {} consecutive sentences starting with the same "
                      "word. Try to mix things up!",
                      lowest)
            : ctx.say("Phrases consécutives : à {} endroits, {} phrases consécutives ou plus commencent par le même "
                      "mot. Variez !",
                      "Consecutive sentences: the text contains {} instances where {} or more consecutive sentences "
                      "start with the same word. Try to mix things up!",
                      groups, lowest);
    return result("sentenceBeginnings", 3, std::move(message), marks_of(ctx, repeated));
}

}  // namespace plume::analysis::readability
