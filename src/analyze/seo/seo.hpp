#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analyze/context.hpp"
#include "analyze/keyphrase.hpp"

namespace plume::analysis::seo {

// The seo assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

// yoastseo 3.6.0's SEOAssessor, in its order (identifiers in the comments).
std::optional<Assessment> introduction_keyword(const Context& ctx);          // introductionKeyword
std::optional<Assessment> keyphrase_length(const Context& ctx);              // keyphraseLength
std::optional<Assessment> keyphrase_density(const Context& ctx);             // keyphraseDensity
std::optional<Assessment> meta_description_keyword(const Context& ctx);      // metaDescriptionKeyword
std::optional<Assessment> meta_description_length(const Context& ctx);       // metaDescriptionLength
std::optional<Assessment> subheadings_keyword(const Context& ctx);           // subheadingsKeyword
std::optional<Assessment> text_competing_links(const Context& ctx);          // textCompetingLinks
std::optional<Assessment> image_keyphrase(const Context& ctx);               // imageKeyphrase
std::optional<Assessment> images(const Context& ctx);                        // images
std::optional<Assessment> text_length(const Context& ctx);                   // textLength
std::optional<Assessment> external_links(const Context& ctx);                // externalLinks
std::optional<Assessment> keyphrase_in_seo_title(const Context& ctx);        // keyphraseInSEOTitle
std::optional<Assessment> internal_links(const Context& ctx);                // internalLinks
std::optional<Assessment> title_width(const Context& ctx);                   // titleWidth
std::optional<Assessment> slug_keyword(const Context& ctx);                  // slugKeyword
std::optional<Assessment> function_words_in_keyphrase(const Context& ctx);   // functionWordsInKeyphrase
std::optional<Assessment> single_h1(const Context& ctx);                     // singleH1

// Yoast's findTopicFormsInString: the best percentage (rounded) of words found in `text`, of
// the keyphrase or, when `synonyms`, of whichever synonym does better.
int topic_percent(const Topic& topic, std::string_view text, bool synonyms = true);

// Yoast's keyphraseDensity score for `count` occurrences in `words` words: 9 within its
// bounds, 4 under, -10 or -50 over.
int density_score(std::size_t count, std::size_t words, std::size_t keyphrase_length);

// The tokens of one sentence.
std::span<const text::Token> sentence_tokens(const Context& ctx, const Sentence& s);
// The match forms of `tokens`, a span of ctx.tokens[block].
std::span<const std::string_view> forms_of(const Context& ctx, std::size_t block, std::span<const text::Token> tokens);

}  // namespace plume::analysis::seo
