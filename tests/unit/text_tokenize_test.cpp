// Tokenizer: elisions, compounds, numbers, acronyms, addresses, bad bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plume/text.hpp"

namespace {
using plume::text::Token;
using plume::text::TokenKind;
using plume::text::tokenize;

struct Tok {
    std::string text;
    TokenKind kind;
    bool operator==(const Tok&) const = default;
};

void PrintTo(const Tok& t, std::ostream* os) { *os << t.text << "/" << static_cast<int>(t.kind); }

std::vector<Tok> toks(const std::string& s) {
    std::vector<Tok> out;
    for (const Token& t : tokenize(s)) out.push_back({std::string(t.view(s)), t.kind});
    return out;
}

std::string base_of(const std::string& s, std::size_t index) {
    const Token t = tokenize(s).at(index);
    return s.substr(t.base, t.end - t.base);
}

constexpr auto W = TokenKind::Word;
constexpr auto N = TokenKind::Number;
constexpr auto P = TokenKind::Punct;

TEST(TextTokenize, ElisionsWithBothApostrophesKeepTheBaseWord) {
    const std::string s = "l’IA d'OpenAI qu’il jusqu’à L'Europe";
    EXPECT_EQ(toks(s), (std::vector<Tok>{{"l’IA", W}, {"d'OpenAI", W}, {"qu’il", W}, {"jusqu’à", W}, {"L'Europe", W}}));
    EXPECT_EQ(base_of(s, 0), "IA");
    EXPECT_EQ(base_of(s, 1), "OpenAI");
    EXPECT_EQ(base_of(s, 2), "il");
    EXPECT_EQ(base_of(s, 3), "à");
    EXPECT_EQ(base_of(s, 4), "Europe");
}

TEST(TextTokenize, ApostropheInsideAWordIsNoElision) {
    const std::string s = "aujourd’hui et quelqu’un";
    EXPECT_EQ(toks(s), (std::vector<Tok>{{"aujourd’hui", W}, {"et", W}, {"quelqu’un", W}}));
    EXPECT_EQ(base_of(s, 0), "aujourd’hui");
}

TEST(TextTokenize, ApostropheBeforeSpaceIsPunctuation) {
    EXPECT_EQ(toks("l’ homme"), (std::vector<Tok>{{"l", W}, {"’", P}, {"homme", W}}));
}

TEST(TextTokenize, HyphenatedCompoundsAreOneWord) {
    EXPECT_EQ(toks("peut-être Abu-Dhabi, est-ce a-t-il"),
              (std::vector<Tok>{{"peut-être", W}, {"Abu-Dhabi", W}, {",", P}, {"est-ce", W}, {"a-t-il", W}}));
    // A dash between spaces separates clauses.
    EXPECT_EQ(toks("Paris – Lyon"), (std::vector<Tok>{{"Paris", W}, {"–", P}, {"Lyon", W}}));
}

TEST(TextTokenize, NumbersWithThousandsGroupsAndDecimalComma) {
    EXPECT_EQ(toks("7 000 milliards"), (std::vector<Tok>{{"7 000", N}, {"milliards", W}}));
    EXPECT_EQ(toks("7\u202F000 et 2\u00A0000\u00A0000"), (std::vector<Tok>{{"7\u202F000", N}, {"et", W}, {"2\u00A0000\u00A0000", N}}));
    EXPECT_EQ(toks("3,5 %"), (std::vector<Tok>{{"3,5", N}, {"%", P}}));
    EXPECT_EQ(toks("1 250,75 €").front(), (Tok{"1 250,75", N}));
}

TEST(TextTokenize, YearsAndShortGroupsAreNotGlued) {
    // A four-digit year is not a first thousands group; a group has exactly three digits.
    EXPECT_EQ(toks("en 2023 2 000 personnes"),
              (std::vector<Tok>{{"en", W}, {"2023", N}, {"2 000", N}, {"personnes", W}}));
    EXPECT_EQ(toks("les 12 30 jours"), (std::vector<Tok>{{"les", W}, {"12", N}, {"30", N}, {"jours", W}}));
    EXPECT_EQ(toks("le 12 3000"), (std::vector<Tok>{{"le", W}, {"12", N}, {"3000", N}}));
}

TEST(TextTokenize, AcronymsUrlsAndEmails) {
    EXPECT_EQ(toks("OpenAI, TSMC et les É.-U."),
              (std::vector<Tok>{{"OpenAI", W}, {",", P}, {"TSMC", W}, {"et", W}, {"les", W}, {"É.-U.", W}}));
    EXPECT_EQ(toks("52 av. J.-C."), (std::vector<Tok>{{"52", N}, {"av", W}, {".", P}, {"J.-C.", W}}));
    EXPECT_EQ(toks("(voir https://www.lemonde.fr/eco/a.html)."),
              (std::vector<Tok>{{"(", P}, {"voir", W}, {"https://www.lemonde.fr/eco/a.html", TokenKind::Url}, {")", P}, {".", P}}));
    EXPECT_EQ(toks("écrire à presse@plume.fr."),
              (std::vector<Tok>{{"écrire", W}, {"à", W}, {"presse@plume.fr", TokenKind::Email}, {".", P}}));
    EXPECT_EQ(toks("sur openai.com, etc."),
              (std::vector<Tok>{{"sur", W}, {"openai.com", TokenKind::Url}, {",", P}, {"etc", W}, {".", P}}));
}

TEST(TextTokenize, RunTogetherSentencesAreNotOneWord) {
    EXPECT_EQ(toks("60 ch.La Mini"), (std::vector<Tok>{{"60", N}, {"ch", W}, {".", P}, {"La", W}, {"Mini", W}}));
}

TEST(TextTokenize, EllipsisIsOnePunctuationToken) {
    EXPECT_EQ(toks("Donc... oui…"), (std::vector<Tok>{{"Donc", W}, {"...", P}, {"oui", W}, {"…", P}}));
}

TEST(TextTokenize, InvalidUtf8BecomesSymbols) {
    const std::string s = "bon\xff\xfejour \xc3";
    const auto t = toks(s);
    ASSERT_EQ(t.size(), 5u);
    EXPECT_EQ(t[0], (Tok{"bon", W}));
    EXPECT_EQ(t[1].kind, TokenKind::Symbol);
    EXPECT_EQ(t[2].kind, TokenKind::Symbol);
    EXPECT_EQ(t[3], (Tok{"jour", W}));
    EXPECT_EQ(t[4].kind, TokenKind::Symbol);
}

TEST(TextTokenize, NeverCrashesOnArbitraryBytes) {
    std::string s;
    unsigned x = 12345;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        s.push_back(static_cast<char>(x >> 16));
    }
    for (std::size_t cut = 0; cut < 64; ++cut) {
        const std::string_view part = std::string_view(s).substr(cut * 300, 400);
        std::size_t last = 0;
        for (const Token& t : tokenize(part)) {
            ASSERT_LT(t.begin, t.end);
            ASSERT_LE(t.end, part.size());
            ASSERT_GE(t.begin, last);
            last = t.end;
        }
        plume::text::split_sentences(part);
    }
}

TEST(TextTokenize, CountWordsCountsWordsAndNumbers) {
    EXPECT_EQ(plume::text::count_words("Sam Altman, le PDG d’OpenAI, vise 7 000 milliards de dollars !"), 10u);
    EXPECT_EQ(plume::text::count_words(""), 0u);
    EXPECT_EQ(plume::text::count_words(" — ; !"), 0u);
}

// Decided on a prefix, the answer is still count_words' own: at every limit, on text whose
// thousands groups, punctuation (spaces but no words) and URLs sit where the prefix is cut.
TEST(TextTokenize, WordsAtMostAgreesWithTheCount) {
    const std::string text =
        "Le budget — — — — — — — — — — passe de 12 345 678 euros à 7 000 milliards , selon https://exemple.fr/a b « — » : "
        "l’État, aujourd’hui, vise 3,5 % de croissance ; les É.-U. répondent. Voir www.exemple.fr pour le détail.";
    for (std::size_t end = 0; end <= text.size(); ++end) {
        if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
        const std::string_view part = std::string_view(text).substr(0, end);
        const std::size_t words = plume::text::count_words(part);
        for (std::size_t n = 0; n <= words + 1; ++n) ASSERT_EQ(plume::text::words_at_most(part, n), words <= n) << part << " / " << n;
    }
}

}  // namespace

// Addresses inside a run of their characters are read once for all its words (tokenize.cpp,
// AddressRuns): each word still finds the address that starts at it, and a run longer than a
// host name may be is no address.
TEST(TextTokenize, AddressesInsideLongRunsOfTheirCharacters) {
    EXPECT_EQ(toks("mairie_saint-aubin.fr"),
              (std::vector<Tok>{{"mairie", TokenKind::Word}, {"_", TokenKind::Punct}, {"saint-aubin.fr", TokenKind::Url}}));
    EXPECT_EQ(toks("x+presse@ville-exemple.fr"),
              (std::vector<Tok>{{"x+presse@ville-exemple.fr", TokenKind::Email}}));
    std::string run;
    for (int i = 0; i < 200; ++i) run += "a.";
    run += "fr";  // 402 characters: longer than a host name (253)
    const std::vector<Token> tokens = tokenize(run);
    EXPECT_EQ(tokens.front().kind, TokenKind::Word);
    // From a word whose run is short enough on, a host name again.
    EXPECT_EQ(tokens.back().kind, TokenKind::Url);
    EXPECT_EQ(tokens.back().end, run.size());
    EXPECT_LE(tokens.back().end - tokens.back().begin, 253u);
    EXPECT_GT(tokens.back().end - tokens.back().begin, 250u);
}

