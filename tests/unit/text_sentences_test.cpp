// Sentence splitter: abbreviations, initials, tickers, quotes, ellipses, run-together text.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "plume/text.hpp"
#include "test_support.hpp"

namespace {

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    for (const plume::text::Span& sp : plume::text::split_sentences(s)) out.push_back(s.substr(sp.begin, sp.end - sp.begin));
    return out;
}

using Sentences = std::vector<std::string>;

TEST(TextSentences, PlainSentencesAreTrimmed) {
    EXPECT_EQ(split("  Il pleut. Elle sort ! Tu viens ?  "), (Sentences{"Il pleut.", "Elle sort !", "Tu viens ?"}));
    EXPECT_EQ(split(""), Sentences{});
    EXPECT_EQ(split("   "), Sentences{});
}

TEST(TextSentences, AbbreviationsDoNotEndSentences) {
    EXPECT_EQ(split("M. Dupont et Mme Durand arrivent. MM. Martin et Petit aussi."),
              (Sentences{"M. Dupont et Mme Durand arrivent.", "MM. Martin et Petit aussi."}));
    EXPECT_EQ(split("Des villes, p. ex. Lyon, cf. Annexe et env. 20 km. La suite."),
              (Sentences{"Des villes, p. ex. Lyon, cf. Annexe et env. 20 km.", "La suite."}));
    EXPECT_EQ(split("Né en 52 av. J.-C. Les Romains partent."),
              (Sentences{"Né en 52 av. J.-C.", "Les Romains partent."}));
    EXPECT_EQ(split("Le Dr. Martin voit le n° 5."), (Sentences{"Le Dr. Martin voit le n° 5."}));
}

TEST(TextSentences, AbbreviationsThatEndSentences) {
    EXPECT_EQ(split("Des puces, des usines, etc. Le marché croît."),
              (Sentences{"Des puces, des usines, etc.", "Le marché croît."}));
    // "art." holds only before a number: alone it is the noun.
    EXPECT_EQ(split("Selon l’art. 3 du code. Il aime l’art. Le musée ouvre."),
              (Sentences{"Selon l’art. 3 du code.", "Il aime l’art.", "Le musée ouvre."}));
}

TEST(TextSentences, InitialsAreNotBoundaries) {
    EXPECT_EQ(split("J. R. R. Tolkien écrit. Il publie."), (Sentences{"J. R. R. Tolkien écrit.", "Il publie."}));
}

TEST(TextSentences, TickersAfterCompanyNames) {
    EXPECT_EQ(split("Intel Corporation (NASDAQ : INTC) recule. Taiwan Semiconductor Manufacturing Co. (NASDAQ : TSM) "
                    "progresse et Manufacturing Co. a confirmé."),
              (Sentences{"Intel Corporation (NASDAQ : INTC) recule.",
                         "Taiwan Semiconductor Manufacturing Co. (NASDAQ : TSM) progresse et Manufacturing Co. a confirmé."}));
    // A bracketed sentence after a period is one.
    EXPECT_EQ(split("Il est parti. (Voir plus bas.) La suite."),
              (Sentences{"Il est parti.", "(Voir plus bas.)", "La suite."}));
}

TEST(TextSentences, QuotesCloseTheirSentence) {
    EXPECT_EQ(split("Il dit : « C’est fini. » Puis il part."),
              (Sentences{"Il dit : « C’est fini. »", "Puis il part."}));
    EXPECT_EQ(split("« Vraiment ! » a-t-il dit. “Oui.” Elle rit."),
              (Sentences{"« Vraiment ! » a-t-il dit.", "“Oui.”", "Elle rit."}));
}

TEST(TextSentences, Ellipses) {
    EXPECT_EQ(split("Il hésite… Puis il part... Enfin."), (Sentences{"Il hésite…", "Puis il part...", "Enfin."}));
    EXPECT_EQ(split("Il hésite… puis part. Il dit […] Le reste."), (Sentences{"Il hésite… puis part.", "Il dit […] Le reste."}));
}

TEST(TextSentences, NumbersAndDecimals) {
    EXPECT_EQ(split("Le cours a pris 3.5 % en 2023. 2 000 personnes ont suivi."),
              (Sentences{"Le cours a pris 3.5 % en 2023.", "2 000 personnes ont suivi."}));
}

TEST(TextSentences, RunTogetherScrapedText) {
    EXPECT_EQ(split("Le moteur fait 60 ch.La Mini arrive."), (Sentences{"Le moteur fait 60 ch.", "La Mini arrive."}));
    EXPECT_EQ(split("Voir www.OpenAI.Com et les U.S.Army demain."), (Sentences{"Voir www.OpenAI.Com et les U.S.Army demain."}));
    EXPECT_EQ(split("Fini!Ensuite on part."), (Sentences{"Fini!", "Ensuite on part."}));
}

// Text flattened from a web page lost the space after its sentences.
TEST(TextSentences, GluedSentencesSplit) {
    EXPECT_EQ(split("Le port est fermé.L’Iran proteste.A l’aube, tout reprend.C'est fini."),
              (Sentences{"Le port est fermé.", "L’Iran proteste.", "A l’aube, tout reprend.", "C'est fini."}));
    EXPECT_EQ(split("La salle était pleine...).«Merci», dit-il."),
              (Sentences{"La salle était pleine...).", "«Merci», dit-il."}));
    EXPECT_EQ(split("Il a parlé au conseil.M. Martin a voté.Selon le parquet.SOS Racisme réagit."),
              (Sentences{"Il a parlé au conseil.", "M. Martin a voté.", "Selon le parquet.", "SOS Racisme réagit."}));
    // A year or a figure ends the sentence before the initial as a word does.
    EXPECT_EQ(split("Les faits remontent à 2009.M. Ramadan est convoqué."),
              (Sentences{"Les faits remontent à 2009.", "M. Ramadan est convoqué."}));
    EXPECT_EQ(split("\"Le livre est fini.\"J.K Rowling écrit."), (Sentences{"\"Le livre est fini.\"", "J.K Rowling écrit."}));
    EXPECT_EQ(split("Le débat a duré deux heures.22h45 - Les candidats concluent.12 départements restent en alerte."),
              (Sentences{"Le débat a duré deux heures.", "22h45 - Les candidats concluent.", "12 départements restent en alerte."}));
    // No decimal follows a percentage.
    EXPECT_EQ(split("Le taux atteint 8,8%.61% des parents sont touchés."), (Sentences{"Le taux atteint 8,8%.", "61% des parents sont touchés."}));
}

// A straight quote glued between two sentences closes a quotation only if one is open.
TEST(TextSentences, GluedStraightQuotes) {
    EXPECT_EQ(split("Il a dit \"non\".\"Nous partons\", ajoute-t-il."),
              (Sentences{"Il a dit \"non\".", "\"Nous partons\", ajoute-t-il."}));
    EXPECT_EQ(split("Le maire répond.\"Nous partons.\"Elle reste."),
              (Sentences{"Le maire répond.", "\"Nous partons.\"", "Elle reste."}));
    EXPECT_EQ(split("Le vote a eu lieu.\"2 000 voix\", dit-il."), (Sentences{"Le vote a eu lieu.", "\"2 000 voix\", dit-il."}));
    // A quote typed for an apostrophe (« qu"il ») is no quotation mark to count.
    EXPECT_EQ(split("Il rappelle qu\"il est \"indispensable\" d'agir.\"Nous partons\", ajoute-t-il."),
              (Sentences{"Il rappelle qu\"il est \"indispensable\" d'agir.", "\"Nous partons\", ajoute-t-il."}));
}

TEST(TextSentences, GluedLookalikesDoNotSplit) {
    for (const char* s : {"Selon M.Martin, le vote a lieu.", "Voir franceinfo.fr ou www.Mairie.com pour le détail.",
                          "La dette atteint 2.758 milliards, soit 3.5 %.", "Il ouvre rapport.pdf et un Ph.D en droit.",
                          "Les U.S.A. Today et la S.A. ouvrent.", "Il cite J.-P. Dupont et J.K. Rowling ce soir.",
                          "Lisez (Label/Pias).com demain.", "Le framework .Net tourne.",
                          "Voir l’art.3 du code et la version 2.5 du texte.", "Il cite le vol.2 de la série."})
        EXPECT_EQ(split(s).size(), 1u) << s;
}

TEST(TextSentences, LowerCaseAfterPunctuationContinues) {
    EXPECT_EQ(split("« Au secours ! » cria-t-il. Quoi ? dit-elle."),
              (Sentences{"« Au secours ! » cria-t-il.", "Quoi ? dit-elle."}));
}

TEST(TextSentences, LineBreaksEndSentences) {
    EXPECT_EQ(split("Premier point\nSecond point"), (Sentences{"Premier point", "Second point"}));
}

// Every seed splits into non-empty sentences, never inside a ticker or after an abbreviation.
TEST(TextSentences, SeedsSplitSanely) {
    if (!plume::test::seeds_present()) GTEST_SKIP() << "no seeds";
    std::size_t sentences = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PLUME_SEEDS)) {
        const std::string text = plume::test::slurp(entry.path().string());
        for (const std::string& s : split(text)) {
            ++sentences;
            ASSERT_FALSE(s.empty());
            EXPECT_NE(s.front(), ' ') << s;
            EXPECT_NE(s.back(), ' ') << s;
            EXPECT_FALSE(s.starts_with("(NASDAQ")) << s;
            EXPECT_FALSE(s.ends_with(" Co.")) << s;
            EXPECT_FALSE(s.ends_with(" M.")) << s;
        }
    }
    EXPECT_GT(sentences, 50u);
}

}  // namespace

// What the splitter reads behind each period is kept as it moves on (sentences.cpp, Cursor):
// in a run without a space, the word, the address and the quotes before a period are still
// those of the text.
TEST(TextSentences, RunsWithoutSpacesAreReadAsTheText) {
    EXPECT_EQ(split("Le tram arrive.La ligne ouvre.Voir www.tram-lyon.fr.Le site."),
              (Sentences{"Le tram arrive.", "La ligne ouvre.", "Voir www.tram-lyon.fr.Le site."}));
    EXPECT_EQ(split("Il a dit \"Non.\"Nous partons.\"Oui.\"Elle reste."),
              (Sentences{"Il a dit \"Non.\"", "Nous partons.", "\"Oui.\"", "Elle reste."}));
    // A word longer than any abbreviation or initials ends its sentence; one holding a period
    // (U.S.Army) does not, however long.
    const std::string word(70, 'a');
    EXPECT_EQ(split(word + ".La suite."), (Sentences{word + ".", "La suite."}));
    EXPECT_EQ(split("a." + word + ".La suite."), (Sentences{"a." + word + ".La suite."}));
}
