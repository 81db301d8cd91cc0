// HTML (gumbo) to Document: title, description, blocks, links, images, hostile input.
#include <gtest/gtest.h>

#include <string>

#include "parse_support.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"

namespace {

using plume::BlockKind;
using plume::Document;

const std::string kPage =
    "<!DOCTYPE html><html><head><title>Le vélo   en ville</title>"
    "<meta name=\"Description\" content=\"Pourquoi le vélo\n progresse.\">"
    "<style>p { color: red }</style></head>"
    "<body><h1>Le vélo à Strasbourg</h1>"
    "<div>Texte hors paragraphe."
    "<p>Un paragraphe avec <a href=\"/pistes\">les pistes</a> &amp; plus,<br>sur deux lignes.</p>"
    "<ul><li>un</li><li><p>deux</p></li></ul>"
    "<blockquote>Une citation</blockquote><pre>code  brut</pre>"
    "<table><tr><td>Cellule</td></tr></table>"
    "<figure><img src=\"v.jpg\" alt=\"un vélo\"><figcaption>Légende</figcaption></figure>"
    "<h2>Les pistes</h2>"
    "<script>document.write('caché')</script><noscript>caché</noscript><template>caché</template>"
    "</div></body></html>";

TEST(ParseHtml, TitleElementFirstH1AndDescription) {
    const Document doc = plume::parse_html(kPage);
    EXPECT_EQ(doc.format, plume::Format::Html);
    EXPECT_EQ(doc.title.value_or(""), "Le vélo en ville");
    EXPECT_EQ(doc.description.value_or(""), "Pourquoi le vélo progresse.");
    for (const plume::Block& b : doc.blocks) EXPECT_NE(b.text, "Le vélo à Strasbourg") << "the first <h1> is out";
}

TEST(ParseHtml, FirstH1IsTheTitleWithoutTitleElement) {
    const Document doc = plume::parse_html("<h1>Le  titre</h1><p>Le corps.</p><h1>Un autre</h1>");
    EXPECT_EQ(doc.title.value_or(""), "Le titre");
    EXPECT_FALSE(doc.description);
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[1].level, 1) << "later H1s stay";
}

TEST(ParseHtml, BlockKinds) {
    const Document doc = plume::parse_html(kPage);
    ASSERT_EQ(doc.blocks.size(), 10u);
    EXPECT_EQ(doc.blocks[0].text, "Texte hors paragraphe.");
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Paragraph);
    EXPECT_EQ(doc.blocks[1].text, "Un paragraphe avec les pistes & plus, sur deux lignes.") << "<br> in a <p>: a space";
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].text, "deux");
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::Quote);
    EXPECT_EQ(doc.blocks[5].kind, BlockKind::Code);
    EXPECT_EQ(doc.blocks[5].text, "code brut");
    EXPECT_EQ(doc.blocks[6].text, "Cellule");
    EXPECT_EQ(doc.blocks[7].images.size(), 1u);
    EXPECT_EQ(doc.blocks[8].text, "Légende");
    EXPECT_EQ(doc.blocks[9].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[9].level, 2);
    for (const plume::Block& b : doc.blocks) EXPECT_EQ(b.text.find("caché"), std::string::npos) << b.text;
}

TEST(ParseHtml, LinksAndImagesWithOffsets) {
    const Document doc = plume::parse_html(kPage);
    const plume::Block& p = doc.blocks.at(1);
    ASSERT_EQ(p.links.size(), 1u);
    EXPECT_EQ(p.links[0].href, "/pistes");
    EXPECT_EQ(p.text.substr(p.links[0].begin, p.links[0].end - p.links[0].begin), "les pistes");
    const plume::Block& fig = doc.blocks.at(7);
    ASSERT_EQ(fig.images.size(), 1u);
    EXPECT_EQ(fig.images[0].src, "v.jpg");
    EXPECT_EQ(fig.images[0].alt, "un vélo");
    EXPECT_EQ(fig.source_begin, kPage.find("<img"));
}

TEST(ParseHtml, TextMapsToTheSourceAroundEntities) {
    const Document doc = plume::parse_html("<p>L&rsquo;été &amp; l&#39;hiver à Paris, R&D compris.</p>");
    const plume::Block& b = doc.blocks.at(0);
    EXPECT_EQ(b.text, "L’été & l'hiver à Paris, R&D compris.");
    EXPECT_EQ(plume::test::mapped(doc, b, "été "), "été ");
    EXPECT_EQ(plume::test::mapped(doc, b, "hiver à Paris, R&D compris."), "hiver à Paris, R&D compris.");
    plume::test::expect_mapped(doc);
    plume::test::expect_mapped(plume::parse_html(kPage));
}

TEST(ParseHtml, UnknownReferenceIsLeftUnmappedNotMisplaced) {
    // gumbo decodes `&eacute` without its semicolon; the rest of the node then has no span.
    const Document doc = plume::parse_html("<p>Un caf&eacute noir et un th&eacute; vert.</p>");
    EXPECT_EQ(doc.blocks.at(0).text, "Un café noir et un thé vert.");
    plume::test::expect_mapped(doc);
}

TEST(ParseHtml, HostileInputIsRefusedOrParsed) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    EXPECT_THROW(plume::parse_html(deep + "texte"), plume::InputError);
    std::string stray;  // closing tags that close nothing do not hide the depth
    for (int i = 0; i < 5000; ++i) stray += "<div></p></br>";
    EXPECT_THROW(plume::parse_html(stray), plume::InputError);

    std::string shallow;
    for (int i = 0; i < 200; ++i) shallow += "<div>";
    EXPECT_EQ(plume::parse_html(shallow + "texte").blocks.at(0).text, "texte");

    std::string bold;  // unclosed formatting elements, reopened by gumbo in every paragraph
    for (int i = 0; i < 400; ++i) bold += "<p>un <b>mot <i>de ";
    EXPECT_EQ(plume::parse_html(bold).blocks.size(), 400u);

    const Document unclosed = plume::parse_html("<p>Un <b>texte <i>mal <a href='x'>fermé");
    ASSERT_EQ(unclosed.blocks.size(), 1u);
    EXPECT_EQ(unclosed.blocks[0].text, "Un texte mal fermé");

    const Document attr = plume::parse_html("<p title=\"" + std::string(1000000, 'x') + "\">court</p>");
    EXPECT_EQ(attr.blocks.at(0).text, "court");
}

TEST(ParseHtml, ScriptComparisonsAreNotNesting) {
    std::string script = "<script>";
    for (int i = 0; i < 3000; ++i) script += "if (a<b) x<y;";
    const Document doc = plume::parse_html("<!-- <div><div> -->" + script + "</script><p>Le texte.</p>");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "Le texte.");
}

TEST(ParseHtml, RenderedBodyKeepsLinksAndImagesInPlace) {
    const Document doc = plume::parse_html(
        "<p>Voir <a href=\"/a\">la carte</a> ici <img src=\"c.png\" alt=\"carte\">.</p><ul><li>un</li></ul>");
    EXPECT_EQ(plume::render_html_body(doc),
              "<p>Voir <a href=\"/a\">la carte</a> ici <img src=\"c.png\" alt=\"carte\">.</p>\n"
              "<ul>\n<li>un</li>\n</ul>\n");
}

// rel="nofollow" among other rel values, in any case, is kept: the SEO link assessments
// read it, and the body given to yoastseo carries it.
TEST(ParseHtml, LinksKeepTheirNofollow) {
    const Document doc = plume::parse_html(
        "<p><a href=\"https://a.example.org/\" rel=\"ugc NOFOLLOW\">un avis</a> et "
        "<a href=\"https://b.example.org/\" rel=\"noopener\">une source</a>.</p>");
    ASSERT_EQ(doc.blocks.at(0).links.size(), 2u);
    EXPECT_TRUE(doc.blocks[0].links[0].nofollow);
    EXPECT_FALSE(doc.blocks[0].links[1].nofollow);
    EXPECT_EQ(plume::render_html_body(doc),
              "<p><a href=\"https://a.example.org/\" rel=\"nofollow\">un avis</a> et "
              "<a href=\"https://b.example.org/\">une source</a>.</p>\n");
}

}  // namespace
