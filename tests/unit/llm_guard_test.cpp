// The checks every answer of the model goes through (src/llm/guard.cpp) and the prompt
// templates (src/llm/prompts.cpp), on French text written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/model_writer.hpp"
#include "llm/guard.hpp"
#include "llm/prompts.hpp"

namespace {

using namespace plume::llm;

const std::string kSource =
    "La médiathèque Louise-Michel de Saint-Aubin rouvre le samedi 14 mars, après dix-huit mois de travaux. "
    "Le chantier a coûté 4,2 millions d’euros. « Nous voulions un lieu où l’on vient aussi pour apprendre », "
    "explique la directrice, Claire Vasseur.";

const std::string kGood =
    "À Saint-Aubin, les lecteurs retrouveront leur médiathèque le samedi 14 mars. Fermé pendant un an et demi, "
    "l’équipement a changé de visage grâce à un chantier de 4,2 millions d’euros. Sa directrice, Claire Vasseur, "
    "veut en faire un endroit où l’on ne se contente plus d’emprunter des livres.";

std::vector<std::string> reasons(const std::vector<Fault>& faults) {
    std::vector<std::string> out;
    for (const Fault& f : faults) out.push_back(f.reason);
    return out;
}

TEST(LlmGuard, AFaithfulFrenchParaphrasePasses) {
    Guard g({kSource});
    std::vector<std::string> rejected;
    EXPECT_TRUE(g.check_prose(kGood, 30, 80, rejected).empty());
    EXPECT_TRUE(rejected.empty());
}

TEST(LlmGuard, AnInventedAmountAndNameAreRejectedAndToldBack) {
    Guard g({kSource});
    std::vector<std::string> rejected;
    const std::string text = kGood + " La région Bretagne a versé 5 millions d’euros de plus.";
    const auto faults = g.check_prose(text, 30, 100, rejected);
    ASSERT_FALSE(faults.empty());
    EXPECT_EQ(faults.front().reason, "invented-fact");
    EXPECT_NE(faults_text(faults).find("5 millions"), std::string::npos) << faults_text(faults);
    EXPECT_NE(std::find(rejected.begin(), rejected.end(), "Bretagne"), rejected.end());
}

TEST(LlmGuard, EnglishMarkdownShortAndRepeatedAnswersEachHaveTheirFault) {
    Guard g({kSource});
    std::vector<std::string> rejected;
    const std::string english =
        "The Louise-Michel library in Saint-Aubin reopens on the 14 mars after a long renovation that took a year and a half "
        "and was paid for by the town and the region, with new rooms for children and for video games.";
    EXPECT_EQ(reasons(g.check_prose(english, 20, 80, rejected)), std::vector<std::string>{"not-french"});
    EXPECT_EQ(reasons(g.check_prose("La médiathèque rouvre **samedi** après ses travaux, pour le plus grand plaisir des lecteurs "
                                     "qui l’attendaient depuis longtemps dans la commune.", 10, 80, rejected)),
              std::vector<std::string>{"markup"});
    EXPECT_EQ(reasons(g.check_prose("La médiathèque rouvre.", 30, 80, rejected)), std::vector<std::string>{"too-short"});
    g.accept(kGood);
    const auto repeated = g.check_prose("Les lecteurs de Saint-Aubin retrouveront leur médiathèque le samedi 14 mars. "
                                        "Les horaires seront plus larges qu’avant la fermeture, le soir comme le dimanche.",
                                        10, 80, rejected);
    EXPECT_EQ(reasons(repeated), std::vector<std::string>{"repetition"});
}

TEST(LlmGuard, AnAnswerCopyingTheSourcesIsSentBackToBeReworded) {
    Guard g({kSource});
    std::vector<std::string> rejected;
    const auto faults = g.check_prose(kSource + " Les lecteurs attendaient ce moment depuis longtemps.", 20, 80, rejected);
    EXPECT_EQ(reasons(faults), std::vector<std::string>{"copied"});
    EXPECT_NE(faults_text(faults).find("mot pour mot"), std::string::npos);
}

TEST(LlmGuard, MarkupSignsAreFoundAndOrdinaryPunctuationIsNot) {
    EXPECT_EQ(markup_sign("## Les travaux\nLe chantier a duré."), "##");
    EXPECT_EQ(markup_sign("Le chantier :\n- isolation\n- extension"), "-");
    EXPECT_EQ(markup_sign("Le chantier a duré <b>dix-huit mois</b>."), "<b>");
    EXPECT_EQ(markup_sign("Voir [le site](https://example.org)."), "](");
    EXPECT_EQ(markup_sign("Le budget passe de 3 < 4 millions – une hausse – et 1978 reste la date."), "");
    EXPECT_EQ(markup_sign("« Nous voulions un lieu ouvert », dit-elle ; 12 agents y travaillent."), "");
}

TEST(LlmGuard, ParagraphsAreSplitAtBlankLines) {
    EXPECT_EQ(paragraphs_of("Premier paragraphe\nqui continue.\n\n  \nSecond paragraphe.\n"),
              (std::vector<std::string>{"Premier paragraphe qui continue.", "Second paragraphe."}));
}

TEST(LlmPrompts, TemplatesAreFilledAndValuesAreNeverTemplates) {
    EXPECT_EQ(fill("Requête : « {{requete}} », {{inconnu}}", {{"requete", "{{extraits}} médiathèque"}, {"extraits", "X"}}),
              "Requête : « {{extraits}} médiathèque », {{inconnu}}");
    EXPECT_NE(prompt_file("systeme").find("jamais des consignes"), std::string::npos);
    EXPECT_NE(prompt_entry("fautes", "too-short").find("{{min}}"), std::string::npos);
    EXPECT_NE(prompt_entry("roles", "introduction").find("{{requete}}"), std::string::npos);
    EXPECT_EQ(prompt_entry("fautes", "nothing-of-the-kind"), "");
}

}  // namespace

// A schema's grammar lets a model escape half a surrogate pair alone (« "\udeca" »), which a
// strict parser refuses: plume reads it as U+FFFD and keeps the answer; a whole pair and an
// escaped backslash stay as written.
TEST(LlmAnswer, ALoneSurrogateEscapeReadsAsAReplacementCharacter) {
    const nlohmann::json j = plume::llm::answer_object("Voici : {\"titre\"\n :\"\\udecacheverifyts\", \"ton\":\"neutre\"} fin");
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j["titre"], "\xEF\xBF\xBD" "cheverifyts");
    EXPECT_EQ(j["ton"], "neutre");
    const nlohmann::json pair = plume::llm::answer_object("{\"a\":\"\\ud83d\\ude00\",\"b\":\"\\\\udeca\"}");
    ASSERT_TRUE(pair.is_object());
    EXPECT_EQ(pair["a"], "\xF0\x9F\x98\x80");
    EXPECT_EQ(pair["b"], "\\udeca");
    EXPECT_TRUE(plume::llm::answer_object("pas de JSON").is_null());
}
