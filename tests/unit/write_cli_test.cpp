// `plume write` as a user runs it: outputs, files, exit codes and messages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace plume {
namespace {

const std::string kTram = std::string(PLUME_EXAMPLES) + "/sources/tramway-lyon/";
const std::string kSources = kTram + "01-quotidien-regional.txt " + kTram + "02-site-info-locale.txt " + kTram +
                             "03-blog-mobilite.txt --date 2026-01-01";

TEST(WriteCli, WritesMarkdownWithFrontMatterAndASummaryOnStderr) {
    const test::CliResult r = test::run_cli("write " + kSources);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("---\n")) << r.out.substr(0, 200);
    for (const char* field : {"\ntitle:", "\ndescription:", "\nslug:", "\nkeyphrase:", "\nsynonyms:", "\ndate:", "\nsources:"})
        EXPECT_NE(r.out.find(field), std::string::npos) << field;
    EXPECT_NE(r.out.find("\n# "), std::string::npos);
    EXPECT_NE(r.out.find("\n## "), std::string::npos);
    EXPECT_NE(r.err.find("mots"), std::string::npos) << r.err;
}

TEST(WriteCli, WritesHtmlAndJsonToAFileAtomically) {
    const std::string html = test::temp_file("article.html", "ancien contenu");
    ASSERT_EQ(test::run_cli("write " + kSources + " --format html -o " + html).status, 0);
    const std::string page = test::slurp(html);
    EXPECT_TRUE(page.starts_with("<!DOCTYPE html>")) << page.substr(0, 100);
    EXPECT_NE(page.find("application/ld+json"), std::string::npos);
    const test::CliResult json = test::run_cli("write " + kSources + " --format json");
    ASSERT_EQ(json.status, 0) << json.err;
    const auto j = nlohmann::json::parse(json.out);
    EXPECT_TRUE(j.contains("facts"));
    EXPECT_TRUE(j.contains("analysis"));
}

TEST(WriteCli, ExplainListsEveryRemovalWithItsReason) {
    const test::CliResult r = test::run_cli("write " + kSources + " --explain --lang en");
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* said : {"boilerplate (photo credit)", "repeated title", "duplicate", "Partager sur Facebook",
                             "off-topic", "vie privée"})  // the VPN ad, quoted
        EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
}

TEST(WriteCli, StrictExitsWith3WhenTheLengthIsOutOfReach) {
    const test::CliResult r = test::run_cli("write " + kSources + " --strict --min-words 5000 --lang en");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("of the 5000 asked"), std::string::npos) << r.err;
}

TEST(WriteCli, BadInputGetsExitCode1AndAClearMessage) {
    EXPECT_EQ(test::run_cli("write").status, 1);
    const test::CliResult missing = test::run_cli("write /nonexistent/source.txt");
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("/nonexistent/source.txt"), std::string::npos) << missing.err;
    const test::CliResult empty = test::run_cli("write " + test::temp_file("vide.txt", "\n\n"));
    EXPECT_EQ(empty.status, 1);
    EXPECT_NE(empty.err.find("empty"), std::string::npos) << empty.err;
}

}  // namespace
}  // namespace plume
