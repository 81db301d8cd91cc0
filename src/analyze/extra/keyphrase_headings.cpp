// keyphraseInHeadings: keyphrase stuffing in the subheadings. Yoast's subheadingsKeyword rewards
// the keyphrase in some H2/H3 (30-75 %); past that, or repeated within one subheading, the
// outline reads as written for a search engine.
#include "analyze/extra/extra.hpp"
#include "analyze/keyphrase.hpp"

namespace plume::analysis::extra {

namespace {

constexpr std::size_t kMinSubheadings = 2;
constexpr std::size_t kMaxPercent = 75;

bool is_subheading(const Block& b) { return b.kind == BlockKind::Heading && (b.level == 2 || b.level == 3); }

}  // namespace

std::optional<Assessment> keyphrase_in_headings(const Context& ctx) {
    const Keyphrase& keyphrase = ctx.topic.keyphrase;
    if (keyphrase.empty()) return std::nullopt;
    std::size_t subheadings = 0;
    std::vector<Mark> with, repeating;
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        const Block& block = ctx.doc.blocks[b];
        if (!is_subheading(block)) continue;
        ++subheadings;
        // A subheading is one sentence: the count is that of the keyphrase's rarest word in it.
        const std::size_t n = find_in_sentence(keyphrase, ctx.tokens[b], ctx.forms[b]).count;
        const Mark m = ctx.mark(b, 0, block.text.size());
        if (n > 0) with.push_back(m);
        if (n > 1) repeating.push_back(m);
    }
    if (subheadings == 0) return std::nullopt;
    const bool too_many = subheadings >= kMinSubheadings && with.size() * 100 > subheadings * kMaxPercent;
    if (too_many) {
        std::string message =
            ctx.say("Intertitres : la requête cible figure dans {} intertitres sur {}. Variez-les.",
                    "Subheadings: the keyphrase is in {} of {} subheadings. Vary them.", with.size(), subheadings);
        return result("keyphraseInHeadings", 3, std::move(message), std::move(with));
    }
    if (!repeating.empty())
        return result("keyphraseInHeadings", 3,
                      ctx.say("Intertitres : la requête cible est répétée dans un même intertitre.",
                              "Subheadings: the keyphrase is repeated within a subheading."),
                      std::move(repeating));
    return result("keyphraseInHeadings", 9,
                  ctx.say("Intertitres : pas de bourrage de la requête cible.",
                          "Subheadings: no keyphrase stuffing."));
}

}  // namespace plume::analysis::extra
