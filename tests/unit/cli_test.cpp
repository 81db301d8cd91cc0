// The command line on bad input: clear message, exit code 1, never a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace {

using plume::test::run_cli;

TEST(Cli, MissingFileIsExitOneWithMessage) {
    const auto r = run_cli("analyze /nonexistent/article.md");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
}

TEST(Cli, EmptyFileIsRefused) {
    const std::string path = plume::test::temp_file("empty.txt", "");
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
}

TEST(Cli, BinaryFileIsRefused) {
    const std::string path = plume::test::temp_file("binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST(Cli, InvalidUtf8IsRefused) {
    const std::string path = plume::test::temp_file("latin1.txt", "Le caf\xe9 est ferm\xe9 aujourd'hui.\n");
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
}

TEST(Cli, HugeFileIsRefusedAboveTheLimit) {
    std::string big;
    const std::string line = "Le marché des puces d’IA progresse encore cette année en Europe.\n\n";
    while (big.size() <= 50u * 1024 * 1024) big += line;
    const std::string path = plume::test::temp_file("huge.txt", big);
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("too large"), std::string::npos) << r.err;
}

TEST(Cli, BadOptionIsUsageError) {
    const auto r = run_cli("analyze --match nonsense x.md");
    EXPECT_EQ(r.status, 1);
}

}  // namespace

namespace {

using plume::test::run_cli;

const char* kShortArticle =
    "# Les puces d’IA en Europe\n\n"
    "Les puces d’IA attirent des milliards d’euros d’investissements en Europe. "
    "Plusieurs fondeurs annoncent de nouvelles usines.\n\n"
    "## Une demande qui explose\n\n"
    "Les centres de données réclament toujours plus de calcul. "
    "Les délais de livraison atteignent parfois un an.\n";

TEST(Cli, JsonHasTheDocumentedSchema) {
    const std::string path = plume::test::temp_file("short.md", kShortArticle);
    const auto r = run_cli("analyze --json --keyphrase \"puces d'IA\" " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* key : {"\"file\":", "\"stats\":", "\"words\":", "\"sentences\":", "\"paragraphs\":",
                            "\"syllables\":", "\"flesch\":", "\"seo\":", "\"readability\":", "\"extra\":",
                            "\"assessments\":", "\"score\":", "\"rating\":"})
        EXPECT_NE(r.out.find(key), std::string::npos) << key << " missing in " << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "one JSON line per file";
}

TEST(Cli, SeveralFilesGiveOneJsonLineEach) {
    const std::string a = plume::test::temp_file("a.md", kShortArticle);
    const std::string b = plume::test::temp_file("b.md", kShortArticle);
    const auto r = run_cli("analyze --json " + a + " " + b);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
    EXPECT_NE(r.out.find(a), std::string::npos);
    EXPECT_NE(r.out.find(b), std::string::npos);
}

TEST(Cli, OneBadFileAmongGoodOnesStillReportsTheGoodOnes) {
    const std::string a = plume::test::temp_file("good.md", kShortArticle);
    const auto r = run_cli("analyze --json /nonexistent.md " + a);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST(Cli, ReadsStandardInput) {
    const auto r = run_cli("analyze --json --format md -", kShortArticle);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("\"file\":\"-\""), std::string::npos) << r.out;
}

TEST(Cli, FailUnderGivesExitFourBelowTheScore) {
    const std::string path = plume::test::temp_file("fail.md", kShortArticle);
    EXPECT_EQ(run_cli("analyze --fail-under 100 " + path).status, 4);
    EXPECT_EQ(run_cli("analyze --fail-under 0 " + path).status, 0);
}

TEST(Cli, EnglishTextIsAnalysedWithAWarning) {
    const std::string path = plume::test::temp_file(
        "english.txt",
        "The chip shortage is easing as new factories come online in Asia and in the United States. "
        "Analysts expect prices to fall over the next two years, while demand from data centres "
        "keeps growing. The companies that design the chips say they have no plans to slow down.\n");
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.err.find("français"), std::string::npos) << r.err;
    const auto en = run_cli("analyze --lang en " + path);
    EXPECT_NE(en.err.find("French"), std::string::npos) << en.err;
}

TEST(Cli, FrenchTextHasNoLanguageWarning) {
    const std::string path = plume::test::temp_file("french.md", kShortArticle);
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err.find("français"), std::string::npos) << r.err;
}

TEST(Cli, EnglishMessagesWithLangEn) {
    const std::string path = plume::test::temp_file("lang.md", kShortArticle);
    const auto fr = run_cli("analyze " + path);
    const auto en = run_cli("analyze --lang en " + path);
    EXPECT_NE(fr.out.find("Lisibilité"), std::string::npos);
    EXPECT_NE(en.out.find("Readability"), std::string::npos);
}

}  // namespace
