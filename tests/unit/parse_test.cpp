// Markdown, HTML and plain text become one Document, with text mapped back to the source.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "test_support.hpp"

namespace {

using plume::BlockKind;
using plume::Document;

// Every verbatim run of block text stands at its mapped place in the source.
void expect_spans_verbatim(const Document& doc) {
    for (const plume::Block& b : doc.blocks)
        for (const plume::SourceSpan& s : b.spans)
            EXPECT_EQ(doc.source.substr(s.source_offset, s.length), b.text.substr(s.text_offset, s.length));
}

TEST(ParseMarkdown, TitleBlocksLinksAndImages) {
    const Document doc = plume::parse_markdown(
        "# Les puces d&rsquo;IA en Europe\n\n"
        "Le marché *progresse* vite, selon [une étude](https://exemple.fr/etude).\n\n"
        "## Les acteurs\n\n"
        "- Les fondeurs\n- Les concepteurs\n\n"
        "> Une citation\n\n"
        "![Une usine de puces](usine.jpg)\n\n"
        "# Un second titre\n");
    ASSERT_TRUE(doc.title);
    EXPECT_EQ(*doc.title, "Les puces d’IA en Europe");
    ASSERT_EQ(doc.blocks.size(), 7u);
    EXPECT_EQ(doc.blocks[0].text, "Le marché progresse vite, selon une étude.");
    ASSERT_EQ(doc.blocks[0].links.size(), 1u);
    const plume::Link& l = doc.blocks[0].links[0];
    EXPECT_EQ(l.href, "https://exemple.fr/etude");
    EXPECT_EQ(doc.blocks[0].text.substr(l.begin, l.end - l.begin), "une étude");
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[1].level, 2);
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].text, "Les concepteurs");
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::Quote);
    ASSERT_EQ(doc.blocks[5].images.size(), 1u);
    EXPECT_EQ(doc.blocks[5].images[0].alt, "Une usine de puces");
    EXPECT_EQ(doc.blocks[6].level, 1) << "only the first H1 is the title";
    expect_spans_verbatim(doc);
}

TEST(ParseMarkdown, MarksMapToTheSource) {
    const Document doc = plume::parse_markdown("# Titre\n\nUn texte **très** court.\n");
    const plume::Block& b = doc.blocks.at(0);
    const std::size_t at = b.text.find("court");
    EXPECT_EQ(doc.source.substr(b.source_offset(at), 5), "court");
}

TEST(ParseHtml, TitleDescriptionAndBody) {
    const Document doc = plume::parse_html(
        "<html><head><title>Le vélo en ville</title>"
        "<meta name=\"description\" content=\"Pourquoi le vélo   progresse.\"></head>"
        "<body><h1>Le vélo à Strasbourg</h1><div>Texte hors paragraphe."
        "<p>Un paragraphe avec <a href=\"/pistes\">les pistes</a> &amp; plus.</p>"
        "<ul><li>un</li><li><p>deux</p></li></ul><img src=\"v.jpg\" alt=\"un vélo\">"
        "<script>document.write('caché')</script></div></body></html>");
    EXPECT_EQ(doc.title.value_or(""), "Le vélo en ville");
    EXPECT_EQ(doc.description.value_or(""), "Pourquoi le vélo progresse.");
    ASSERT_GE(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].text, "Texte hors paragraphe.");
    EXPECT_EQ(doc.blocks[1].text, "Un paragraphe avec les pistes & plus.");
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].text, "deux");
    for (const plume::Block& b : doc.blocks) EXPECT_EQ(b.text.find("caché"), std::string::npos);
    expect_spans_verbatim(doc);
}

TEST(ParseHtml, FirstH1IsTheTitleWithoutTitleElement) {
    const Document doc = plume::parse_html("<h1>Le titre</h1><p>Le corps.</p><h1>Un autre</h1>");
    EXPECT_EQ(doc.title.value_or(""), "Le titre");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].level, 1);
}

TEST(ParseHtml, HostileInputIsRefusedOrParsed) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    EXPECT_THROW(plume::parse_html(deep + "texte"), plume::InputError);
    const Document unclosed = plume::parse_html("<p>Un <b>texte <i>mal <a href='x'>fermé");
    ASSERT_EQ(unclosed.blocks.size(), 1u);
    EXPECT_EQ(unclosed.blocks[0].text, "Un texte mal fermé");
    const Document attr = plume::parse_html("<p title=\"" + std::string(100000, 'x') + "\">court</p>");
    EXPECT_EQ(attr.blocks.at(0).text, "court");
}

TEST(ParseHtml, RenderedBodyKeepsLinksAndImagesInPlace) {
    const Document doc = plume::parse_html("<p>Voir <a href=\"/a\">la carte</a> ici <img src=\"c.png\" alt=\"carte\">.</p>");
    EXPECT_EQ(plume::render_html_body(doc),
              "<p>Voir <a href=\"/a\">la carte</a> ici <img src=\"c.png\" alt=\"carte\">.</p>\n");
}

TEST(ParseText, TitleParagraphsListsAndSubheadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La ligne ouvre en septembre.\nElle compte quinze stations.\n\n"
        "- Un tracé de douze kilomètres\n• Une rame toutes les cinq minutes\n\n"
        "Un chantier de trois ans\n\n"
        "Les travaux ont commencé en 2022.\n");
    EXPECT_EQ(doc.title.value_or(""), "Le tramway arrive à Lyon");
    ASSERT_EQ(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].text, "La ligne ouvre en septembre. Elle compte quinze stations.");
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[1].text, "Un tracé de douze kilomètres");
    EXPECT_EQ(doc.blocks[2].text, "Une rame toutes les cinq minutes");
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::Paragraph);
    expect_spans_verbatim(doc);
}

TEST(ParseText, WithoutBlankLinesEachLineIsAParagraph) {
    const Document doc = plume::parse_text("Première phrase du texte.\nDeuxième phrase du texte.\n");
    EXPECT_FALSE(doc.title);
    ASSERT_EQ(doc.blocks.size(), 2u);
}

TEST(ParseText, FirstLineEndingWithAPeriodIsNotATitle) {
    const Document doc = plume::parse_text("Le tramway arrive.\n\nIl roule.\n");
    EXPECT_FALSE(doc.title);
}

TEST(ParseText, Seeds) {
    if (!plume::test::seeds_present()) GTEST_SKIP() << "../shared/seeds absent";
    for (const auto& e : std::filesystem::directory_iterator(PLUME_SEEDS)) {
        const Document doc = plume::read_document(e.path().string(), plume::Format::Text);
        EXPECT_FALSE(doc.blocks.empty()) << e.path();
        expect_spans_verbatim(doc);
        if (e.path().filename().string().starts_with("000")) EXPECT_TRUE(doc.title) << "000 opens with its title";
        if (e.path().filename().string().starts_with("001")) {
            std::size_t items = 0;
            for (const auto& b : doc.blocks) items += b.kind == BlockKind::ListItem;
            EXPECT_EQ(items, 3u) << "001's three • bullets";
        }
    }
}

}  // namespace
