// textTransitionWords and sentenceBeginnings at their thresholds, on French sentences.
#include <gtest/gtest.h>

#include "analyze/readability/readability.hpp"
#include "readability_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
namespace r = plume::analysis::readability;

// 20 sentences of 10 words (200 words), `with` of them opened by a transition word.
Document with_transitions(std::size_t with, std::size_t total = 20) {
    std::string text;
    for (std::size_t i = 0; i < total; ++i)
        text += (i < with ? "Ensuite " + visit(9, "Marie") : visit(10, "Paul")) + " ";
    return doc_of({para(text)});
}

TEST(ReadabilityTransitionWords, ThirtyPercentIsGood) {
    const auto a = assess(r::transition_words, with_transitions(6));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "textTransitionWords");
    EXPECT_EQ(a->score, 9);
    EXPECT_EQ(a->marks.size(), 6u);
}

TEST(ReadabilityTransitionWords, TwentyToThirtyIsOk) {
    EXPECT_EQ(assess(r::transition_words, with_transitions(5))->score, 6);
    EXPECT_EQ(assess(r::transition_words, with_transitions(4))->score, 6);
}

TEST(ReadabilityTransitionWords, BelowTwentyIsBad) {
    EXPECT_EQ(assess(r::transition_words, with_transitions(3))->score, 3);
    const auto none = assess(r::transition_words, with_transitions(0));
    EXPECT_EQ(none->score, 3);
    EXPECT_NE(none->message.find("aucune phrase"), std::string::npos) << none->message;
}

TEST(ReadabilityTransitionWords, TextsUnderTwoHundredWordsNeedNone) {
    const Document d = doc_of({para(visits(19, 10) + " " + visit(9))});  // 199 words
    EXPECT_EQ(assess(r::transition_words, d)->score, 9);
}

TEST(ReadabilityTransitionWords, PhrasesElisionsAndPairsAreFound) {
    const Document d = doc_of({para("Parce qu’il pleut, Marie reste à Lyon. "
                                    "Soit Paul visite Nantes, soit il visite Brest. "
                                    "D'une part Léa aime Paris, d’autre part elle préfère Nice. "
                                    "Tout d’abord, Omar visite Lille. "
                                    "Julie visite Rennes plus souvent. "
                                    "Karim visite Metz.")});
    const auto a = assess(r::transition_words, d);
    ASSERT_EQ(a->marks.size(), 4u);
    EXPECT_EQ(d.source.substr(a->marks[3].start, a->marks[3].end - a->marks[3].start), "Tout d’abord, Omar visite Lille.");
}

TEST(ReadabilitySentenceBeginnings, TwoAlikeAreFineThreeAreNot) {
    const Document two = doc_of({para(visit(6, "Marie") + " " + visit(6, "Marie") + " " + visit(6, "Paul"))});
    const auto ok = assess(r::sentence_beginnings, two);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->id, "sentenceBeginnings");
    EXPECT_EQ(ok->score, 9);
    const Document three = doc_of({para(visit(6, "Paul") + " " + visits(1, 6) + " " + visits(1, 6)),
                                   para(visit(6, "Marie"))});
    const auto bad = assess(r::sentence_beginnings, three);
    EXPECT_EQ(bad->score, 3);
    EXPECT_EQ(bad->marks.size(), 3u);
}

TEST(ReadabilitySentenceBeginnings, ArticlesAndNumeralsTakeTheNextWord) {
    const Document articles = doc_of({para("Le marché ouvre tôt. Le projet avance vite. Le chantier reprend lundi.")});
    EXPECT_EQ(assess(r::sentence_beginnings, articles)->score, 9);
    const Document same = doc_of({para("Le marché ouvre tôt. Le marché ferme tard. Le marché attire du monde.")});
    EXPECT_EQ(assess(r::sentence_beginnings, same)->score, 3);
    const Document numerals = doc_of({para("Trois villes votent. Trois régions hésitent. Trois maires refusent.")});
    EXPECT_EQ(assess(r::sentence_beginnings, numerals)->score, 9);
}

TEST(ReadabilitySentenceBeginnings, ListsAreLeftOutHeadingsAreNot) {
    const Document list = doc_of({item("Paul visite Lyon."), item("Paul visite Nice."), item("Paul visite Metz.")});
    EXPECT_EQ(assess(r::sentence_beginnings, list)->score, 9);
    const Document headings = doc_of({heading("Paul à Lyon"), para("Paul visite Lyon."), para("Paul visite Nice.")});
    EXPECT_EQ(assess(r::sentence_beginnings, headings)->score, 3);
}

TEST(ReadabilitySentenceBeginnings, CountsTheInstances) {
    const Document d = doc_of({para("Paul visite Lyon. Paul visite Nice. Paul visite Metz. "
                                    "Marie visite Pau. Marie visite Albi. Marie visite Caen. Marie visite Dax.")});
    const auto a = assess(r::sentence_beginnings, d, Lang::En);
    EXPECT_EQ(a->score, 3);
    EXPECT_EQ(a->marks.size(), 7u);
    EXPECT_NE(a->message.find("2 instances where 3 or more"), std::string::npos) << a->message;
}

}  // namespace
