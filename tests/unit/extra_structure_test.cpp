// minimumWordCount, headingHierarchy and duplicateSentences at their thresholds.
#include <gtest/gtest.h>

#include "extra_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
namespace x = plume::analysis::extra;

// A paragraph of exactly `words` words (at least 5).
std::string words(std::size_t count) {
    const std::size_t tens = (count - 5) / 10;
    return visits(tens, 10) + (tens ? " " : "") + visit(count - tens * 10, "Chloé");
}

std::optional<Assessment> word_count(std::size_t count, std::size_t target = 700) {
    AnalyzeOptions options;
    options.min_words = target;
    return run_extra(x::minimum_word_count, doc_of({para(words(count))}), options);
}

TEST(ExtraWordCount, TargetReachedIsGood) {
    const auto a = word_count(700);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "minimumWordCount");
    EXPECT_EQ(a->score, 9);
    EXPECT_EQ(word_count(699)->score, 6);
}

TEST(ExtraWordCount, EightyFivePercentIsOkBelowIsBad) {
    EXPECT_EQ(word_count(595)->score, 6);
    EXPECT_EQ(word_count(594)->score, 3);
}

TEST(ExtraWordCount, MessageGivesBothNumbers) {
    const auto a = word_count(612);
    EXPECT_EQ(a->score, 6);  // 87 %
    EXPECT_EQ(a->message, "Longueur : 612 mots sur les 700 demandés.");
}

TEST(ExtraWordCount, TargetComesFromTheOptions) {
    EXPECT_EQ(word_count(300, 300)->score, 9);
    EXPECT_EQ(word_count(254, 300)->score, 3);
    EXPECT_FALSE(word_count(300, 0));
}

// A titled document whose headings have the given levels, each followed by a paragraph.
Document outline(const std::vector<int>& levels) {
    std::vector<Part> parts;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        parts.push_back(heading("Partie " + std::to_string(i + 1) + " du dossier"));
        parts.push_back(para(visit(8)));
    }
    Document d = doc_of(parts);
    d.title = "Le dossier complet";
    for (std::size_t i = 0; i < levels.size(); ++i) d.blocks[2 * i].level = levels[i];
    return d;
}

TEST(ExtraHeadingHierarchy, LevelsThatFollowAreGood) {
    const auto a = run_extra(x::heading_hierarchy, outline({2, 3, 3, 2, 3, 4, 2}));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "headingHierarchy");
    EXPECT_EQ(a->score, 9);
    EXPECT_TRUE(a->marks.empty());
}

TEST(ExtraHeadingHierarchy, SkippedLevelIsOkAndMarked) {
    const Document d = outline({2, 4, 2});
    const auto a = run_extra(x::heading_hierarchy, d);
    EXPECT_EQ(a->score, 6);
    EXPECT_EQ(marked(d, a->marks), std::vector<std::string>{"Partie 2 du dossier"});
}

TEST(ExtraHeadingHierarchy, FirstSubheadingMustBeH2) {
    const Document d = outline({3, 2});
    EXPECT_EQ(marked(d, run_extra(x::heading_hierarchy, d)->marks), std::vector<std::string>{"Partie 1 du dossier"});
}

TEST(ExtraHeadingHierarchy, H1InTheBodyIsBad) {
    const Document d = outline({2, 1, 2});
    const auto a = run_extra(x::heading_hierarchy, d);
    EXPECT_EQ(a->score, 3);
    EXPECT_EQ(marked(d, a->marks), std::vector<std::string>{"Partie 2 du dossier"});
}

TEST(ExtraHeadingHierarchy, NoTitleIsBad) {
    Document d = outline({2});
    d.title.reset();
    const auto a = run_extra(x::heading_hierarchy, d);
    EXPECT_EQ(a->score, 3);
    EXPECT_NE(a->message.find("pas de titre"), std::string::npos) << a->message;
}

Document titled(const std::string& title, const std::vector<Part>& parts) {
    Document d = doc_of(parts);
    d.title = title;
    return d;
}

TEST(ExtraDuplicateSentences, DistinctSentencesAreGood) {
    const auto a = run_extra(x::duplicate_sentences,
                             titled("La Mini électrique arrive", {para("La Mini arrive. Elle coûte cher.")}));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "duplicateSentences");
    EXPECT_EQ(a->score, 9);
}

TEST(ExtraDuplicateSentences, TitleRepeatedInTheBodyIsMarked) {
    const Document d = titled("La Mini électrique arrive en France",
                              {para("La Mini électrique arrive en France."), para("Elle coûte 30 000 euros.")});
    const auto a = run_extra(x::duplicate_sentences, d);
    EXPECT_EQ(a->score, 6);
    EXPECT_EQ(marked(d, a->marks), std::vector<std::string>{"La Mini électrique arrive en France."});
}

TEST(ExtraDuplicateSentences, CaseSpacesAndApostrophesDoNotHideARepeat) {
    const Document d = doc_of({para("L'IA change tout. Elle arrive vite."), para("l’IA change  TOUT !")});
    const auto a = run_extra(x::duplicate_sentences, d);
    EXPECT_EQ(marked(d, a->marks), std::vector<std::string>{"l’IA change  TOUT !"});
}

TEST(ExtraDuplicateSentences, ShortSentencesMayRepeat) {
    EXPECT_EQ(run_extra(x::duplicate_sentences, doc_of({para("Lire aussi. Un texte. Lire aussi.")}))->score, 9);
    EXPECT_EQ(run_extra(x::duplicate_sentences, doc_of({para("Il a gagné. Un texte. Il a gagné.")}))->score, 6);
}

TEST(ExtraDuplicateSentences, TwoRepeatsAreBad) {
    const auto a = run_extra(x::duplicate_sentences,
                             doc_of({para("Il a gagné. Il a gagné."), para("Elle a perdu. Elle a perdu.")}));
    EXPECT_EQ(a->score, 3);
    EXPECT_EQ(a->marks.size(), 2u);
    EXPECT_EQ(a->message, "Répétitions : 2 phrase(s) en double, à supprimer.");
}

}  // namespace
