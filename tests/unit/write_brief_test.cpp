// Phase 1 of `plume write`: a first line instructing the writer, in English or French,
// becomes settings and leaves the text; a title or a lead never does.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "brief/brief.hpp"
#include "test_support.hpp"

namespace {

using plume::Brief;
using plume::Lang;
using plume::write::take_brief;

Brief brief_of(std::string line) { return take_brief(line); }

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= text.size()) {
        const auto e = std::min(text.find('\n', b), text.size());
        out.push_back(text.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

TEST(WriteBrief, EnglishBriefOfTheSeeds) {
    const Brief b = brief_of(
        "Make this article seo compatible, Let there be subheadings for the article, be in french, "
        "create at least 700 words");
    EXPECT_FALSE(b.line.empty());
    EXPECT_EQ(b.min_words, 700u);
    EXPECT_EQ(b.lang, Lang::Fr);
    EXPECT_EQ(b.subheadings, true);
    EXPECT_EQ(b.keyphrase, "");
}

TEST(WriteBrief, FrenchBriefWithElisions) {
    const Brief b = brief_of("Rédige un article SEO d’au moins 900 mots avec des intertitres, en français");
    EXPECT_EQ(b.min_words, 900u);
    EXPECT_EQ(b.lang, Lang::Fr);
    EXPECT_EQ(b.subheadings, true);
}

TEST(WriteBrief, LengthForms) {
    EXPECT_EQ(brief_of("Write an SEO friendly article in French of at least 800 words").min_words, 800u);
    EXPECT_EQ(brief_of("Please write a 650-word SEO article").min_words, 650u);
    EXPECT_EQ(brief_of("Écris un article de 1 200 mots minimum").min_words, 1200u);
    EXPECT_EQ(brief_of("Rédigez un article SEO entre 800 et 1 000 mots").min_words, 800u);
    // A maximum is no minimum; the line is still a brief.
    const Brief most = brief_of("Write an article of at most 500 words");
    EXPECT_FALSE(most.line.empty());
    EXPECT_FALSE(most.min_words.has_value());
    EXPECT_FALSE(brief_of("Rédige un article SEO de moins de 500 mots").min_words.has_value());
}

TEST(WriteBrief, SubheadingsRefused) {
    EXPECT_EQ(brief_of("Rédige un article SEO sans intertitres").subheadings, false);
    EXPECT_EQ(brief_of("Écris un article, pas d’intertitres, 600 mots").subheadings, false);
    EXPECT_EQ(brief_of("Write an SEO article with no subheadings").subheadings, false);
    EXPECT_EQ(brief_of("Crée un article avec des sous-titres").subheadings, true);
    EXPECT_FALSE(brief_of("Write an SEO article of 700 words").subheadings.has_value());
}

TEST(WriteBrief, Language) {
    EXPECT_EQ(brief_of("Write an SEO article in English, 700 words").lang, Lang::En);
    EXPECT_EQ(brief_of("Réécris cet article en anglais").lang, Lang::En);
    EXPECT_EQ(brief_of("Réécris cet article en français").lang, Lang::Fr);
    EXPECT_FALSE(brief_of("Rédige un article SEO de 900 mots").lang.has_value());
}

TEST(WriteBrief, Keyphrase) {
    EXPECT_EQ(brief_of("Rédige un article de 800 mots, mot-clé : tramway Lyon, avec des intertitres").keyphrase,
              "tramway Lyon");
    EXPECT_EQ(brief_of("Réécris ce texte, mot clé principal « gigafactory Dunkerque »").keyphrase,
              "gigafactory Dunkerque");
    EXPECT_EQ(brief_of("Write an SEO article, keyword: chip factories").keyphrase, "chip factories");
    EXPECT_EQ(brief_of("Write an SEO article with focus keyphrase \"puces d'IA\" and subheadings").keyphrase,
              "puces d'IA");
    EXPECT_EQ(brief_of("Rédige un article SEO, mot-clé : sécheresse et blé, 900 mots").keyphrase, "sécheresse");
}

// An imperative and a cue of any one other kind make a brief (brief.cpp counts kinds, and
// passes over a line whose words open too few of them).
TEST(WriteBrief, AnImperativeAndOneCueOfEachKind) {
    for (std::string line : {"Réécris ce texte", "Optimise le référencement", "Write 800 words",
                             "Réécris avec des intertitres", "Rewrite it in French", "Réécris, mot-clé : tramway Lyon"}) {
        const std::string before = line;
        EXPECT_EQ(take_brief(line).line, before);
        EXPECT_EQ(line, "");
    }
    EXPECT_EQ(brief_of("Réécris, mot-clé : tramway Lyon").keyphrase, "tramway Lyon");
}

TEST(WriteBrief, RemovesExactlyTheLine) {
    std::string text =
        "\n  \nRédige un article SEO d’au moins 900 mots\r\nSécheresse : la récolte plonge\n\nLe blé.\n";
    const Brief b = take_brief(text);
    EXPECT_EQ(b.line, "Rédige un article SEO d’au moins 900 mots");
    EXPECT_EQ(text, "\n  \nSécheresse : la récolte plonge\n\nLe blé.\n");

    std::string alone = "Write an SEO article of 700 words";
    take_brief(alone);
    EXPECT_EQ(alone, "");
}

TEST(WriteBrief, NewsLinesAreNoBrief) {
    for (std::string line : {
             "Claire Vasseur explore des pistes avec Alstom et la SNCF pour prolonger le tram",
             "Visite discrète de la présidente de la région, Marie Léon, à Turin pour étudier le tram",
             "Le patron du constructeur Aurelis, Régis Vandamme, est à la recherche de nouveaux fonds",
             // Words of a brief, but reported, not asked: no imperative opens a clause.
             "L’IA rédige un article de 700 mots en quelques secondes",
             "SEO : comment Google classe les articles",
             "Le ministre crée un article de loi sur le référencement",
         }) {
        const std::string before = line;
        EXPECT_TRUE(take_brief(line).line.empty()) << before;
        EXPECT_EQ(line, before);
    }
}

// Only the lines the manifests name as briefs are briefs: no title, lead or sentence of
// the example sources is taken for one.
TEST(WriteBrief, ExampleSources) {
    const std::filesystem::path root = std::filesystem::path(PLUME_EXAMPLES) / "sources";
    std::vector<std::string> briefs;
    for (const auto& e : std::filesystem::directory_iterator(root)) {
        if (!e.is_directory()) continue;
        const auto manifest = nlohmann::json::parse(plume::test::slurp((e.path() / "expected.json").string()));
        if (!manifest["brief"].is_null()) {
            briefs.push_back(manifest["brief"]);
            const Brief b = brief_of(manifest["brief"]);
            EXPECT_EQ(b.min_words, manifest["min_words"].get<std::size_t>()) << e.path();
            EXPECT_EQ(b.lang, Lang::Fr) << e.path();
            EXPECT_EQ(b.subheadings, true) << e.path();
        }
    }
    ASSERT_EQ(briefs.size(), 2u);
    std::size_t found = 0;
    for (const auto& path : files_in(root)) {
        std::string text = plume::test::slurp(path.string());
        const std::string before = text;
        const Brief b = take_brief(text);
        if (!b.line.empty()) {
            ++found;
            EXPECT_NE(std::find(briefs.begin(), briefs.end(), b.line), briefs.end()) << path;
            EXPECT_EQ(text, before.substr(before.find('\n') + 1)) << path;
            text = before.substr(before.find('\n') + 1);
        }
        for (std::string line : lines_of(text)) EXPECT_TRUE(take_brief(line).line.empty()) << path << ": " << line;
    }
    EXPECT_EQ(found, 2u);
}

// Of the seeds, only 004 opens with a brief (in English, for a French article); no other
// line of any seed is one.
TEST(WriteBrief, Seeds) {
    if (!plume::test::seeds_present()) GTEST_SKIP() << "no seeds at " << PLUME_SEEDS;
    const auto files = files_in(PLUME_SEEDS);
    ASSERT_EQ(files.size(), 5u);
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string text = plume::test::slurp(files[i].string());
        const std::string before = text;
        const Brief b = take_brief(text);
        if (i == 4) {
            EXPECT_EQ(b.min_words, 700u);
            EXPECT_EQ(b.lang, Lang::Fr);
            EXPECT_EQ(b.subheadings, true);
            EXPECT_EQ(text, before.substr(before.find('\n') + 1));
        } else {
            EXPECT_TRUE(b.line.empty()) << files[i] << ": " << b.line;
            EXPECT_EQ(text, before);
        }
        for (std::string line : lines_of(text)) EXPECT_TRUE(take_brief(line).line.empty()) << files[i] << ": " << line;
    }
}

}  // namespace
