// The check phase's measures and the composer's typography, on French text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "check/fidelity.hpp"
#include "compose/typography.hpp"
#include "plume/plume.hpp"
#include "test_support.hpp"

namespace plume::write {
namespace {

bool has(const std::vector<Fact>& facts, FactKind kind, const std::string& text) {
    return std::any_of(facts.begin(), facts.end(), [&](const Fact& f) { return f.kind == kind && f.text == text; });
}

TEST(WriteFacts, FindsFiguresWithTheirUnitDatesQuotesAndNames) {
    const std::string t =
        "Selon le Wall Street Journal, Sam Altman voudrait lever 7 000 milliards de dollars. La récolte tombe à "
        "29,8 millions de tonnes, soit 14,9 % de moins. Les travaux ont démarré en mars 2023 et la ligne ouvre "
        "le 6 septembre 2025. « C’est une vraie réparation », a déclaré Claire Vasseur.";
    const std::vector<Fact> f = extract_facts(t);
    EXPECT_TRUE(has(f, FactKind::Number, "7 000 milliards de dollars"));
    EXPECT_TRUE(has(f, FactKind::Number, "29,8 millions de tonnes"));
    EXPECT_TRUE(has(f, FactKind::Number, "14,9 %"));
    EXPECT_TRUE(has(f, FactKind::Date, "2023"));
    EXPECT_TRUE(has(f, FactKind::Date, "6 septembre 2025"));
    EXPECT_TRUE(has(f, FactKind::Quote, "C’est une vraie réparation"));
    EXPECT_TRUE(has(f, FactKind::Name, "Sam Altman"));
    EXPECT_TRUE(has(f, FactKind::Name, "Wall Street Journal"));
    EXPECT_TRUE(has(f, FactKind::Name, "Claire Vasseur"));
    // Capitals that only open a sentence are grammar, not names.
    EXPECT_FALSE(has(f, FactKind::Name, "Selon"));
    EXPECT_FALSE(has(f, FactKind::Name, "Les"));
}

TEST(WriteFacts, TracesThroughTypographyAndCatchesInventions) {
    const std::vector<std::string> sources = {
        "Sam Altman viserait 7000 milliards de dollars, selon le \"Wall Street Journal\".",
        "La Métropole de Lyon finance la ligne."};
    std::vector<Fact> f = extract_facts(
        "Sam Altman viserait 7\u202f000 milliards de dollars. La Métropole de Lyon paie. Jean Dupont approuve "
        "un budget de 12 millions d’euros.");
    trace_facts(f, sources);
    for (const Fact& fact : f) {
        const bool invented = fact.text.find("Dupont") != std::string::npos || fact.text.find("12") != std::string::npos;
        EXPECT_EQ(fact.source < 0, invented) << fact.text << " -> " << fact.source;
    }
    const auto lyon = std::find_if(f.begin(), f.end(), [](const Fact& x) { return x.text == "Métropole de Lyon"; });
    ASSERT_NE(lyon, f.end());
    EXPECT_EQ(lyon->source, 1);
}

TEST(WriteOriginality, SharesOfEightWordSequencesFoundInTheSources) {
    const std::string source =
        "La ligne de tramway relie la gare de Vaise au campus de La Doua en vingt-quatre minutes.";
    EXPECT_DOUBLE_EQ(verbatim_share(source, {source}), 1.0);
    EXPECT_DOUBLE_EQ(verbatim_share("Un texte entièrement différent sur la récolte de blé tendre de cette année en France.", {source}), 0.0);
    // 13 words, 6 8-grams; the first 9 words come from the source: 2 of the 6 are found.
    const std::string half = "La ligne de tramway relie la gare de Vaise chaque matin très tôt.";
    EXPECT_DOUBLE_EQ(verbatim_share(half, {source}), 2.0 / 6.0);
    EXPECT_DOUBLE_EQ(verbatim_share("Trop court.", {source}), 0.0);
}

TEST(WriteTypography, AppliesTheFrenchRules) {
    EXPECT_EQ(french_typography("Il l'a dit : c'est fini ; vraiment ? Oui !"),
              "Il l’a dit\u00a0: c’est fini\u202f; vraiment\u202f? Oui\u202f!");
    EXPECT_EQ(french_typography("« Bonjour »"), "«\u00a0Bonjour\u00a0»");
    EXPECT_EQ(french_typography("Il a dit \"non\" hier."), "Il a dit «\u00a0non\u00a0» hier.");
    EXPECT_EQ(french_typography("12000 euros et 7 000 tonnes, 3,5 % en 2025"),
              "12\u202f000 euros et 7\u202f000 tonnes, 3,5\u202f% en 2025");
    // Times, decimals, codes and addresses keep their characters.
    EXPECT_EQ(french_typography("À 10:30, voir https://exemple.fr/a?b=1 ou ecrire@exemple.fr"),
              "À 10:30, voir https://exemple.fr/a?b=1 ou ecrire@exemple.fr");
    EXPECT_EQ(french_typography("Le code A12345 et 0612345678."), "Le code A12345 et 0612345678.");
}

TEST(WriteTypography, IsIdempotent) {
    const std::string once = french_typography("Il l'a dit : « 12000 euros » ; \"vraiment\" ?");
    EXPECT_EQ(french_typography(once), once);
}

// The typeset text passes the analyser's own typography check: every example source.
TEST(WriteTypography, SatisfiesTheAnalysersCheckOnEveryExampleSource) {
    const std::string root = std::string(PLUME_EXAMPLES) + "/sources";
    int files = 0;
    for (const auto& set : std::filesystem::directory_iterator(root)) {
        if (!set.is_directory()) continue;
        for (const auto& f : std::filesystem::directory_iterator(set.path())) {
            if (f.path().extension() != ".txt") continue;
            ++files;
            const Document doc = parse_document(french_typography(test::slurp(f.path().string())), Format::Text, "x.txt");
            const Analysis a = analyze(doc, {});
            const auto typo = std::find_if(a.extra.assessments.begin(), a.extra.assessments.end(),
                                           [](const Assessment& x) { return x.id == "frenchTypography"; });
            ASSERT_NE(typo, a.extra.assessments.end());
            EXPECT_TRUE(typo->marks.empty()) << f.path() << ": " << typo->message;
        }
    }
    EXPECT_EQ(files, 8);
}

}  // namespace
}  // namespace plume::write
