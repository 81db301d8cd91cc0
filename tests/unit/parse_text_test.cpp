// Plain text to Document: title line, paragraphs, list items, subheadings, seeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parse/flattened.hpp"
#include "parse_support.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "plume/text.hpp"
#include "test_support.hpp"
#include "text/lexicon.hpp"

namespace {

using plume::BlockKind;
using plume::Document;

// 25 words, and 26 with "civile".
const std::string kTitle25 =
    "Le conseil municipal de Lyon vote enfin le budget du nouveau tramway qui reliera la gare de "
    "Perrache au campus de la Doua cette année";
// 12 words, and 13 with "sud".
const std::string kHeading12 = "Un chantier de trois ans pour les habitants du quartier de Gerland";
const std::string kHeading13 = "Un chantier de trois ans pour les habitants du quartier sud de Gerland";

TEST(ParseText, TitleParagraphsListsAndSubheadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La ligne ouvre en septembre.\nElle compte quinze stations.\n\n"
        "- Un tracé de douze kilomètres\n  * Une rame toutes les cinq minutes\n•Des quais accessibles\n\n"
        "Un chantier de trois ans\n\n"
        "Les travaux ont commencé en 2022.\n");
    EXPECT_EQ(doc.format, plume::Format::Text);
    EXPECT_EQ(doc.title.value_or(""), "Le tramway arrive à Lyon");
    ASSERT_EQ(doc.blocks.size(), 6u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Paragraph);
    EXPECT_EQ(doc.blocks[0].text, "La ligne ouvre en septembre. Elle compte quinze stations.");
    for (std::size_t i : {1u, 2u, 3u}) EXPECT_EQ(doc.blocks[i].kind, BlockKind::ListItem) << i;
    EXPECT_EQ(doc.blocks[1].text, "Un tracé de douze kilomètres");
    EXPECT_EQ(doc.blocks[2].text, "Une rame toutes les cinq minutes");
    EXPECT_EQ(doc.blocks[3].text, "Des quais accessibles");
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::Heading);
    EXPECT_EQ(doc.blocks[4].level, 2);
    EXPECT_EQ(doc.blocks[5].kind, BlockKind::Paragraph);
    plume::test::expect_mapped(doc);
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[2], "Une rame"), "Une rame");
}

TEST(ParseText, TitleAtMost25Words) {
    EXPECT_EQ(plume::parse_text(kTitle25 + "\n\nLe vote a lieu lundi.\n").title.value_or(""), kTitle25);
    EXPECT_FALSE(plume::parse_text(kTitle25 + " civile\n\nLe vote a lieu lundi.\n").title);
}

// A headline has no final punctuation, but it may ask or exclaim.
TEST(ParseText, TitleHasNoFinalPunctuationButAQuestionOrExclamationMark) {
    for (const char* end : {".", "…", " :", " ;", ".»"})
        EXPECT_FALSE(plume::parse_text(std::string("Le tramway arrive") + end + "\n\nIl roule.\n").title) << end;
    for (const char* end : {" ?", " !", " ! »"})
        EXPECT_EQ(plume::parse_text(std::string("Le tramway arrive") + end + "\n\nIl roule.\n").title.value_or(""),
                  std::string("Le tramway arrive") + end);
    const Document quoted = plume::parse_text("Le maire : « Le tramway arrive »\n\nIl roule.\n");
    EXPECT_EQ(quoted.title.value_or(""), "Le maire : « Le tramway arrive »");
}

TEST(ParseText, WrappedFirstParagraphIsNoTitle) {
    const Document doc = plume::parse_text(
        "La ligne de tramway ouvre en septembre et\ncompte quinze stations.\n\nElle roule.\n");
    EXPECT_FALSE(doc.title);
    EXPECT_EQ(doc.blocks.at(0).text, "La ligne de tramway ouvre en septembre et compte quinze stations.");
}

TEST(ParseText, OneLineIsBodyNotTitle) {
    const Document doc = plume::parse_text("Le tramway arrive à Lyon\n");
    EXPECT_FALSE(doc.title);
    EXPECT_EQ(doc.blocks.size(), 1u);
}

TEST(ParseText, WithoutBlankLinesEachLineIsAParagraph) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\nPremière phrase du texte.\nUn chantier de trois ans\n- un point\nDernière phrase.\n");
    EXPECT_EQ(doc.title.value_or(""), "Le tramway arrive à Lyon");
    ASSERT_EQ(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::Paragraph) << "no subheadings without blank lines";
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[3].text, "Dernière phrase.");
}

TEST(ParseText, SubheadingAtMost12WordsCapitalisedAndFollowed) {
    const auto second = [](const std::string& line) {
        const Document d = plume::parse_text("Le titre\n\nUn paragraphe.\n\n" + line + "\n\nLa suite du texte.\n");
        return d.blocks.at(1).kind;
    };
    EXPECT_EQ(second(kHeading12), BlockKind::Heading);
    EXPECT_EQ(second(kHeading13), BlockKind::Paragraph);
    EXPECT_EQ(second("un chantier de trois ans"), BlockKind::Paragraph) << "no capital";
    EXPECT_EQ(second("Un chantier de trois ans."), BlockKind::Paragraph) << "final period";
    const Document last = plume::parse_text("Le titre\n\nUn paragraphe.\n\nLaisser un commentaire\n\n");
    EXPECT_EQ(last.blocks.back().kind, BlockKind::Paragraph) << "nothing follows";
}

TEST(ParseText, MarkersNeedASpaceAndItemsContinueIndented) {
    const Document doc = plume::parse_text(
        "Le titre\n\n-5 % sur le prix.\n*Important* : lire.\n\n- Un point long\n  qui continue.\nUne phrase.\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Paragraph);
    EXPECT_EQ(doc.blocks[0].text, "-5 % sur le prix. *Important* : lire.");
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::ListItem);
    EXPECT_EQ(doc.blocks[1].text, "Un point long qui continue.");
    EXPECT_EQ(doc.blocks[2].text, "Une phrase.");
}

TEST(ParseText, RenderedBodyHasItsList) {
    const Document doc = plume::parse_text("Le titre\n\nUn texte.\n\n- un\n- deux\n");
    EXPECT_EQ(plume::render_html_body(doc), "<p>Un texte.</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n");
}

TEST(ParseInput, StandardInputAboveTheLimitIsRefused) {
    std::string big;
    const std::string line = "Le marché des puces d’IA progresse encore cette année.\n\n";
    while (big.size() <= plume::kMaxInputBytes) big += line;
    const auto r = plume::test::run_cli("analyze -", big);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("-: file too large"), std::string::npos) << r.err;
    big.resize(big.rfind('\n', plume::kMaxInputBytes / 2) + 1);
    EXPECT_NO_THROW(plume::parse_document(big, plume::Format::Text)) << "half the limit is analysed";
}

// Kinds and texts of the blocks, `H:` before a heading's, `L:` before a list item's.
std::vector<std::string> shape(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& b : doc.blocks)
        out.push_back((b.kind == BlockKind::Heading ? "H:" : b.kind == BlockKind::ListItem ? "L:" : "") + b.text);
    return out;
}

using Shape = std::vector<std::string>;

// Text pasted flattened from a web page keeps its subheadings as `- Titre -` between sentences.
TEST(ParseText, InlineSubheadingsBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La ligne ouvre en septembre.- Un budget en hausse -Le conseil a voté. Il valide.\" - \"Des rames neuves\" - "
        "\"Elles roulent\", dit-il. – Quand ouvre-t-elle? –En 2026. - Tarifs - \n");
    EXPECT_EQ(shape(doc), (Shape{"La ligne ouvre en septembre.", "H:Un budget en hausse", "Le conseil a voté. Il valide.\"",
                                 "H:\"Des rames neuves\"", "\"Elles roulent\", dit-il.", "H:Quand ouvre-t-elle?",
                                 "En 2026. Tarifs"}));
    for (const auto& b : doc.blocks) {
        if (b.kind == BlockKind::Heading) {
            EXPECT_EQ(b.level, 2);
        }
    }
    plume::test::expect_mapped(doc);
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[1], "Un budget"), "Un budget");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[2], "Le conseil"), "Le conseil");
}

// A short line over a paragraph pasted as one line, without the blank line between them,
// is a line of its own; a hard-wrapped paragraph's lines run about as long as each other,
// and a wrap before a name goes on being one paragraph, as does a caption under its label.
TEST(ParseText, AShortLineOverALongOneIsALineOfItsOwn) {
    const Document doc = plume::parse_text(
        "Le budget de Brest adopté\n\nLe conseil a voté lundi soir.\n\nRésultats : Ligue 1 - 28e journée\n"
        "L'opposition a voté contre le budget, dénonçant une hausse des impôts locaux que la majorité conteste "
        "depuis l'automne.\n\n"
        "Le maire a défendu mardi la rénovation du pont de\nRecouvrance, fermée depuis mars.\n\nPhoto © Jean Dupont\n"
        "Le pont de Recouvrance, à Brest, le 3 mars, au premier jour de sa fermeture aux voitures.\n\nLa suite.\n");
    EXPECT_EQ(shape(doc), (Shape{"Le conseil a voté lundi soir.", "H:Résultats : Ligue 1 - 28e journée",
                                 "L'opposition a voté contre le budget, dénonçant une hausse des impôts locaux que la "
                                 "majorité conteste depuis l'automne.",
                                 "Le maire a défendu mardi la rénovation du pont de Recouvrance, fermée depuis mars.",
                                 "Photo © Jean Dupont Le pont de Recouvrance, à Brest, le 3 mars, au premier jour de sa "
                                 "fermeture aux voitures.",
                                 "La suite."}));
}

TEST(ParseText, SubheadingLineOfItsOwn) {
    const Document doc = plume::parse_text("La ligne ouvre.\n\n– Un budget en hausse –\n\nLe conseil vote.\n");
    EXPECT_EQ(shape(doc), (Shape{"La ligne ouvre.", "H:Un budget en hausse", "Le conseil vote."}));
}

// Text the reader keeps as one paragraph: no subheading in it.
void expect_one_paragraph(const char* text) {
    const Document doc = plume::parse_text(text);
    ASSERT_EQ(doc.blocks.size(), 1u) << text;
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::Paragraph) << text;
}

// Dashes inside sentences; names set in camel case, acronyms, initials, hashtags and handles,
// which are no glued subheading either.
TEST(ParseText, DashesAndNamesThatAreNoSubheadings) {
    for (const char* text : {"La ville – déjà touchée – a voté. Elle attend.\n",
                             "Le cours a perdu 3 %. -5 % sur un an -Le marché recule.\n",
                             "Il a dit : – Tu viens ? – Oui, dit-elle.\n",
                             "Il part. - et non ici - Personne ne sait.\n",
                             "Le Royaume-Uni vote. Les Franco-Allemands -Berlin en tête- suivent.\n",
                             "Le nouvel iPhone arrive en France. Apple le vend cher.\n",
                             "Le cabinet McKinsey a conseillé l'État. Le Sénat enquête.\n",
                             "Les députés LaREM votent le texte. Le PSG gagne encore.\n",
                             "M. Macron reçoit les maires. Les élus du MoDem suivent.\n",
                             "Le restaurant McDonald's ferme. La marque AstraZeneca répond.\n",
                             "Le hashtag #JusticePourTous circule. Il est repris par @MarieDupont ce soir.\n"}) {
        expect_one_paragraph(text);
    }
    const Document list = plume::parse_text("Les trajets :\n\n- Paris - Lyon\n- Lyon - Marseille\n");
    EXPECT_EQ(shape(list), (Shape{"Les trajets :", "L:Paris - Lyon", "L:Lyon - Marseille"}));
    EXPECT_EQ(list.blocks[1].kind, BlockKind::ListItem);
}

// A subheading that lost its line breaks runs into the next sentence: it ends where a small
// letter meets a capitalised word, after a sentence end, a list marker or a dash. A longer
// run is a sentence that lost its final point: it gets a space.
TEST(ParseText, GluedSubheadingsBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La ligne ouvre en septembre.Un budget en forte hausseLe conseil a voté la dépense. Les travaux commencent "
        "lundi.• Des rames plus longuesElles roulent dès mars, selon la mairie.- Le tarif de MarsL'abonnement reste "
        "à 30 euros.12 stations de plus au nordUne ligne nouvelle pour desservir enfin les quartiers du sud et de "
        "l'est de la ville entièreDes études sont lancées.\n");
    EXPECT_EQ(shape(doc), (Shape{"La ligne ouvre en septembre.", "H:Un budget en forte hausse",
                                 "Le conseil a voté la dépense. Les travaux commencent lundi.", "H:Des rames plus longues",
                                 "Elles roulent dès mars, selon la mairie.", "H:Le tarif de Mars",
                                 "L'abonnement reste à 30 euros.", "H:12 stations de plus au nord",
                                 "Une ligne nouvelle pour desservir enfin les quartiers du sud et de l'est de la ville "
                                 "entière Des études sont lancées."}));
    plume::test::expect_mapped(doc);
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[1], "Un budget"), "Un budget");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[2], "Le conseil"), "Le conseil");
}

// A subheading ending on a name runs into a sentence opening on the same name: the name
// repeated ends it, as a function word would.
TEST(ParseText, ASubheadingGluedToItsOwnNameEndsThere) {
    const Document doc = plume::parse_text(
        "Le budget de Brest en débat\n\n"
        "Le conseil a voté la dépense.La réponse de Claire VidalClaire Vidal a défendu mardi le budget. Les élus "
        "du MoDem suivent.\n");
    EXPECT_EQ(shape(doc), (Shape{"Le conseil a voté la dépense.", "H:La réponse de Claire Vidal",
                                 "Claire Vidal a défendu mardi le budget. Les élus du MoDem suivent."}));
    plume::test::expect_mapped(doc);
}

// A bullet between two sentences, or after a colon, opens a subheading the flattened page
// left spaced before the next sentence: up to its question mark, or to the capitalised
// function word opening that sentence. A bullet before a whole sentence is no heading.
TEST(ParseText, BulletSubheadingsBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "Le point sur le chantier :• Que va-t-il changer ?Le trajet durera vingt minutes. • Des rames plus "
        "longues pour les heures de pointe Les voitures passent de quatre à six.• Les travaux commencent lundi "
        "dans le quartier. La mairie prévient les riverains.\n");
    EXPECT_EQ(shape(doc), (Shape{"Le point sur le chantier :", "H:Que va-t-il changer ?", "Le trajet durera vingt minutes.",
                                 "H:Des rames plus longues pour les heures de pointe",
                                 "Les voitures passent de quatre à six.• Les travaux commencent lundi dans le quartier. La "
                                 "mairie prévient les riverains."}));
    plume::test::expect_mapped(doc);
}

// Arrows and squares mark list items in a flattened page: each item runs to the next marker,
// the last to its sentence end or to the sentence glued to it; « • » may open a subheading.
TEST(ParseText, ArrowMarkedItemsBecomeListItems) {
    const Document doc = plume::parse_text(
        "Le budget de la ville pour 2025\n\n"
        "Le conseil a voté le budget. Il prévoit trois mesures :► Baisse de la taxe foncière► Deux écoles "
        "rénovées. Les travaux dureront un an.► Une piscine ouverte le dimanche en été Le vote a eu lieu "
        "lundi.\n\n"
        "Les dates du chantier ■ 3 mars : début des travaux. ■ 12 juin : fin du gros œuvre.La mairie "
        "tiendra une réunion publique.\n");
    EXPECT_EQ(shape(doc), (Shape{"Le conseil a voté le budget. Il prévoit trois mesures :", "L:Baisse de la taxe foncière",
                                 "L:Deux écoles rénovées. Les travaux dureront un an.",
                                 "L:Une piscine ouverte le dimanche en été", "Le vote a eu lieu lundi.",
                                 "Les dates du chantier", "L:3 mars : début des travaux.", "L:12 juin : fin du gros œuvre.",
                                 "La mairie tiendra une réunion publique."}));
    plume::test::expect_mapped(doc);
}

// A subheading glued to the sentence end before it and spaced from the sentence after it
// ends where a word in small letters meets a capitalised function word opening a sentence.
// A name (« Le Pen »), a title (« le Premier ministre ») or a numeral (« le Cinq ») inside
// a sentence opens none.
TEST(ParseText, SubheadingsGluedBeforeASpacedSentenceBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La mairie a confirmé le calendrier des travaux.Un chantier prévu pour trois ans Dans le quartier de la "
        "gare, les riverains s'inquiètent du bruit.Des rames plus longues dès 2026 L'exploitant promet des voitures "
        "neuves. Elles roulent vite.\n");
    EXPECT_EQ(shape(doc), (Shape{"La mairie a confirmé le calendrier des travaux.", "H:Un chantier prévu pour trois ans",
                                 "Dans le quartier de la gare, les riverains s'inquiètent du bruit.",
                                 "H:Des rames plus longues dès 2026", "L'exploitant promet des voitures neuves. Elles roulent vite."}));
    plume::test::expect_mapped(doc);
    expect_one_paragraph("Le scrutin a eu lieu dimanche.Les électeurs ont soutenu la liste de Marine Le Pen dans la région.\n");
    expect_one_paragraph("Le scrutin a eu lieu dimanche.Une liste soutenue par le parti Les Républicains arrive en tête.\n");
    if (!plume::text::lexicon_available()) return;  // the dictionary tells titles and numerals
    expect_one_paragraph("La séance a repris.Le choix du nouveau Premier ministre divise la majorité.\n");
    expect_one_paragraph("Les clients sont ravis.Un dîner au restaurant le Cinq reste une fête.\n");
}

// A subheading spaced from the sentence before it as well, or opening its line, is read in
// fewer words, and only when it says nothing: no verb (not even an auxiliary's) and no
// function word last.
TEST(ParseText, SubheadingsSpacedFromBothSentencesBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Le tramway arrive à Lyon\n\n"
        "La mairie a confirmé le calendrier des travaux. Des nuisances sonores limitées Si les riverains "
        "s'inquiètent du bruit, l'exploitant promet des rames silencieuses.\n\n"
        "Un calendrier serré Il faudra trois ans de travaux avant la mise en service.\n");
    EXPECT_EQ(shape(doc), (Shape{"La mairie a confirmé le calendrier des travaux.", "H:Des nuisances sonores limitées",
                                 "Si les riverains s'inquiètent du bruit, l'exploitant promet des rames silencieuses.",
                                 "H:Un calendrier serré", "Il faudra trois ans de travaux avant la mise en service."}));
    plume::test::expect_mapped(doc);
    expect_one_paragraph("Le club a changé de président. Le maire a refusé de recevoir M'jid Benali, le nouveau venu.\n");
    expect_one_paragraph("Le maire a parlé. De sa rencontre fortuite avec M'jid Benali il garde un souvenir.\n");
}

// Subheadings a flattened page glued to what follows them in three more ways: one opening on
// a figure glued to a sentence end, one glued to « A » opening a sentence on a place (its
// accent lost), one in capitals before a quotation.
TEST(ParseText, SubheadingsBeforeAFigureAPlaceOrAQuotationBecomeHeadings) {
    const Document doc = plume::parse_text(
        "Canicule : la vigilance levée\n\n"
        "Des orages sont attendus dans la journée.31 départements toujours en alerte Dans le détail, la vallée du "
        "Rhône reste en vigilance orange. Les prévisions restent incertaines.Une alerte de moindre ampleurA Lyon, "
        "la ville ouvre des salles rafraîchies. Les parcs restent ouverts. MESURES EXCEPTIONNELLES \"Nous restons "
        "mobilisés\", a déclaré le préfet.\n");
    EXPECT_EQ(shape(doc), (Shape{"Des orages sont attendus dans la journée.", "H:31 départements toujours en alerte",
                                 "Dans le détail, la vallée du Rhône reste en vigilance orange. Les prévisions restent incertaines.",
                                 "H:Une alerte de moindre ampleur", "A Lyon, la ville ouvre des salles rafraîchies. Les parcs restent ouverts.",
                                 "H:MESURES EXCEPTIONNELLES", "\"Nous restons mobilisés\", a déclaré le préfet."}));
    plume::test::expect_mapped(doc);
    for (const char* text : {"Le score atteint 31 points Dans la soirée, la foule a fêté la victoire.\n",
                             "Il a répondu NON MERCI \"à toutes les propositions\" de la mairie.\n"})
        expect_one_paragraph(text);
}

// Pages that set their subheadings in capitals lose them into the text when flattened:
// spaced before the next sentence, or glued to it. A lone word in capitals, an acronym
// before a name and a roman numeral's ordinal are text.
TEST(ParseText, SubheadingsInCapitalsBecomeHeadings) {
    const Document doc = plume::parse_text(
        "La grève reprend lundi. LA MINISTRE PERSISTE ET SIGNE Un peu plus tôt, la ministre a défendu la loi."
        "EN BAISSE DANS LES SONDAGESMarie Durand reste discrète. - Dans les gares de la RATPLes salariés votent. "
        "10.000 PLACES DE CRÈCHE Sur la question des crèches, rien ne bouge. Il dit : \"On attend.\"UNE RENTRÉE "
        "SANS SURPRISEDepuis lundi, les écoles ont rouvert. Lutter contre le sectarisme chez LRL'ancien ministre "
        "a rappelé ses votes.\n");
    EXPECT_EQ(shape(doc), (Shape{"La grève reprend lundi.", "H:LA MINISTRE PERSISTE ET SIGNE",
                                 "Un peu plus tôt, la ministre a défendu la loi.", "H:EN BAISSE DANS LES SONDAGES",
                                 "Marie Durand reste discrète.", "H:Dans les gares de la RATP", "Les salariés votent.",
                                 "H:10.000 PLACES DE CRÈCHE",
                                 "Sur la question des crèches, rien ne bouge. Il dit : \"On attend.\"",
                                 "H:UNE RENTRÉE SANS SURPRISE", "Depuis lundi, les écoles ont rouvert.",
                                 "H:Lutter contre le sectarisme chez LR", "L'ancien ministre a rappelé ses votes."}));
    plume::test::expect_mapped(doc);
    // A line opening on a dash, then the page's text: a list item up to the subheading.
    const Document dashed = plume::parse_text(
        "- La séance reprend à 15 heures. Les élus dénoncent « un passage en force ».12 DÉPUTÉS FRONDEURS Le texte "
        "recueille leurs signatures.\n");
    EXPECT_EQ(shape(dashed), (Shape{"L:La séance reprend à 15 heures. Les élus dénoncent « un passage en force ».",
                                    "H:12 DÉPUTÉS FRONDEURS", "Le texte recueille leurs signatures."}));
    for (const char* text : {"Le XVIIe arrondissement est calme. Les élus du XIXe aussi.\n",
                             "VIDÉO - Jean Dupont répond aux questions. Il sourit.\n",
                             "La grève continue. SNCF Réseau annonce un trafic normal.\n",
                             "Il se défend. \"C'EST L'AFFAIRE D'UNE GÉNÉRATION\" \"La menace est maximale.\"\n",
                             "Le syndicat SE UNSA Val-de-Marne proteste. Il appelle à la grève.\n"}) {
        expect_one_paragraph(text);
    }
}

// A subheading glued by a quotation mark: a pull quote between two sentences, a heading
// quoting someone, a heading before a quotation. A quotation that runs on in its sentence is
// spaced, or followed by a comma or a point, and stays text.
TEST(ParseText, SubheadingsGluedByQuotationMarksBecomeHeadings) {
    const Document doc = plume::parse_text(
        "La maire a ouvert la séance à midi.\"Pas de hausse d'impôts\"Le budget est voté sans débat. Les élus "
        "applaudissent.Un budget \"sans surprise\"Les comptes sont équilibrés.Une opposition divisée\"Nous "
        "voterons contre\", dit un élu.\n");
    EXPECT_EQ(shape(doc), (Shape{"La maire a ouvert la séance à midi.", "H:\"Pas de hausse d'impôts\"",
                                 "Le budget est voté sans débat. Les élus applaudissent.", "H:Un budget \"sans surprise\"",
                                 "Les comptes sont équilibrés.", "H:Une opposition divisée",
                                 "\"Nous voterons contre\", dit un élu."}));
    plume::test::expect_mapped(doc);
    // Before a quotation glued to it, or a quoted exclamation the splitter ended.
    const Document more = plume::parse_text(
        "Le maire a parlé.\"Les caisses sont vides !\"\"Nous devons économiser\", dit-il. Le coût est de 4 millions "
        "d'euros par an.• Une dette à \"contenir\"\"Nous réduisons\", dit l'adjoint.\n");
    EXPECT_EQ(shape(more), (Shape{"Le maire a parlé.", "H:\"Les caisses sont vides !\"", "\"Nous devons économiser\", dit-il. "
                                  "Le coût est de 4 millions d'euros par an.", "H:Une dette à \"contenir\"",
                                  "\"Nous réduisons\", dit l'adjoint."}));
    plume::test::expect_mapped(more);
    // At the very start of the text (the check reads nothing before it).
    EXPECT_EQ(shape(plume::parse_text("Un tollé au conseil\"Nous voterons contre\", dit un élu.\n")),
              (Shape{"H:Un tollé au conseil", "\"Nous voterons contre\", dit un élu."}));
    for (const char* text : {"Il a parlé d'une \"victoire\" Le lendemain, il part.\n",
                             "Elle a dit : \"Nous partons.\"Le maire reste.\n",
                             "Les députés (PS)Les élus (LR) votent ensemble ce soir.\n",
                             "Il cite \"Le Monde\", puis \"Libération\". Tout le monde lit.\n"}) {
        expect_one_paragraph(text);
    }
}

// An embedded video's teaser (its title, then « par » and the medium glued) is a subheading
// and a credit of its own, for the cleaning to remove; a date between them is left out; a
// « par » of prose is text.
TEST(ParseText, VideoTeaserIsASubheadingAndACredit) {
    const Shape read = shape(plume::parse_text(
        "Le trafic reprend mardi. Grève : quels trains roulent ce mardi ?par BFMTVLa SNCF annonce un trafic "
        "normal, selon un communiqué publié par la direction. Les syndicats sont-ils entendus ? - 21/02par France 3 "
        "LyonLe dialogue reprend jeudi.\n"));
    const Shape expected = {"Le trafic reprend mardi.", "H:Grève : quels trains roulent ce mardi ?", "par BFMTV",
                            "La SNCF annonce un trafic normal, selon un communiqué publié par la direction.",
                            "H:Les syndicats sont-ils entendus ?", "par France 3 Lyon", "Le dialogue reprend jeudi."};
    ASSERT_EQ(read, expected);
    EXPECT_TRUE(plume::parse::is_video_credit(read[2]));
    EXPECT_TRUE(plume::parse::is_video_credit(read[5]));
    EXPECT_FALSE(plume::parse::is_video_credit(read[3]));
    EXPECT_FALSE(plume::parse::is_video_credit("par le Sénat, la loi est votée."));
    // A quotation glued to the credit opens the text after it.
    EXPECT_EQ(shape(plume::parse_text("Le trafic reprend. Grève : quels trains roulent ?par franceinfo\"Nous "
                                      "attendons des annonces\", dit un usager.\n")),
              (Shape{"Le trafic reprend.", "H:Grève : quels trains roulent ?", "par franceinfo",
                     "\"Nous attendons des annonces\", dit un usager."}));
    // A channel's « + » before the « par », a show's name ending on its exclamation mark.
    const Shape show = shape(plume::parse_text("Le trafic reprend. Les grévistes tiennent bon - CANAL+par Bonsoir!La SNCF annonce "
                                               "un trafic normal.\n"));
    ASSERT_EQ(show.size(), 4u);
    EXPECT_EQ(show[2], "par Bonsoir!");
    EXPECT_TRUE(plume::parse::is_video_credit(show[2]));
    EXPECT_EQ(show[3], "La SNCF annonce un trafic normal.");
    const Document prose = plume::parse_text("L'évasion s'est faite \"par hélicoptère\", selon la police.Le juge enquête.\n");
    EXPECT_EQ(shape(prose), (Shape{"L'évasion s'est faite \"par hélicoptère\", selon la police. Le juge enquête."}));
}

// Glued sentences get back their space; it is no source byte, so no span covers it.
TEST(ParseText, GluedSentencesGetTheirSpace) {
    const Document doc =
        plume::parse_text("Le port est fermé.L’Iran proteste.\"Nous partons\", dit-il.J.-P. Dupont sourit.Fin.\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "Le port est fermé. L’Iran proteste. \"Nous partons\", dit-il. J.-P. Dupont sourit. Fin.");
    EXPECT_EQ(plume::text::split_sentences(doc.blocks[0].text).size(), 5u);
    plume::test::expect_mapped(doc);
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[0], "L’Iran"), "L’Iran");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[0], "\"Nous"), "\"Nous");
    EXPECT_EQ(plume::test::mapped(doc, doc.blocks[0], "Fin."), "Fin.");
}

// A soft hyphen, where a page may break a word, is invisible: it leaves the text, and the
// words around it map back to the source.
TEST(ParseText, SoftHyphensLeaveTheText) {
    const Document doc = plume::parse_text("L\u2019enqu\u00ad\u00eate ne sera pas celle\u00ad-l\u00e0, a-t-elle dit.\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "L\u2019enqu\u00eate ne sera pas celle-l\u00e0, a-t-elle dit.");
    plume::test::expect_mapped(doc);
}

TEST(ParseText, Seeds) {
    if (!plume::test::seeds_present()) GTEST_SKIP() << "../shared/seeds absent";
    for (const auto& e : std::filesystem::directory_iterator(PLUME_SEEDS)) {
        const std::string name = e.path().filename().string();
        const Document doc = plume::read_document(e.path().string(), plume::Format::Text);
        EXPECT_FALSE(doc.blocks.empty()) << name;
        plume::test::expect_mapped(doc);
        const std::string source = plume::test::slurp(e.path().string());
        if (name.starts_with("000")) {
            EXPECT_EQ(doc.title.value_or(""), source.substr(0, source.find('\n'))) << "000 opens with its title";
        }
        if (name.starts_with("001")) {
            std::size_t items = 0;
            for (const auto& b : doc.blocks) {
                items += b.kind == BlockKind::ListItem;
                if (b.kind == BlockKind::ListItem) {
                    EXPECT_FALSE(b.text.starts_with("•")) << b.text;
                }
            }
            EXPECT_EQ(items, 3u) << "001's three • bullets";
        }
    }
}

}  // namespace
