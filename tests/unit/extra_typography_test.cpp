// frenchTypography: no-break spaces before ; : ! ? and inside « », the apostrophe ’, thousands
// grouped in numbers of five digits or more; marks on the faulty characters.
#include <gtest/gtest.h>

#include "extra_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
using Strings = std::vector<std::string>;
namespace x = plume::analysis::extra;

const std::string kNbsp = "\u00a0";
const std::string kNarrow = "\u202f";

std::optional<Assessment> typography(const std::string& paragraph) {
    return run_extra(x::french_typography, doc_of({para(paragraph)}));
}

// What the marks of one paragraph point at; empty when the typography is right.
Strings faults(const std::string& paragraph) {
    const Document d = doc_of({para(paragraph)});
    return marked(d, run_extra(x::french_typography, d)->marks);
}

TEST(ExtraTypography, RightTypographyIsGood) {
    const auto a = typography("Il a dit" + kNbsp + ": oui. Vraiment" + kNarrow + "? Oui" + kNarrow + "! Bien" +
                              kNarrow + "; c’est ça.");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "frenchTypography");
    EXPECT_EQ(a->score, 9);
    EXPECT_TRUE(a->marks.empty());
}

TEST(ExtraTypography, SignWithoutSpaceIsMarked) {
    EXPECT_EQ(faults("Il a dit: oui."), Strings{":"});
    EXPECT_EQ(faults("Vraiment? Oui!"), (Strings{"?", "!"}));
}

TEST(ExtraTypography, OrdinarySpaceBeforeSignIsMarkedWithTheSpace) {
    EXPECT_EQ(faults("Il a dit : oui ; enfin."), (Strings{" :", " ;"}));
}

TEST(ExtraTypography, TickerWithNoBreakSpaceIsFine) {
    EXPECT_TRUE(faults("Intel (NASDAQ" + kNbsp + ": INTC) recule.").empty());
}

TEST(ExtraTypography, SignRunsTimesAndBracketsNeedNoSpace) {
    EXPECT_TRUE(faults("Vraiment" + kNarrow + "?! Rendez-vous à 12:30 (?) ce soir…" + kNarrow + "?").empty());
}

TEST(ExtraTypography, GuillemetsWithNoBreakSpacesAreFine) {
    EXPECT_TRUE(faults("Elle a répondu «" + kNbsp + "jamais" + kNbsp + "» hier.").empty());
    EXPECT_TRUE(faults("Elle a répondu «" + kNarrow + "jamais" + kNarrow + "» hier.").empty());
}

TEST(ExtraTypography, GuillemetsWithoutSpacesAreMarked) {
    EXPECT_EQ(faults("Elle a répondu «jamais» hier."), (Strings{"«", "»"}));
    EXPECT_EQ(faults("Elle a répondu « jamais » hier."), (Strings{"« ", " »"}));
}

TEST(ExtraTypography, ClosingGuillemetWithoutOpeningIsASeparator) {
    EXPECT_TRUE(faults("Accueil » Actualités » Économie").empty());
}

TEST(ExtraTypography, StraightApostropheIsMarked) {
    EXPECT_EQ(faults("Les promesses de l'IA."), Strings{"'"});
    EXPECT_TRUE(faults("Les promesses de l’IA.").empty());
    EXPECT_TRUE(faults("Le mot 'robot' vient du tchèque.").empty());  // quotes, not apostrophes
}

TEST(ExtraTypography, UngroupedLargeNumberIsMarked) {
    EXPECT_EQ(faults("Le fonds pèse 7000000 euros."), Strings{"7000000"});
    EXPECT_EQ(faults("Le stade compte 12345 places."), Strings{"12345"});
    EXPECT_EQ(faults("Il coûte 12345,50 euros."), Strings{"12345"});  // the integer part of a decimal
}

TEST(ExtraTypography, GroupedNumbersAreFine) {
    EXPECT_TRUE(faults("Le fonds pèse 7" + kNarrow + "000" + kNarrow + "000 euros.").empty());
    EXPECT_TRUE(faults("Il coûte 12" + kNbsp + "345,50 euros.").empty());
}

TEST(ExtraTypography, NumberGroupedWithOrdinarySpacesIsMarked) {
    EXPECT_EQ(faults("Le fonds pèse 7 000 000 euros."), Strings{"7 000 000"});
}

TEST(ExtraTypography, FourDigitNumbersAreFineEitherWay) {
    EXPECT_TRUE(faults("En 2024, 7000 salariés, puis 7" + kNbsp + "000 en 1999.").empty());
}

TEST(ExtraTypography, IdentifiersAreNotQuantities) {
    EXPECT_TRUE(faults("Appelez le 0612345678.").empty());
    EXPECT_TRUE(faults("Pi vaut 3,14159.").empty());
    EXPECT_TRUE(faults("Au 12 rue Royale, 75001 Paris.").empty());
    EXPECT_TRUE(faults("Le dossier n° 123456 et l’ISBN 9782070360024.").empty());
    EXPECT_TRUE(faults("Le modèle XR12345 et la référence 2024-12345.").empty());
}

TEST(ExtraTypography, UrlsAndEmailsAreLeftAlone) {
    EXPECT_TRUE(faults("Voir https://exemple.fr/article/1234567?id=89 ou écrire à jean12345@exemple.fr.").empty());
}

TEST(ExtraTypography, CodeBlocksAreLeftAlone) {
    Document d = doc_of({para("Le code suivant" + kNbsp + ":"), para("let x = {a: 12345};")});
    d.blocks[1].kind = BlockKind::Code;
    EXPECT_EQ(run_extra(x::french_typography, d)->score, 9);
}

// `count` straight apostrophes.
std::string apostrophes(std::size_t count) {
    std::string s = "Voici";
    for (std::size_t i = 0; i < count; ++i) s += " l'un";
    return s + ".";
}

TEST(ExtraTypography, FiveFaultsIsOkSixIsBad) {
    EXPECT_EQ(typography(apostrophes(1))->score, 6);
    EXPECT_EQ(typography(apostrophes(5))->score, 6);
    EXPECT_EQ(typography(apostrophes(6))->score, 3);
}

TEST(ExtraTypography, MessageCountsEachRule) {
    const auto a = typography("Il a dit: «oui» à l'IA.");
    EXPECT_EQ(a->message,
              "Typographie française : 4 fautes à corriger — espace insécable avant ; : ! ? (1), "
              "espaces insécables dans « » (2), apostrophe ’ et non ' (1).");
}

TEST(ExtraTypography, MarksAreSourceOffsets) {
    // A second block: marks must be offsets in the whole source, not in the block.
    const Document d = doc_of({para("Premier paragraphe" + kNbsp + "!"), para("Et l'autre.")});
    const auto a = run_extra(x::french_typography, d);
    ASSERT_EQ(a->marks.size(), 1u);
    EXPECT_EQ(a->marks[0].start, d.source.find("l'") + 1);
    EXPECT_EQ(marked(d, a->marks[0]), "'");
}

}  // namespace
