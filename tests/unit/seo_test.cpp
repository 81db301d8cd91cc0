// The SEO assessments at their thresholds, on French articles, through the whole analyser.
#include <gtest/gtest.h>

#include <string>

#include "plume/analysis.hpp"
#include "plume/parse.hpp"
#include "readability_support.hpp"

namespace {

using plume::AnalyzeOptions;
using plume::MatchMode;

// A sentence of exactly `words` words without the keyphrase: « Marie visite Lyon, Paris… ».
std::string filler(std::size_t words) {
    std::string out;
    while (words >= 10) {
        out += plume::test::visit(10, "Claire") + " ";
        words -= 10;
    }
    if (words >= 3) out += plume::test::visit(words, "Claire");
    else if (words == 2) out += "Claire rit.";
    else if (words == 1) out += "Oui.";
    return out;
}

const plume::Assessment* find(const plume::Category& c, const std::string& id) {
    for (const auto& a : c.assessments)
        if (a.id == id) return &a;
    return nullptr;
}

int seo_score(const std::string& markdown, const std::string& id, AnalyzeOptions o = {}) {
    const plume::Document doc = plume::parse_markdown(markdown);
    const plume::Analysis a = plume::analyze(doc, o);
    const plume::Assessment* found = find(a.seo, id);
    return found ? found->score : 1000;  // 1000: not applicable
}

AnalyzeOptions with_keyphrase(std::string k, MatchMode m = MatchMode::French) {
    AnalyzeOptions o;
    o.keyphrase = std::move(k);
    o.match = m;
    return o;
}

TEST(SeoTextLength, ThresholdsAt300And250And200And100Words) {
    EXPECT_EQ(seo_score(filler(300), "textLength"), 9);
    EXPECT_EQ(seo_score(filler(299), "textLength"), 6);
    EXPECT_EQ(seo_score(filler(250), "textLength"), 6);
    EXPECT_EQ(seo_score(filler(249), "textLength"), 3);
    EXPECT_EQ(seo_score(filler(200), "textLength"), 3);
    EXPECT_EQ(seo_score(filler(199), "textLength"), -10);
    EXPECT_EQ(seo_score(filler(99), "textLength"), -20);
}

TEST(SeoKeyphraseLength, UpToFourContentWordsIsGood) {
    EXPECT_EQ(seo_score(filler(50), "keyphraseLength", with_keyphrase("usine de puces d’IA en Europe")), 9)
        << "de, d’, en are function words: four content words";
    EXPECT_EQ(seo_score(filler(50), "keyphraseLength", with_keyphrase("usine puces IA Europe Asie")), 6);
    EXPECT_EQ(seo_score(filler(50), "keyphraseLength", with_keyphrase("usine puce vélo ville route train avion bateau moteur")), 3);
    EXPECT_EQ(seo_score(filler(50), "keyphraseLength"), -999) << "no keyphrase";
}

TEST(SeoKeyphraseDensity, HalfAPercentToThreePercent) {
    // 400 words; "usine" counts once per sentence that holds it.
    const std::string one = "L’usine ouvre demain à Lyon. ";
    auto text = [&](int occurrences) {
        std::string t;
        for (int i = 0; i < occurrences; ++i) t += one;
        return t + filler(400 - 5 * static_cast<std::size_t>(occurrences));
    };
    EXPECT_EQ(seo_score(text(1), "keyphraseDensity", with_keyphrase("usine")), 4) << "0.25 %";
    EXPECT_EQ(seo_score(text(2), "keyphraseDensity", with_keyphrase("usine")), 9) << "0.5 %";
    EXPECT_EQ(seo_score(text(11), "keyphraseDensity", with_keyphrase("usine")), 9) << "11: Yoast's maximum for 400 words";
    EXPECT_EQ(seo_score(text(12), "keyphraseDensity", with_keyphrase("usine")), -10) << "3 %: overoptimised";
    EXPECT_EQ(seo_score(text(17), "keyphraseDensity", with_keyphrase("usine")), -50) << "over 4 %";
    EXPECT_EQ(seo_score(text(0), "keyphraseDensity", with_keyphrase("usine")), 4) << "absent";
}

TEST(SeoIntroduction, KeyphraseInTheFirstParagraph) {
    const std::string rest = "\n\n" + filler(40);
    EXPECT_EQ(seo_score("Les puces d’IA se vendent bien." + rest, "introductionKeyword",
                        with_keyphrase("puces d’IA")), 9);
    EXPECT_EQ(seo_score("Les puces se vendent. L’IA progresse." + rest, "introductionKeyword",
                        with_keyphrase("puces d’IA")), 6) << "both words, not in one sentence";
    EXPECT_EQ(seo_score(filler(20) + rest, "introductionKeyword", with_keyphrase("puces d’IA")), 3);
}

TEST(SeoMatching, FrenchModeMatchesElisionPluralAndAccentsYoastModeDoesNot) {
    const std::string intro = "La puce d'intelligence artificielle européenne arrive.\n\n" + filler(40);
    EXPECT_EQ(seo_score(intro, "introductionKeyword", with_keyphrase("puces européennes")), 9);
    EXPECT_EQ(seo_score(intro, "introductionKeyword", with_keyphrase("puces européennes", MatchMode::Yoast)), 3);
    const std::string elided = "L’IA d’OpenAI progresse.\n\n" + filler(40);
    EXPECT_EQ(seo_score(elided, "introductionKeyword", with_keyphrase("IA OpenAI")), 9);
}

TEST(SeoMetaDescription, LengthThresholds120And156) {
    auto with_description = [](std::size_t n) {
        AnalyzeOptions o;
        o.description = std::string(n, 'a');
        return o;
    };
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength"), 1) << "none";
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", with_description(120)), 6);
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", with_description(121)), 9);
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", with_description(156)), 9);
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionLength", with_description(157)), 6);
}

TEST(SeoMetaDescription, KeyphraseOnceOrTwiceIsGoodThreeTimesIsBad) {
    AnalyzeOptions o = with_keyphrase("vélo");
    o.description = "Le vélo gagne du terrain en ville. Le vélo électrique aussi.";
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionKeyword", o), 9);
    o.description = "Le vélo gagne. Le vélo roule. Le vélo plaît.";
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionKeyword", o), 3);
    o.description = "La ville change de visage.";
    EXPECT_EQ(seo_score(filler(30), "metaDescriptionKeyword", o), 3);
}

TEST(SeoTitle, KeyphraseAtTheStartOfTheTitleAndTitleWidth) {
    AnalyzeOptions o = with_keyphrase("vélo en ville");
    o.title = "Vélo en ville : la révolution douce";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 9);
    o.title = "La révolution douce du vélo en ville";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 6);
    o.title = "La révolution douce";
    EXPECT_EQ(seo_score(filler(30), "keyphraseInSEOTitle", o), 2);

    AnalyzeOptions w;
    w.title = std::string(52, 'm');  // 'm' is 1706/2048 em: 52 × 16.66 px = 866 px
    EXPECT_EQ(seo_score(filler(30), "titleWidth", w), 3);
    w.title = std::string(36, 'm');  // 600 px
    EXPECT_EQ(seo_score(filler(30), "titleWidth", w), 9);
    w.title.clear();
    EXPECT_EQ(seo_score(filler(30), "titleWidth", w), 1);
}

TEST(SeoSlug, KeyphraseInTheSlug) {
    AnalyzeOptions o = with_keyphrase("vélo en ville");
    o.slug = "velo-en-ville-strasbourg";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 9);
    o.slug = "strasbourg-pistes";
    EXPECT_EQ(seo_score(filler(30), "slugKeyword", o), 6);
}

TEST(SeoLinks, InternalAndExternalLinks) {
    const std::string none = filler(30);
    const std::string both = "Voir [le plan](/plan) et [la carte](https://carto.exemple.org/velo).\n\n" + filler(30);
    EXPECT_EQ(seo_score(none, "externalLinks"), 3);
    EXPECT_EQ(seo_score(both, "externalLinks"), 9);
    EXPECT_EQ(seo_score(none, "internalLinks"), 3);
    EXPECT_EQ(seo_score(both, "internalLinks"), 9);
    AnalyzeOptions site;
    site.site_host = "carto.exemple.org";
    EXPECT_EQ(seo_score("Voir [la carte](https://carto.exemple.org/velo).\n\n" + filler(30), "externalLinks", site), 3);
}

// rel="nofollow" (any case, among other rel values) as Yoast reads it: all nofollowed 7,
// some 8, none 9.
TEST(SeoLinks, NofollowLinksScoreAsInYoast) {
    const auto score = [](const std::string& links, const std::string& id) {
        const plume::Document doc = plume::parse_html("<p>" + links + "</p><p>" + filler(30) + "</p>");
        const plume::Analysis a = plume::analyze(doc, {});
        const plume::Assessment* found = find(a.seo, id);
        return found ? found->score : 1000;
    };
    const std::string out_nofollow = R"(<a href="https://carto.exemple.org/velo" rel="noopener NoFollow">la carte</a>)";
    const std::string out_follow = R"(<a href="https://meteo.exemple.org/">la météo</a>)";
    const std::string in_nofollow = R"(<a href="/plan" rel="nofollow">le plan</a>)";
    const std::string in_follow = R"(<a href="/horaires" rel="noopener">les horaires</a>)";
    EXPECT_EQ(score(out_nofollow, "externalLinks"), 7);
    EXPECT_EQ(score(out_nofollow + " " + out_follow, "externalLinks"), 8);
    EXPECT_EQ(score(out_follow, "externalLinks"), 9);
    EXPECT_EQ(score(in_nofollow, "internalLinks"), 7);
    EXPECT_EQ(score(in_nofollow + " " + in_follow, "internalLinks"), 8);
    EXPECT_EQ(score(in_follow, "internalLinks"), 9);
}

TEST(SeoImages, ImageAndKeyphraseInAlt) {
    const std::string with_image = "![Un vélo en ville](velo.jpg)\n\n" + filler(300);
    EXPECT_EQ(seo_score(filler(30), "images"), 3);
    EXPECT_EQ(seo_score(with_image, "images"), 9);
    EXPECT_EQ(seo_score(with_image, "imageKeyphrase", with_keyphrase("vélo")), 9);
    EXPECT_EQ(seo_score("![Une rue](rue.jpg)\n\n" + filler(300), "imageKeyphrase", with_keyphrase("vélo")), 6);
}

TEST(SeoSubheadings, KeyphraseInSomeSubheadings) {
    const std::string body = filler(120);
    const std::string one_of_two = "## Le vélo gagne\n\n" + body + "\n\n## Les rues changent\n\n" + body;
    const std::string none = "## La rue gagne\n\n" + body + "\n\n## Les rues changent\n\n" + body;
    EXPECT_EQ(seo_score(one_of_two, "subheadingsKeyword", with_keyphrase("vélo")), 9);
    EXPECT_LT(seo_score(none, "subheadingsKeyword", with_keyphrase("vélo")), 5);
}

TEST(SeoSingleH1, OnlyTheTitleIsAnH1) {
    EXPECT_EQ(seo_score("# Titre\n\n" + filler(30), "singleH1"), 8) << "the title left the body";
    EXPECT_EQ(seo_score("# Titre\n\n" + filler(30) + "\n\n# Autre\n\n" + filler(20) + "\n\n# Encore\n\n" + filler(20),
                        "singleH1"), 1);
}

TEST(SeoFunctionWords, KeyphraseOfFunctionWordsOnly) {
    EXPECT_EQ(seo_score(filler(30), "functionWordsInKeyphrase", with_keyphrase("sans elle")), 0);
    EXPECT_EQ(seo_score(filler(30), "functionWordsInKeyphrase", with_keyphrase("vélo")), 1000);
}

TEST(SeoCompetingLinks, KeyphraseAsAnchorText) {
    const std::string competing = "Lire [vélo en ville](https://autre.exemple.fr/velo).\n\n" + filler(120);
    EXPECT_EQ(seo_score(competing, "textCompetingLinks", with_keyphrase("vélo en ville")), 2);
    EXPECT_EQ(seo_score("Lire [la carte](https://autre.exemple.fr/velo).\n\n" + filler(120), "textCompetingLinks",
                        with_keyphrase("vélo en ville")), 8);
}

}  // namespace
