// textSentenceLength, textParagraphTooLong, subheadingsTooLong and textPresence at their thresholds.
#include <gtest/gtest.h>

#include "analyze/readability/readability.hpp"
#include "readability_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
namespace r = plume::analysis::readability;

// `long_count` sentences of 21 words among `total`, the others of 8 words.
Document with_long_sentences(std::size_t long_count, std::size_t total) {
    return doc_of({para(visits(long_count, 21)), para(visits(total - long_count, 8))});
}

TEST(ReadabilitySentenceLength, TwentyWordsIsNotLong) {
    const auto a = assess(r::sentence_length, doc_of({para(visits(4, 20))}));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "textSentenceLength");
    EXPECT_EQ(a->score, 9);
    EXPECT_TRUE(a->marks.empty());
}

TEST(ReadabilitySentenceLength, TwentyFivePercentIsStillGood) {
    const auto a = assess(r::sentence_length, with_long_sentences(1, 4));
    EXPECT_EQ(a->score, 9);
    EXPECT_EQ(a->marks.size(), 1u);
}

TEST(ReadabilitySentenceLength, AboveTwentyFivePercentIsOk) {
    const auto a = assess(r::sentence_length, with_long_sentences(2, 7));  // 28.6 %
    EXPECT_EQ(a->score, 6);
    EXPECT_NE(a->message.find("28,6"), std::string::npos) << a->message;
}

TEST(ReadabilitySentenceLength, ThirtyPercentIsOkAboveIsBad) {
    EXPECT_EQ(assess(r::sentence_length, with_long_sentences(3, 10))->score, 6);
    EXPECT_EQ(assess(r::sentence_length, with_long_sentences(4, 13))->score, 3);  // 30.8 %
}

TEST(ReadabilitySentenceLength, MarksTheLongSentence) {
    const std::string long_one = visit(21, "Paul");
    const Document d = doc_of({para(visit(8) + " " + long_one)});
    const auto a = assess(r::sentence_length, d);
    ASSERT_EQ(a->marks.size(), 1u);
    EXPECT_EQ(d.source.substr(a->marks[0].start, a->marks[0].end - a->marks[0].start), long_one);
}

TEST(ReadabilityParagraphLength, HundredFiftyWordsIsGood) {
    const auto a = assess(r::paragraph_length, doc_of({para(visits(15, 10))}));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "textParagraphTooLong");
    EXPECT_EQ(a->score, 9);
}

TEST(ReadabilityParagraphLength, AboveHundredFiftyIsOkAndMarked) {
    const std::string too_long = visits(14, 10) + " " + visit(11);  // 151 words
    const Document d = doc_of({para(visit(5)), para(too_long)});
    const auto a = assess(r::paragraph_length, d);
    EXPECT_EQ(a->score, 6);
    ASSERT_EQ(a->marks.size(), 1u);
    EXPECT_EQ(d.source.substr(a->marks[0].start, a->marks[0].end - a->marks[0].start), too_long);
}

TEST(ReadabilityParagraphLength, TwoHundredIsOkAboveIsBad) {
    EXPECT_EQ(assess(r::paragraph_length, doc_of({para(visits(20, 10))}))->score, 6);
    EXPECT_EQ(assess(r::paragraph_length, doc_of({para(visits(19, 10) + " " + visit(11))}))->score, 3);
}

TEST(ReadabilityParagraphLength, ListItemsAreParagraphsHeadingsAreNot) {
    EXPECT_EQ(assess(r::paragraph_length, doc_of({item(visits(16, 10))}))->score, 6);
    EXPECT_EQ(assess(r::paragraph_length, doc_of({heading(visits(16, 10)), para(visit(5))}))->score, 9);
}

TEST(ReadabilitySubheadings, ShortTextNeedsNoSubheadings) {
    const auto a = assess(r::subheading_distribution, doc_of({para(visits(30, 10))}));  // 300 words
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "subheadingsTooLong");
    EXPECT_EQ(a->score, 9);
}

TEST(ReadabilitySubheadings, LongTextWithoutSubheadingsScoresTwo) {
    EXPECT_EQ(assess(r::subheading_distribution, doc_of({para(visits(29, 10) + " " + visit(11))}))->score, 2);
}

TEST(ReadabilitySubheadings, SectionsOfThreeHundredWordsAreGood) {
    const Document d = doc_of({para(visits(30, 10)), heading("Les villes du Sud"), para(visits(30, 10))});
    EXPECT_EQ(assess(r::subheading_distribution, d)->score, 9);
}

TEST(ReadabilitySubheadings, LongSectionIsOkThenBadAndItsHeadingMarked) {
    const std::string title = "Les villes du Sud";
    const Document ok = doc_of({para(visit(10)), heading(title), para(visits(29, 10) + " " + visit(11))});
    const auto a = assess(r::subheading_distribution, ok);
    EXPECT_EQ(a->score, 6);
    ASSERT_EQ(a->marks.size(), 1u);
    EXPECT_EQ(ok.source.substr(a->marks[0].start, a->marks[0].end - a->marks[0].start), title);
    const Document at_350 = doc_of({para(visit(10)), heading(title), para(visits(35, 10))});
    EXPECT_EQ(assess(r::subheading_distribution, at_350)->score, 6);
    const Document bad = doc_of({para(visit(10)), heading(title), para(visits(34, 10) + " " + visit(11))});
    EXPECT_EQ(assess(r::subheading_distribution, bad)->score, 3);
}

TEST(ReadabilitySubheadings, LongBeginningIsReportedWithoutMarks) {
    const Document ok = doc_of({para(visits(29, 10) + " " + visit(11)), heading("Suite"), para(visit(10))});
    const auto a = assess(r::subheading_distribution, ok);
    EXPECT_EQ(a->score, 6);
    EXPECT_TRUE(a->marks.empty());
    EXPECT_NE(a->message.find("début"), std::string::npos) << a->message;
    const Document bad = doc_of({para(visits(34, 10) + " " + visit(11)), heading("Suite"), para(visit(10))});
    EXPECT_EQ(assess(r::subheading_distribution, bad)->score, 3);
}

TEST(ReadabilitySubheadings, QuotationsAreNotCounted) {
    const Document d = doc_of({para(visits(20, 10)), {BlockKind::Quote, visits(20, 10)}});
    EXPECT_EQ(assess(r::subheading_distribution, d)->score, 9);
}

TEST(ReadabilityTextPresence, FiftyCharactersAreEnough) {
    const std::string fifty = "Le marché couvert ouvre tôt chaque matin à Rennes.";
    ASSERT_EQ(fifty.size(), 53u);  // 50 characters, 3 of them two bytes long
    EXPECT_FALSE(assess(r::text_presence, doc_of({para(fifty)})));
    const auto a = assess(r::text_presence, doc_of({para("Le marché couvert ouvre tôt chaque matin à Brest.")}));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "textPresence");
    EXPECT_EQ(a->score, 3);
}

TEST(ReadabilityTextPresence, BlocksAreJoinedBySpaces) {
    // 23 + 1 + 26 characters, then 23 + 1 + 25.
    EXPECT_FALSE(assess(r::text_presence, doc_of({heading("Le marché couvert ouvre"), para("tôt chaque matin à Rennes.")})));
    EXPECT_TRUE(assess(r::text_presence, doc_of({heading("Le marché couvert ouvre"), para("tôt chaque matin à Paris.")})));
}

}  // namespace
