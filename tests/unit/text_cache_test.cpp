// Tokens and sentences remembered for one job (text/text_cache.hpp): asked for again, after
// other texts, in a nested scope and after the cache has started again, they are still the
// text's own, offsets and all.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "plume/text.hpp"
#include "text/text_cache.hpp"

namespace {

using plume::text::Span;
using plume::text::TextCacheScope;
using plume::text::Token;

// Two texts as long as each other, read differently, then others.
const std::vector<std::string> kTexts = {
    "Le tramway T11 reliera Lyon et Villeurbanne en 2026. Les travaux dureront deux ans.",
    "Le tramway T11 reliera Lyon-et-Villeurbanne en 2026, les travaux dureront deux ans.",
    "l’État vise 3,5 % de croissance, selon www.exemple.fr ; « c’est peu », dit-on. M. Dupont doute.", ""};

std::vector<std::array<std::size_t, 4>> tokens_of(const std::string& text) {
    std::vector<std::array<std::size_t, 4>> out;
    for (const Token& t : plume::text::tokenize(text)) out.push_back({t.begin, t.end, t.base, static_cast<std::size_t>(t.kind)});
    return out;
}

std::vector<std::array<std::size_t, 2>> sentences_of(const std::string& text) {
    std::vector<std::array<std::size_t, 2>> out;
    for (const Span& s : plume::text::split_sentences(text)) out.push_back({s.begin, s.end});
    return out;
}

// Reads every text as `read` does outside any scope, then checks each reading in a scope.
template <class Read>
void expect_remembered_right(Read read) {
    std::vector<decltype(read(kTexts[0]))> outside;
    for (const std::string& t : kTexts) outside.push_back(read(t));
    ASSERT_NE(outside[0], outside[1]);
    const TextCacheScope scope;
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < kTexts.size(); ++i) EXPECT_EQ(read(kTexts[i]), outside[i]) << kTexts[i];
    {
        const TextCacheScope nested;
        EXPECT_EQ(read(kTexts[1]), outside[1]);
    }
    for (int i = 0; i < 40; ++i) {  // 2.4 MB of distinct paragraphs: more than the cache keeps
        const std::string paragraph = "Paragraphe " + std::to_string(i) + " : " + std::string(60000, 'e') + ".";
        read(paragraph);
    }
    for (std::size_t i = 0; i < kTexts.size(); ++i) EXPECT_EQ(read(kTexts[i]), outside[i]) << kTexts[i];
}

TEST(TextCache, RememberedTokensAreTheTextsOwn) { expect_remembered_right(tokens_of); }

TEST(TextCache, RememberedSentencesAreTheTextsOwn) { expect_remembered_right(sentences_of); }

}  // namespace
