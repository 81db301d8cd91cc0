// minimumWordCount: the body against the word count the brief asks for (AnalyzeOptions::min_words).
#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

namespace {

// A text a little short of the target (85 % or more) is worth finishing rather than rewriting.
constexpr std::size_t kNearlyPercent = 85;

}  // namespace

std::optional<Assessment> minimum_word_count(const Context& ctx) {
    const std::size_t target = ctx.options.min_words;
    if (target == 0) return std::nullopt;
    const std::size_t words = ctx.words;
    const int score = words >= target ? 9 : words * 100 >= target * kNearlyPercent ? 6 : 3;
    return result("minimumWordCount", score,
                  ctx.say("Longueur : {} mots sur les {} demandés.", "Length: {} words of the {} requested.", words,
                          target));
}

}  // namespace plume::analysis::extra
