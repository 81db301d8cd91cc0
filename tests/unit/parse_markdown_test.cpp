// Markdown (md4c) to Document: title, block kinds, links, images, text mapped to the source.
#include <gtest/gtest.h>

#include "parse_support.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"

namespace {

using plume::BlockKind;
using plume::Document;

const char* const kArticle =
    "# Les puces d&rsquo;IA en Europe\n"
    "\n"
    "Le marché *progresse* vite,\nselon [une étude](https://exemple.fr/etude?a=1&amp;b=2).\n"
    "\n"
    "## Les acteurs\n"
    "\n"
    "- Les fondeurs\n"
    "- Les concepteurs de **puces**\n"
    "\n"
    "> Une citation du ministre\n"
    "\n"
    "```\nint main() {}\n```\n"
    "\n"
    "![Une usine de   puces](usine.jpg)\n"
    "\n"
    "# Un second titre\n";

TEST(ParseMarkdown, FirstH1IsTheTitleLaterOnesStay) {
    const Document doc = plume::parse_markdown(kArticle);
    EXPECT_EQ(doc.format, plume::Format::Markdown);
    EXPECT_EQ(doc.title.value_or(""), "Les puces d’IA en Europe");
    ASSERT_EQ(doc.blocks.size(), 8u);
    EXPECT_EQ(doc.blocks[7].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[7].level, 1);
    EXPECT_EQ(doc.blocks[7].text, "Un second titre");
}

TEST(ParseMarkdown, SetextH1IsTheTitleToo) {
    const Document doc = plume::parse_markdown("Le vélo en ville\n================\n\nUn texte.\n\nSous-titre\n----------\n");
    EXPECT_EQ(doc.title.value_or(""), "Le vélo en ville");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[1].level, 2);
}

TEST(ParseMarkdown, NoH1NoTitle) {
    const Document doc = plume::parse_markdown("## Un sous-titre\n\nDu texte.\n");
    EXPECT_FALSE(doc.title);
    EXPECT_EQ(doc.blocks.size(), 2u);
}

TEST(ParseMarkdown, BlockKinds) {
    const Document doc = plume::parse_markdown(kArticle);
    ASSERT_EQ(doc.blocks.size(), 8u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Paragraph);
    EXPECT_EQ(doc.blocks[0].text, "Le marché progresse vite, selon une étude.") << "soft break as a space";
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[1].level, 2);
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[2].text, "Les fondeurs");
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].text, "Les concepteurs de puces");
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::Quote);
    EXPECT_EQ(doc.blocks[5].kind, BlockKind::Code);
    EXPECT_EQ(doc.blocks[5].text, "int main() {}");
    EXPECT_EQ(doc.blocks[6].kind, BlockKind::Paragraph);
}

TEST(ParseMarkdown, LooseListItemIsOneBlock) {
    const Document doc = plume::parse_markdown("- Premier point.\n\n  Sa suite.\n\n- Second point.\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[0].text, "Premier point. Sa suite.");
    EXPECT_EQ(doc.blocks[1].text, "Second point.");
}

TEST(ParseMarkdown, LinksAndImagesWithOffsets) {
    const Document doc = plume::parse_markdown(kArticle);
    const plume::Block& p = doc.blocks.at(0);
    ASSERT_EQ(p.links.size(), 1u);
    EXPECT_EQ(p.links[0].href, "https://exemple.fr/etude?a=1&b=2") << "references in the URL decoded";
    EXPECT_EQ(p.text.substr(p.links[0].begin, p.links[0].end - p.links[0].begin), "une étude");

    const plume::Block& img = doc.blocks.at(6);
    EXPECT_TRUE(img.text.empty());
    ASSERT_EQ(img.images.size(), 1u);
    EXPECT_EQ(img.images[0].src, "usine.jpg");
    EXPECT_EQ(img.images[0].alt, "Une usine de puces");
    EXPECT_EQ(img.images[0].at, 0u);
    const std::string source = kArticle;
    EXPECT_EQ(img.source_begin, source.find("Une usine")) << "an image-only block still has its extent";
    EXPECT_EQ(img.source_end, source.find(".jpg") + 4);

    const Document mid = plume::parse_markdown("Avant ![un tram](tram.png) après.\n");
    ASSERT_EQ(mid.blocks.at(0).images.size(), 1u);
    EXPECT_EQ(mid.blocks[0].text, "Avant après.");
    EXPECT_EQ(mid.blocks[0].images[0].at, std::string("Avant ").size());
}

TEST(ParseMarkdown, TextMapsToTheSource) {
    const Document doc = plume::parse_markdown(kArticle);
    plume::test::expect_mapped(doc);
    const std::string source = kArticle;
    const plume::Block& p = doc.blocks[0];
    EXPECT_EQ(p.source_offset(p.links.at(0).begin), source.find("une étude")) << "after the link's [";
    EXPECT_EQ(plume::test::mapped(doc, p, "une étude"), "une étude");
    EXPECT_EQ(plume::test::mapped(doc, p, "progresse"), "progresse");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[3], "puces"), "puces");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[5], "main()"), "main()");
    EXPECT_EQ(doc.blocks[0].source_begin, source.find("Le marché"));
    EXPECT_EQ(doc.blocks[0].source_end, source.find(").\n") + 2);
}

TEST(ParseMarkdown, EntitiesHaveNoVerbatimSpanButStayInTheBlock) {
    const Document doc = plume::parse_markdown("Un texte sur l&rsquo;été &amp; l’hiver.\n");
    const plume::Block& b = doc.blocks.at(0);
    EXPECT_EQ(b.text, "Un texte sur l’été & l’hiver.");
    EXPECT_EQ(plume::test::mapped(doc, b, "été"), "été");
    EXPECT_EQ(plume::test::mapped(doc, b, "l’hiver."), "l’hiver.");
    const std::size_t amp = b.text.find('&');
    EXPECT_NE(doc.source[b.source_offset(amp)], '&') << "no span claims the decoded &";
    plume::test::expect_mapped(doc);
}

TEST(ParseMarkdown, RenderedBodyKeepsLinksAndImagesInPlace) {
    const Document doc = plume::parse_markdown(
        "# Titre\n\nVoir [la carte](/carte) puis ![le plan](plan.png) ici.\n\n- Un [lien](https://a.fr)\n");
    EXPECT_EQ(plume::render_html_body(doc),
              "<p>Voir <a href=\"/carte\">la carte</a> puis <img src=\"plan.png\" alt=\"le plan\">ici.</p>\n"
              "<ul>\n<li>Un <a href=\"https://a.fr\">lien</a></li>\n</ul>\n");
}

}  // namespace
