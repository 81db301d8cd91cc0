// keyphraseInHeadings: the keyphrase in more than 75 % of the H2/H3, or twice in one of them.
#include <gtest/gtest.h>

#include "extra_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
using Strings = std::vector<std::string>;
namespace x = plume::analysis::extra;

Document with_headings(const Strings& headings) {
    std::vector<Part> parts;
    for (const std::string& h : headings) {
        parts.push_back(heading(h));
        parts.push_back(para(visit(8)));
    }
    return doc_of(parts);
}

std::optional<Assessment> stuffing(const Document& d, const std::string& keyphrase,
                                   MatchMode match = MatchMode::French) {
    AnalyzeOptions options;
    options.keyphrase = keyphrase;
    options.match = match;
    return run_extra(x::keyphrase_in_headings, d, options);
}

TEST(ExtraKeyphraseInHeadings, ThreeOfThreeIsBadAndMarked) {
    const Strings headings = {"La voiture électrique en ville", "Les voitures électriques et la batterie",
                              "Acheter une voiture électrique d’occasion"};
    const Document d = with_headings(headings);
    const auto a = stuffing(d, "voiture électrique");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "keyphraseInHeadings");
    EXPECT_EQ(a->score, 3);
    EXPECT_EQ(marked(d, a->marks), headings);
    EXPECT_EQ(a->message, "Intertitres : la requête cible figure dans 3 intertitres sur 3. Variez-les.");
}

TEST(ExtraKeyphraseInHeadings, SeventyFivePercentIsGood) {
    const Document d = with_headings({"La voiture électrique en ville", "Les voitures électriques et la batterie",
                                      "Acheter une voiture électrique d’occasion", "Le prix de la recharge"});
    EXPECT_EQ(stuffing(d, "voiture électrique")->score, 9);
}

TEST(ExtraKeyphraseInHeadings, TwoOfTwoIsBadOneOfTwoIsGood) {
    EXPECT_EQ(stuffing(with_headings({"L’IA au bureau", "L'IA à l’école"}), "IA")->score, 3);
    EXPECT_EQ(stuffing(with_headings({"L’IA au bureau", "Le travail à l’école"}), "IA")->score, 9);
}

TEST(ExtraKeyphraseInHeadings, SingleSubheadingIsNotStuffing) {
    EXPECT_EQ(stuffing(with_headings({"La voiture électrique en ville"}), "voiture électrique")->score, 9);
}

TEST(ExtraKeyphraseInHeadings, KeyphraseTwiceInOneHeadingIsBad) {
    const Document d = with_headings({"Voiture électrique : quelle voiture électrique choisir ?", "Le prix",
                                      "La recharge"});
    const auto a = stuffing(d, "voiture électrique");
    EXPECT_EQ(a->score, 3);
    EXPECT_EQ(marked(d, a->marks), Strings{"Voiture électrique : quelle voiture électrique choisir ?"});
}

TEST(ExtraKeyphraseInHeadings, YoastMatchingNeedsTheExactForm) {
    // Plural and elided forms do not match in Yoast mode: one heading of three.
    const Document d = with_headings({"La voiture électrique en ville", "Les voitures électriques",
                                      "L’autonomie des voitures électriques"});
    EXPECT_EQ(stuffing(d, "voiture électrique", MatchMode::Yoast)->score, 9);
    EXPECT_EQ(stuffing(d, "voiture électrique", MatchMode::French)->score, 3);
}

TEST(ExtraKeyphraseInHeadings, OnlyH2AndH3Count) {
    Document d = with_headings({"La voiture électrique en ville", "Le prix", "La voiture électrique demain"});
    d.blocks[2].level = 4;  // "Le prix" is an H4: two subheadings left, both with the keyphrase
    EXPECT_EQ(stuffing(d, "voiture électrique")->score, 3);
}

TEST(ExtraKeyphraseInHeadings, NotApplicableWithoutKeyphraseOrSubheadings) {
    EXPECT_FALSE(stuffing(with_headings({"La voiture électrique"}), ""));
    EXPECT_FALSE(stuffing(doc_of({para(visit(8))}), "voiture électrique"));
}

}  // namespace
