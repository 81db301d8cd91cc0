// Rendering the written article: Markdown with front matter, the Document a CMS publishes,
// the HTML5 page, the JSON report, the stderr summary, and the atomic write of `-o`.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "plume/write.hpp"
#include "test_support.hpp"

namespace {

using plume::ArticleBlock;
using plume::BlockKind;
using plume::Piece;
using plume::Section;
using plume::SectionKind;

ArticleBlock block(BlockKind kind, std::vector<Piece> pieces, int level = 0) {
    ArticleBlock b;
    b.kind = kind;
    b.level = level;
    b.pieces = std::move(pieces);
    return b;
}

ArticleBlock paragraph(std::vector<Piece> pieces) { return block(BlockKind::Paragraph, std::move(pieces)); }
ArticleBlock question(std::string text) { return block(BlockKind::Heading, {{std::move(text), -1}}, 3); }

ArticleBlock item(std::string text, int source = -1, std::string href = "") {
    ArticleBlock b = block(BlockKind::ListItem, {{std::move(text), source}});
    b.href = std::move(href);
    return b;
}

plume::AnalyzeOptions options_of(const plume::Article& a) {
    plume::AnalyzeOptions o;
    o.keyphrase = a.keyphrase;
    o.synonyms = a.synonyms;
    return o;
}

// A small article as the composer would hand it over: intro, two body sections, an FAQ with
// two questions and the sources, one of them with its URL.
plume::WriteResult sample() {
    plume::WriteResult r;
    r.sources = {{"progres.txt", "https://exemple.fr/lyon/plan-velo?id=12&page=(2)", "Lyon dévoile son plan vélo", 420},
                 {"capitale.md", "", "", 310}};
    r.brief.line = "Rédige un article SEO d'au moins 700 mots avec des intertitres";
    r.brief.min_words = 700;
    r.brief.lang = plume::Lang::Fr;
    r.brief.subheadings = true;
    r.removals = {{0, plume::RemovalReason::Boilerplate, "comment prompt", "Laissez un commentaire ci-dessous"},
                  {1, plume::RemovalReason::OffTopic, "",
                   "La boutique en ligne du journal propose ce mois-ci des abonnements à prix réduit pour les "
                   "étudiants et les retraités de toute la région."}};
    plume::Article& a = r.article;
    a.title = "Plan vélo à Lyon : la métropole promet des pistes \"sécurisées\"";
    a.description = "Le plan vélo de la métropole de Lyon prévoit 100 millions d’euros et 250 km de pistes "
                    "cyclables d’ici 2026, selon les élus écologistes.";
    a.slug = "plan-velo-lyon";
    a.canonical_url = "https://exemple.fr/plan-velo-lyon";
    a.keyphrase = "plan vélo";
    a.synonyms = {"pistes cyclables"};
    a.date = "2024-03-12";
    a.intro = {paragraph({{"Le plan vélo de la métropole de Lyon prévoit 100 millions d’euros d’investissement.", 0},
                          {"Les élus veulent doubler la part du vélo d’ici 2026.", 1}})};
    a.sections = {
        {SectionKind::Body,
         "Un plan vélo de 100 millions d’euros",
         {paragraph({{"La métropole financera 250 km de pistes cyclables « sécurisées » sur six ans.", 0}}),
          paragraph({{"Selon Bruno Bernard, président de la métropole, le vélo représente déjà 12 % des trajets.", 1}})}},
        {SectionKind::Body,
         "Ce que disent les opposants au plan vélo",
         {paragraph({{"Un élu a écrit *urgent* sur le_plan, voir [x](y) et <b>gras</b> dans sa note.", 0}}),
          item("Les commerçants craignent la perte de places de stationnement.", 0),
          item("Les associations de cyclistes jugent le calendrier trop lent.", 1)}},
        {SectionKind::Faq,
         "Questions fréquentes sur le plan vélo",
         {question("Combien coûte le plan vélo de Lyon ?"),
          paragraph({{"Le plan vélo coûte 100 millions d’euros, financés par la métropole.", 0}}),
          question("Quand les travaux commencent-ils ?"),
          paragraph({{"Les premiers chantiers des pistes cyclables commencent au printemps 2024.", 1}})}},
        {SectionKind::Sources,
         "Sources",
         {item("Lyon dévoile son plan vélo (progres.txt)", -1, r.sources[0].url), item("capitale.md")}}};
    r.facts = {{plume::FactKind::Number, "100 millions d’euros", 0},
               {plume::FactKind::Number, "12 %", 1},
               {plume::FactKind::Name, "Bruno Bernard", 1},
               {plume::FactKind::Date, "printemps 2025", -1}};
    r.verbatim_share = 0.4237;
    r.words = 187;
    r.target_words = 700;
    r.warnings = {"187 mots sur les 700 demandés"};
    r.analysis = plume::analyze(plume::article_document(a), options_of(a));
    return r;
}

std::string front_matter_of(const std::string& md) {
    const auto end = md.find("\n---\n", 4);
    return end == std::string::npos ? "" : md.substr(0, end + 5);
}

// Every text of the article in reading order, as the Document's blocks should give it back.
std::vector<std::string> article_texts(const plume::Article& a) {
    std::vector<std::string> out;
    for (const ArticleBlock& b : a.intro) out.push_back(b.text());
    for (const Section& s : a.sections) {
        out.push_back(s.heading);
        for (const ArticleBlock& b : s.blocks) out.push_back(b.text());
    }
    return out;
}

std::vector<std::string> block_texts(const plume::Document& doc) {
    std::vector<std::string> out;
    for (const plume::Block& b : doc.blocks) out.push_back(b.text);
    return out;
}

// ---- Markdown ----

TEST(WriteRenderMarkdown, FrontMatterHoldsEveryFieldWithYamlEscaping) {
    const std::string md = plume::render_article_markdown(sample());
    const std::string fm = front_matter_of(md);
    ASSERT_FALSE(fm.empty()) << md;
    EXPECT_EQ(fm,
              "---\n"
              "title: \"Plan vélo à Lyon : la métropole promet des pistes \\\"sécurisées\\\"\"\n"
              "description: \"Le plan vélo de la métropole de Lyon prévoit 100 millions d’euros et 250 km de "
              "pistes cyclables d’ici 2026, selon les élus écologistes.\"\n"
              "slug: \"plan-velo-lyon\"\n"
              "keyphrase: \"plan vélo\"\n"
              "synonyms:\n"
              "  - \"pistes cyclables\"\n"
              "date: \"2024-03-12\"\n"
              "sources:\n"
              "  - name: \"progres.txt\"\n"
              "    url: \"https://exemple.fr/lyon/plan-velo?id=12&page=(2)\"\n"
              "    title: \"Lyon dévoile son plan vélo\"\n"
              "  - name: \"capitale.md\"\n"
              "---\n");
    EXPECT_TRUE(md.substr(fm.size()).starts_with("\n# Plan vélo à Lyon : la métropole promet des pistes \"sécurisées\"\n"));
}

TEST(WriteRenderMarkdown, YamlEscapesBackslashesAndControlCharacters) {
    plume::WriteResult r = sample();
    r.article.title = "C:\\chemin\tet\nligne\u2028fin";
    r.article.synonyms.clear();
    r.sources.clear();
    const std::string fm = front_matter_of(plume::render_article_markdown(r));
    EXPECT_NE(fm.find("title: \"C:\\\\chemin\\tet\\nligne\\u2028fin\"\n"), std::string::npos) << fm;
    EXPECT_NE(fm.find("synonyms: []\n"), std::string::npos);
    EXPECT_NE(fm.find("sources: []\n"), std::string::npos);
}

TEST(WriteRenderMarkdown, SourceTextStaysTextButFrenchProseIsUntouched) {
    const std::string md = plume::render_article_markdown(sample());
    EXPECT_NE(md.find("Un élu a écrit \\*urgent\\* sur le\\_plan, voir \\[x\\](y) et \\<b>gras\\</b> dans sa note.\n"),
              std::string::npos)
        << md;
    // Apostrophes, guillemets, percentages and question marks need no escape.
    EXPECT_NE(md.find("pistes cyclables « sécurisées » sur six ans."), std::string::npos);
    EXPECT_NE(md.find("déjà 12 % des trajets."), std::string::npos);
    EXPECT_NE(md.find("### Combien coûte le plan vélo de Lyon ?\n"), std::string::npos);
    const plume::Document doc = plume::parse_markdown(md);
    for (const plume::Block& b : doc.blocks)
        if (b.text.starts_with("Un élu")) {
            EXPECT_EQ(b.text, "Un élu a écrit *urgent* sur le_plan, voir [x](y) et <b>gras</b> dans sa note.");
            EXPECT_TRUE(b.links.empty());
        }
}

// Each line would be markup (a list, a heading, a quote, a link, an entity, a table, a
// strikethrough...) if it were not escaped: each must come back as one paragraph, same text.
TEST(WriteRenderMarkdown, LineStartsAndAutolinksAreEscaped) {
    const std::vector<std::string> hostile = {
        "1. Premier point du plan vélo",
        "2024) Une année charnière pour les cyclistes",
        "- 5 % de voitures en moins",
        "+ 12 km de pistes",
        "# pas un intertitre",
        "> pas une citation",
        "--- puis une ligne",
        "Voir https://exemple.fr/plan et www.exemple.fr ou écrire à contact@exemple.fr",
        "Un contrat AT&T, une entité &amp; et &#233; littérales",
        "Colonne a | colonne b, ~~barré~~ et `code` cité",
        "Le mot-dièse de la campagne #",
        "Un lien ![image](photo.jpg) et un \\ seul",
        "    Quatre espaces devant\nun retour à la ligne et\tune tabulation",
    };
    plume::Article a;
    a.title = "Titre";
    for (const std::string& h : hostile) a.intro.push_back(paragraph({{h, 0}}));
    const plume::Document doc = plume::article_document(a);
    plume::WriteResult r;
    r.article = a;
    ASSERT_EQ(doc.blocks.size(), hostile.size()) << plume::render_article_markdown(r);
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        SCOPED_TRACE(hostile[i]);
        EXPECT_EQ(doc.blocks[i].kind, BlockKind::Paragraph);
        EXPECT_TRUE(doc.blocks[i].links.empty());
        EXPECT_TRUE(doc.blocks[i].images.empty());
    }
    EXPECT_EQ(doc.blocks[0].text, hostile[0]);
    EXPECT_EQ(doc.blocks[7].text, hostile[7]);
    EXPECT_EQ(doc.blocks[8].text, hostile[8]);
    EXPECT_EQ(doc.blocks[9].text, hostile[9]);
    EXPECT_EQ(doc.blocks[10].text, hostile[10]);
    EXPECT_EQ(doc.blocks[11].text, hostile[11]);
    EXPECT_EQ(doc.blocks[12].text, "Quatre espaces devant un retour à la ligne et une tabulation");
}

TEST(WriteRenderMarkdown, SectionsListsQuestionsAndSourceLinks) {
    const std::string md = plume::render_article_markdown(sample());
    EXPECT_NE(md.find("\n## Un plan vélo de 100 millions d’euros\n\nLa métropole financera"), std::string::npos) << md;
    EXPECT_NE(md.find("note.\n\n- Les commerçants craignent la perte de places de stationnement.\n"
                      "- Les associations de cyclistes jugent le calendrier trop lent.\n\n## Questions fréquentes"),
              std::string::npos);
    EXPECT_NE(md.find("### Quand les travaux commencent-ils ?\n\nLes premiers chantiers"), std::string::npos);
    EXPECT_NE(md.find("\n## Sources\n\n- [Lyon dévoile son plan vélo (progres.txt)]"
                      "(https://exemple.fr/lyon/plan-velo?id=12&page=\\(2\\))\n- capitale.md\n"),
              std::string::npos);
    EXPECT_TRUE(md.ends_with("- capitale.md\n"));
}

// ---- The Document that is analysed ----

TEST(WriteRenderDocument, ReadsBackTheArticleBlockForBlock) {
    const plume::WriteResult r = sample();
    const plume::Document doc = plume::article_document(r.article);
    EXPECT_EQ(doc.title.value_or(""), r.article.title);
    EXPECT_EQ(doc.description.value_or(""), r.article.description);
    EXPECT_EQ(block_texts(doc), article_texts(r.article));
    const plume::Block& source = doc.blocks[doc.blocks.size() - 2];
    ASSERT_EQ(source.links.size(), 1u);
    EXPECT_EQ(source.links[0].href, r.sources[0].url);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[1].level, 2);
    EXPECT_EQ(doc.blocks[9].level, 3) << doc.blocks[9].text;
}

// `plume analyze article.md` on the written file must say what the check phase saw.
TEST(WriteRenderDocument, AnalysingTheWrittenMarkdownGivesTheSameAnalysis) {
    const plume::WriteResult r = sample();
    const plume::AnalyzeOptions options = options_of(r.article);
    const plume::Document file = plume::parse_document(plume::render_article_markdown(r), plume::Format::Auto, "article.md");
    EXPECT_EQ(file.title, r.article.title);
    EXPECT_EQ(file.description, r.article.description);
    EXPECT_EQ(block_texts(file), article_texts(r.article));
    const plume::Analysis expected = r.analysis;
    const plume::Analysis got = plume::analyze(file, options);
    EXPECT_EQ(got.stats.words, expected.stats.words);
    EXPECT_EQ(got.stats.sentences, expected.stats.sentences);
    EXPECT_EQ(got.seo.score, expected.seo.score);
    EXPECT_EQ(got.readability.score, expected.readability.score);
    ASSERT_EQ(got.seo.assessments.size(), expected.seo.assessments.size());
    for (std::size_t i = 0; i < got.seo.assessments.size(); ++i) {
        EXPECT_EQ(got.seo.assessments[i].id, expected.seo.assessments[i].id);
        EXPECT_EQ(got.seo.assessments[i].score, expected.seo.assessments[i].score) << got.seo.assessments[i].id;
        EXPECT_EQ(got.seo.assessments[i].message, expected.seo.assessments[i].message);
    }
    // The metadata came from the front matter: the description assessments were scored.
    EXPECT_GT(expected.seo.score, 0);
}

TEST(WriteRenderDocument, LinkUrlsComeBackUnchanged) {
    plume::Article a;
    a.title = "Sources du plan vélo";
    const std::vector<std::string> urls = {"https://exemple.fr/?a=1&amp;b=2&#38;c=(3)", "http://exemple.fr/a b\"c",
                                           "HTTPS://exemple.fr/wiki/V%C3%A9lo_(Lyon)"};
    for (const std::string& u : urls) a.intro.push_back(item("Une source", 0, u));
    const plume::Document doc = plume::article_document(a);
    ASSERT_EQ(doc.blocks.size(), 3u);
    for (const plume::Block& b : doc.blocks) ASSERT_EQ(b.links.size(), 1u);
    EXPECT_EQ(doc.blocks[0].links[0].href, urls[0]);
    EXPECT_EQ(doc.blocks[1].links[0].href, "http://exemple.fr/a%20b%22c") << "characters URLs cannot hold are encoded";
    EXPECT_EQ(doc.blocks[2].links[0].href, urls[2]);
}

// ---- The Markdown parser and front matter ----

TEST(WriteRenderFrontMatter, IsMetadataNotBodyText) {
    const plume::Document doc = plume::parse_markdown(
        "---\ntitle: \"Le \\\"plan\\\" vélo\\u00E9\"\ndescription: 'L''essentiel du plan'\ntags:\n  - vélo\n---\n\n"
        "# Un autre titre affiché\n\nLe texte de l’article.\n");
    EXPECT_EQ(doc.title.value_or(""), "Le \"plan\" véloé");
    EXPECT_EQ(doc.description.value_or(""), "L'essentiel du plan");
    ASSERT_EQ(doc.blocks.size(), 1u) << doc.blocks[0].text;
    EXPECT_EQ(doc.blocks[0].text, "Le texte de l’article.");
    // Positions still point into the whole file, front matter included.
    EXPECT_EQ(doc.source.substr(doc.blocks[0].source_begin, 6), "Le tex");
}

TEST(WriteRenderFrontMatter, PlainValuesAndNoTitleKeepTheH1) {
    const plume::Document doc =
        plume::parse_markdown("---\nslug: plan-velo # commentaire\ndescription: Un plan vélo # pour Lyon\n---\n# Le titre\n\nTexte.\n");
    EXPECT_EQ(doc.title.value_or(""), "Le titre");
    EXPECT_EQ(doc.description.value_or(""), "Un plan vélo");
    EXPECT_EQ(block_texts(doc), std::vector<std::string>{"Texte."});
}

TEST(WriteRenderFrontMatter, ARuleThatIsNotFrontMatterStaysMarkdown) {
    // No closing line: a thematic break and a paragraph.
    plume::Document doc = plume::parse_markdown("---\ntitle: pas fermé\n\nDu texte.\n");
    EXPECT_FALSE(doc.title);
    EXPECT_EQ(block_texts(doc), (std::vector<std::string>{"title: pas fermé", "Du texte."}));
    // Prose between two rules is a setext heading, not metadata.
    doc = plume::parse_markdown("---\nUne phrase ordinaire\n---\n\nDu texte.\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[0].text, "Une phrase ordinaire");
}

// ---- HTML ----

std::vector<nlohmann::json> json_ld(const std::string& html) {
    std::vector<nlohmann::json> out;
    const std::string open = "<script type=\"application/ld+json\">";
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        const auto begin = at + open.size();
        out.push_back(nlohmann::json::parse(html.substr(begin, html.find("</script>", begin) - begin)));
    }
    return out;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

TEST(WriteRenderHtml, HeadHasTitleDescriptionCanonicalAndOpenGraph) {
    const std::string html = plume::render_article_html(sample());
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")) << html;
    EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), std::string::npos);
    EXPECT_NE(html.find("<title>Plan vélo à Lyon : la métropole promet des pistes &quot;sécurisées&quot;</title>"),
              std::string::npos);
    EXPECT_NE(html.find("<meta name=\"description\" content=\"Le plan vélo de la métropole de Lyon prévoit"), std::string::npos);
    EXPECT_NE(html.find("<link rel=\"canonical\" href=\"https://exemple.fr/plan-velo-lyon\">"), std::string::npos);
    EXPECT_NE(html.find("<meta property=\"og:type\" content=\"article\">"), std::string::npos);
    EXPECT_NE(html.find("<meta property=\"og:title\" content=\"Plan vélo à Lyon : la métropole promet des pistes "
                        "&quot;sécurisées&quot;\">"),
              std::string::npos);
    EXPECT_NE(html.find("<meta property=\"og:description\" content=\"Le plan vélo"), std::string::npos);
    EXPECT_NE(html.find("<meta property=\"og:url\" content=\"https://exemple.fr/plan-velo-lyon\">"), std::string::npos);
    EXPECT_NE(html.find("<meta property=\"og:locale\" content=\"fr_FR\">"), std::string::npos);
    EXPECT_NE(html.find("<article>\n<h1>Plan vélo à Lyon"), std::string::npos);
    EXPECT_NE(html.find("<h3>Combien coûte le plan vélo de Lyon ?</h3>"), std::string::npos);
    EXPECT_NE(html.find("<li><a href=\"https://exemple.fr/lyon/plan-velo?id=12&amp;page=(2)\">Lyon dévoile son plan "
                        "vélo (progres.txt)</a></li>\n<li>capitale.md</li>\n</ul>\n</article>"),
              std::string::npos);
    EXPECT_NE(html.find("<p>Un élu a écrit *urgent* sur le_plan, voir [x](y) et &lt;b&gt;gras&lt;/b&gt; dans sa note.</p>"),
              std::string::npos);
}

TEST(WriteRenderHtml, WithoutASiteUrlNoCanonical) {
    plume::WriteResult r = sample();
    r.article.canonical_url.clear();
    const std::string html = plume::render_article_html(r);
    EXPECT_EQ(html.find("canonical"), std::string::npos);
    EXPECT_EQ(html.find("og:url"), std::string::npos);
    EXPECT_FALSE(json_ld(html).at(0).contains("url"));
}

TEST(WriteRenderHtml, JsonLdNewsArticleAndFaqPage) {
    const plume::WriteResult r = sample();
    const std::vector<nlohmann::json> ld = json_ld(plume::render_article_html(r));
    ASSERT_EQ(ld.size(), 2u);
    const nlohmann::json& news = ld[0];
    EXPECT_EQ(news["@context"], "https://schema.org");
    EXPECT_EQ(news["@type"], "NewsArticle");
    EXPECT_EQ(news["headline"], r.article.title);
    EXPECT_EQ(news["description"], r.article.description);
    EXPECT_EQ(news["datePublished"], "2024-03-12");
    EXPECT_EQ(news["inLanguage"], "fr");
    EXPECT_EQ(news["keywords"], nlohmann::json({"plan vélo", "pistes cyclables"}));
    EXPECT_EQ(news["isBasedOn"], nlohmann::json({r.sources[0].url}));
    EXPECT_EQ(news["mainEntityOfPage"], "https://exemple.fr/plan-velo-lyon");
    const nlohmann::json& faq = ld[1];
    EXPECT_EQ(faq["@type"], "FAQPage");
    ASSERT_EQ(faq["mainEntity"].size(), 2u);
    EXPECT_EQ(faq["mainEntity"][0]["@type"], "Question");
    EXPECT_EQ(faq["mainEntity"][0]["name"], "Combien coûte le plan vélo de Lyon ?");
    EXPECT_EQ(faq["mainEntity"][0]["acceptedAnswer"]["text"],
              "Le plan vélo coûte 100 millions d’euros, financés par la métropole.");
    EXPECT_EQ(faq["mainEntity"][1]["name"], "Quand les travaux commencent-ils ?");
}

TEST(WriteRenderHtml, NoFaqSectionNoFaqPage) {
    plume::WriteResult r = sample();
    std::erase_if(r.article.sections, [](const Section& s) { return s.kind == SectionKind::Faq; });
    const std::vector<nlohmann::json> ld = json_ld(plume::render_article_html(r));
    ASSERT_EQ(ld.size(), 1u);
    EXPECT_EQ(ld[0]["@type"], "NewsArticle");
}

// A source sentence that carries a script, in the body, the meta description and an FAQ
// answer (which also goes into JSON-LD): the page keeps exactly its own two scripts.
TEST(WriteRenderHtml, NothingFromASourceInjectsMarkup) {
    plume::WriteResult r = sample();
    const std::string evil = "Le maire a cité <script>alert(1)</script> puis </script><img src=x onerror=alert(2)> "
                             "et <!-- un commentaire --> dans \"sa\" note & plus.";
    r.article.description = evil;
    r.article.title = "Plan vélo </title><script>alert(3)</script>";
    r.article.sections[0].blocks.push_back(paragraph({{evil, 0}}));
    r.article.sections[2].blocks[1].pieces[0].text = evil;
    const std::string html = plume::render_article_html(r);
    EXPECT_EQ(count(html, "<script"), 2u) << html;
    EXPECT_EQ(count(html, "</script>"), 2u);
    EXPECT_EQ(count(html, "<img"), 0u);
    EXPECT_EQ(count(html, "<!--"), 0u);
    EXPECT_EQ(count(html, "</title>"), 1u);
    EXPECT_NE(html.find("<p>Le maire a cité &lt;script&gt;alert(1)&lt;/script&gt; puis &lt;/script&gt;&lt;img src=x "
                        "onerror=alert(2)&gt; et &lt;!-- un commentaire --&gt; dans &quot;sa&quot; note &amp; plus.</p>"),
              std::string::npos);
    EXPECT_NE(html.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), std::string::npos);
    // The JSON-LD still says exactly what the source said.
    const std::vector<nlohmann::json> ld = json_ld(html);
    ASSERT_EQ(ld.size(), 2u);
    EXPECT_EQ(ld[0]["description"], evil);
    EXPECT_EQ(ld[1]["mainEntity"][0]["acceptedAnswer"]["text"], evil);
    // And plume reads the page back as the same text.
    const plume::Document page = plume::parse_html(html);
    EXPECT_EQ(page.title.value_or(""), r.article.title);
    EXPECT_EQ(page.description.value_or(""), evil);
}

TEST(WriteRenderHtml, OnlyHttpUrlsBecomeLinks) {
    plume::WriteResult r = sample();
    r.article.canonical_url = "javascript:alert(1)";
    r.sources[0].url = "javascript:alert(2)";
    r.article.sections.back().blocks[0].href = "javascript:alert(2)";
    const std::string html = plume::render_article_html(r);
    EXPECT_EQ(html.find("javascript"), std::string::npos) << html;
    EXPECT_EQ(html.find("<a "), std::string::npos);
    EXPECT_FALSE(json_ld(html).at(0).contains("isBasedOn"));
    const std::string md = plume::render_article_markdown(r);
    EXPECT_NE(md.find("\n- Lyon dévoile son plan vélo (progres.txt)\n"), std::string::npos);
}

TEST(WriteRenderHtml, PlumeReadsThePageAsTheSameArticle) {
    const plume::WriteResult r = sample();
    const plume::Document page = plume::parse_document(plume::render_article_html(r), plume::Format::Auto, "article.html");
    EXPECT_EQ(page.title.value_or(""), r.article.title);
    EXPECT_EQ(page.description.value_or(""), r.article.description);
    EXPECT_EQ(block_texts(page), article_texts(r.article));
    const plume::Analysis got = plume::analyze(page, options_of(r.article));
    EXPECT_EQ(got.seo.score, r.analysis.seo.score);
    EXPECT_EQ(got.readability.score, r.analysis.readability.score);
}

// ---- JSON ----

TEST(WriteRenderJson, PartsProvenanceFactsAndAnalysis) {
    const plume::WriteResult r = sample();
    const nlohmann::json j = nlohmann::json::parse(plume::render_article_json(r));
    EXPECT_EQ(j["article"]["title"], r.article.title);
    EXPECT_EQ(j["article"]["slug"], "plan-velo-lyon");
    EXPECT_EQ(j["article"]["canonical_url"], "https://exemple.fr/plan-velo-lyon");
    EXPECT_EQ(j["article"]["synonyms"], nlohmann::json({"pistes cyclables"}));
    const nlohmann::json& intro = j["article"]["intro"][0];
    EXPECT_EQ(intro["kind"], "paragraph");
    EXPECT_EQ(intro["text"], r.article.intro[0].text());
    EXPECT_EQ(intro["pieces"][1]["text"], "Les élus veulent doubler la part du vélo d’ici 2026.");
    EXPECT_EQ(intro["pieces"][1]["source"], 1);
    const nlohmann::json& faq = j["article"]["sections"][2];
    EXPECT_EQ(faq["kind"], "faq");
    EXPECT_EQ(faq["blocks"][0]["kind"], "heading");
    EXPECT_EQ(faq["blocks"][0]["level"], 3);
    EXPECT_TRUE(faq["blocks"][0]["pieces"][0]["source"].is_null()) << "plume's own question";
    const nlohmann::json& sources = j["article"]["sections"][3];
    EXPECT_EQ(sources["kind"], "sources");
    EXPECT_EQ(sources["blocks"][0]["href"], r.sources[0].url);
    EXPECT_EQ(j["sources"][1]["name"], "capitale.md");
    EXPECT_EQ(j["sources"][0]["words"], 420);
    EXPECT_EQ(j["brief"]["min_words"], 700);
    EXPECT_EQ(j["brief"]["lang"], "fr");
    EXPECT_EQ(j["brief"]["subheadings"], true);
    EXPECT_EQ(j["removals"][1]["reason"], "off-topic");
    EXPECT_EQ(j["removals"][1]["source"], 1);
    EXPECT_EQ(j["removals"][0]["kind"], "comment prompt");
    EXPECT_EQ(j["facts"][2], nlohmann::json({{"kind", "name"}, {"text", "Bruno Bernard"}, {"source", 1}}));
    EXPECT_TRUE(j["facts"][3]["source"].is_null());
    EXPECT_DOUBLE_EQ(j["verbatim_share"].get<double>(), 0.424);
    EXPECT_EQ(j["words"], 187);
    EXPECT_EQ(j["target_words"], 700);
    EXPECT_EQ(j["warnings"][0], "187 mots sur les 700 demandés");
    // The analysis has `plume analyze --json`'s schema, less the file name.
    nlohmann::json analyze_json = nlohmann::json::parse(plume::render_json(r.analysis, "x.md"));
    analyze_json.erase("file");
    EXPECT_EQ(j["analysis"], analyze_json);
    EXPECT_EQ(j["analysis"]["seo"]["score"], r.analysis.seo.score);
}

// ---- stderr ----

TEST(WriteRenderSummary, FrenchByDefault) {
    plume::WriteResult r = sample();
    r.words = 812;
    const std::string s = plume::render_write_summary(r, plume::Lang::Fr);
    EXPECT_NE(s.find("812 mots (objectif : 700), 4 intertitres H2\n"), std::string::npos) << s;
    EXPECT_NE(s.find(fmt::format("SEO : {}/100 (", r.analysis.seo.score)), std::string::npos);
    EXPECT_NE(s.find(fmt::format("Lisibilité : {}/100 (", r.analysis.readability.score)), std::string::npos);
    EXPECT_NE(s.find("42 % des suites de 8 mots"), std::string::npos);
    EXPECT_NE(s.find("contenu dupliqué"), std::string::npos);
    EXPECT_NE(s.find("Faits retrouvés dans les sources : 3/4\n"), std::string::npos);
    EXPECT_NE(s.find("Passages retirés des sources : 2"), std::string::npos);
    EXPECT_TRUE(s.ends_with("attention : 187 mots sur les 700 demandés\n"));
}

TEST(WriteRenderSummary, InEnglish) {
    const plume::WriteResult r = sample();
    const std::string s = plume::render_write_summary(r, plume::Lang::En);
    EXPECT_NE(s.find("187 words (target: 700), 4 H2 subheadings\n"), std::string::npos) << s;
    EXPECT_NE(s.find(fmt::format("SEO: {}/100 ({})", r.analysis.seo.score, plume::to_string(r.analysis.seo.rating))),
              std::string::npos);
    EXPECT_NE(s.find("Readability: "), std::string::npos);
    EXPECT_NE(s.find("42% of the 8-word sequences"), std::string::npos);
    EXPECT_NE(s.find("duplicate-content risk"), std::string::npos);
    EXPECT_NE(s.find("Facts traced to the sources: 3/4\n"), std::string::npos);
    EXPECT_NE(s.find("warning: 187 mots"), std::string::npos);
    EXPECT_EQ(s.find("mots ("), std::string::npos);
}

TEST(WriteRenderRemovals, OneLinePerRemovalCutNearAHundredCharacters) {
    const plume::WriteResult r = sample();
    const std::string fr = plume::render_removals(r, plume::Lang::Fr);
    EXPECT_EQ(fr,
              "Passages retirés : 2\n"
              "  progres.txt — passage parasite (comment prompt) : « Laissez un commentaire ci-dessous »\n"
              "  capitale.md — hors sujet : « La boutique en ligne du journal propose ce mois-ci des abonnements à prix "
              "réduit pour les étudiants… »\n");
    const std::string en = plume::render_removals(r, plume::Lang::En);
    EXPECT_NE(en.find("  capitale.md — off-topic: \"La boutique"), std::string::npos) << en;
}

// ---- -o ----

class WriteRenderFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() /
              ("plume-write-file-" + std::to_string(getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
    }
    std::filesystem::path dir;
};

TEST_F(WriteRenderFile, WritesTheContent) {
    const std::string path = (dir / "article.md").string();
    const std::string md = plume::render_article_markdown(sample());
    plume::write_file_atomically(path, md);
    EXPECT_EQ(plume::test::slurp(path), md);
    EXPECT_EQ(entries(), 1u) << "no temporary file left";
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_NE(st.st_mode & S_IRGRP, 0u) << "readable as a plain new file would be, not mkstemp's 0600";
}

TEST_F(WriteRenderFile, ReplacesAnExistingFileWhole) {
    const std::string path = (dir / "article.html").string();
    plume::write_file_atomically(path, std::string(10000, 'x'));
    ::chmod(path.c_str(), 0640);
    plume::write_file_atomically(path, "<p>Court.</p>\n");
    EXPECT_EQ(plume::test::slurp(path), "<p>Court.</p>\n");
    EXPECT_EQ(entries(), 1u);
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u) << "the replaced file's permissions are kept";
}

TEST_F(WriteRenderFile, MissingDirectoryThrowsAndLeavesNothing) {
    const std::string path = (dir / "absent" / "article.md").string();
    try {
        plume::write_file_atomically(path, "texte");
        FAIL() << "no error";
    } catch (const plume::InputError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "absent"));
    EXPECT_EQ(entries(), 0u);
}

TEST_F(WriteRenderFile, ATargetThatCannotBeReplacedIsLeftAsItWas) {
    // A directory in the way: rename fails after the content was written, and is undone.
    std::filesystem::create_directory(dir / "article.md");
    std::filesystem::create_directory(dir / "article.md" / "sous-dossier");
    EXPECT_THROW(plume::write_file_atomically((dir / "article.md").string(), "texte"), plume::InputError);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "article.md" / "sous-dossier"));
    EXPECT_EQ(entries(), 1u) << "the temporary file is removed";
}

}  // namespace
