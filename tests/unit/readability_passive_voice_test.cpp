// passiveVoice: which French sentences are passives, and the 10 % and 15 % thresholds.
#include <gtest/gtest.h>

#include "analyze/readability/readability.hpp"
#include "readability_support.hpp"

namespace {

using namespace plume;
using namespace plume::test;
namespace r = plume::analysis::readability;

TEST(ReadabilityPassiveVoice, EtrePlusParticipleIsPassive) {
    for (const char* s : {"Le projet a été annoncé par OpenAI.", "La loi sera votée demain.",
                          "Les résultats sont publiés chaque mois.", "Les documents ont été pris par la police.",
                          "La maison fut construite en 1900.", "Le rapport est écrit par deux experts.",
                          "Les portes seront ouvertes à midi.", "Le texte n’est pas encore traduit.",
                          "La décision serait prise lundi.", "Le contrat est signé.",
                          "Les salariés sont inquiets mais le projet est maintenu.",
                          "Sera-t-il élu dimanche ?"})
        EXPECT_TRUE(r::is_passive(s)) << s;
}

// yoastseo keeps adjectival participles such as « passionné » and « située » as passives;
// plume agrees so that the two can be compared.
TEST(ReadabilityPassiveVoice, AdjectivalParticiplesCountAsYoastCountsThem) {
    EXPECT_TRUE(r::is_passive("Il est passionné."));
    EXPECT_TRUE(r::is_passive("La ville est située au bord de la mer."));
    EXPECT_FALSE(r::is_passive("La société est très âgée."));
}

TEST(ReadabilityPassiveVoice, VerbsConjugatedWithEtreAreActive) {
    for (const char* s : {"Elle est allée à Lyon.", "Ils sont venus hier.", "Elle est devenue célèbre.",
                          "Il est né à Paris.", "Le chat est tombé.", "Elle est restée fermée.", "Il est passé hier.",
                          "Elle est partie tôt.", "Ils sont sortis du bâtiment.", "Le colis est arrivé lundi."})
        EXPECT_FALSE(r::is_passive(s)) << s;
}

TEST(ReadabilityPassiveVoice, PronominalAndPresentativeFormsAreActive) {
    for (const char* s : {"Ils se sont rencontrés à Paris.", "Nous nous sommes rencontrés.", "C’est terminé.",
                          "Il s'est trompé.", "Le but est d’avoir terminé."})
        EXPECT_FALSE(r::is_passive(s)) << s;
}

TEST(ReadabilityPassiveVoice, NounsAfterEtreAreNotParticiples) {
    for (const char* s : {"Il est le député de la circonscription.", "Elle est une employée modèle.",
                          "Ce secteur est un marché porteur.", "La sécurité est une priorité.", "Il est à côté."})
        EXPECT_FALSE(r::is_passive(s)) << s;
}

TEST(ReadabilityPassiveVoice, ParticipleInAnotherClauseIsNotPassive) {
    EXPECT_FALSE(r::is_passive("La réunion est à midi, le dossier validé hier."));
    EXPECT_FALSE(r::is_passive("Il est grand et le projet avancé."));
    EXPECT_TRUE(r::is_passive("Il est grand et le projet est avancé."));
}

// `passives` sentences in the passive voice among `total`.
Document with_passives(std::size_t passives, std::size_t total) {
    std::string text;
    for (std::size_t i = 0; i < passives; ++i) text += "Le budget est voté en décembre. ";
    return doc_of({para(text + visits(total - passives, 6))});
}

TEST(ReadabilityPassiveVoice, TenPercentIsGood) {
    const auto a = assess(r::passive_voice, with_passives(1, 10));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "passiveVoice");
    EXPECT_EQ(a->score, 9);
    EXPECT_EQ(a->marks.size(), 1u);
}

TEST(ReadabilityPassiveVoice, AboveTenIsOkUpToFifteen) {
    EXPECT_EQ(assess(r::passive_voice, with_passives(1, 9))->score, 6);  // 11.1 %
    EXPECT_EQ(assess(r::passive_voice, with_passives(3, 20))->score, 6);  // 15 %
}

TEST(ReadabilityPassiveVoice, AboveFifteenIsBadAndMarked) {
    const Document d = with_passives(2, 13);  // 15.4 %
    const auto a = assess(r::passive_voice, d);
    EXPECT_EQ(a->score, 3);
    ASSERT_EQ(a->marks.size(), 2u);
    EXPECT_EQ(d.source.substr(a->marks[0].start, a->marks[0].end - a->marks[0].start),
              "Le budget est voté en décembre.");
    EXPECT_NE(a->message.find("15,4"), std::string::npos) << a->message;
}

}  // namespace
