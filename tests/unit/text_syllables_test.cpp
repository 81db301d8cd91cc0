// Syllables by French rule, checked on words whose spoken count is known.
#include <gtest/gtest.h>

#include "plume/text.hpp"

namespace {
using plume::text::count_syllables;

TEST(TextSyllables, VowelGroupsAndDigraphs) {
    EXPECT_EQ(count_syllables("ordinateur"), 4);
    EXPECT_EQ(count_syllables("oiseau"), 2);   // oi, eau
    EXPECT_EQ(count_syllables("chanté"), 2);
    EXPECT_EQ(count_syllables("gouvernement"), 4);
}

TEST(TextSyllables, SilentFinalEAndEs) {
    EXPECT_EQ(count_syllables("intelligence"), 4);
    EXPECT_EQ(count_syllables("idées"), 2);
    EXPECT_EQ(count_syllables("vie"), 1);
    EXPECT_EQ(count_syllables("le"), 1);  // the only vowel stays
    EXPECT_EQ(count_syllables("les"), 1);
}

TEST(TextSyllables, VerbEndingEntIsSilentButNotInNounsAndAdverbs) {
    EXPECT_EQ(count_syllables("parlent"), 1);
    EXPECT_EQ(count_syllables("peuvent"), 1);
    EXPECT_EQ(count_syllables("avaient"), 2);
    EXPECT_EQ(count_syllables("continuent"), 3);
    EXPECT_EQ(count_syllables("moment"), 2);
    EXPECT_EQ(count_syllables("souvent"), 2);
    EXPECT_EQ(count_syllables("intelligent"), 4);
}

TEST(TextSyllables, HiatusSplitsAVowelGroup) {
    EXPECT_EQ(count_syllables("poète"), 2);
    EXPECT_EQ(count_syllables("réalité"), 4);
    EXPECT_EQ(count_syllables("naïf"), 2);
    EXPECT_EQ(count_syllables("pays"), 2);
    EXPECT_EQ(count_syllables("client"), 2);
    EXPECT_EQ(count_syllables("pied"), 1);  // i before a vowel is a glide
    EXPECT_EQ(count_syllables("société"), 3);
}

TEST(TextSyllables, SilentLettersOfQuGuGe) {
    EXPECT_EQ(count_syllables("quatre"), 1);
    EXPECT_EQ(count_syllables("guerre"), 1);
    EXPECT_EQ(count_syllables("mangeons"), 2);
}

TEST(TextSyllables, ElisionsCompoundsAndAcronyms) {
    EXPECT_EQ(count_syllables("aujourd’hui"), 3);
    EXPECT_EQ(count_syllables("qu’il"), 1);
    EXPECT_EQ(count_syllables("l’IA"), 2);
    EXPECT_EQ(count_syllables("semi-conducteurs"), 5);
    EXPECT_EQ(count_syllables("PDG"), 3);
    EXPECT_EQ(count_syllables("TSMC"), 4);
    EXPECT_EQ(count_syllables("OTAN"), 2);  // said as a word
}

TEST(TextSyllables, AnyInputCountsAtLeastOne) {
    EXPECT_EQ(count_syllables(""), 1);
    EXPECT_EQ(count_syllables("42"), 1);
    EXPECT_EQ(count_syllables("\xff\xfe"), 1);
}

}  // namespace
