// The readability score: yoastseo's penalty points over the seven assessments, in order.
#include <gtest/gtest.h>

#include "analyze/readability/readability.hpp"
#include "readability_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;

Analysis run(const Document& d) { return analyze(d, AnalyzeOptions{}); }

std::vector<std::string> ids(const Category& c) {
    std::vector<std::string> out;
    for (const Assessment& a : c.assessments) out.push_back(a.id);
    return out;
}

TEST(ReadabilityScore, SevenAssessmentsInYoastOrder) {
    const Analysis a = run(doc_of({para("Court.")}));
    EXPECT_EQ(ids(a.readability),
              (std::vector<std::string>{"subheadingsTooLong", "textParagraphTooLong", "textSentenceLength",
                                        "textTransitionWords", "passiveVoice", "textPresence",
                                        "sentenceBeginnings"}));
}

TEST(ReadabilityScore, ShortTextIsGoodDespiteNotEnoughContent) {
    // As in yoastseo: textPresence is bad (3 points), the six others good.
    const Analysis a = run(doc_of({para("Paul visite Lyon.")}));
    EXPECT_EQ(a.readability.score, 90);
    EXPECT_EQ(a.readability.rating, Rating::Good);
}

// A paragraph of 100 words, three of its ten sentences opened by a transition word (30 %).
std::string paragraph_with_transitions() {
    std::string text;
    for (int i = 0; i < 10; ++i) text += (i % 3 == 0 ? "Ensuite " + visit(9, "Marie") : visit(10, "Paul")) + " ";
    return text;
}

TEST(ReadabilityScore, OneBadResultStillGoodWhenTextPresenceIsSilent) {
    // 400 words without subheadings (score 2) and nothing else wrong: 3 points at full support
    // (the stricter scale would give 4 points, hence 60).
    const std::string p = paragraph_with_transitions();
    const Analysis a = run(doc_of({para(p), para(p), para(p), para(p)}));
    ASSERT_EQ(a.readability.assessments.size(), 6u);
    EXPECT_EQ(a.readability.assessments[0].score, 2);
    EXPECT_EQ(a.readability.score, 90);
}

TEST(ReadabilityScore, SixPointsAreOkEightAreBad) {
    // 330 words without subheadings (bad) and no transition words (bad): 6 points.
    const Analysis ok = run(doc_of({para(visits(11, 10)), para(visits(11, 10)), para(visits(11, 10))}));
    EXPECT_EQ(ok.readability.score, 60);
    EXPECT_EQ(ok.readability.rating, Rating::Ok);
    // The same with a 160-word paragraph (ok): 8 points.
    const Analysis bad = run(doc_of({para(visits(16, 10)), para(visits(15, 10))}));
    EXPECT_EQ(bad.readability.score, 30);
    EXPECT_EQ(bad.readability.rating, Rating::Bad);
}

}  // namespace
