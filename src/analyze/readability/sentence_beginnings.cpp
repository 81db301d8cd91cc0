// sentenceBeginnings: three or more consecutive sentences starting with the same word.
// Articles, demonstratives and numerals (data/fr/first_word_exceptions.txt) are taken
// with the word that follows them.
#include <algorithm>
#include <array>

#include "analyze/readability/readability.hpp"
#include "analyze/word_index.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kMaxSame = 2;

// A sentence's first two words (vocabulary ids, npos for missing ones), commas skipped.
std::array<std::size_t, 2> first_words(const std::vector<std::size_t>& words_and_commas) {
    std::array<std::size_t, 2> first{WordIndex::npos, WordIndex::npos};
    std::size_t n = 0;
    for (auto w = words_and_commas.begin(); w != words_and_commas.end() && n < first.size(); ++w)
        if (*w != Context::kComma) first[n++] = *w;
    return first;
}

std::string beginning_of(const WordIndex& vocabulary, const std::array<std::size_t, 2>& first) {
    static const WordIndex exceptions("first_word_exceptions");
    std::string beginning(vocabulary.word(first[0]));
    if (first[1] != WordIndex::npos && exceptions.contains(beginning)) beginning.append(" ").append(vocabulary.word(first[1]));
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
        const std::array<std::size_t, 2> first = first_words(words_and_commas(ctx, s));
        if (first[0] == WordIndex::npos) continue;
        std::string beginning = beginning_of(ctx.vocabulary, first);
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
