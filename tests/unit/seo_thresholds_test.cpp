// SEO thresholds that seo_test.cpp leaves out: short-text density, image and subheading
// proportions, keyphrase length limits, UTF-16 description length, synonyms.
#include <gtest/gtest.h>

#include <string>

#include "plume/analysis.hpp"
#include "plume/parse.hpp"
#include "readability_support.hpp"

namespace {

using plume::AnalyzeOptions;
using plume::MatchMode;

// `words` words in sentences of ten (at least 3 in the last), none with the keyphrase.
std::string filler(std::size_t words) {
    std::string out;
    for (; words >= 13; words -= 10) out += plume::test::visit(10, "Claire") + " ";
    return out + plume::test::visit(words, "Claire");
}

int seo_score(const std::string& markdown, const std::string& id, const AnalyzeOptions& o) {
    const plume::Analysis a = plume::analyze(plume::parse_markdown(markdown), o);
    for (const auto& x : a.seo.assessments)
        if (x.id == id) return x.score;
    return 1000;  // not applicable
}

AnalyzeOptions keyphrase(std::string k, MatchMode m = MatchMode::French) {
    AnalyzeOptions o;
    o.keyphrase = std::move(k);
    o.match = m;
    return o;
}

// "Le vélo roule." (3 words) `n` times, then filler up to `words` words.
std::string velo_text(int n, std::size_t words) {
    std::string t;
    for (int i = 0; i < n; ++i) t += "Le vélo roule. ";
    return t + filler(words - 3 * static_cast<std::size_t>(n));
}

TEST(SeoShortTextDensity, UnderFiftyWordsOnceOverFiftyTwice) {
    const AnalyzeOptions o = keyphrase("vélo");
    EXPECT_EQ(seo_score(velo_text(1, 50), "keyphraseDensity", o), 9);
    EXPECT_EQ(seo_score(velo_text(2, 50), "keyphraseDensity", o), -10) << "50 words: one is the maximum";
    EXPECT_EQ(seo_score(velo_text(3, 50), "keyphraseDensity", o), -50);
    EXPECT_EQ(seo_score(velo_text(2, 51), "keyphraseDensity", o), 9) << "51 words: two are allowed";
    EXPECT_EQ(seo_score(velo_text(3, 51), "keyphraseDensity", o), -10);
    EXPECT_EQ(seo_score(velo_text(0, 51), "keyphraseDensity", o), 4);
}

TEST(SeoDensityMarks, EachOccurrenceIsMarkedInTheSource) {
    const std::string md = "Le vélo roule. " + filler(40);
    const plume::Analysis a = plume::analyze(plume::parse_markdown(md), keyphrase("vélo"));
    for (const auto& x : a.seo.assessments)
        if (x.id == "keyphraseDensity") {
            ASSERT_EQ(x.marks.size(), 1u);
            EXPECT_EQ(md.substr(x.marks[0].start, x.marks[0].end - x.marks[0].start), "vélo");
        }
}

std::string images(int with_keyphrase, int without) {
    std::string t;
    for (int i = 0; i < with_keyphrase; ++i) t += "![Un vélo rouge](v.jpg) ";
    for (int i = 0; i < without; ++i) t += "![Une rue calme](r.jpg) ";
    return t + "\n\n" + filler(40);
}

TEST(SeoImageKeyphrase, ThirtyToSeventyFivePercentFromFiveImages) {
    const AnalyzeOptions o = keyphrase("vélo");
    EXPECT_EQ(seo_score(images(1, 3), "imageKeyphrase", o), 9) << "under 5 images: one is enough";
    EXPECT_EQ(seo_score(images(1, 4), "imageKeyphrase", o), 6) << "5 images: 2 to 4";
    EXPECT_EQ(seo_score(images(2, 3), "imageKeyphrase", o), 9);
    EXPECT_EQ(seo_score(images(4, 1), "imageKeyphrase", o), 9);
    EXPECT_EQ(seo_score(images(5, 0), "imageKeyphrase", o), 6);
    EXPECT_EQ(seo_score(images(3, 7), "imageKeyphrase", o), 9) << "10 images: 3 to 7";
    EXPECT_EQ(seo_score(images(2, 8), "imageKeyphrase", o), 6);
    EXPECT_EQ(seo_score(images(7, 3), "imageKeyphrase", o), 9);
    EXPECT_EQ(seo_score(images(8, 2), "imageKeyphrase", o), 6);
    EXPECT_EQ(seo_score(images(0, 2), "imageKeyphrase", o), 6) << "alts without the keyphrase";
    EXPECT_EQ(seo_score(images(1, 0), "imageKeyphrase", AnalyzeOptions{}), 3) << "no keyphrase";
}

std::string sections(int with_keyphrase, int without) {
    std::string t;
    for (int i = 0; i < with_keyphrase; ++i) t += "## Le vélo en tête\n\n" + filler(20) + "\n\n";
    for (int i = 0; i < without; ++i) t += "## La rue calme\n\n" + filler(20) + "\n\n";
    return t;
}

TEST(SeoSubheadingsKeyword, ThirtyToSeventyFivePercentOfSubheadings) {
    const AnalyzeOptions o = keyphrase("vélo");
    EXPECT_EQ(seo_score(sections(1, 0), "subheadingsKeyword", o), 9) << "the only one";
    EXPECT_EQ(seo_score(sections(3, 1), "subheadingsKeyword", o), 9) << "75 %";
    EXPECT_EQ(seo_score(sections(4, 1), "subheadingsKeyword", o), 3) << "80 %";
    EXPECT_EQ(seo_score(sections(3, 7), "subheadingsKeyword", o), 9) << "30 %";
    EXPECT_EQ(seo_score(sections(2, 8), "subheadingsKeyword", o), 3) << "20 %";
    EXPECT_EQ(seo_score(filler(299), "subheadingsKeyword", o), 9) << "short text, no subheading";
    EXPECT_EQ(seo_score(filler(300), "subheadingsKeyword", o), 2) << "long text, no subheading";
    EXPECT_EQ(seo_score(sections(1, 0), "subheadingsKeyword", AnalyzeOptions{}), 1) << "no keyphrase";
}

TEST(SeoKeyphraseLengthLimits, EightContentWordsOkNineBad) {
    const std::string t = filler(30);
    EXPECT_EQ(seo_score(t, "keyphraseLength", keyphrase("vélo ville route piste pont quai gare parc")), 6);
    EXPECT_EQ(seo_score(t, "keyphraseLength", keyphrase("vélo ville route piste pont quai gare parc rue")), 3);
    EXPECT_EQ(seo_score(t, "keyphraseLength", keyphrase("\"le vélo de la ville de demain dans la rue\"")), 9)
        << "an exact-match keyphrase is one form";
}

TEST(SeoMetaDescriptionLength, CountsUtf16UnitsLikeJavaScript) {
    AnalyzeOptions o;
    o.description = std::string(119, 'a') + "\U0001F6B2";  // the bicycle emoji is two UTF-16 units
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", o), 9) << "121 units";
    o.description = std::string(119, 'a') + "é";
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", o), 6) << "120 units";
}

TEST(SeoSynonyms, CountInTheIntroductionAndMetaDescriptionNotInTheTitle) {
    AnalyzeOptions o = keyphrase("vélo");
    o.synonyms = {"bicyclette"};
    const std::string md = "La bicyclette change la ville.\n\n" + filler(40);
    EXPECT_EQ(seo_score(md, "introductionKeyword", o), 9);
    o.description = "La bicyclette gagne du terrain en ville.";
    EXPECT_EQ(seo_score(md, "metaDescriptionKeyword", o), 9);
    o.title = "La bicyclette en ville";
    EXPECT_EQ(seo_score(md, "keyphraseInSEOTitle", o), 2);
}

TEST(SeoSlugKeyword, LongKeyphrasesNeedMoreThanHalfTheirWords) {
    AnalyzeOptions o = keyphrase("usine européenne puces");
    o.slug = "usine-europeenne-semi-conducteurs";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 9) << "2 of 3 words";
    o.slug = "usine-semi-conducteurs";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 6) << "1 of 3 words";
    o = keyphrase("puces européennes");
    o.slug = "usine-puces";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 6) << "under 3 words: all of them";
    o.slug = "puces-europeennes";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 9);
}

TEST(SeoTitleAfterFunctionWords, OnlyFunctionWordsBeforeIsTheStart) {
    AnalyzeOptions o = keyphrase("puces d’IA", MatchMode::Yoast);
    o.title = "Les puces d’IA européennes";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 9);
    o.title = "Europe : les puces d’IA";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 6);
    o.title = "L’IA et ses puces";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 2) << "Yoast: d’IA is not in the title";
    o.match = MatchMode::French;
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 6) << "French: IA and puces are";
}

}  // namespace
