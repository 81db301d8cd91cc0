// The French text engine on the hard cases: elisions, compounds, numbers, URLs, abbreviations,
// tickers, quotes, run-together paragraphs, syllables.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "test_support.hpp"

namespace {

using plume::text::TokenKind;

std::vector<std::string> token_texts(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : plume::text::tokenize(s)) out.emplace_back(t.view(s));
    return out;
}

std::vector<std::string> sentences(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& sp : plume::text::split_sentences(s)) out.emplace_back(s.substr(sp.begin, sp.end - sp.begin));
    return out;
}

TEST(Tokenize, ElisionsKeepTheWordWholeWithItsBase) {
    const std::string s = "l’IA d'OpenAI qu’il jusqu’à aujourd’hui";
    const auto tokens = plume::text::tokenize(s);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(s.substr(tokens[0].base, tokens[0].end - tokens[0].base), "IA");
    EXPECT_EQ(s.substr(tokens[1].base, tokens[1].end - tokens[1].base), "OpenAI");
    EXPECT_EQ(s.substr(tokens[3].base, tokens[3].end - tokens[3].base), "à");
    EXPECT_EQ(tokens[4].base, tokens[4].begin) << "aujourd’hui is one word, not an elision";
}

TEST(Tokenize, CompoundsNumbersUrlsAndEmails) {
    EXPECT_EQ(token_texts("peut-être Abu-Dhabi"), (std::vector<std::string>{"peut-être", "Abu-Dhabi"}));
    EXPECT_EQ(token_texts("7 000 milliards"), (std::vector<std::string>{"7 000", "milliards"}));
    EXPECT_EQ(token_texts("7\u202F000\u00A0000 euros"), (std::vector<std::string>{"7\u202F000\u00A0000", "euros"}));
    EXPECT_EQ(token_texts("3,5 %"), (std::vector<std::string>{"3,5", "%"}));
    EXPECT_EQ(token_texts("en 2023, 2 000 personnes"),
              (std::vector<std::string>{"en", "2023", ",", "2 000", "personnes"}));
    const auto url = plume::text::tokenize("Voir https://exemple.fr/a?b=1.");
    ASSERT_EQ(url.size(), 3u);
    EXPECT_EQ(url[1].kind, TokenKind::Url);
    const auto mail = plume::text::tokenize("Écrire à redaction@exemple.fr.");
    EXPECT_EQ(mail[2].kind, TokenKind::Email);
    EXPECT_EQ(token_texts("les É.-U. et TSMC"), (std::vector<std::string>{"les", "É.-U.", "et", "TSMC"}));
}

TEST(Tokenize, NeverLoopsOrCrashesOnOddInput) {
    for (const std::string& s : std::vector<std::string>{"silos.. Puis", "x.jpg", "a..b", "...", "l'", "’", "-", "7 ", "www.", "@@",
                          std::string("\xff\xfe ab", 5), std::string("\xc3", 1)}) {
        const auto tokens = plume::text::tokenize(s);
        for (const auto& t : tokens) {
            EXPECT_LT(t.begin, t.end);
            EXPECT_LE(t.end, s.size());
        }
    }
    EXPECT_EQ(plume::text::tokenize(std::string("\xff", 1)).at(0).kind, TokenKind::Symbol);
}

TEST(Sentences, Abbreviations) {
    EXPECT_EQ(sentences("M. Dupont et Mme Martin sont arrivés. Ils repartent."),
              (std::vector<std::string>{"M. Dupont et Mme Martin sont arrivés.", "Ils repartent."}));
    EXPECT_EQ(sentences("Des puces, des serveurs, etc. sont en jeu. La suite arrive.").size(), 2u);
    EXPECT_EQ(sentences("Certains pays, p. ex. la Corée, investissent. Les autres attendent.").size(), 2u);
    EXPECT_EQ(sentences("Le roman de J. R. R. Tolkien paraît. Il plaît.").size(), 2u);
}

TEST(Sentences, TickersQuotesEllipses) {
    EXPECT_EQ(sentences("Intel Corporation (NASDAQ : INTC) et Samsung sont cités. Rien n’est signé.").size(), 2u);
    EXPECT_EQ(sentences("Il a dit : « Nous sommes prêts. » Puis il est parti.").back(), "Puis il est parti.");
    EXPECT_EQ(sentences("Il hésite… Puis il signe.").size(), 2u);
    EXPECT_EQ(sentences("Le taux passe à 3.5 points. Il baisse.").size(), 2u);
}

TEST(Sentences, RunTogetherParagraphs) {
    EXPECT_EQ(sentences("Le moteur développe 60 ch.La Mini arrive en mai."),
              (std::vector<std::string>{"Le moteur développe 60 ch.", "La Mini arrive en mai."}));
    EXPECT_EQ(sentences("Taiwan Semiconductor Manufacturing Co. (NASDAQ : TSM) est cité.").size(), 1u);
}

TEST(Syllables, FrenchRule) {
    const std::pair<const char*, int> cases[] = {
        {"ordinateur", 4}, {"intelligence", 4}, {"pays", 2}, {"poète", 2}, {"chanté", 2},
        {"eau", 1}, {"oiseau", 2}, {"table", 1}, {"puce", 1}, {"investissement", 5}, {"parlent", 1}, {"a", 1},
    };
    for (const auto& [word, n] : cases) EXPECT_EQ(plume::text::count_syllables(word), n) << word;
}

TEST(Stem, FrenchSnowballGroupsPluralAndFeminine) {
    EXPECT_EQ(plume::text::stem("puces"), plume::text::stem("puce"));
    EXPECT_EQ(plume::text::stem("européenne"), plume::text::stem("européen"));
    EXPECT_NE(plume::text::stem("puce"), plume::text::stem("usine"));
}

TEST(Normalize, CaseAccentsAndUtf8) {
    EXPECT_EQ(plume::text::lowercase("ÉTATS-UNIS Œuvre"), "états-unis œuvre");
    EXPECT_EQ(plume::text::lowercase("ΑΘΗΝΑ"), "αθηνα") << "outside French letters ICU does the mapping";
    EXPECT_EQ(plume::text::strip_accents("Émirats cœur"), "Emirats coeur");
    EXPECT_TRUE(plume::text::is_valid_utf8("déjà"));
    EXPECT_FALSE(plume::text::is_valid_utf8("d\xe9j\xe0"));
    EXPECT_EQ(plume::text::nfc("e\u0301"), "é");
}

// Beyond the letters of French, ICU folds (normalize.cpp): marks dropped, ligatures spelt out.
TEST(Normalize, AccentsBeyondFrenchAreFoldedByIcu) {
    EXPECT_EQ(plume::text::strip_accents("Œuvre, cœur et ǹ à Łódź"), "OEuvre, coeur et n a Łodz");
    std::string marks, plain;
    for (int i = 0; i < 10'000; ++i) marks += "e\u0301", plain += 'e';
    EXPECT_EQ(plume::text::strip_accents(marks), plain);
}

TEST(Sentences, SeedsSplitWithoutEmptySentences) {
    if (!plume::test::seeds_present()) GTEST_SKIP() << "../shared/seeds absent";
    for (const auto& e : std::filesystem::directory_iterator(PLUME_SEEDS)) {
        const plume::Document doc = plume::read_document(e.path().string(), plume::Format::Text);
        for (const auto& b : doc.blocks) {
            const auto spans = plume::text::split_sentences(b.text);
            for (const auto& sp : spans) {
                ASSERT_LT(sp.begin, sp.end) << e.path();
                const std::string_view s = std::string_view(b.text).substr(sp.begin, sp.end - sp.begin);
                EXPECT_FALSE(s.starts_with("INTC)") || s.starts_with("TSM)")) << "split inside a ticker: " << s;
            }
        }
    }
}

}  // namespace
