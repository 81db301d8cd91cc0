// What the seo assessments share: the topic's share of a text, and sentence tokens.
#include <algorithm>
#include <cmath>

#include "analyze/seo/seo.hpp"

namespace plume::analysis::seo {

int topic_percent(const Topic& topic, std::string_view text, bool synonyms) {
    auto percent = [&](const Keyphrase& k) { return static_cast<int>(std::lround(share_found(k, text) * 100)); };
    int best = percent(topic.keyphrase);
    if (synonyms)
        for (const Keyphrase& k : topic.synonyms) best = std::max(best, percent(k));
    return best;
}

std::span<const text::Token> sentence_tokens(const Context& ctx, const Sentence& s) {
    const std::vector<text::Token>& all = ctx.tokens[s.block];
    const auto first = std::lower_bound(all.begin(), all.end(), s.begin,
                                        [](const text::Token& t, std::size_t at) { return t.begin < at; });
    const auto last = std::lower_bound(first, all.end(), s.end,
                                       [](const text::Token& t, std::size_t at) { return t.begin < at; });
    return {first, last};
}

std::span<const std::string_view> forms_of(const Context& ctx, std::size_t block, std::span<const text::Token> tokens) {
    const auto first = static_cast<std::size_t>(tokens.data() - ctx.tokens[block].data());
    return std::span(ctx.forms[block]).subspan(first, tokens.size());
}

}  // namespace plume::analysis::seo
