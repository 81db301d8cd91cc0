// textParagraphTooLong: the longest paragraph (list items included) against 150 and 200 words.
#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {
constexpr std::size_t kRecommended = 150;  // yoastseo's default, which French keeps
constexpr std::size_t kMaximum = 200;
}  // namespace

std::optional<Assessment> paragraph_length(const Context& ctx) {
    std::size_t longest = 0;
    std::vector<Mark> marks;
    for (std::size_t i = 0; i < ctx.doc.blocks.size(); ++i) {
        const Block& b = ctx.doc.blocks[i];
        if (b.kind != BlockKind::Paragraph && b.kind != BlockKind::ListItem) continue;
        const std::size_t words = word_count(ctx, i, 0, b.text.size());
        longest = std::max(longest, words);
        if (words > kRecommended) marks.push_back(ctx.mark(i, 0, b.text.size()));
    }
    if (longest <= kRecommended)
        return result("textParagraphTooLong", 9,
                      ctx.say("Longueur des paragraphes : aucun paragraphe n’est trop long. Bravo !",
                              "Paragraph length: there are no paragraphs that are too long. Great job!"));
    const int score = longest <= kMaximum ? 6 : 3;
    const std::size_t too_long = marks.size();
    return result("textParagraphTooLong", score,
                  ctx.say("Longueur des paragraphes : {} paragraphe(s) dépassent le maximum recommandé de {} mots. "
                          "Raccourcissez vos paragraphes !",
                          "Paragraph length: {} of the paragraphs contain more than the recommended maximum of {} "
                          "words. Shorten your paragraphs!",
                          too_long, kRecommended),
                  std::move(marks));
}

}  // namespace plume::analysis::readability
