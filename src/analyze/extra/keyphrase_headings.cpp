// keyphraseInHeadings: keyphrase stuffing in the subheadings. Yoast's subheadingsKeyword rewards
// the keyphrase in some H2/H3 (30-75 %); past that, or repeated within one subheading, the
// outline reads as written for a search engine.
#include <algorithm>
#include <iterator>
#include <limits>

#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

namespace {

constexpr std::size_t kMinSubheadings = 2;
constexpr std::size_t kMaxPercent = 75;

// The form a word is compared by. French: the word after its elision (l’IA -> IA), without
// accents, stemmed, so number and gender do not matter; Yoast: the lowercased form as written.
// (Local until the shared keyphrase matcher, src/analyze/keyphrase.hpp, is available.)
std::vector<std::string> forms(const Context& ctx, std::string_view text, const std::vector<text::Token>& tokens) {
    std::vector<std::string> out;
    for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        if (ctx.options.match == MatchMode::Yoast) out.push_back(text::lowercase(t.view(text)));
        else out.push_back(text::stem(text::strip_accents(text.substr(t.base, t.end - t.base))));
    }
    return out;
}

// The keyphrase's content words (all its words when it has only function words).
std::vector<std::string> keyphrase_forms(const Context& ctx) {
    const std::string& k = ctx.options.keyphrase;
    const std::vector<text::Token> tokens = text::tokenize(k);
    std::vector<text::Token> content;
    std::copy_if(tokens.begin(), tokens.end(), std::back_inserter(content), [&](const text::Token& t) {
        return !text::word_list("function_words").contains(text::lowercase(t.view(k)));
    });
    return forms(ctx, k, content.empty() ? tokens : content);
}

// How many times the heading holds the keyphrase: the count of its rarest content word there.
std::size_t occurrences(const std::vector<std::string>& keyphrase, const std::vector<std::string>& heading) {
    std::size_t n = std::numeric_limits<std::size_t>::max();
    for (const std::string& w : keyphrase)
        n = std::min(n, static_cast<std::size_t>(std::count(heading.begin(), heading.end(), w)));
    return keyphrase.empty() ? 0 : n;
}

bool is_subheading(const Block& b) { return b.kind == BlockKind::Heading && (b.level == 2 || b.level == 3); }

}  // namespace

std::optional<Assessment> keyphrase_in_headings(const Context& ctx) {
    const std::vector<std::string> keyphrase = keyphrase_forms(ctx);
    if (keyphrase.empty()) return std::nullopt;
    std::size_t subheadings = 0;
    std::vector<Mark> with, repeating;
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        const Block& block = ctx.doc.blocks[b];
        if (!is_subheading(block)) continue;
        ++subheadings;
        const std::size_t n = occurrences(keyphrase, forms(ctx, block.text, ctx.tokens[b]));
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
