// Keyphrase matching (src/analyze/keyphrase.hpp) in both modes, on French phrases.
#include <gtest/gtest.h>

#include "analyze/keyphrase.hpp"

namespace {

using plume::MatchMode;
using plume::analysis::contains_all;
using plume::analysis::count_matches;
using plume::analysis::make_keyphrase;
using plume::analysis::share_found;

std::size_t count(std::string_view keyphrase, std::string_view text, MatchMode m) {
    return count_matches(make_keyphrase(keyphrase, m), text);
}

TEST(SeoMatchingKeyphrase, FunctionWordsLeaveTheKeyphraseUnlessItHasNothingElse) {
    EXPECT_EQ(make_keyphrase("les puces de la Chine", MatchMode::Yoast).length(), 2u);
    EXPECT_EQ(make_keyphrase("les puces de la Chine", MatchMode::French).length(), 2u);
    EXPECT_EQ(make_keyphrase("sans elle", MatchMode::Yoast).length(), 2u) << "only function words: all kept";
    EXPECT_EQ(make_keyphrase("  ", MatchMode::French).length(), 0u);
}

TEST(SeoMatchingKeyphrase, DoubleQuotesAskForTheExactPhrase) {
    const auto exact = make_keyphrase("\u201Cpuces d\u2019IA\u201D", MatchMode::Yoast);
    EXPECT_TRUE(exact.exact);
    EXPECT_EQ(exact.length(), 1u);
    EXPECT_EQ(count_matches(exact, "Les puces d\u2019IA arrivent."), 1u);
    EXPECT_EQ(count_matches(exact, "L\u2019IA des puces arrive."), 0u) << "words out of order";
    EXPECT_FALSE(make_keyphrase("\u00AB puces \u00BB", MatchMode::Yoast).exact) << "« » are not Yoast's double quotes";
}

TEST(SeoMatchingKeyphrase, OneOccurrenceIsTheRarestWordOfTheSentence) {
    EXPECT_EQ(count("vélo ville", "Le vélo et le vélo électrique changent la ville.", MatchMode::Yoast), 1u);
    EXPECT_EQ(count("vélo ville", "Le vélo et la ville. La ville et le vélo.", MatchMode::Yoast), 2u);
    EXPECT_EQ(count("vélo ville", "Le vélo roule. La ville dort.", MatchMode::Yoast), 0u) << "not in one sentence";
}

TEST(SeoMatchingKeyphrase, PluralAndFeminineMatchInFrenchModeOnly) {
    EXPECT_EQ(count("puce européenne", "Les puces européennes arrivent.", MatchMode::French), 1u);
    EXPECT_EQ(count("puce européenne", "Les puces européennes arrivent.", MatchMode::Yoast), 0u);
    EXPECT_EQ(count("puce", "La puce arrive.", MatchMode::Yoast), 1u);
}

TEST(SeoMatchingKeyphrase, ElisionWithEitherApostrophe) {
    // French mode: the word after the elision, whichever apostrophe either side uses.
    EXPECT_EQ(count("IA", "L\u2019IA progresse et l'IA aussi.", MatchMode::French), 2u);
    EXPECT_TRUE(contains_all(make_keyphrase("puces d'IA", MatchMode::French), "Des puces d\u2019IA."));
    EXPECT_TRUE(contains_all(make_keyphrase("OpenAI", MatchMode::French), "Le modèle d\u2019OpenAI."));
    // Yoast: its word boundary includes apostrophes, so IA is found in l’IA; a whole elided
    // keyphrase word needs the same form in the text.
    EXPECT_TRUE(contains_all(make_keyphrase("IA", MatchMode::Yoast), "L\u2019IA progresse."));
    EXPECT_FALSE(contains_all(make_keyphrase("d'IA", MatchMode::Yoast), "Des puces pour l\u2019IA."));
}

TEST(SeoMatchingKeyphrase, AccentsAndCase) {
    // Yoast folds the keyphrase's accents (été finds ete) but not the text's (ete does not find été).
    EXPECT_TRUE(contains_all(make_keyphrase("été", MatchMode::Yoast), "Un ete chaud."));
    EXPECT_FALSE(contains_all(make_keyphrase("ete", MatchMode::Yoast), "Un été chaud."));
    EXPECT_TRUE(contains_all(make_keyphrase("ete", MatchMode::French), "Un ÉTÉ chaud."));
    EXPECT_TRUE(contains_all(make_keyphrase("émirats", MatchMode::French), "Les Emirats investissent."));
}

TEST(SeoMatchingKeyphrase, HyphensSeparateWordsForYoastNotForFrench) {
    const auto yoast = make_keyphrase("porte-monnaie", MatchMode::Yoast);
    EXPECT_EQ(yoast.length(), 2u);
    EXPECT_EQ(count_matches(yoast, "Un porte monnaie en cuir."), 1u);
    const auto french = make_keyphrase("porte-monnaie", MatchMode::French);
    EXPECT_EQ(french.length(), 1u);
    EXPECT_EQ(count_matches(french, "Un porte monnaie en cuir."), 0u);
    EXPECT_EQ(count_matches(french, "Des porte-monnaie en cuir."), 1u);
}

TEST(SeoMatchingKeyphrase, ShareOfWordsFound) {
    const auto k = make_keyphrase("usine puces Europe", MatchMode::French);
    EXPECT_DOUBLE_EQ(share_found(k, "Une usine en Europe."), 2.0 / 3);
    EXPECT_DOUBLE_EQ(share_found(k, "Rien à voir."), 0.0);
}

}  // namespace
