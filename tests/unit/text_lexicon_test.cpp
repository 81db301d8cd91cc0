// The French lexicon (Hunspell with Debian's hunspell-fr-classical): parts of speech that the
// writer's word lists cannot hold.
#include <gtest/gtest.h>

#include "text/lexicon.hpp"

namespace {

using plume::text::word_readings;

class Lexicon : public ::testing::Test {
protected:
    void SetUp() override {
        if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    }
};

TEST_F(Lexicon, ConjugatedVerbsThatAreNothingElse) {
    for (const char* verb : {"requiert", "réclament", "tue", "incitent", "balaye", "prouve"})
        EXPECT_TRUE(word_readings(verb).only_finite_verb()) << verb;
}

TEST_F(Lexicon, WordsThatAreAlsoNounsAdjectivesOrParticiples) {
    // « la police », « le juste », « un homme placé », « les jumeaux »
    for (const char* word : {"police", "juste", "placé", "jumeaux", "parquet", "avoir"})
        EXPECT_FALSE(word_readings(word).only_finite_verb()) << word;
    EXPECT_TRUE(word_readings("placé").participle);
    EXPECT_TRUE(word_readings("avoir").infinitive);
    EXPECT_TRUE(word_readings("police").nominal);
}

TEST_F(Lexicon, CaseAndUnknownForms) {
    EXPECT_TRUE(word_readings("État").known);
    EXPECT_FALSE(word_readings("Etat").known);  // French keeps the accent on the capital
    EXPECT_FALSE(word_readings("xqzv").known);
    EXPECT_FALSE(word_readings(std::string(5000, 'a')).known);
}

}  // namespace
