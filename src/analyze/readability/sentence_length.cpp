// textSentenceLength: share of sentences longer than 20 words; ok above 25 %, bad above 30 %.
#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {
constexpr std::size_t kMaxWords = kSentenceMaxWords;  // French uses yoastseo's defaults
constexpr double kSlightlyTooMany = kLongSentencesOk;
constexpr double kFarTooMany = 30;
}  // namespace

std::optional<Assessment> sentence_length(const Context& ctx) {
    std::size_t counted = 0;
    std::vector<const Sentence*> long_ones;
    for (const Sentence& s : ctx.sentences) {
        if (!analysed(ctx.doc.blocks[s.block])) continue;
        const std::size_t words = word_count(ctx, s);
        counted += words > 0;  // sentences without words do not count
        if (words > kMaxWords) long_ones.push_back(&s);
    }
    const double pct = percentage(long_ones.size(), counted);
    const int score = pct <= kSlightlyTooMany ? 9 : pct <= kFarTooMany ? 6 : 3;
    std::string message =
        score == 9 ? ctx.say("Longueur des phrases : parfait !", "Sentence length: great!")
                   : ctx.say("Longueur des phrases : {} des phrases contiennent plus de {} mots, au-delà du maximum "
                             "recommandé de {}. Raccourcissez vos phrases.",
                             "Sentence length: {} of the sentences contain more than {} words, which is more than "
                             "the recommended maximum of {}. Try to shorten the sentences.",
                             format_percent(ctx, pct), kMaxWords, format_percent(ctx, kSlightlyTooMany));
    return result("textSentenceLength", score, std::move(message), marks_of(ctx, long_ones));
}

}  // namespace plume::analysis::readability
