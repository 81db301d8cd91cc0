// Fuse, plan and compose: the phases of `plume write` between the cleaning and the check.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "analyze/keyphrase.hpp"
#include "analyze/readability/readability.hpp"
#include "analyze/title_width.hpp"
#include "compose/compose.hpp"
#include "fuse/fuse.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"
#include "text/lexicon.hpp"
#include "write/text_case.hpp"

namespace plume::write {
namespace {

Block paragraph(std::string text) {
    Block b;
    b.text = std::move(text);
    return b;
}

CleanSource source(std::string name, std::string title, std::vector<std::string> paragraphs) {
    CleanSource s;
    s.info.name = std::move(name);
    s.info.title = std::move(title);
    for (std::string& p : paragraphs) {
        s.info.words += text::count_words(p);
        s.blocks.push_back(paragraph(std::move(p)));
    }
    return s;
}

// Each sentence comes back in these parts.
void expect_split(const std::vector<std::pair<std::string, std::vector<std::string>>>& cases) {
    for (const auto& [sentence, parts] : cases) EXPECT_EQ(split_long_sentence(sentence), parts) << sentence;
}

// Each sentence, long enough to be split if it could (over 20 words), comes back whole.
void expect_kept_whole(std::initializer_list<std::string> sentences) {
    for (const std::string& kept : sentences) {
        EXPECT_GT(plume::text::count_words(kept), 20u) << kept;
        EXPECT_EQ(split_long_sentence(kept), std::vector<std::string>{kept}) << kept;
    }
}

// A source whose last section opens on its own subheading, « Une deuxième phase à
// l’étude », over these paragraphs.
CleanSource tram_with_last_section(const std::vector<std::string>& paragraphs) {
    CleanSource src = source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                             {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland, après trois ans de travaux.",
                              "Les travaux de la ligne de tramway ont duré trois ans et mobilisé quatre cents ouvriers. "
                              "Les commerçants de Gerland ont obtenu des indemnités pour la baisse de leur chiffre d’affaires. "
                              "Plusieurs arbres centenaires de l’avenue Jean-Jaurès ont été replantés dans le parc voisin. "
                              "La Métropole a financé l’essentiel du projet, l’État apportant une subvention de vingt millions. "
                              "Les rames, construites à La Rochelle, ont été livrées par convoi exceptionnel au printemps."});
    Block heading;
    heading.kind = BlockKind::Heading;
    heading.text = "Une deuxième phase à l’étude";
    src.blocks.push_back(heading);
    for (const std::string& p : paragraphs) src.blocks.push_back(paragraph(p));
    return src;
}

// Two short reports of one invented story, told in different words.
std::vector<CleanSource> tram_story() {
    return {
        source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
               {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland. Elle compte 12 stations sur 7,5 kilomètres.",
                "La ligne de tramway a coûté 210 millions d’euros, financés par la Métropole de Lyon. Les travaux ont duré trois ans.",
                "Selon Hélène Brunet, la ligne de tramway doit transporter 30 000 voyageurs par jour dès la première année."}),
        source("b.txt", "Tramway T9 : mise en service le 4 mai",
               {"La nouvelle ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland, avec 12 stations.",
                "Le chantier de la ligne de tramway a mobilisé 400 ouvriers pendant trois ans. Les rames sont construites à La Rochelle."}),
    };
}

// The tram story with more paragraphs at the end of a.txt and of b.txt.
std::vector<CleanSource> tram_story_with(const std::vector<std::string>& more_a, const std::vector<std::string>& more_b) {
    std::vector<CleanSource> sources = tram_story();
    for (const std::string& p : more_a) sources[0].blocks.push_back(paragraph(p));
    for (const std::string& p : more_b) sources[1].blocks.push_back(paragraph(p));
    return sources;
}

// The heading HeadingWriter gives one section holding every sentence of one source.
std::string section_heading(const std::string& title, const std::vector<std::string>& paragraphs, const std::string& keyphrase) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", title, paragraphs)}, removals);
    std::vector<int> all(story.sentences.size());
    std::iota(all.begin(), all.end(), 0);
    return HeadingWriter(story, keyphrase, {})(all, TakenHeadings{}, false);
}

// The story follows its base (a.txt: as many shared facts as b.txt, and longer): a fact
// both tell keeps the base's wording, which its next sentence leans on ("Elle compte...").
TEST(WriteFuse, MergesNearDuplicatesAcrossSourcesKeepingTheBaseWording) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    // "ouvre le samedi 4 mai entre Vaise et Gerland" is told twice; b.txt adds the 12 stations.
    const auto opening = std::count_if(story.sentences.begin(), story.sentences.end(), [](const StorySentence& s) {
        return s.text.find("samedi 4 mai") != std::string::npos;
    });
    EXPECT_EQ(opening, 1);
    EXPECT_EQ(story.base, 0);
    ASSERT_EQ(story.variants.size(), 1u);
    EXPECT_EQ(story.variants[0].source, 1);
    ASSERT_EQ(removals.size(), 1u);
    EXPECT_EQ(removals[0].reason, RemovalReason::Duplicate);
    EXPECT_EQ(removals[0].source, 1);
    const auto kept = std::find_if(story.sentences.begin(), story.sentences.end(),
                                   [](const StorySentence& s) { return s.text.find("samedi 4 mai") != std::string::npos; });
    EXPECT_EQ(kept->source, 0);
    EXPECT_EQ(kept->support, 2);
}

// One long sentence of a source tells what two sentences of the other tell: the cluster of
// the three keeps one wording of each fact, never one of the three for both.
TEST(WriteFuse, TwoSentencesOneLongSentenceTellsKeepTheirTwoFacts) {
    const std::string verdict =
        "« Ce tracé est une erreur historique », a dénoncé Marie Vernet, la présidente de l’association des riverains";
    const std::vector<std::string> common = {
        "La Métropole de Lyon a présenté lundi le tracé définitif de la ligne de tramway T10 entre Gerland et Vénissieux.",
        "Les travaux doivent commencer au printemps et durer trois ans, pour un coût de 250 millions d’euros."};
    std::vector<std::string> a = common, b = common;
    a.push_back(verdict + ", dans un communiqué publié lundi soir. Cette ancienne architecte, installée depuis vingt ans à "
                          "Gerland, a une nouvelle fois réclamé un tracé par les quais du Rhône.");
    b.push_back(verdict + ", qui est installée depuis vingt ans à Gerland et qui a une nouvelle fois réclamé un tracé par "
                          "les quais du Rhône.");
    for (const bool a_first : {true, false}) {
        std::vector<Removal> removals;
        const Story story = fuse({source(a_first ? "a.txt" : "b.txt", "Lyon : le tracé du tramway T10 dévoilé", a_first ? a : b),
                                  source(a_first ? "b.txt" : "a.txt", "Le tracé du T10 contesté à Gerland", a_first ? b : a)},
                                 removals);
        const auto telling = [&](const char* words) {
            return std::count_if(story.sentences.begin(), story.sentences.end(),
                                 [&](const StorySentence& s) { return s.text.find(words) != std::string::npos; });
        };
        EXPECT_EQ(telling("erreur historique"), 1) << a_first;
        EXPECT_EQ(telling("quais du Rhône"), 1) << a_first;
    }
}

TEST(WriteFuse, KeepsDistinctFactsAndFollowsTheLongestSource) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    EXPECT_EQ(story.sentences.size(), 7u);  // 5 + 3 sentences, one told twice
    // The base (a.txt) in its order; b.txt's new facts after the end of a base paragraph
    // they share words with (the works after the opening one, which also names the line of
    // tramway), or after the base's text when they share none (La Rochelle).
    EXPECT_NE(story.sentences.front().text.find("samedi 4 mai"), std::string::npos);
    EXPECT_EQ(story.sentences[1].text, "Elle compte 12 stations sur 7,5 kilomètres.");
    const auto at = [&](std::string_view start) {
        return std::find_if(story.sentences.begin(), story.sentences.end(), [&](const StorySentence& s) { return s.text.starts_with(start); }) -
               story.sentences.begin();
    };
    EXPECT_EQ(at("Le chantier de la ligne"), at("Elle compte") + 1);
    EXPECT_EQ(at("Les rames sont construites"), static_cast<std::ptrdiff_t>(story.sentences.size()) - 1);
    const bool rochelle = std::any_of(story.sentences.begin(), story.sentences.end(),
                                      [](const StorySentence& s) { return s.text.find("La Rochelle") != std::string::npos; });
    EXPECT_TRUE(rochelle);
}

TEST(WriteFuse, SimilarityIgnoresShortSentences) {
    EXPECT_EQ(sentence_similarity(content_stems("Il a raison."), content_stems("Il a raison.")), 0);
    EXPECT_GT(sentence_similarity(content_stems("Les rames sont construites à La Rochelle par Alstom."),
                                  content_stems("Alstom construit les rames à La Rochelle.")),
              0.7);
}

// The tram story, b.txt ending under a question subheading on a sentence that leans on it.
Story tram_story_with_a_subheading() {
    std::vector<Removal> removals;
    return fuse(tram_story_with({}, {"Et le coût ?", "C’est le point le plus discuté au conseil de la Métropole de Lyon depuis trois ans."}),
                removals);
}

// A subheading the page set in capitals reads in the case its source writes the words:
// names and acronyms as the text writes them, other words in small letters.
TEST(WriteFuse, SubheadingsInCapitalsTakeTheCaseOfTheirSource) {
    std::vector<CleanSource> sources = tram_story();
    Block heading;
    heading.kind = BlockKind::Heading;
    heading.text = "HÉLÈNE BRUNET DÉFEND LE TRACÉ DU T9";
    sources[0].blocks.push_back(heading);
    sources[0].blocks.push_back(paragraph("Hélène Brunet répond aux riverains de Gerland, qui contestent le tracé."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const auto it = std::find_if(story.sentences.begin(), story.sentences.end(),
                                 [](const StorySentence& s) { return s.text.starts_with("Hélène Brunet répond"); });
    ASSERT_NE(it, story.sentences.end());
    EXPECT_EQ(it->heading, "Hélène Brunet défend le tracé du T9");
    WordForms forms;
    forms.add("Le tram arrive à Gerland. Le chantier de Gerland est fini.");
    EXPECT_EQ(heading_out_of_capitals("« LE TRAM EST À GERLAND »", forms), "« Le tram est à Gerland »");
    EXPECT_EQ(heading_out_of_capitals("Le T9 à Gerland", forms), "Le T9 à Gerland");
    EXPECT_EQ(heading_out_of_capitals("12 STATIONS À GERLAND", forms), "12 stations à Gerland");
    // A name's particle keeps the capital the text gives it before that name, and only there.
    forms.add("Selon Marine Le Pen, le maire de Lyon a menti. Marine Le Pen le répète, comme le maire.");
    EXPECT_EQ(heading_out_of_capitals("MARINE LE PEN ACCUSE LE MAIRE", forms), "Marine Le Pen accuse le maire");
}

// Of two subheadings in a row, the one whose words its section tells heads it, whichever
// comes first: a widget's line set under the source's subheading, or above it.
TEST(WriteFuse, OfSubheadingsInARowTheOneItsSectionTellsHeadsIt) {
    for (const bool widget_first : {false, true}) {
        std::vector<CleanSource> sources = tram_story();
        Block own, widget;
        own.kind = widget.kind = BlockKind::Heading;
        own.text = "Des rames pour l’été";
        widget.text = "Prévisions météo à 7 jours";
        sources[0].blocks.push_back(widget_first ? widget : own);
        sources[0].blocks.push_back(widget_first ? own : widget);
        sources[0].blocks.push_back(paragraph("Douze nouvelles rames rouleront sur la ligne dès cet été, a annoncé la Métropole de Lyon."));
        std::vector<Removal> removals;
        const Story story = fuse(std::move(sources), removals);
        const auto it = std::find_if(story.sentences.begin(), story.sentences.end(),
                                     [](const StorySentence& s) { return s.text.starts_with("Douze nouvelles rames"); });
        ASSERT_NE(it, story.sentences.end());
        EXPECT_EQ(it->heading, "Des rames pour l’été") << widget_first;
    }
}

// What leans on the sentence before: an opener from data/fr/leaning_openers.txt, or a
// subject pronoun the sentence does not name, also opening a quotation; not a quotation's
// other words, not the impersonal "il".
TEST(WriteStory, KnowsWhichSentencesLeanOnTheOneBefore) {
    for (const char* leaning : {
             "Elle compte douze stations entre Vaise et Gerland.",
             "Ce premier client devrait absorber la moitié de la production.",
             "C’est le principal point de friction du projet.",
             "Sa directrice, ancienne ingénieure, a choisi le site après une longue étude.",
             "Longue de 7,5 kilomètres, elle relie la gare au campus.",
             "« Nous avons tenu le calendrier », a-t-elle insisté lors de la visite.",
             "Le projet est solide, estime-t-il, malgré le retard du chantier.",
             "« Nous ne reculerons pas sur le calendrier, ni sur le budget ».",
             "\"Le quartier attendait cette ligne depuis vingt ans.\"",
             "« Elle transformera le quartier », promet Hélène Brunet, adjointe aux transports.",
             "Il est repassé de 80 agents sur le site à environ 200 au début du mois.",
             "Il s’agit là d’une estimation prudente, souligne la Métropole.",
             "Tous étaient des riverains de la ligne, inscrits depuis 2019.",
             "Certains se sont plaints du bruit pendant les travaux.",
             "Tous deux seraient prêts à reprendre le chantier.",
             "Plusieurs d’entre eux ont écrit au maire.",
             "Pourquoi suspectent-ils le conducteur du tramway ?",
             "Comment la Métropole a-t-elle financé le chantier, demande-t-il ?",
             "Personne ne le sait encore vraiment.",
             "Le maire l’a confirmé mardi devant le conseil municipal.",
             "La police les a relâchés dans la soirée.",
             // An ordinal or « autre » with no noun: one of a count told before.
             "La quatrième, une conductrice de 32 ans, a écopé d’une amende.",
             "Le second a été relâché dans la soirée.",
             "L’autre, blessé à la jambe, a été transporté à l’hôpital.",
             "Les deux autres sont restés en garde à vue.",
             // A demonstrative pronoun before its complement: the noun is the one before's.
             "Celle du Rhône a reculé de 3 % sur la même période.",
             "Ceux des communes voisines resteront ouverts."})
        EXPECT_TRUE(story_sentence(leaning, 0).leans) << leaning;
    for (const char* standing : {
             "La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland.",
             "« Il y a urgence pour le quartier », juge Hélène Brunet, adjointe aux transports.",
             "Il y a quinze ans, le quartier n’était desservi que par des bus.",
             "Selon la Métropole, il faut compter trois ans de travaux.",
             "Il est temps de choisir le tracé de la future ligne.",
             "Il est prévu que la ligne ouvre au printemps prochain.",
             "Il s’agit de la plus longue ligne du réseau lyonnais.",
             "À Lyon, il est tombé 80 millimètres de pluie en une nuit.",
             "Ensemble, les deux villes financent le chantier de Saint-Gilles.",
             "« Le tramway arrive », titre le journal local, « et avec lui les commerces ».",
             "Tous les billets du week-end d’ouverture sont vendus.",
             "Certains élus de l’opposition ont voté contre le budget.",
             "Certains des commerçants du quartier demandent une indemnité.",
             // A complex inversion: the pronoun repeats the subject named before its verb.
             "Pourquoi, après trois mois de travaux, les riverains contestent-ils encore le tracé ?",
             "Ainsi la Métropole a-t-elle choisi le tracé le plus court.",
             "Comment l’État compte-t-il financer la seconde ligne ?",
             "Le maire Grégory Doucet ira-t-il jusqu’au bout du projet ?",
             // An article before its noun, and a speaker's pronoun inside the quotation.
             "La ferme accueille des visiteurs tous les week-ends.",
             "Les salariés ont voté la grève lundi.",
             "« Je l’ai vu partir vers la gare », raconte une voisine.",
             // The ordinal before its noun names its thing.
             "La deuxième ligne de tramway ouvrira en 2026.",
             "Le premier ministre a visité le chantier mardi.",
             "L’autre partie du chantier reprendra en juin.",
             "Les derniers travaux s’achèvent en mai.",
             // « Ceux qui… » names its people itself.
             "Ceux qui prennent le tramway chaque jour paieront moins."})
        EXPECT_FALSE(story_sentence(standing, 0).leans) << standing;
}

// A time counted from the sentence before (« Deux jours plus tard, »), « ensuite »,
// « toutefois » or « également » in the first clause, a demonstrative among the first
// words: the sentence says again what the one before told. A time the phrase names itself
// does not.
TEST(WriteStory, KnowsWhichSentencesSayAgainWhatTheOneBeforeTold) {
    for (const char* again : {"Quelques heures plus tôt, le maire avait visité le chantier de la station Gerland.",
                              "Deux jours plus tard, la Métropole a annoncé un bus de nuit.",
                              "Trente ans auparavant, la ligne avait déjà été promise aux habitants.",
                              "48 heures après, la rame a de nouveau été arrêtée à Gerland.",
                              "La veille, les syndicats avaient appelé à la grève.",
                              "Le maire a ensuite indiqué que la ligne ouvrirait en mai.",
                              "Le maire a toutefois précisé qu’il resterait en poste jusqu’à l’inauguration.",
                              "La Métropole a également réquisitionné des camions.",
                              "Face à ces doutes, la Métropole a commandé une étude."})
        EXPECT_TRUE(says_it_again(story_sentence(again, 0))) << again;
    for (const char* standing : {"À la veille de l’ouverture du salon, le ministre a donné une interview.",
                                 "Au lendemain de la manifestation, la porte-parole a répondu au gouvernement.",
                                 "Après la réunion du conseil, le maire a annoncé la fermeture de la ligne.",
                                 "Dès ce lundi, les rames passeront toutes les six minutes.",
                                 "La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland."})
        EXPECT_FALSE(says_it_again(story_sentence(standing, 0))) << standing;
}

// « qu"il », a source's typo for « qu'il », opens no quotation: the sentence is balanced and
// the next one is not read as inside a quotation.
TEST(WriteStory, AnApostropheTypedAsAQuoteOpensNoQuotation) {
    EXPECT_TRUE(quote_balance("Il rappelle qu\"il est \"indispensable\" d’agir vite.").balanced());
    EXPECT_TRUE(quote_balance("Le préfet dit qu\"il viendra.").balanced());
    EXPECT_TRUE(quote_balance("Il a dit \"Je viendrai.").open());
}

// A sentence opening on "Elle", "Ce", "C'est"... leans on the one before it in its source,
// or on the wording that sentence was fused into; under a source's subheading, on the
// subheading, which the article does not carry.
TEST(WriteFuse, LeaningSentencesKnowWhatTheyLeanOn) {
    const Story story = tram_story_with_a_subheading();
    const auto find = [&](std::string_view start) {
        const auto it = std::find_if(story.sentences.begin(), story.sentences.end(),
                                     [&](const StorySentence& s) { return s.text.starts_with(start); });
        EXPECT_NE(it, story.sentences.end()) << start;
        return it - story.sentences.begin();
    };
    const StorySentence& elle = story.sentences[static_cast<std::size_t>(find("Elle compte"))];
    EXPECT_TRUE(elle.leans);
    EXPECT_EQ(elle.leans_on, find("La ligne de tramway T9"));  // b.txt's opening was fused into a.txt's
    const StorySentence& cest = story.sentences[static_cast<std::size_t>(find("C’est le point"))];
    EXPECT_TRUE(cest.leans);
    EXPECT_EQ(cest.leans_on, -1);
    EXPECT_FALSE(story.sentences[static_cast<std::size_t>(find("Les travaux ont duré"))].leans);
    EXPECT_FALSE(story.sentences[static_cast<std::size_t>(find("Selon Hélène Brunet"))].leans);
}

// In the article, a leaning sentence comes right after the one it leans on, or not at all;
// no section opens on one.
TEST(WritePlan, LeaningSentencesFollowWhatTheyLeanOn) {
    const Story story = tram_story_with_a_subheading();
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    std::vector<int> ids = plan.intro;
    for (const PlannedSection& s : plan.sections) {
        EXPECT_FALSE(story.sentences[static_cast<std::size_t>(s.sentences.front())].leans) << s.heading;
        ids.insert(ids.end(), s.sentences.begin(), s.sentences.end());
    }
    std::size_t leaning = 0;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(ids[k])];
        EXPECT_FALSE(s.text.starts_with("C’est le point")) << "leans on a subheading the article does not carry";
        if (!s.leans) continue;
        ++leaning;
        ASSERT_GT(k, 0u) << s.text;
        EXPECT_EQ(ids[k - 1], s.leans_on) << s.text;
    }
    EXPECT_EQ(leaning, 1u);  // "Elle compte 12 stations", after the opening it leans on
    const bool listed = std::any_of(plan.left_out.begin(), plan.left_out.end(),
                                    [](const Removal& r) { return r.text.starts_with("C’est le point"); });
    EXPECT_TRUE(listed);
}

// A source speaking of itself ("Voici l'essentiel...", "On fait le point...") announces
// what another article does not hold: such sentences stay out of the plan.
TEST(WritePlan, LeavesOutSentencesWhereASourceSpeaksOfItself) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].blocks.insert(sources[0].blocks.begin(),
                             paragraph("Voici l’essentiel à retenir sur cette ligne de tramway qui doit desservir Gerland."));
    sources[1].blocks.push_back(paragraph("On fait le point sur les travaux de la ligne de tramway, qui ont duré trois ans."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    std::vector<int> all = plan.intro;
    for (const PlannedSection& s : plan.sections) all.insert(all.end(), s.sentences.begin(), s.sentences.end());
    ASSERT_FALSE(all.empty());
    for (int i : all) {
        EXPECT_FALSE(story.sentences[static_cast<std::size_t>(i)].text.starts_with("Voici")) << i;
        EXPECT_FALSE(story.sentences[static_cast<std::size_t>(i)].text.starts_with("On fait le point")) << i;
    }
}

// All the planned sentences' texts, in article order.
std::vector<std::string> planned_texts(const Story& story, const Plan& plan) {
    std::vector<int> ids = plan.intro;
    for (const PlannedSection& s : plan.sections) ids.insert(ids.end(), s.sentences.begin(), s.sentences.end());
    std::vector<std::string> out;
    for (int i : ids) out.push_back(story.sentences[static_cast<std::size_t>(i)].text);
    return out;
}

// A second report whose sentence only retells, in other words, what the first one's
// sentences already said (each holding a part of it, none enough to be its duplicate).
std::vector<CleanSource> retold_tram(const std::string& retelling) {
    return {source("a.txt", "Lyon : la ligne de tramway T9 est inaugurée",
                   {"La Métropole de Lyon a inauguré samedi la ligne de tramway T9, qui relie Vaise à Gerland en desservant 12 stations.",
                    "Le chantier, financé par la Métropole pour 210 millions d’euros, a mobilisé 400 ouvriers pendant trois ans.",
                    "Selon Hélène Brunet, vice-présidente chargée des transports, la ligne doit transporter 30 000 voyageurs par jour."}),
            source("b.txt", "Tramway T9 : c’est parti", {retelling + " Les rames sont construites à La Rochelle."})};
}

// Sources' leads restate the story: a sentence of another source whose words the story
// has all told, bringing no new name, figure or quotation, is left out as already told;
// the same sentence naming a new company stays.
TEST(WriteFuse, LeavesOutAnAdditionTheStoryHasAlreadyTold) {
    const std::string retold = "La ligne de tramway de Vaise à Gerland a mobilisé les ouvriers du chantier pendant trois ans.";
    std::vector<Removal> removals;
    const Story story = fuse(retold_tram(retold), removals);
    const auto told = [](const Story& st, std::string_view start) {
        return std::any_of(st.sentences.begin(), st.sentences.end(), [&](const StorySentence& s) { return s.text.starts_with(start); });
    };
    EXPECT_FALSE(told(story, "La ligne de tramway de Vaise"));
    EXPECT_TRUE(told(story, "Les rames sont construites"));
    ASSERT_EQ(removals.size(), 1u);
    EXPECT_EQ(removals[0].reason, RemovalReason::Duplicate);
    EXPECT_EQ(removals[0].kind, "already told");
    EXPECT_EQ(removals[0].text, retold);

    std::vector<Removal> none;
    const Story named = fuse(retold_tram("La ligne de tramway de Vaise à Gerland a mobilisé les ouvriers "
                                         "d’Alstom pendant trois ans."),
                             none);
    EXPECT_TRUE(told(named, "La ligne de tramway de Vaise"));
    EXPECT_TRUE(none.empty());
}

// One source telling a fact twice on purpose (the lead restating the body with more
// detail) keeps both, in its order; a sentence the page repeats goes, and nothing moves.
TEST(WriteFuse, OneSourceIsNotItsOwnDuplicateUnlessItRepeatsItself) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Tramway T9 : ouverture le 4 mai",
                                     {"La ligne de tramway T9 ouvre samedi entre Vaise et Gerland.",
                                      "Après trois ans de travaux, la ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland, "
                                      "avec 12 stations sur 7,5 kilomètres.",
                                      "Les rames sont construites à La Rochelle par Alstom depuis 2022.",
                                      "Le chantier a mobilisé 400 ouvriers.",
                                      "Les rames sont construites à La Rochelle par Alstom depuis 2022, selon la Métropole."})},
                             removals);
    ASSERT_EQ(removals.size(), 1u);
    EXPECT_EQ(removals[0].reason, RemovalReason::Duplicate);
    ASSERT_EQ(story.sentences.size(), 4u);
    EXPECT_TRUE(story.sentences[0].text.starts_with("La ligne de tramway T9 ouvre samedi"));
    EXPECT_TRUE(story.sentences[1].text.starts_with("Après trois ans"));
    EXPECT_TRUE(story.sentences[2].text.starts_with("Le chantier"));
    EXPECT_TRUE(story.sentences[3].text.ends_with("selon la Métropole."));
}

// A sentence too short to be compared by its words, which both sources write the same
// (« Mais d’où vient-il ? »), is told once.
TEST(WriteFuse, AShortSentenceBothSourcesWriteIsToldOnce) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story_with({"Le débat reste vif."}, {"Le débat reste vif."}), removals);
    EXPECT_EQ(std::count_if(story.sentences.begin(), story.sentences.end(),
                            [](const StorySentence& s) { return s.text == "Le débat reste vif."; }),
              1);
    EXPECT_EQ(std::count_if(removals.begin(), removals.end(), [](const Removal& r) { return r.text == "Le débat reste vif."; }), 1);
}

// Two sources rewording one fact around a phrase both copy (« selon le collectif Vélo
// Rhône, … ») fuse below 60% of shared words; one bringing a name or a figure the other
// lacks, with the same phrase, is another fact and stays.
TEST(WriteFuse, MergesAFactTwoSourcesRewordAroundOneCopiedPhrase) {
    const auto fused = [](const std::string& added) {
        std::vector<Removal> removals;
        Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                   {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, après trois ans de travaux.",
                                    "Selon le collectif Vélo Rhône, la piste cyclable qui longe les rails a été dessinée avec "
                                    "les riverains du quartier pendant deux hivers de concertation."}),
                            source("b.txt", "Tramway T9 : ouverture ce week-end",
                                   {"La nouvelle ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland.", added})},
                           removals);
        return std::pair{std::move(story), std::move(removals)};
    };
    const auto [story, removals] =
        fused("Selon le collectif Vélo Rhône, très actif dans l’agglomération lyonnaise depuis sa création, la piste cyclable "
              "longe les rails jusqu’au centre.");
    EXPECT_EQ(std::count_if(story.sentences.begin(), story.sentences.end(),
                            [](const StorySentence& s) { return s.text.starts_with("Selon le collectif"); }),
              1);
    EXPECT_TRUE(std::any_of(removals.begin(), removals.end(), [](const Removal& r) { return r.text.find("très actif") != std::string::npos; }));

    const auto [other, kept] =
        fused("Selon le collectif Vélo Rhône, très actif dans l’agglomération de Villeurbanne depuis 2015, la piste cyclable "
              "longe les rails jusqu’au centre.");
    EXPECT_EQ(std::count_if(other.sentences.begin(), other.sentences.end(),
                            [](const StorySentence& s) { return s.text.starts_with("Selon le collectif"); }),
              2);
}

// Another source's quotation naming no speaker follows the sentence its source names the
// speaker in, or that sentence's fused wording, not the base paragraph it shares most words
// with, where another person speaks.
TEST(WriteFuse, AnAddedQuotationWithoutItsSpeakerFollowsTheSentenceNamingThem) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, a annoncé le maire Paul Girard.",
                                      "Les riverains du quartier de Gerland attendaient une ligne de tramway depuis vingt ans, "
                                      "explique Hélène Brunet, présidente de l’association des riverains."}),
                              source("b.txt", "Tramway T9 : ouverture ce week-end",
                                     {"La nouvelle ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, a annoncé le maire "
                                      "Paul Girard. « Le quartier de Gerland a trop attendu sa ligne de tramway, nous tenons "
                                      "notre promesse »."})},
                             removals);
    std::vector<std::string> texts;
    for (const StorySentence& s : story.sentences) texts.push_back(s.text);
    ASSERT_EQ(texts.size(), 3u);
    EXPECT_TRUE(texts[1].starts_with("« Le quartier de Gerland")) << texts[1];
}

// The index of the story's sentence opening on `opening`, -1 when none does.
int index_of_opening(const Story& story, std::string_view opening) {
    for (std::size_t i = 0; i < story.sentences.size(); ++i)
        if (story.sentences[i].text.starts_with(opening)) return static_cast<int>(i);
    return -1;
}

// A quotation the page's break cut in two paragraphs is one: an addition related to the
// first goes after the second, where the quotation ends, not between its sentences.
TEST(WriteFuse, AnAdditionNeverGoesInsideAQuotationRunningOnIntoTheNextParagraph) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, a annoncé le maire Paul Girard.",
                                      "Le maire a défendu le projet devant le conseil : « Le quartier de Gerland attendait sa ligne "
                                      "depuis vingt ans. Nous avons tenu le calendrier et le budget du chantier.",
                                      "Les riverains pourront enfin rejoindre le centre en quinze minutes. »",
                                      "Les premières rames circuleront dès samedi matin à six heures."}),
                              source("b.txt", "Tramway T9 : ouverture ce week-end",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland. L’opposition municipale "
                                      "conteste le budget du chantier et le calendrier retenu par le maire."})},
                             removals);
    const auto index = [&](std::string_view opening) { return index_of_opening(story, opening); };
    ASSERT_GE(index("L’opposition"), 0);
    ASSERT_GE(index("Les riverains"), 0);
    EXPECT_GT(index("L’opposition"), index("Les riverains"));
    EXPECT_LT(index("L’opposition"), index("Les premières rames"));
}

// A quotation's next paragraph, when the sentence that opened it was fused into the base's
// wording, follows that wording: the speaker's words stay together.
TEST(WriteFuse, AnAddedSentenceOfAQuotationFollowsItsFusedOpening) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, a annoncé la Métropole de Lyon.",
                                      "Le maire Paul Girard a déclaré : « Nous avons tenu le calendrier et le budget du chantier. »",
                                      "Les premières rames circuleront dès samedi matin à six heures, selon les TCL."}),
                              source("b.txt", "Tramway T9 : ouverture ce week-end",
                                     {"Le maire Paul Girard a déclaré : « Nous avons tenu le calendrier et le budget du chantier.",
                                      "Les riverains gagneront vingt minutes chaque jour pour rejoindre la Part-Dieu. »"})},
                             removals);
    const auto index = [&](std::string_view opening) { return index_of_opening(story, opening); };
    ASSERT_GE(index("Le maire Paul Girard"), 0);
    EXPECT_EQ(index("Les riverains gagneront"), index("Le maire Paul Girard") + 1);
}

// The body opening on a sentence that holds to the lead (« …, a-t-il ajouté. », too long
// for the lead to take) keeps its place after it: a figure moved in between would give its words to another speaker.
TEST(WritePlan, NoFigureMovesBetweenTheLeadAndAQuotationLeaningOnIt) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland, a annoncé le maire Paul Girard "
                                      "devant les habitants réunis sur la place du marché, où les premières rames attendaient depuis "
                                      "le matin sous les regards curieux des enfants, des commerçants et des anciens ouvriers du chantier "
                                      "venus en famille pour l’occasion.",
                                      "« C’est une journée attendue par tout le quartier depuis des années, par les familles qui "
                                      "traversaient la ville en bus chaque matin, par les commerçants qui ont tenu bon pendant les "
                                      "travaux et par tous ceux qui ont cru à ce projet quand personne n’y croyait plus », a-t-il ajouté.",
                                      "Selon Hélène Brunet, directrice du réseau, la ligne de tramway doit transporter 30 000 voyageurs "
                                      "par jour."}),
                              source("b.txt", "Tramway T9 : ouverture ce week-end",
                                     {"La nouvelle ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland.",
                                      "La Métropole compte sur 30000 voyageurs quotidiens, un objectif jugé prudent par les usagers."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::vector<std::string> texts = planned_texts(story, plan);
    const auto where = [&](std::string_view start) {
        return std::find_if(texts.begin(), texts.end(), [&](const std::string& t) { return t.starts_with(start); }) - texts.begin();
    };
    ASSERT_LT(where("« C’est une journée"), static_cast<std::ptrdiff_t>(texts.size()));
    EXPECT_EQ(where("« C’est une journée"), where("La ligne de tramway T9") + 1);
    EXPECT_LT(where("« C’est une journée"), where("Selon Hélène Brunet"));
}

// A quotation standing alone at the head of its paragraph has its speaker named by the
// sentence after it (« "…" Interrogé par Le Parisien, Gérald Darmanin… »): the lead does not
// end on the quotation, nor a section open on its attribution, short or long.
TEST(WritePlan, NoHeadingBetweenAQuotationAndTheSentenceNamingItsSpeaker) {
    for (const std::string attribution :
         {"Interrogée par Le Progrès, la maire Claire Vasseur s’est dite satisfaite de l’ouverture.",
          // Too long for the lead to take with the quotation: the quotation opens the body.
          "Interrogée par Le Progrès samedi matin sur le quai de la station Gerland, au milieu des premiers voyageurs "
          "venus en famille, des commerçants du quartier qui avaient fermé leur boutique pour l’occasion, des "
          "anciens ouvriers du chantier et des élus de l’opposition venus constater les retards, la maire Claire "
          "Vasseur s’est dite satisfaite de l’ouverture, qu’elle attendait depuis son élection il y a six ans, et "
          "fière du travail des équipes qui ont posé les rails malgré les intempéries de l’hiver dernier."}) {
        std::vector<Removal> removals;
        const Story story = fuse(
            {source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                    {"La ligne de tramway T9 ouvre ce samedi entre Vaise et Gerland. Les premières rames partiront à 5 heures.",
                     "« Le quartier attendait ce tramway depuis vingt ans. Nous avons tenu notre promesse ». " + attribution +
                         " Elle a rappelé que le chantier avait duré trois ans.",
                     "La ligne compte douze stations et dessert deux hôpitaux, trois lycées et le campus de Gerland. "
                     "Les rames passeront toutes les six minutes aux heures de pointe et toutes les dix minutes le soir.",
                     "Le chantier a coûté 180 millions d’euros, financés par la Métropole et par l’État. Les travaux "
                     "ont imposé des déviations de bus pendant trois ans dans les quartiers traversés.",
                     "Les commerçants de la rue de Gerland réclament une aide pour la perte de chiffre d’affaires "
                     "pendant les travaux. La Métropole promet d’étudier chaque dossier avant l’été."})},
            removals);
        const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
        const auto index_of = [&](std::string_view start) {
            for (std::size_t i = 0; i < story.sentences.size(); ++i)
                if (story.sentences[i].text.starts_with(start)) return static_cast<int>(i);
            return -1;
        };
        const int quote = index_of("« Le quartier attendait"), speaker = index_of("Interrogée par Le Progrès");
        ASSERT_GE(quote, 0);
        ASSERT_GE(speaker, 0);
        EXPECT_TRUE(story.sentences[static_cast<std::size_t>(speaker)].names_speaker);
        ASSERT_FALSE(plan.intro.empty());
        EXPECT_NE(plan.intro.back(), quote) << attribution;
        ASSERT_GE(plan.sections.size(), 1u);
        for (const PlannedSection& section : plan.sections) EXPECT_NE(section.sentences.front(), speaker) << attribution;
        const std::vector<std::string> texts = planned_texts(story, plan);
        const auto at = [&](int i) { return std::find(texts.begin(), texts.end(), story.sentences[static_cast<std::size_t>(i)].text); };
        EXPECT_EQ(at(speaker) - at(quote), 1) << attribution;
    }
}

// A question of a few words ending the lead (« Son objectif ? ») is answered by the next
// paragraph's first sentence: the introduction takes it, no heading comes between.
TEST(WritePlan, TheLeadsShortQuestionKeepsItsAnswer) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce samedi entre Vaise et Gerland. Son objectif ?",
                                      "Désengorger le métro B aux heures de pointe, selon la Métropole.",
                                      "La ligne compte douze stations et dessert deux hôpitaux, trois lycées et le campus de Gerland. "
                                      "Les rames passeront toutes les six minutes aux heures de pointe et toutes les dix minutes le soir.",
                                      "Le chantier a coûté 180 millions d’euros, financés par la Métropole et par l’État. Les travaux "
                                      "ont imposé des déviations de bus pendant trois ans dans les quartiers traversés."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_GE(plan.intro.size(), 3u);
    EXPECT_TRUE(story.sentences[static_cast<std::size_t>(plan.intro[2])].text.starts_with("Désengorger")) << plan.intro.size();
}

// A lead too long to take the sentence leaning on its last one (« Ce dernier… ») ends
// before both: the first subheading never parts them. A lead that would keep too few
// words so takes it instead, when the two fit one paragraph.
TEST(WritePlan, TheLeadEndsBeforeASentenceAndTheOneLeaningOnIt) {
    const std::string opening = "Nouveau rebondissement dans l’enquête sur la disparition d’un randonneur dans le massif des Écrins. ";
    const std::string leaning =
        "Ce dernier a toujours affirmé avoir attendu le randonneur pendant plus d’une heure au col avant de redescendre "
        "seul avec les cinq autres marcheurs, à la tombée de la nuit, sous un violent orage qui a duré jusqu’au matin "
        "et empêché toute recherche.";
    const auto intro_of = [](const std::string& paragraph) {
        std::vector<Removal> removals;
        const Story story = fuse({source("a.txt", "Écrins : le guide d’un randonneur disparu en garde à vue",
                                         {paragraph,
                                          "Les recherches ont repris mercredi avec un hélicoptère et une équipe cynophile. Le randonneur, "
                                          "un Lyonnais de 58 ans, connaissait bien le massif selon ses proches.",
                                          "La famille a lancé un appel à témoins sur les réseaux sociaux. Elle demande à toute personne "
                                          "ayant croisé le groupe de contacter la gendarmerie de Briançon."})},
                                 removals);
        const Plan plan = plan_article(story, {"randonneur", {}}, 700);
        std::vector<std::string> intro;
        for (int i : plan.intro) intro.push_back(story.sentences[static_cast<std::size_t>(i)].text);
        return intro;
    };
    const std::vector<std::string> intro = intro_of(
        opening +
        "Mardi, les gendarmes de Briançon ont placé en garde à vue le guide qui accompagnait le groupe de six marcheurs "
        "partis du refuge du Pelvoux le 3 août au matin. "
        "Pour le parquet de Gap, les relevés de son téléphone contredisent la version donnée par le guide aux enquêteurs. " +
        leaning);
    ASSERT_EQ(intro.size(), 2u);
    EXPECT_TRUE(intro.back().starts_with("Mardi, les gendarmes"));
    // Ended before the sentence the leaning one follows, the lead would keep its first 14
    // words: it takes the leaning sentence (105 words in all).
    const std::string parquet =
        "Pour le parquet de Gap, les relevés du téléphone du guide qui accompagnait le groupe de six marcheurs partis "
        "du refuge du Pelvoux le 3 août contredisent la version qu’il a donnée aux gendarmes de Briançon mardi, au terme "
        "de sa première audition dans les locaux de la brigade. ";
    const std::vector<std::string> whole = intro_of(opening + parquet + leaning);
    ASSERT_EQ(whole.size(), 3u);
    EXPECT_TRUE(whole.back().starts_with("Ce dernier")) << whole.back();
    // Beyond one paragraph's length (150 words), it stays as it is.
    const std::vector<std::string> long_run = intro_of(
        opening + parquet + leaning +
        " Il a ajouté que le groupe avait perdu le contact radio avec le refuge peu après midi, que deux marcheurs "
        "souffraient déjà du froid et qu’aucun d’eux ne connaissait le sentier du retour par le glacier, que la "
        "neige tombait depuis le milieu de l’après-midi et que les cartes du groupe dataient de plus de vingt ans.");
    ASSERT_EQ(long_run.size(), 2u);
    EXPECT_TRUE(long_run.back().starts_with("Pour le parquet")) << long_run.back();
}

// A sentence saying again what the one before told (« La Métropole a également… ») is not
// parted from it by a subheading when another place will do: the lead takes it when it
// fits, and the body is cut at another gap.
TEST(WritePlan, NoSubheadingBeforeASentenceSayingAgainWhatTheOneBeforeTold) {
    std::vector<Removal> removals;
    const std::vector<std::string> body = {
        "Les premiers camions de la brigade de voirie ont vidé les bacs de la rue Garibaldi dès six heures. Les "
        "éboueurs ont ramassé plus de quarante tonnes de sacs accumulés depuis le début de la grève. Les riverains "
        "du troisième arrondissement se plaignaient des odeurs et des rats depuis deux semaines. La mairie a "
        "demandé aux habitants de garder leurs sacs chez eux jusqu’au passage des bennes. "
        "Les déchetteries restent ouvertes aux horaires habituels, mais le tri sélectif n’est plus ramassé dans "
        "les immeubles du centre. Les bacs jaunes débordent sur les trottoirs de la presqu’île, où les commerçants "
        "sortent leurs cartons le soir. Plusieurs restaurants ont loué des bennes privées pour vider leurs cuisines "
        "chaque matin avant l’ouverture. "
        "Les écoles et les crèches ont été servies en priorité par les camions réquisitionnés, comme les hôpitaux "
        "et les marchés couverts. Les parents d’élèves de Vaise avaient alerté la mairie sur les sacs entassés devant "
        "un groupe scolaire de la rue Marietton. Une entreprise privée doit prendre le relais dans les quartiers "
        "les plus touchés à partir de mercredi.",
        "Le mouvement est également le troisième depuis le printemps dans la métropole, après ceux des agents des "
        "piscines et des cantines scolaires. Les deux premiers avaient été levés en quelques jours contre une hausse des "
        "salaires et la promesse d’embauches au début de l’automne. Le mouvement actuel dure déjà depuis quinze "
        "jours, sans signe de fin, et pèse sur la propreté de tous les quartiers. "
        "Les syndicats de la collecte réclament une prime de pénibilité et deux agents de plus par tournée. Ils "
        "dénoncent des horaires de nuit qui usent les corps et des camions trop vieux pour les rues étroites des "
        "pentes de la Croix-Rousse. Leur préavis court jusqu’à la fin du mois, sans accord avec la direction du "
        "service, qui juge leurs demandes trop coûteuses pour le budget de cette année.",
        "Le président de la Métropole recevra les représentants du personnel jeudi à l’hôtel de ville. Il a "
        "promis d’étudier un calendrier de remplacement des bennes les plus anciennes et l’ouverture de postes au "
        "budget de l’an prochain. Une réunion avec les maires d’arrondissement est prévue vendredi pour organiser "
        "le ramassage en attendant la fin du conflit social."};
    std::vector<std::string> paragraphs = {
        "Les agents de la collecte des déchets de Lyon ont reconduit leur grève mardi, après l’échec d’une "
        "nouvelle réunion avec la direction de la propreté de la Métropole.",
        "La Métropole a également réquisitionné lundi soir des camions de sa brigade de voirie."};
    paragraphs.insert(paragraphs.end(), body.begin(), body.end());
    const Story story = fuse({source("a.txt", "Lyon : la grève des éboueurs reconduite", paragraphs)}, removals);
    const Plan plan = plan_article(story, {"grève", {}}, 700);
    ASSERT_EQ(plan.intro.size(), 2u);
    EXPECT_TRUE(story.sentences[static_cast<std::size_t>(plan.intro[1])].text.starts_with("La Métropole a également"));
    ASSERT_GE(plan.sections.size(), 2u);
    for (const PlannedSection& section : plan.sections) {
        const std::string& first = story.sentences[static_cast<std::size_t>(section.sentences.front())].text;
        EXPECT_FALSE(first.starts_with("Le mouvement est également")) << first;
    }
}

// Inside a paragraph, a short verbless sentence is the journalist's (« Retard et colère. »);
// alone on its line it is a subheading or a caption. The base's first sentence may lean on
// its headline, which the article's title carries.
TEST(WritePlan, KeepsVerblessSentencesOfAParagraphAndTheOpeningThatLeansOnTheHeadline) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                                     {"Cette ligne de tramway ouvre le samedi 4 mai entre Vaise et Gerland. Elle compte 12 stations.",
                                      "Retard et colère.",
                                      "Les riverains attendaient la ligne depuis 2019. Retard et colère. La Métropole promet un bus de nuit."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::vector<std::string> texts = planned_texts(story, plan);
    ASSERT_FALSE(texts.empty());
    EXPECT_TRUE(texts.front().starts_with("Cette ligne de tramway"));
    EXPECT_EQ(std::count(texts.begin(), texts.end(), "Retard et colère."), 1);
    ASSERT_EQ(plan.left_out.size(), 1u);
    EXPECT_EQ(plan.left_out[0].text, "Retard et colère.");
    EXPECT_EQ(plan.left_out[0].reason, RemovalReason::NotProse);
}

// Two sources giving one figure in sentences that do not fuse, typeset differently
// (« 30 000 », « 30000 »), agree on it: the earliest such sentence joins the lead.
TEST(WritePlan, TheIntroStatesAFigureTwoSourcesGiveInDifferentWordsAndTypography) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre",
                                     {"La ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland.",
                                      "Les travaux ont duré trois ans sous la direction de la Métropole de Lyon.",
                                      "Selon Hélène Brunet, la ligne de tramway doit transporter 30 000 voyageurs par jour."}),
                              source("b.txt", "Tramway T9 : ouverture ce week-end",
                                     {"La nouvelle ligne de tramway T9 ouvre ce week-end entre Vaise et Gerland.",
                                      "La Métropole compte sur 30000 voyageurs quotidiens, un objectif jugé prudent par les usagers."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    std::vector<std::string> intro;
    for (int i : plan.intro) intro.push_back(story.sentences[static_cast<std::size_t>(i)].text);
    ASSERT_EQ(intro.size(), 2u);
    EXPECT_TRUE(intro[1].starts_with("Selon Hélène Brunet")) << intro[1];
    const bool listed = std::any_of(plan.left_out.begin(), plan.left_out.end(),
                                    [](const Removal& r) { return r.reason == RemovalReason::Moved && r.text.starts_with("Selon Hélène"); });
    EXPECT_TRUE(listed);
}

// A last paragraph too short to close the article alone closes it with the paragraph
// before, taken whole.
TEST(WritePlan, AShortLastParagraphClosesWithTheParagraphBefore) {
    std::vector<Removal> removals;
    const std::string works =
        "Les travaux de la ligne de tramway ont duré trois ans et mobilisé quatre cents ouvriers. "
        "Les commerçants de Gerland ont obtenu des indemnités pour la baisse de leur chiffre d’affaires pendant le chantier. "
        "Plusieurs arbres centenaires de l’avenue Jean-Jaurès ont été replantés dans le parc voisin. "
        "La Métropole a financé l’essentiel du projet, l’État apportant une subvention de vingt millions. "
        "Les rames, construites à La Rochelle, ont été livrées par convoi exceptionnel au printemps. "
        "Des essais à vide ont eu lieu chaque nuit pendant deux mois avant l’inauguration officielle.";
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                                     {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland.",
                                      works,
                                      "La ligne de tramway doit transporter 30 000 voyageurs par jour dès la première année, selon la "
                                      "Métropole de Lyon. Une deuxième phase vers Vénissieux est à l’étude pour 2030, sans budget voté. "
                                      "Les riverains de Gerland réclament déjà des rames plus fréquentes aux heures de pointe du matin.",
                                      "La Métropole n’a pas répondu à nos questions."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_FALSE(plan.sections.empty());
    const PlannedSection& ending = plan.sections.back();
    ASSERT_TRUE(ending.conclusion);
    ASSERT_EQ(ending.sentences.size(), 4u);
    EXPECT_TRUE(story.sentences[static_cast<std::size_t>(ending.sentences.front())].text.starts_with("La ligne de tramway doit"));
}

// A page that lost its paragraph breaks is cut into paragraphs of about 100 words, never
// before a sentence leaning on the one before it (« Cela représente… »): up to 150 words.
TEST(WriteCompose, NoParagraphOpensOnASentenceLeaningOnTheOneBefore) {
    std::vector<Removal> removals;
    const std::string page =
        "Les travaux de la ligne de tramway ont duré trois ans et mobilisé quatre cents ouvriers sur le chantier. "
        "Les commerçants de Gerland ont obtenu des indemnités pour la baisse de leur chiffre d’affaires pendant le chantier. "
        "Plusieurs arbres centenaires de l’avenue Jean-Jaurès ont été replantés dans le parc voisin de la Tête d’Or. "
        "La Métropole a financé l’essentiel du projet, l’État apportant une subvention de vingt millions d’euros. "
        "Les rames, construites à La Rochelle, ont été livrées par convoi exceptionnel au printemps dernier. "
        "Cela représente le plus grand chantier du réseau depuis l’ouverture du métro en 1978 selon la direction. "
        "Des essais à vide ont eu lieu chaque nuit pendant deux mois avant l’inauguration officielle du 4 mai. "
        "Les conducteurs ont suivi une formation de six semaines au dépôt de Vaise avec des instructeurs. "
        "Au total, la Métropole a recruté cent vingt agents pour assurer le service sur la ligne de tramway. "
        "Les syndicats saluent ces embauches mais réclament des effectifs de réserve pour les mois d’été. "
        "Le réseau prévoit une rame toutes les six minutes aux heures de pointe et toutes les dix minutes le soir.";
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                                     {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland.", page})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 300);
    const Article a = compose(story, plan, "2026-01-01", "");
    bool found = false;
    for (const auto* blocks : {&a.intro})
        for (const ArticleBlock& b : *blocks) found = found || b.text().find("Cela représente") != std::string::npos;
    for (const Section& sec : a.sections)
        for (const ArticleBlock& b : sec.blocks) {
            const std::string t = b.text();
            if (t.find("Cela représente") == std::string::npos) continue;
            found = true;
            EXPECT_FALSE(t.starts_with("Cela")) << t;
            EXPECT_LE(text::count_words(t), 150u) << t;
        }
    EXPECT_TRUE(found);
}

// The closing section that opens where the source set a subheading keeps it: a heading of
// plume's own would lose the source's words (and the page's heading tells what follows).
TEST(WritePlan, TheClosingSectionKeepsTheSubheadingItOpensOn) {
    std::vector<Removal> removals;
    const Story story = fuse({tram_with_last_section(
                                 {"Une deuxième phase vers Vénissieux est à l’étude pour 2030, sans budget voté à ce jour. "
                                  "Les riverains de Gerland réclament déjà des rames plus fréquentes aux heures de pointe. "
                                  "La Métropole promet une réponse avant la fin de l’année, après une concertation publique."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_FALSE(plan.sections.empty());
    EXPECT_TRUE(plan.sections.back().conclusion);
    EXPECT_EQ(plan.sections.back().heading, "Une deuxième phase à l’étude");
}

// The ending never leaves the source's last subheading over a paragraph too short for a
// section, the rest of its section going under a heading of plume's: the source's section,
// whole, closes the article.
TEST(WritePlan, TheClosingSectionTakesTheSourcesShortSectionWhole) {
    std::vector<Removal> removals;
    const Story story = fuse(
        {tram_with_last_section({"Le prolongement de la ligne vers le sud fait l’objet d’une concertation cet automne.",
                                 "Une deuxième phase vers Vénissieux est à l’étude pour 2030, sans budget voté à ce jour. "
                                 "Les riverains de Gerland réclament déjà des rames plus fréquentes aux heures de pointe. "
                                 "La Métropole promet une réponse avant la fin de l’année, après une concertation publique "
                                 "ouverte à tous les habitants des quartiers traversés par la future ligne. Les associations "
                                 "de cyclistes demandent une piste le long des voies sur toute la longueur du tracé."})},
        removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_FALSE(plan.sections.empty());
    const PlannedSection& ending = plan.sections.back();
    EXPECT_TRUE(ending.conclusion);
    EXPECT_EQ(ending.heading, "Une deuxième phase à l’étude");
    ASSERT_FALSE(ending.sentences.empty());
    EXPECT_TRUE(story.sentences[static_cast<std::size_t>(ending.sentences.front())].text.starts_with("Le prolongement"));
}

// An article of 300 words or more has two subheadings at least, even when its body fits
// one section and its last paragraph, leaning sentence after sentence on its first, gives
// no closing section.
TEST(WritePlan, AnArticleOf300WordsHasTwoSections) {
    std::vector<Removal> removals;
    const Story story = fuse(
        {source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland, après trois années de travaux dans "
                 "le centre de Lyon. La Métropole attend trente mille voyageurs par jour dès la première année "
                 "d’exploitation de la ligne. Le trajet entre les deux terminus durera vingt-deux minutes, contre "
                 "quarante minutes aujourd’hui en bus aux heures de pointe.",
                 "Les travaux de la ligne de tramway ont mobilisé quatre cents ouvriers sur un chantier de sept "
                 "kilomètres. Les commerçants de Gerland ont obtenu des indemnités pour la baisse de leur chiffre "
                 "d’affaires pendant le chantier. Plusieurs arbres centenaires de l’avenue Jean-Jaurès ont été replantés "
                 "dans le parc voisin de la Tête d’Or, à la demande des habitants. Les rames, construites à La Rochelle, "
                 "ont été livrées par convoi exceptionnel au printemps dernier. Des essais à vide ont eu lieu chaque nuit "
                 "pendant deux mois avant l’inauguration officielle de la ligne par le président de la Métropole.",
                 "Hélène Brunet, présidente de l’association des riverains de Vaise, reste pourtant très critique sur le "
                 "tracé retenu par la Métropole. Elle réclame depuis deux ans une station supplémentaire près du lycée "
                 "professionnel du quartier. Elle estime que les élèves devront marcher plus de quinze minutes pour "
                 "rejoindre la station la plus proche. Elle a déposé un recours devant le tribunal administratif de Lyon au "
                 "mois de janvier dernier. Elle attend une décision des juges avant la fin du printemps, sans grand espoir "
                 "de succès. Elle compte aussi sur le soutien des parents d’élèves, qui ont signé une pétition de deux "
                 "mille noms. Elle a écrit au préfet pour lui demander une médiation entre la Métropole et les riverains. "
                 "Elle a aussi rencontré les élus de l’opposition municipale la semaine dernière. Elle promet malgré tout "
                 "de poursuivre le combat pour les familles du quartier de Vaise."})},
        removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    std::size_t words = 0;
    for (const StorySentence& s : story.sentences) words += s.words;
    ASSERT_GE(words, 300u);
    ASSERT_EQ(plan.sections.size(), 2u);
    EXPECT_FALSE(plan.sections.back().conclusion);
    EXPECT_TRUE(story.sentences[static_cast<std::size_t>(plan.sections.back().sentences.front())].text.starts_with("Hélène Brunet"));
}

TEST(WritePlan, ChoosesTheNounPhraseTheSourcesRepeatNotAFigure) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    const KeyphraseChoice k = choose_keyphrase(story);
    EXPECT_EQ(k.keyphrase, "ligne de tramway");
    for (const std::string& s : k.synonyms) EXPECT_EQ(s.find("millions"), std::string::npos) << s;
}

TEST(WritePlan, SectionsHaveUniqueInformativeHeadingsWithinTheLimits) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story_with({"Les riverains de Gerland redoutent le bruit des rames pendant la nuit. Le collectif "
                                              "des habitants réclame des murs antibruit le long des voies depuis deux ans.",
                                              "Les commerçants du quartier de Vaise attendent une hausse de leur chiffre d’affaires. "
                                              "La chambre de commerce promet une étude sur les ventes après un an."},
                                             {}),
                             removals);
    const Plan plan = plan_article(story, choose_keyphrase(story), 700);
    ASSERT_FALSE(plan.sections.empty());
    EXPECT_FALSE(plan.intro.empty());
    std::vector<std::string> seen;
    for (const PlannedSection& s : plan.sections) {
        const std::size_t n = text::count_words(s.heading);
        EXPECT_GE(n, 2u) << s.heading;
        EXPECT_LE(n, 10u) << s.heading;
        EXPECT_EQ(std::count(seen.begin(), seen.end(), s.heading), 0) << s.heading;
        seen.push_back(s.heading);
    }
}

// A heading is never the opening words of the sentence under it, which would say them
// twice in a row.
TEST(WritePlan, HeadingIsNotTheOpeningOfItsFirstSentence) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : le tramway T9 ouvre le 4 mai",
                                     {"Le chantier de la passerelle a commencé en mars sur les berges du Rhône.",
                                      "Les riverains suivent le chantier de la passerelle depuis leurs fenêtres.",
                                      "Le chantier de la passerelle coûte 12 millions d’euros à la Métropole."})},
                             removals);
    ASSERT_EQ(story.sentences.size(), 3u);
    const HeadingWriter heading_for(story, "tramway T9", {});
    const std::string heading = heading_for({0, 1, 2}, TakenHeadings{}, false);
    EXPECT_FALSE(heading.empty());
    EXPECT_FALSE(text::lowercase(story.sentences[0].text).starts_with(text::lowercase(heading))) << heading;
}

// A heading is never the inside of a prepositional locution (« à la tête | de la
// délégation ») nor ends on an elided determiner (« une story d'un | « ami » »): a section of
// one such sentence has no heading of its own. A noun after « de »
// keeps the « de » complement that completes it (« l’usine de fabrication | de rames »).
TEST(WritePlan, HeadingIsNoLocutionAndKeepsItsComplement) {
    std::vector<Removal> removals;
    const Story story = fuse(
        {source("a.txt", "Lyon : le tramway T9 ouvre le 4 mai",
                {"Il a parlé à la tête de la délégation.",
                 "Les salariés de l’usine de fabrication de rames sont en grève depuis lundi.",
                 "La fabrication de rames de tramway reprendra en mai. Les rames de tramway arriveront en juin.",
                 "La fabrication de rames de tramway coûte cher. Les rames de tramway sont longues.",
                 "Il a publié une story d’un « ami » sur le réseau."})},
        removals);
    ASSERT_EQ(story.sentences.size(), 7u);
    EXPECT_EQ(HeadingWriter(story, "tramway T9", {})({6}, TakenHeadings{}, false), "");
    const HeadingWriter heading_for(story, "tramway T9", {});
    EXPECT_EQ(heading_for({0}, TakenHeadings{}, false), "");
    EXPECT_EQ(heading_for({1}, TakenHeadings{}, false), "L’usine de fabrication de rames");
}

// « de la part | d'une bande »: the locution opens on « de », and its noun is no topic.
TEST(WritePlan, HeadingIsNoLocutionOpeningOnDe) {
    const std::string heading = section_heading("Lyon : les agents de la TCL en grève",
                                                {"Les agents ont reçu des menaces de la part d’une bande du quartier de Vaise.",
                                                 "Les menaces de la part d’une bande du quartier de Vaise durent depuis mars."},
                                                "");
    EXPECT_FALSE(heading.starts_with("La part")) << heading;
}

// « de nombreux habitants »: a noun in -ants the dictionary knows is no participle ending
// the phrase, which would leave the heading on its quantifier (« L’inquiétude de nombreux »).
TEST(WritePlan, HeadingKeepsANounInAntsAfterItsQuantifier) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : le tramway T9 ouvre le 4 mai",
                                     {"Le projet a réveillé l’inquiétude de nombreux habitants du quartier de Vaise.",
                                      "L’inquiétude de nombreux habitants porte sur le bruit des rames la nuit.",
                                      "Une réunion publique est prévue lundi à la mairie de Vaise."})},
                             removals);
    const HeadingWriter heading_for(story, "tramway T9", {});
    const std::string heading = heading_for({0, 1, 2}, TakenHeadings{}, false);
    ASSERT_FALSE(heading.empty());
    EXPECT_FALSE(heading.ends_with("nombreux")) << heading;
}

// « Les actions de M. Trump »: a heading never ends on the title before a name.
TEST(WritePlan, HeadingNeverEndsOnTheTitleBeforeAName) {
    const std::string heading = section_heading("Canada : le silence du Premier ministre",
                                                {"Ottawa reste silencieux sur les actions de M. Durand depuis lundi soir.",
                                                 "Ottawa commente peu les actions de M. Durand, selon ses proches."},
                                                "Premier ministre");
    EXPECT_FALSE(heading.ends_with(" M")) << heading;  // none here, rather: the section goes untitled
}

// « Le visage de Ramses Aly el » cut a name at its particle in small letters.
TEST(WritePlan, HeadingNeverEndsInsideANameWithASmallParticle) {
    const std::string heading = section_heading("Marseille : le procès des cinq détenus",
                                                {"Les caméras montrent les coups portés sur le visage de Ramses Aly el Sayed ce soir-là.",
                                                 "Selon l’enquête, les coups sur le visage de Ramses Aly el Sayed ont causé sa mort."},
                                                "Ramses Aly el Sayed");
    EXPECT_FALSE(heading.ends_with(" el")) << heading;
    EXPECT_FALSE(heading.ends_with(" Aly")) << heading;
}

// « Le procureur de Marseille » over a section about the port's closing names who speaks,
// not what the section tells.
TEST(WritePlan, HeadingIsWhatTheSectionTellsNotWhoSpeaksInIt) {
    const std::string heading = section_heading("Marseille : les dockers inquiets",
                                                {"Lundi, la fermeture du port a été ordonnée par le procureur de Marseille.",
                                                 "Selon le procureur de Marseille, la fermeture du port durera deux semaines.",
                                                 "Le procureur de Marseille doit s’exprimer à nouveau mardi."},
                                                "");
    EXPECT_NE(heading.find("fermeture du port"), std::string::npos) << heading;
}

// « Des fidèles de cette paroisse », « l'épidémie sur son territoire »: a heading standing
// alone has nothing for a demonstrative or a possessive to point at; nor does it end on a
// small word of a locution (« l'office organisé in | extremis ») or before « dernier ».
TEST(WritePlan, HeadingPointsAtNothingOutsideItself) {
    const std::string heading = section_heading("Neuilly : la messe reprend",
                                                {"Samedi, une quarantaine de fidèles de cette paroisse catholique ont assisté à l’office.",
                                                 "Les fidèles de cette paroisse catholique portaient un masque pendant l’office organisé in extremis.",
                                                 "Le curé de cette paroisse catholique a remercié les bénévoles de l’accueil."},
                                                "");
    for (const char* word : {"cette", " son ", " in"}) EXPECT_EQ(heading.find(word), std::string::npos) << heading;
}

// « Le passage à 80 km/h » cut at its slash would read « Le passage à 80 km ».
TEST(WritePlan, HeadingNeverEndsInsideAWordJoinedByASlash) {
    const std::string heading = section_heading("Sécurité routière : le bilan de l’été",
                                                {"Les élus des départements ruraux contestent toujours le passage à 80 km/h.",
                                                 "Selon la préfecture, le passage à 80 km/h a réduit le nombre de morts cet été."},
                                                "");
    EXPECT_FALSE(heading.ends_with(" km")) << heading;
}

// « Marie Durand : le directeur de l’usine » would say that she is the director: the
// keyphrase never goes before a phrase headed by a person's role.
TEST(WritePlan, KeyphraseIsNeverPutBeforeAPersonsRole) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Marie Durand reprend l’usine de Gerland",
                                     {"Marie Durand a reçu le directeur de l’usine de Gerland lundi. Le directeur de l’usine "
                                      "reste en poste jusqu’à la fin de l’année. Le directeur de l’usine a salué l’accord. Le directeur "
                                      "de l’usine dirige le site depuis 2015 et connaît chaque atelier. Le directeur de l’usine "
                                      "présentera le calendrier au comité social la semaine prochaine.",
                                      "Marie Durand a rencontré les salariés de l’usine mardi. Les salariés de l’usine attendent les détails du "
                                      "plan. Les salariés de l’usine seront reçus lundi par la nouvelle direction. Les salariés de "
                                      "l’usine craignent surtout pour les équipes de nuit. Les salariés de l’usine ont voté une "
                                      "motion de confiance prudente.",
                                      "L’entreprise veut relancer la production de vélos électriques. La production de vélos "
                                      "électriques doit reprendre en mars. La production de vélos électriques visera l’export vers "
                                      "l’Allemagne et la Suisse. La production de vélos électriques demandera deux nouvelles lignes "
                                      "de montage. La production de vélos électriques pourrait doubler en trois ans.",
                                      "Les riverains du quartier de Gerland redoutent le bruit des camions de livraison. Les "
                                      "riverains du quartier ont écrit au maire pour obtenir un nouvel accès. Les riverains du "
                                      "quartier seront consultés au printemps. Les riverains du quartier demandent aussi des "
                                      "arbres le long du mur d’enceinte.",
                                      "Le chantier de rénovation du bâtiment principal commencera en janvier. Le chantier de "
                                      "rénovation durera six mois et coûtera 2 millions d’euros. Le chantier de rénovation "
                                      "prévoit une toiture solaire et de nouveaux vestiaires. Le chantier de rénovation sera "
                                      "confié à des entreprises de la région lyonnaise.",
                                      "La ville de Lyon suit le dossier de près depuis l’annonce de la fermeture en 2023. La "
                                      "ville de Lyon avait proposé une aide au loyer pendant deux ans. La ville de Lyon "
                                      "espère voir le site retrouver ses 300 emplois d’avant la crise."})},
                             removals);
    const Plan plan = plan_article(story, {"Marie Durand", {}}, 300);
    ASSERT_GE(plan.sections.size(), 2u);
    for (const PlannedSection& s : plan.sections) {
        EXPECT_EQ(s.heading.find("Marie Durand\u00a0: le directeur"), std::string::npos) << s.heading;
        EXPECT_EQ(s.heading.find("Marie Durand\u00a0: les salariés"), std::string::npos) << s.heading;
    }
}

// Words a section says only inside a quotation are its speaker's: after a name and its colon,
// they would read as that person's (« Christophe Ruggia : un cheminement ultra long », said
// by his accuser).
TEST(WritePlan, ANameNeverLeadsWordsSaidInAQuotation) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Marie Durand reprend l’usine de Gerland",
                                     {"Marie Durand a repris lundi l’usine de Gerland, fermée depuis 2023. La production de vélos "
                                      "électriques doit reprendre en mars. La production de vélos électriques visera l’export vers "
                                      "l’Allemagne. La production de vélos électriques demandera deux nouvelles lignes de montage.",
                                      "Les riverains du quartier redoutent le bruit. « Nous vivons un véritable cauchemar sonore "
                                      "depuis des mois », témoigne une voisine, qui accuse Marie Durand de ne pas les écouter. "
                                      "« Ce véritable cauchemar sonore doit cesser avant l’été », insiste-t-elle. « Un véritable "
                                      "cauchemar sonore, jour et nuit », résume le collectif des habitants, reçu par la mairie.",
                                      "Le chantier de rénovation du bâtiment principal commencera en janvier. Le chantier de "
                                      "rénovation durera six mois et coûtera 2 millions d’euros. Le chantier de rénovation prévoit "
                                      "une toiture solaire. Le chantier de rénovation sera confié à des entreprises de la région.",
                                      "La ville de Lyon suit le dossier de près depuis l’annonce de la fermeture. La ville de Lyon "
                                      "avait proposé une aide au loyer pendant deux ans. La ville de Lyon espère voir le site "
                                      "retrouver ses 300 emplois d’avant la crise. La ville de Lyon prépare aussi une nouvelle "
                                      "ligne de bus pour desservir le quartier.",
                                      "Les syndicats de l’usine réclament des garanties sur les salaires. Les syndicats de l’usine "
                                      "ont obtenu un rendez-vous avec la direction. Les syndicats de l’usine veulent un accord "
                                      "écrit avant l’été. Les syndicats de l’usine représentent deux cents salariés du site.",
                                      "Les écoles du quartier accueilleront des visites de l’atelier. Les écoles du quartier ont "
                                      "déjà inscrit six classes de primaire. Les écoles du quartier recevront aussi des "
                                      "ingénieurs pour parler des métiers de l’industrie."})},
                             removals);
    const Plan plan = plan_article(story, {"Marie Durand", {}}, 300);
    ASSERT_GE(plan.sections.size(), 2u);
    for (const PlannedSection& s : plan.sections)
        EXPECT_FALSE(s.heading.starts_with("Marie Durand") && s.heading.find("cauchemar") != std::string::npos) << s.heading;
}

// « Vélos électriques : les riverains du quartier » labels a section the keyphrase has no part
// in: a common noun goes before the colon only over a section that names it.
TEST(WritePlan, ACommonNounKeyphraseLeadsOnlyASectionThatNamesIt) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "L’usine de Gerland relance les vélos électriques",
                                     {"L’usine de Gerland relancera la production de vélos électriques en mars. La production de "
                                      "vélos électriques visera l’export vers l’Allemagne et la Suisse. Les vélos électriques "
                                      "seront montés sur deux nouvelles lignes.",
                                      "Les riverains du quartier redoutent le bruit des camions de livraison. Les riverains du "
                                      "quartier ont écrit au maire pour obtenir un nouvel accès au site. Les riverains du quartier "
                                      "seront consultés au printemps par la mairie d’arrondissement. Les riverains du quartier "
                                      "demandent aussi des arbres le long du mur d’enceinte et un parking pour les camions. Les "
                                      "riverains du quartier craignent enfin la circulation des poids lourds la nuit.",
                                      "Le chantier de rénovation du bâtiment principal commencera en janvier. Le chantier de "
                                      "rénovation durera six mois et coûtera 2 millions d’euros. Le chantier de rénovation prévoit "
                                      "une toiture solaire et de nouveaux vestiaires pour les équipes. Le chantier de rénovation "
                                      "sera confié à des entreprises de la région lyonnaise. Le chantier de rénovation devra "
                                      "respecter les normes thermiques les plus récentes.",
                                      "La ville de Lyon suit le dossier de près depuis l’annonce de la fermeture en 2023. La ville "
                                      "de Lyon avait proposé une aide au loyer pendant deux ans. La ville de Lyon espère voir le "
                                      "site retrouver ses 300 emplois d’avant la crise. La ville de Lyon prépare aussi une "
                                      "nouvelle ligne de bus pour desservir le quartier. La ville de Lyon votera le budget en "
                                      "conseil municipal.",
                                      "Les syndicats de l’usine réclament des garanties sur les salaires. Les syndicats de l’usine "
                                      "ont obtenu un rendez-vous avec la direction. Les syndicats de l’usine veulent un accord "
                                      "écrit avant l’été. Les syndicats de l’usine menacent d’une grève en cas de refus. Les "
                                      "syndicats de l’usine représentent deux cents salariés du site.",
                                      "Les écoles du quartier accueilleront des visites de l’atelier. Les écoles du quartier ont "
                                      "déjà inscrit six classes de primaire. Les écoles du quartier recevront aussi des "
                                      "ingénieurs pour parler des métiers de l’industrie. Les écoles du quartier organiseront une "
                                      "exposition de dessins en juin. Les écoles du quartier espèrent susciter des vocations.",
                                      "Le club de football du quartier cherche un nouveau terrain. Le club de football du quartier "
                                      "compte quatre cents licenciés. Le club de football du quartier joue depuis dix ans sur un "
                                      "stade trop petit. Le club de football du quartier a demandé un terrain synthétique. Le club "
                                      "de football du quartier fêtera ses cinquante ans en septembre."})},
                             removals);
    const Plan plan = plan_article(story, {"vélos électriques", {}}, 300);
    ASSERT_GE(plan.sections.size(), 2u);
    for (const PlannedSection& s : plan.sections) {
        if (!s.heading.starts_with("Vélos électriques\u00a0:")) continue;
        const bool names = std::any_of(s.sentences.begin(), s.sentences.end(), [&](int i) {
            return story.sentences[static_cast<std::size_t>(i)].text.find("vélos électriques") != std::string::npos;
        });
        EXPECT_TRUE(names) << s.heading;
    }
}

// « Bogdanoff : l’âge de 53 ans » gave the twins a victim's age: after the keyphrase and its
// colon, a figure reads as the keyphrase's. No phrase holding one is led by it.
TEST(WritePlan, KeyphraseNeverLeadsAFigure) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Marie Durand reprend l’usine de Gerland",
                                     {"Marie Durand a signé lundi la reprise de l’usine de Gerland, fermée depuis 2023.",
                                      "Marie Durand a repris l’usine à l’âge de 53 ans, après une carrière dans la banque. Le "
                                      "repreneur le plus âgé de la région avait alors l’âge de 53 ans, note la chambre de commerce. "
                                      "À l’âge de 53 ans, la plupart des cadres ne changent plus de métier, souligne-t-elle.",
                                      "Marie Durand veut investir 12 millions d’euros dans les machines. Les 12 millions d’euros "
                                      "viendront d’une banque régionale. Les 12 millions d’euros financeront deux lignes de montage. "
                                      "Les 12 millions d’euros seront versés en deux fois.",
                                      "Marie Durand a rencontré les riverains mardi soir. Les riverains du quartier redoutent le bruit "
                                      "des camions de livraison. Les riverains du quartier ont écrit au maire pour obtenir un nouvel "
                                      "accès. Les riverains du quartier seront consultés au printemps.",
                                      "Marie Durand prévoit une prime de 800 euros pour chaque salarié repris. La prime de 800 euros "
                                      "sera versée en juin. La prime de 800 euros a été négociée avec les syndicats. La prime de "
                                      "800 euros concerne aussi les intérimaires."})},
                             removals);
    const Plan plan = plan_article(story, {"Marie Durand", {}}, 300);
    ASSERT_GE(plan.sections.size(), 2u);
    // The section about the age is headed by its figure's phrase, which the keyphrase led.
    bool figure_headed = false;
    for (const PlannedSection& s : plan.sections) {
        figure_headed = figure_headed || s.heading.find("53 ans") != std::string::npos;
        if (s.heading.starts_with("Marie Durand\u00a0:")) EXPECT_EQ(s.heading.find_first_of("0123456789"), std::string::npos) << s.heading;
    }
    EXPECT_TRUE(figure_headed);
}

// A heading names what its section is about: the phrase its sentences repeat, not a name
// said once (« a indiqué à l’AFP Pierre Martin »), and never the keyphrase glued before a
// phrase that does not name it.
TEST(WritePlan, HeadsASectionWithTheNounPhraseItRepeatsNotANameSaidOnce) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Normandie : la moisson commence sous le soleil",
                                     {"Mardi, la récolte de blé a commencé dans la plaine de Caen, a indiqué à l’AFP Pierre Martin. "
                                      "La récolte de blé s’annonce abondante après un printemps pluvieux. "
                                      "Les agriculteurs vendent la récolte de blé à la coopérative locale."})},
                             removals);
    std::vector<int> all(story.sentences.size());
    std::iota(all.begin(), all.end(), 0);
    const HeadingWriter heading_for(story, "prix du carburant", {});
    EXPECT_EQ(heading_for(all, {}, false), "La récolte de blé");
    EXPECT_EQ(heading_for(all, {}, true), "La récolte de blé");  // no « Prix du carburant : … »
    TakenHeadings wheat;
    wheat.add("La récolte de blé");
    EXPECT_EQ(heading_for(all, wheat, false).find("Pierre"), std::string::npos);
}

// The headings one source's sentences give, each taken in turn (at most four).
std::vector<std::string> successive_headings(const std::string& title, const std::string& text) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", title, {text})}, removals);
    std::vector<int> all(story.sentences.size());
    std::iota(all.begin(), all.end(), 0);
    const HeadingWriter heading_for(story, "", {});
    TakenHeadings taken;
    std::vector<std::string> out;
    while (out.size() < 4) {
        const std::string h = heading_for(all, taken, false);
        if (h.empty()) break;
        taken.add(h);
        out.push_back(h);
    }
    return out;
}

// A heading is a whole phrase: not cut between a participle and its complement, nor after
// a figure that lost its unit, nor opened on the « des » of « de les ».
TEST(WritePlan, HeadingsAreWholeNounPhrases) {
    const std::vector<std::string> headings =
        successive_headings("Commerces : l’inquiétude grandit",
                            "La crise née de l’épidémie frappe les commerces du centre avec 14 fermetures. "
                            "Les commerçants des derniers mois redoutent la crise née de l’épidémie.");
    EXPECT_FALSE(headings.empty());
    for (const std::string& h : headings) {
        EXPECT_NE(h, "La crise née");
        EXPECT_FALSE(h.ends_with("avec 14")) << h;
        EXPECT_FALSE(h.starts_with("Des derniers")) << h;
    }
}

// A heading is a noun phrase: it never ends on a conjugated verb the word lists do not hold
// (« Le parquet requiert »), nor runs on into an infinitive (« les jumeaux d’avoir placé »).
TEST(WritePlan, HeadingsStopBeforeVerbs) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    const std::vector<std::string> headings =
        successive_headings("Justice : un procès en vue",
                            "Le parquet requiert un procès contre les jumeaux accusés d’avoir placé leur argent. "
                            "Le parquet requiert aussi une amende pour les jumeaux d’avoir caché ce placement.");
    EXPECT_FALSE(headings.empty());
    for (const std::string& h : headings) {
        EXPECT_EQ(h.find("requiert"), std::string::npos) << h;
        EXPECT_EQ(h.find("d’avoir"), std::string::npos) << h;
    }
}

// A noun phrase stops where the clause's words begin: an adverb (« notamment », « d'ailleurs »),
// « et » joining words of the clause rather than the phrase's (« l'université | et
// spécialisations », « l'hiver | et porté », « la presse | et sur internet »), a verb that is
// a noun too (« la crise | marque d'ailleurs »), a pronoun (« l'a assuré », « le montrant »).
// It never stops halfway through « entre… et… » or « fin juin », before a name's particle (« Julie | Le
// Goff ») nor between a participle and what it deems (« considéré | comme dangereux »). It
// never ends inside a name (« du Sunday | Times »), but before a person's in apposition to
// their role, nor before a participle's clause.
TEST(WritePlan, HeadingsEndWhereTheNounPhraseDoes) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    struct Case {
        std::string text, fragment, whole;  // no heading holds the fragment but inside the whole
    };
    const std::vector<Case> cases = {
        {"La fermeture de la piscine municipale notamment inquiète les parents. La fermeture de la piscine "
         "municipale pèse aussi sur les clubs.",
         "notamment", ""},
        {"Les kinés réclament une formation intégrée à l’université et spécialisations en pratiques avancées. "
         "La formation intégrée à l’université reste leur priorité.",
         "et spécialisations", ""},
        {"La coopérative a connu la grippe aviaire pendant l’hiver 2017 et porté plainte contre l’État. La grippe "
         "aviaire de l’hiver 2017 a coûté cher.",
         "et porté", ""},
        {"Pour les commerçants, la crise marque d’ailleurs la fin d’une époque. La crise marque d’ailleurs les "
         "esprits.",
         "marque", ""},
        {"Le ministère compte 9 500 arrivées sur les côtes entre juin et novembre. Les arrivées sur les côtes "
         "entre juin et novembre ont baissé.",
         "entre juin", "entre juin et novembre"},
        {"Le parti l’a assuré de son soutien dans la campagne municipale. Le parti l’a assuré de son soutien "
         "financier.",
         "L’a", ""},
        {"Le débat oppose les propositions de Paul Martin et de Julie Le Goff sur la pêche. Les propositions de "
         "Paul Martin et de Julie Le Goff divisent.",
         "Julie", "Julie Le Goff"},
        {"La vidéo le montrant en compagnie de militants du quartier a circulé. Une vidéo le montrant en "
         "compagnie de militants a été retirée.",
         "Le montrant", ""},
        {"Le groupe, un mouvement considéré comme dangereux par les autorités, a été dissous. Le mouvement "
         "considéré comme dangereux conteste la décision.",
         "considéré", "considéré comme dangereux"},
        {"Les journalistes couvrent le festival dans la presse et sur internet depuis lundi. Le festival fait "
         "parler de lui dans la presse et sur internet.",
         "presse et sur", "dans la presse et sur internet"},
        // A plural participle after a singular noun agrees with a noun before it.
        {"Les forces de l’ordre arrivées sur place ont interpellé deux hommes. Les forces de l’ordre arrivées sur "
         "place ont saisi trois armes.",
         "ordre arrivées", ""},
        // A participle is no phrase's noun (its noun is inside the quotation).
        {"Le rapport dénonce une supposée mauvaise « gestion des fonds » du club. Le club conteste une supposée "
         "mauvaise « gestion des fonds » et fait appel.",
         "upposée mauvaise", ""},
        // An infinitive after a noun is the clause's verb.
        {"La police a pu une nouvelle fois devancer les manifestants sur la place. Elle a pu une nouvelle fois "
         "devancer les casseurs.",
         "devancer", ""},
        // « fin », « début » before a month: the date goes on to the month.
        {"La direction promet un retour à la normale fin juin pour les lignes du quotidien. Le retour à la "
         "normale fin juin suppose des renforts.",
         "normale fin", "normale fin juin"},
        // « et » before a preposition joins a second complement only when the phrase holds
        // the first (« de la justice » is cut from its « de » here).
        {"L’avocate y voit un bon signe de l’activité de la justice et de la gendarmerie françaises. Elle salue le "
         "travail de la justice et de la gendarmerie françaises depuis vingt ans.",
         "justice et de la", "de la justice et de la"},
        {"Le programme promet l’accès à une aide alimentaire et à une eau propre pour les déplacés. L’ONU réclame "
         "dans les camps l’accès à une aide alimentaire et à une eau propre.",
         "alimentaire et à", "à une aide alimentaire et à"},
        // A figure after a noun counts the next phrase's noun.
        {"Les mesures s’appliquent, comme prévu par l’exécutif 3,4 milliards d’économies en trois ans. L’exécutif "
         "3,4 milliards d’économies sur trois ans, assure le ministère.",
         "exécutif 3,4", ""},
        // « et » before a subject and its verb joins two clauses.
        {"La police a procédé à 418 arrestations liées à l’immigration et 111 passeurs ont été condamnés. En mars, "
         "les arrestations liées à l’immigration ont doublé et 111 passeurs ont été jugés.",
         "et 111", ""},
        // A phrase inside the first term of « entre … et » does not take the second.
        {"Les gendarmes font des recoupements entre le parcours de l’ancien maître-chien et les dossiers non "
         "élucidés. L’ancien maître-chien avait quitté la région en 2003 avec les dossiers.",
         "maître-chien et les dossiers", "parcours de l’ancien maître-chien et les dossiers"},
        // An adjective right after its article waits for its noun.
        {"Les Madrilènes fêtent le passage à la nouvelle année sur la célèbre Puerta del Sol. La nouvelle année "
         "sur la célèbre Puerta del Sol attire les foules.",
         "la célèbre", "la célèbre Puerta del Sol"},
        // The noun after « et » and its article keeps its « de » complement.
        // After a preposition and its article too: « à l'arme | de guerre ».
        {"Les deux frères avaient attaqué la rédaction du journal à l’arme de guerre, tuant douze personnes. La "
         "rédaction du journal à l’arme de guerre avait été visée.",
         "à l’arme", "à l’arme de guerre"},
        {"Les enquêteurs veulent connaître le rôle et l’étendue des fonctions du conseiller à l’Élysée. Le "
         "rôle et l’étendue des fonctions du conseiller restent flous.",
         "l’étendue", "l’étendue des fonctions"},
        // Never inside a name, but before a person's after their role; « des » after a
        // pronoun counting some of a group is the pronoun's (« un des cafés »).
        {"Sur Times Radio, la rédactrice en chef du Sunday Times Emma Tucker a dénoncé la crise. Depuis lundi, la "
         "rédactrice en chef du Sunday Times Emma Tucker dirige aussi la radio.",
         "du Sunday", "du Sunday Times"},
        {"Le sommet marque une nouvelle tentative de Recep Tayyip Erdogan pour rouvrir le dialogue. La tentative de "
         "Recep Tayyip Erdogan a échoué.",
         "de Recep", "de Recep Tayyip Erdogan"},
        {"Lundi, le maire de Roubaix Guillaume Delbar a signé l’arrêté. Depuis mardi, le maire de Roubaix Guillaume "
         "Delbar défend sa décision.",
         "Roubaix Guillaume", ""},
        {"Le village pleure la mort de l’Italienne Maria Giuseppa Robucci à 116 ans. La mort de l’Italienne Maria "
         "Giuseppa Robucci a ému la région.",
         "Italienne Maria", ""},
        {"Des pilotes de l’US Navy ont filmé l’objet au large de la Floride. Les pilotes de l’US Navy ont témoigné "
         "devant le Congrès.",
         "l’US", "l’US Navy"},
        {"Le San Eustachio, un des cafés préférés des touristes, reste vide. Un des cafés préférés des touristes a "
         "fermé ses portes.",
         "Des cafés", ""},
        // A participle after the head's complement opens a clause of its own.
        {"Roland Marchal, un spécialiste réputé de l’Afrique venu lui rendre visite, a été libéré. Le spécialiste "
         "réputé de l’Afrique venu lui rendre visite est rentré en France.",
         "Afrique venu", ""},
        // Who tells the news (« selon… ») is not what a section is about.
        {"Selon une source judiciaire, le suspect du vol a reconnu les faits. Selon une source judiciaire, le "
         "suspect du vol sera jugé en mars.",
         "source judiciaire", ""},
    };
    for (const Case& c : cases) {
        const std::vector<std::string> headings = successive_headings("Vie locale : un mois chargé", c.text);
        for (const std::string& h : headings)
            EXPECT_TRUE(h.find(c.fragment) == std::string::npos || (!c.whole.empty() && h.find(c.whole) != std::string::npos))
                << h << " | " << c.text;
    }
}

// A sentence that says again what the one before told (« là encore », « lui aussi ») or an
// ordinal standing for a noun it named (« Une première lui a été accordée ») answers it: no
// subheading comes between them. An ordinal before its noun (« La première ministre ») does not.
TEST(WriteFuse, SentencesSayingItAgainOrCountingOnTheOneBeforeAnswerIt) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "no French lexicon";
    const std::vector<std::pair<std::string, bool>> cases = {
        {"Les 15-24 ans sont là encore les plus touchés par ces infections.", true},
        {"Le Sénat a lui aussi adopté le texte en première lecture mardi soir.", true},
        {"Une première lui a été accordée, assortie d’une caution de cent mille euros.", true},
        {"La dernière a eu lieu en mars, devant le tribunal de Nanterre.", true},
        {"La première ministre a présenté le plan devant les députés mardi.", false},
        {"Le premier tour de l’élection aura lieu le dimanche 15 mars.", false},
        {"Le maire a encore reporté la séance du conseil municipal.", false},
        {"« Nous n’avons pas de projet pour la ville », a poursuivi le président de la commission.", true},
        {"« Le budget sera voté en mars », a annoncé le maire devant la commission.", false},
        {"Le parti « porte un projet pour la ville », a poursuivi le président de la commission.", true},
    };
    std::vector<std::string> sentences{"Le maire a déposé plusieurs demandes devant la commission des finances."};
    for (const auto& [text, answers] : cases) sentences.push_back(text);
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Le conseil municipal vote le budget", sentences)}, removals);
    for (const auto& [text, answers] : cases) {
        const auto it = std::find_if(story.sentences.begin(), story.sentences.end(), [&](const StorySentence& s) { return s.text == text; });
        ASSERT_NE(it, story.sentences.end()) << text;
        EXPECT_EQ(it->answers, answers) << text;
    }
}

// « Tels étaient les mots du maire »: « tel » stands for what the sentence before said.
TEST(WriteFuse, ASentenceOpeningOnTelLeansOnTheOneBefore) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Le conseil municipal vote le budget",
                                     {"« Nous ne toucherons pas aux impôts cette année », a promis le maire devant le conseil.",
                                      "Tels étaient les mots du maire de Brest à l’ouverture de la séance de lundi soir."})},
                             removals);
    ASSERT_EQ(story.sentences.size(), 2u);
    EXPECT_TRUE(story.sentences[1].leans);
}

// A topic shift inside a quotation (a speaker turning from the works to the shops) is no
// place for a subheading: the quotation would open under one heading and close under the
// next. The sentence splitter keeps a quotation whole, so no cut falls inside it.
// A sentence answering the one before (« Mais… », « Les cinq autres… ») stays with it: no
// section opens on it, however little it shares with the sentences before.
TEST(WritePlan, NeverOpensASectionOnASentenceAnsweringTheOneBefore) {
    const std::string page =
        "La Métropole de Lyon a inauguré samedi la nouvelle ligne de tramway entre Vaise et Gerland. "
        "Les premières rames ont circulé dès six heures du matin devant quelques dizaines de curieux. "
        "La ligne compte douze stations réparties sur sept kilomètres et demi. "
        "Les travaux de la ligne ont duré trois ans et mobilisé quatre cents ouvriers. "
        "Le chantier des voies a coupé plusieurs rues du quartier pendant de longs mois. "
        "Les engins de chantier ont creusé les tranchées des voies sous les fenêtres des riverains. "
        "Les ouvriers ont travaillé de nuit pour déplacer les réseaux sans couper l’eau. "
        "Les rails ont été soudés sur place par une équipe venue de Bourgogne. "
        "Le chantier a été suspendu deux mois pendant le confinement du printemps. "
        "Les engins ont ensuite posé le revêtement des voies sur toute la longueur du tracé. "
        "La pose des rails a pris du retard à cause des pluies de l’hiver. "
        "Les soudeurs des rails ont travaillé par équipes de huit sur les voies. "
        "Les engins ont creusé les fondations des quais des douze stations. "
        "Le chantier des quais a mobilisé des grues le long du tracé des voies. "
        "Les ouvriers ont coulé le béton des quais pendant les nuits d’été. "
        "Les rails du dépôt ont été posés en dernier, après les essais des rames. "
        "Les engins de levage ont installé les poteaux des lignes électriques le long des voies. "
        "Les ouvriers ont tiré les câbles électriques au-dessus des rails pendant trois semaines. "
        "Le chantier des voies a exigé quarante mille tonnes de ballast et de béton. "
        "Les essais des rames sur les voies neuves ont duré tout le mois de janvier. "
        "Mais les boutiques de la rue ont vu leur chiffre d’affaires baisser de moitié. "
        "Le fonds de soutien aux commerçants sera doté de deux millions d’euros. "
        "Les boutiques pourront déposer un dossier auprès de la chambre de commerce. "
        "Les commerçants réclament aussi une baisse de leurs loyers. "
        "La chambre de commerce a recensé une centaine de boutiques touchées. "
        "Certaines boutiques ont fermé définitivement avant l’arrivée du tramway. "
        "Les commerçants qui restent espèrent profiter du passage des voyageurs. "
        "Le fonds de soutien remboursera une partie des pertes de chiffre d’affaires. "
        "Les dossiers des boutiques seront examinés par une commission avant l’été. "
        "Les premières aides du fonds de soutien devraient arriver dans les boutiques en septembre. "
        "Les commerçants de la rue ont créé une association pour défendre leurs boutiques. "
        "L’association des commerçants organise une braderie pour attirer les clients. "
        "Les clients des boutiques reviennent peu à peu depuis la fin du chantier. "
        "Les commerçants demandent des places de livraison devant leurs boutiques. "
        "Les boutiques de la rue ouvriront le dimanche pendant les fêtes de fin d’année. "
        "La chambre de commerce conseille les commerçants pour monter leur dossier d’aide. "
        "Les boutiques fermées seront proposées à de nouveaux commerçants à loyer réduit. "
        "Les commerçants jugent le fonds de soutien trop modeste pour couvrir leurs pertes. "
        "La Métropole prévoit de prolonger la ligne jusqu’à Saint-Fons d’ici six ans. "
        "Une concertation publique sur ce prolongement doit s’ouvrir à l’automne. "
        "Les habitants pourront donner leur avis en ligne ou lors de réunions publiques.";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon inaugure sa ligne de tramway T9", {page})}, removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_GE(plan.sections.size(), 2u);
    for (const PlannedSection& section : plan.sections) {
        ASSERT_FALSE(section.sentences.empty());
        const std::string& first = story.sentences[static_cast<std::size_t>(section.sentences.front())].text;
        EXPECT_FALSE(first.starts_with("Mais")) << section.heading;
    }
}

TEST(WritePlan, NeverOpensASectionInsideAQuotation) {
    const std::string page =
        "La Métropole de Lyon a inauguré samedi la nouvelle ligne de tramway entre Vaise et Gerland. "
        "Les premières rames ont circulé dès six heures du matin devant quelques dizaines de curieux. "
        "La ligne compte douze stations réparties sur sept kilomètres et demi. "
        "Les travaux de la ligne ont duré trois ans et mobilisé quatre cents ouvriers. "
        "Le chantier des voies a coupé plusieurs rues du quartier pendant de longs mois. "
        "Les riverains des travaux se plaignaient du bruit des engins et de la poussière. "
        "Les engins de chantier ont creusé les tranchées des voies sous les fenêtres des riverains. "
        "Les riverains ont obtenu des fenêtres neuves pour réduire le bruit des travaux. "
        "Le chantier a aussi déplacé les réseaux d’eau et de gaz sous la chaussée. "
        "Les ouvriers ont travaillé de nuit pour déplacer les réseaux sans couper l’eau. "
        "Les rails ont été soudés sur place par une équipe venue de Bourgogne. "
        "Le chantier a été suspendu deux mois pendant le confinement du printemps. "
        "Les ouvriers ont repris le chantier des voies en juin avec des équipes renforcées. "
        "Les engins ont ensuite posé le revêtement des voies sur toute la longueur du tracé. "
        "La pose des rails a pris du retard à cause des pluies de l’hiver. "
        "Le vice-président chargé des transports a salué les équipes : « Les ouvriers du chantier ont tenu les délais malgré les pluies de l’hiver. "
        "Les travaux des voies ont été menés jour et nuit pendant les vacances. "
        "Mais je pense d’abord aux commerçants du quartier, qui ont perdu une partie de leur clientèle. "
        "Les boutiques de la rue ont vu leur chiffre d’affaires baisser de moitié. "
        "Nous allons aider ces commerçants avec un fonds de soutien. » "
        "Le fonds de soutien aux commerçants sera doté de deux millions d’euros. "
        "Les boutiques pourront déposer un dossier auprès de la chambre de commerce. "
        "Les commerçants réclament aussi une baisse de leurs loyers pendant la durée des travaux. "
        "La chambre de commerce a recensé une centaine de boutiques touchées par le chantier. "
        "Certaines boutiques ont fermé définitivement avant l’arrivée du tramway. "
        "Les commerçants qui restent espèrent profiter du passage des voyageurs. "
        "Le fonds de soutien remboursera une partie des pertes de chiffre d’affaires. "
        "Les dossiers des boutiques seront examinés par une commission avant l’été. "
        "La commission de la chambre de commerce réunira des élus et des représentants des commerçants. "
        "Les premières aides du fonds de soutien devraient arriver dans les boutiques en septembre. "
        "La Métropole prévoit de prolonger la ligne jusqu’à Saint-Fons d’ici six ans. "
        "Une concertation publique sur ce prolongement doit s’ouvrir à l’automne. "
        "Les habitants pourront donner leur avis en ligne ou lors de réunions publiques.";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon inaugure sa ligne de tramway T9", {page})}, removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_GE(plan.sections.size(), 3u);  // the body is cut at least once, then the ending
    std::string before;
    for (int i : plan.intro) before += story.sentences[static_cast<std::size_t>(i)].text + ' ';
    for (const PlannedSection& s : plan.sections) {
        EXPECT_FALSE(quote_balance(before).open()) << s.heading << " opens on: " << story.sentences[static_cast<std::size_t>(s.sentences.front())].text;
        for (int i : s.sentences) before += story.sentences[static_cast<std::size_t>(i)].text + ' ';
    }
}


// A speaker who moves from one topic to the next within a quotation: the story's weakest
// gap falls between the quotation's sentences, and still no heading cuts their words, nor
// a paragraph break (the flattened page's straight quotes, as pasted).
TEST(WritePlan, NoHeadingNorParagraphBreakBetweenTheSentencesOfOneQuotation) {
    const std::string works =
        "La Métropole de Lyon a inauguré samedi la nouvelle ligne de tramway entre Vaise et Gerland. "
        "Quatre cents ouvriers ont construit la ligne pendant trois ans de chantier. "
        "Sur le chantier, des pelleteuses ont creusé des tranchées sous les fenêtres des riverains. "
        "Une équipe du chantier venue de Bourgogne a soudé les rails sur place, de nuit comme de jour. "
        "Le confinement du printemps a suspendu le chantier pendant deux mois. "
        "En juin, des renforts sont arrivés sur le chantier avec des engins supplémentaires. "
        "Des grues du chantier ont ensuite levé les poteaux des caténaires au-dessus du tracé. "
        "Les dalles de béton du chantier ont été coulées pendant les vacances scolaires. "
        "Une rame d’essai a parcouru le chantier à vide au mois de mars. "
        "Le pont du chantier sur le Rhône a été renforcé par des poutres métalliques. "
        "Le vice-président chargé des transports a salué les équipes du chantier. \"Les ouvriers du chantier ont "
        "tenu les délais malgré la pluie, le gel et les pannes de matériel.";
    const std::string shops =
        "Les commerçants du quartier ont perdu leurs clients et leur chiffre d’affaires pendant deux "
        "ans\", a-t-il ajouté. "
        "Un fonds de soutien doté de deux millions d’euros aidera les commerçants touchés. "
        "Une centaine de commerçants ont vu leurs ventes baisser de moitié. "
        "Certains commerçants ont fermé définitivement avant l’arrivée des premiers voyageurs. "
        "Les commerçants déposent leurs dossiers d’aide auprès de la chambre de commerce jusqu’en juillet. "
        "Une commission examinera la demande de chaque commerçant avant l’été. "
        "Les premiers versements aux commerçants arriveront en septembre, selon la Métropole. "
        "La rue Garibaldi aura aussi des places de livraison réservées aux commerçants. "
        "Des arceaux pour les vélos des clients seront posés devant les vitrines des commerçants. "
        "Les commerçants organiseront une braderie le premier week-end d’octobre. "
        "Le boulanger de la place Jean-Macé, comme d’autres commerçants, compte sur les étudiants. "
        "Les loyers des commerçants de l’avenue ont grimpé de dix pour cent en un an.";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon inaugure sa ligne de tramway T9", {works, shops})}, removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    ASSERT_GE(plan.sections.size(), 2u);
    const auto opening = [&](const PlannedSection& s) { return story.sentences[static_cast<std::size_t>(s.sentences.front())].text; };
    for (const PlannedSection& s : plan.sections) EXPECT_EQ(opening(s).find("Les commerçants du quartier"), std::string::npos) << s.heading;
    const Article a = compose(story, plan, "2026-01-01", "");
    for (const Section& s : a.sections)
        for (const ArticleBlock& b : s.blocks)
            if (b.text().find("Les commerçants du quartier") != std::string::npos) {
                EXPECT_NE(b.text().find("Les ouvriers du chantier ont tenu"), std::string::npos) << b.text();
            }
}
// A quotation its source runs on into the next paragraph opens that paragraph again, as
// French sets a speech over several paragraphs.
TEST(WriteCompose, AQuotationRunningIntoTheNextParagraphOpensItAgain) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Budget : le maire de Lyon défend ses choix",
                                     {"Le maire de Lyon a présenté le budget lundi soir devant le conseil municipal. Il a "
                                      "déclaré : \"Nous tenons nos promesses envers les habitants de tous les quartiers. "
                                      "Les impôts locaux ne bougeront pas cette année, malgré la hausse des prix de "
                                      "l’énergie et des salaires des agents de la ville. Les crèches ouvriront plus tôt le "
                                      "matin et les bibliothèques fermeront plus tard le soir, comme le demandaient les "
                                      "parents et les étudiants depuis longtemps. Les piscines seront rénovées une à une, "
                                      "sans fermer plus de deux bassins à la fois pendant les vacances scolaires. Les "
                                      "parcs resteront ouverts jusqu’à minuit pendant tout l’été, avec des gardiens "
                                      "supplémentaires recrutés parmi les étudiants de la ville et des animations "
                                      "gratuites pour les enfants qui ne partent pas en vacances. Les marchés du "
                                      "dimanche s’installeront aussi dans les quartiers du nord et de l’est de la ville, "
                                      "où les habitants attendent depuis des années des commerces de proximité et des "
                                      "producteurs de la région.",
                                      "La dette de la ville baisse depuis trois ans et nous continuerons dans cette voie "
                                      "jusqu’à la fin du mandat\", a-t-il conclu devant les élus de l’opposition."})},
                             removals);
    const Article a = compose(story, plan_article(story, {"budget", {}}, 700), "2026-01-01", "");
    std::vector<std::string> paragraphs;
    for (const ArticleBlock& b : a.intro) paragraphs.push_back(b.text());
    for (const Section& s : a.sections)
        for (const ArticleBlock& b : s.blocks) paragraphs.push_back(b.text());
    const auto next = std::find_if(paragraphs.begin(), paragraphs.end(), [](const std::string& p) { return p.find("La dette") != std::string::npos; });
    ASSERT_NE(next, paragraphs.end());
    EXPECT_TRUE(next->starts_with("«")) << *next;
}

TEST(WriteCompose, SplitsLongSentencesOnlyAtSafePoints) {
    const std::string with_semicolon =
        "La ligne de tramway relie la gare de Vaise au campus de La Doua en vingt-quatre minutes environ ; "
        "elle dessert au passage quinze stations, dont trois nouvelles correspondances avec le métro.";
    const auto parts = split_long_sentence(with_semicolon);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], "La ligne de tramway relie la gare de Vaise au campus de La Doua en vingt-quatre minutes environ.");
    EXPECT_TRUE(parts[1].starts_with("Elle dessert"));
    const std::string with_mais =
        "Les commerçants du quartier redoutaient une baisse de fréquentation pendant les trois années de travaux, "
        "mais ils disent aujourd’hui avoir retrouvé leur clientèle habituelle depuis la fin du chantier.";
    const auto two = split_long_sentence(with_mais);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_TRUE(two[1].starts_with("Mais ils disent"));
    // « mais » without its comma opens a sentence too, when a clause follows
    EXPECT_EQ(split_long_sentence("Le club avait prévu un match amical contre Brest en juillet mais il a dû l’annuler à "
                                  "la dernière minute faute de terrain."),
              (std::vector<std::string>{"Le club avait prévu un match amical contre Brest en juillet.",
                                        "Mais il a dû l’annuler à la dernière minute faute de terrain."}));
    const std::string two_nouns =
        "Le département ne finance pas la construction du nouveau gymnase mais la rénovation des vestiaires et de la "
        "piscine municipale du quartier.";
    EXPECT_GT(plume::text::count_words(two_nouns), 20u);
    EXPECT_EQ(split_long_sentence(two_nouns), std::vector<std::string>{two_nouns});
    const std::string short_one = "Le tram roule ; il est rapide.";
    EXPECT_EQ(split_long_sentence(short_one), std::vector<std::string>{short_one});
}

// ", ce qui" sums up the clause before it: "Cela" opens the second sentence. "et" joining
// two clauses, each with its subject and verb, makes two sentences; "et" joining nouns, or
// a noun and the relative clause that follows it, does not.
TEST(WriteCompose, SplitsAtCeQuiAndAtEtBetweenTwoClauses) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> split = {
        {"Le chantier du tramway a coûté 312 millions d’euros au total, ce qui en fait le projet de transport le plus "
         "cher de la décennie.",
         {"Le chantier du tramway a coûté 312 millions d’euros au total.",
          "Cela en fait le projet de transport le plus cher de la décennie."}},
        {"La coopérative a stocké l’essentiel de la récolte dans ses silos de Châteaudun depuis la fin du mois de juillet, "
         "et les premiers camions sont partis vers le port de Rouen lundi matin.",
         {"La coopérative a stocké l’essentiel de la récolte dans ses silos de Châteaudun depuis la fin du mois de juillet.",
          "Les premiers camions sont partis vers le port de Rouen lundi matin."}},
        {"Le maire a inauguré la nouvelle médiathèque du quartier de la Croix-Rousse samedi après-midi et il a promis "
         "une extension des horaires d’ouverture.",
         {"Le maire a inauguré la nouvelle médiathèque du quartier de la Croix-Rousse samedi après-midi.",
          "Il a promis une extension des horaires d’ouverture."}},
        // a name and its verb
        {"La région a validé mardi le tracé définitif de la future ligne de car express et Jeanne Martin a annoncé "
         "les premiers horaires pour septembre.",
         {"La région a validé mardi le tracé définitif de la future ligne de car express.",
          "Jeanne Martin a annoncé les premiers horaires pour septembre."}},
    };
    expect_split(split);
    expect_kept_whole({
             // two verbs of one relative clause: the sentence's own verb comes after them
             "M. Martin, qui vivait avec le maire à Brest en 1990 et le soutint en 1995 lors de son premier procès, a "
             "toujours dit n’avoir jamais entendu parler de ces plaintes à Brest.",
             // two subjects of one verb: before "et", a participle, no verb conjugated for a subject
             "Très affaiblis au plan national, le Parti socialiste et Les Républicains comptaient sur ces élections pour "
             "se refaire une santé dans les villes.",
             // nouns joined: the words after "et" have no verb of their own
             "Le projet réunit la région, des fabricants de batteries de Dunkerque et des investisseurs pouvant financer "
             "les nouvelles lignes de production.",
             // a relative clause: the verb after "et" belongs to "qu’il"
             "Le directeur général a vendu l’an dernier une partie de ses actions de la société et les obligations "
             "qu’il détenait depuis 2019.",
             // the subject of "apportent" is "l'État et la région": no verb after the colon
             "Les pouvoirs publics en financent une grande partie : l’État et la région Hauts-de-France apportent "
             "ensemble 1,2 milliard d’euros d’aides publiques, sous forme de subventions.",
             // the subject began before "et": a plural noun phrase, a singular verb
             "Le tableau est moins favorable quand seule l’égalité des salaires entre les hommes et les femmes "
             "est observée dans les entreprises.",
             // "et" joins two nouns after the one that joined the clauses
             "Les deux agents avaient été convoqués par leur hiérarchie la semaine dernière, et les services juridique "
             "et des ressources humaines avaient été saisis.",
             // two subjects of one pronominal verb: « se sont » agrees with both
             "Après un an sans se parler, l’ancien maire de Brest et l’actuel patron des Verts se sont "
             "rencontrés jeudi à l’initiative du premier.",
             // names joined by "et": one subject, « C » is no sentence's subject
             "Depuis que la loi a changé, le nombre des demandeurs d’emploi des catégories A, B et C a encore progressé "
             "de deux points en un an.",
             // no verb before "et": the subject is still being named
             "Les échanges de céréales entre les ports de la façade atlantique de la France et les pays du Maghreb "
             "ont progressé en 2024."});
}

// A speaker's words are never cut: not in a sentence of a quotation opened before it (the
// paragraph holds an open « »), nor in one whose quotation closes after the cut (its marks do
// not pair up: the source's quotation began in an earlier sentence). A first half without a
// finite verb would be a fragment.
TEST(WriteCompose, NeverSplitsInsideAQuotationNorLeavesAFragment) {
    const std::string whole =
        "Le chantier du tramway a coûté 312 millions d’euros au total, ce qui en fait le projet de transport le plus "
        "cher de la décennie.";
    EXPECT_EQ(split_long_sentence(whole).size(), 2u);
    EXPECT_EQ(split_long_sentence(whole, true), std::vector<std::string>{whole});
    expect_kept_whole({
             // the end of a quotation begun in the sentence before
             "Les ventes ont progressé de vingt points en deux ans dans toutes les boutiques du réseau, ce qui rassure "
             "aussi nos fournisseurs\", explique la directrice commerciale.",
             // no verb before ", ce qui"
             "Une hausse de près de cinq points en un an pour les ménages les plus modestes du département, ce qui "
             "représente une dépense nouvelle.",
             // no clause after ", mais": no subject, then no verb
             "Le directeur de l’usine a confirmé que la chaîne de production était arrêtée au moment de l’incendie, "
             "mais a insisté sur la présence des équipes de sécurité.",
             "La commission a reçu de nombreuses plaintes contre ce prêtre entre les années 1980 et 2000, mais aussi "
             "contre deux de ses proches.",
             // a semicolon inside brackets
             "Le maire sortant recule auprès des électeurs de gauche (12 % ; -3) et progresse auprès de ceux du centre "
             "(9 % ; +1) selon le dernier sondage."});
}

// A colon that ends a clause and opens another, which explains it, makes two sentences. It
// stays when it announces what someone said (the clause ends on its verb), a list or a
// quotation, or follows words that name things without saying anything of them.
TEST(WriteCompose, SplitsAtAColonBetweenTwoClauses) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "no French lexicon";
    const std::vector<std::pair<std::string, std::vector<std::string>>> split = {
        {"Le bilan est lourd pour les agriculteurs du Morbihan : les pluies ont détruit près d’un tiers des récoltes "
         "de blé cette année.",
         {"Le bilan est lourd pour les agriculteurs du Morbihan.",
          "Les pluies ont détruit près d’un tiers des récoltes de blé cette année."}},
        {"La mairie a changé de méthode cette année : elle publiera chaque mois le détail des dépenses engagées pour "
         "la rénovation des écoles.",
         {"La mairie a changé de méthode cette année.",
          "Elle publiera chaque mois le détail des dépenses engagées pour la rénovation des écoles."}},
    };
    expect_split(split);
    expect_kept_whole({
             // what the prefect said: « a rappelé » stops short without it
             "Devant les maires de la côte, le préfet du Finistère a rappelé : ils devront faire évacuer les maisons "
             "du front de mer avant jeudi soir.",
             // a list
             "Le nouveau plan de circulation du centre-ville change trois choses : la vitesse, le stationnement des "
             "livraisons et les horaires des navettes.",
             // a quotation
             "La maire a répondu sans détour aux commerçants du quartier : « le marché couvert restera ouvert pendant "
             "toute la durée des travaux ».",
             // no verb before the colon but in a relative clause: the first half would be a fragment
             "Une crue qui a inondé trois quartiers, des routes coupées et deux écoles sans chauffage : la commune a demandé "
             "l’état de catastrophe naturelle."});
}

// A sentence that names its source (« selon… », an inverted « a-t-il dit », a quotation
// followed by who said it) stays whole: cut, the source would go with one half only, and
// the other would read as plume's. After a cut, a noun after its determiner is not the
// verb of a clause: « mais une chute chez… » is a fragment.
TEST(WriteCompose, NeverSplitsAnAttributedSentenceNorBeforeAFragment) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "no French lexicon";
    expect_kept_whole({
             "Le trafic des bus a baissé de moitié sur la ligne 4 : les travaux ont allongé les trajets de dix minutes, "
             "selon la direction du réseau.",
             "Selon la préfecture, les deux tiers des plages du département ont rouvert samedi matin, mais elles restent "
             "interdites à la baignade.",
             "Le club a recruté un nouvel entraîneur pour la saison prochaine et il veut « jouer la montée », a expliqué "
             "le président.",
             "Les travaux du port de plaisance ont pris trois mois de retard cet hiver et ils ne finiront pas avant l’été, "
             "a-t-il reconnu.",
             "Le département va fermer deux collèges de la vallée à la rentrée : ils n’accueillent plus assez d’élèves, "
             "a annoncé mardi le président du conseil.",
             "Les ventes de vélos électriques ont progressé de dix points en un an chez les commerçants du centre, mais "
             "une chute chez les plus jeunes clients.",
             "Pour eux, la commune doit rouvrir la piscine municipale avant l’été et la région doit financer tous les "
             "travaux du grand bassin."});
}

// Repairs an editor makes without rewording: a name a scraped source wrote in lowercase
// takes the story's capitals and a capital its accent (not inside a quotation), a quotation
// left open at the end of a paragraph is closed, and a source with neither title nor URL is
// not listed by its file name.
TEST(WriteCompose, RepairsNameCaseAndOpenQuotesAndListsNamedSourcesOnly) {
    std::vector<CleanSource> sources = tram_story_with(
        {"Le réseau TCL a confié l’exploitation de la ligne de tramway à une filiale de Keolis.",
         "La filiale de Keolis, selon TCL, recrute 40 conducteurs pour la ligne de tramway T9.",
         "L’État a versé 40 millions d’euros pour la ligne de tramway, et l’État suivra les travaux.",
         "Sur le chantier de la ligne de tramway, un panneau « TRAVAUX DE NUIT, SORTIE DE SECOURS » reste affiché."},
        {"Selon le maire, tcl ajoutera des rames sur la ligne de tramway en 2026.",
         "« Nous voulons que tcl tienne ses horaires sur la ligne de tramway. Le quartier attend ce tram depuis dix ans.",
         "La part de l’Etat dans le budget de la ligne de tramway reste modeste selon les élus de Gerland."});
    sources[1].info.title.clear();
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const Article a = compose(story, plan, "2026-01-01", "");
    std::string text;
    for (const ArticleBlock& b : a.intro) text += b.text() + "\n";
    std::size_t listed = 0;
    for (const Section& s : a.sections) {
        for (const ArticleBlock& b : s.blocks) {
            text += b.text() + "\n";
            EXPECT_EQ(quote_balance(b.text()).guillemets, 0) << b.text();
        }
        if (s.kind == SectionKind::Sources) {
            listed = s.blocks.size();
            EXPECT_EQ(s.heading, "Source");  // one source listed
        }
    }
    EXPECT_NE(text.find("TCL ajoutera"), std::string::npos) << text;
    EXPECT_EQ(text.find("tcl ajoutera"), std::string::npos) << text;
    EXPECT_NE(text.find("que tcl tienne"), std::string::npos) << text;  // a speaker's words as quoted
    EXPECT_NE(text.find("part de l’État"), std::string::npos) << text;  // « DE » in capitals is no spelling of « de »
    EXPECT_EQ(text.find("Etat"), std::string::npos) << text;
    EXPECT_EQ(listed, 1u);  // b.txt has no title and no URL
    EXPECT_EQ(text.find("b.txt"), std::string::npos);
}

// Derived sections list whole sentences that stand alone: never a piece cut out of a
// sentence, a sentence leaning on the one before (« C’est », « Suivent ensuite », « À l’inverse »,
// « Et », « également », « là encore », « celles-ci » anywhere), a quotation
// without its speaker, nor two items saying the same; a key figure is a quantity, not a date. A question is asked only where the
// sources ask it and answer it in the next sentence. A list of one item is no section.
TEST(WriteCompose, DerivedItemsAreWholeSentencesThatStandAlone) {
    std::vector<Removal> removals;
    const Story story = fuse(
        tram_story_with(
            {"Le projet associe la Métropole, la Région et l’État, qui financent ensemble le chantier.",
             "Combien de rames circuleront sur la ligne ? La ligne de tramway T9 comptera 18 rames aux heures de pointe.",
             "C’est 4 rames de plus que sur la ligne T4 de tramway.",
             "Suivent ensuite les lignes T2 et T3 avec 12 rames chacune aux heures de pointe.",
             "À l’inverse, la ligne T1 de tramway ne compte que 8 rames aux heures de pointe.",
             "Et la ligne T6 de tramway attend encore 4 rames neuves depuis 2024.",
             "La ligne T7 de tramway recevra également 10 rames neuves en 2027.",
             "Les lignes T5 et T8 sont là encore équipées de 6 rames neuves depuis 2025.",
             "La livraison de celles-ci sur la ligne de tramway T3 est prévue pour 2026.",
             "Les travaux du pont de Perrache sur la ligne de tramway reprendront le 12 septembre 2027."},
            {"La ligne de tramway dessert le quartier de Gerland, où vivent 30 000 habitants.",
             "« Nous attendons 30 000 voyageurs par jour sur la ligne de tramway. »",
             "Pourquoi le tracé passe-t-il par Gerland ? Personne ne le sait encore vraiment."}),
        removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    std::set<std::string> sentences;
    for (const StorySentence& s : story.sentences) sentences.insert(words_key(s.text));
    for (const StorySentence& s : story.variants) sentences.insert(words_key(s.text));
    bool figure_listed = false;
    std::vector<std::string> questions;
    for (const Section& s : derived_sections(story, plan)) {
        std::set<std::string> items;
        for (const ArticleBlock& b : s.blocks) {
            if (b.kind == BlockKind::Heading) {
                questions.push_back(b.text());
                continue;
            }
            EXPECT_TRUE(sentences.contains(words_key(b.text()))) << "not a whole sentence: " << b.text();
            EXPECT_TRUE(items.insert(words_key(b.text())).second) << "repeated: " << b.text();
            for (const char* again : {"également", "là encore", "celles-ci"}) {
                EXPECT_EQ(b.text().find(again), std::string::npos) << b.text();  // says again what the sentence before said
            }
            for (const char* leaning : {"C’est", "Suivent", "«", "Personne", "À l’inverse", "Et "}) {
                EXPECT_FALSE(b.text().starts_with(leaning)) << b.text();
            }
            figure_listed = figure_listed || b.text().starts_with("La ligne de tramway T9 comptera 18 rames");
            // A date is no key figure.
            if (s.kind == SectionKind::KeyFigures) EXPECT_EQ(b.text().find("12 septembre"), std::string::npos) << b.text();
        }
        if (s.kind != SectionKind::Faq) {
            EXPECT_GE(s.blocks.size(), 2u) << s.heading;
        }
    }
    EXPECT_TRUE(figure_listed);
    // One question is answered in the sentence after it, the other by a sentence that leans on
    // it: a single question is no section.
    EXPECT_TRUE(questions.empty()) << questions.front();
}

TEST(WriteCompose, TitleDescriptionAndSlugFollowTheSearchResultRules) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::string title = compose_titles(story, plan).title;
    EXPECT_TRUE(title.starts_with("Ligne de tramway") || title.starts_with("Lyon : la ligne de tramway")) << title;
    EXPECT_LE(analysis::title_width_px(title), kTitleMaxPx);
    EXPECT_EQ(compose_slug("ligne de tramway", "Ligne de tramway : mise en service à Épinay"),
              "ligne-tramway-mise-service-epinay");
}

// A description stands alone in a search result: never a sentence pointing back at the
// one before it (« également », « Depuis, », « Tous ces travaux »).
// The description of the story of one source, for a keyphrase.
std::string description_of(const std::string& title, std::vector<std::string> paragraphs, const std::string& keyphrase) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", title, std::move(paragraphs))}, removals);
    return compose_description(story, plan_article(story, {keyphrase, {}}, 300));
}

TEST(WriteCompose, DescriptionDoesNotPointBackAtASentenceItLeavesOut) {
    const std::string description = description_of(
        "Gerland : la passerelle du Rhône rouvre",
        {"Les travaux sur les berges du Rhône se sont achevés vendredi soir à Gerland, après trois ans de chantier et deux hivers d’inondations.",
         "Le maire a également inauguré la passerelle piétonne du Rhône, fermée depuis trois ans pour des travaux.",
         "Tous ces travaux ont coûté 12 millions d’euros à la Métropole de Lyon, qui a financé la passerelle piétonne.",
         "La passerelle piétonne relie désormais Gerland au quartier de la Guillotière en quatre minutes à pied."},
        "passerelle piétonne");
    EXPECT_NE(description.find("passerelle piétonne"), std::string::npos) << description;
    // The lead does not name the keyphrase; the next two sentences that do point back.
    EXPECT_FALSE(description.starts_with("Le maire a également")) << description;
    EXPECT_FALSE(description.starts_with("Tous ces")) << description;
}

// A sentence of a quotation its source opened a paragraph before, named by the keyphrase,
// would read as plume's words in the description: the lead stands instead.
TEST(WriteCompose, DescriptionNeverOpensInsideAQuotation) {
    const std::string description = description_of(
        "Le maire de Quimper, guéri du Covid-19, reprend ses fonctions",
        {"Le maire de Quimper a repris lundi ses fonctions, trois semaines après avoir été testé positif au Covid-19, a annoncé la mairie dans un communiqué.",
         "\"J'ai traversé des moments difficiles. J'ai eu de la fièvre et beaucoup de fatigue pendant dix jours.",
         "Je vais beaucoup mieux maintenant, je reprends le travail avec toute l'équipe municipale pour préparer le budget et pour aider les commerçants du centre\".",
         "Le conseil municipal se réunira jeudi pour examiner les comptes de l'année, a précisé la mairie."},
        "commerçants");
    EXPECT_TRUE(description.starts_with("Le maire de Quimper a repris")) << description;
}

// The article of a name stays in the slug (Yoast finds the keyphrase there as written); an
// article opening the title or a colon's side, or before a common noun, does not.
TEST(WriteCompose, SlugKeepsTheArticleOfAName) {
    EXPECT_EQ(compose_slug("Marine Le Pen", "Marine Le Pen visite une usine de Dunkerque"), "marine-le-pen-visite-usine-dunkerque");
    EXPECT_EQ(compose_slug("réforme des retraites", "La réforme des retraites irrite Le Drian"),
              "reforme-retraites-irrite-le-drian");
    EXPECT_EQ(compose_slug("navette", "Une navette relie la gare au campus de La Doua"), "navette-relie-gare-campus-la-doua");
    EXPECT_EQ(compose_slug("Sète", "Sète : Les Républicains divisés avant le scrutin"), "sete-republicains-divises-scrutin");
    EXPECT_EQ(compose_slug("hommage", "Un hommage à Jean D’Ormesson dans sa ville"), "hommage-jean-d-ormesson-ville");
    EXPECT_EQ(compose_slug("Marine Le Pen", "Marine Le Pen répond à Jean-Yves Le Drian"), "marine-le-pen-repond-jean-yves-le-drian");
    // Initials and signs make one hyphen each, none doubled.
    EXPECT_EQ(compose_slug("Cormoran Strike", "Cormoran Strike : la saga de J.K. Rowling adaptée"),
              "cormoran-strike-saga-j-k-rowling-adaptee");
    EXPECT_EQ(compose_slug("sœur", "Sa sœur met en œuvre le plan"), "soeur-met-oeuvre-plan");
}

// A slug keeps the title's negation: without it, it says the opposite.
TEST(WriteCompose, SlugKeepsTheNegation) {
    EXPECT_EQ(compose_slug("municipales", "Municipales : la ministre assure ne pas être candidate"),
              "municipales-ministre-assure-pas-candidate");
    EXPECT_EQ(compose_slug("grève", "Grève : aucun train ne circulera jeudi, sans solution de repli"),
              "greve-aucun-train-circulera-jeudi-sans-solution-repli");
}

// A headline typed without its accents is not the article's title; after "Keyphrase : "
// a common noun is lowercased.
TEST(WriteCompose, TitleSkipsAHeadlineWithoutItsAccents) {
    std::vector<CleanSource> sources = tram_story();
    sources[1].info.title = "Tramway T9 : l'ouverture tres attendue des habitants de la ligne, a la cle 12 stations";
    sources[1].blocks.push_back(paragraph("L’ouverture de la ligne de tramway est très attendue par les habitants de Gerland."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::string title = compose_titles(story, plan).title;
    EXPECT_EQ(title.find("tres"), std::string::npos) << title;
    EXPECT_EQ(title.find("a la cle"), std::string::npos) << title;
    EXPECT_EQ(lower_common_first_word(InnerForms(story), "Ouverture le 4 mai"), "ouverture le 4 mai");
    EXPECT_EQ(lower_common_first_word(InnerForms(story), "Gerland et Vaise"), "Gerland et Vaise");
    EXPECT_EQ(lower_common_first_word(InnerForms(story), "Gerland, Vaise et la Presqu’île"), "Gerland, Vaise et la Presqu’île");  // a name before its comma
}

// The keyphrase is the headline's subject in the words the lead uses, even when the story
// never writes the headline's phrase as it stands ("grève des contrôleurs") and repeats
// another one more often.
TEST(WritePlan, KeyphraseIsTheHeadlineSubjectTheLeadSays) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Bretagne : grève des contrôleurs lundi sur les lignes TER",
                                     {"Les contrôleurs de la SNCF feront grève lundi en Bretagne, à l’appel de deux syndicats.",
                                      "La prime de fin d’année est au cœur du conflit. La direction refuse de revoir la prime de fin "
                                      "d’année, que les syndicats jugent trop faible.",
                                      "Selon la direction régionale, la prime de fin d’année a déjà augmenté en 2023. Les contrôleurs "
                                      "avaient déjà fait grève en décembre pour la même raison."})},
                             removals);
    const std::string k = choose_keyphrase(story).keyphrase;
    EXPECT_EQ(k, "grève des contrôleurs");
    // Yoast reads each word as written: all of them in the lead's first sentence.
    const analysis::Keyphrase kp = analysis::make_keyphrase(k, MatchMode::Yoast);
    EXPECT_TRUE(analysis::contains_all(kp, story.sentences[0].text)) << k;
}

// A headline whose phrases the story does not say again: the one its lead says is still its
// subject, rather than a phrase of the story the headline never names (« maître nageur »).
TEST(WritePlan, KeyphraseIsTheHeadlinePhraseTheLeadSaysOnce) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Le cours de natation tourne mal à la piscine de Vaise",
                                     {"Un cours de natation a tourné au drame mardi matin à Lyon : un enfant de huit ans a été "
                                      "hospitalisé après un malaise dans le grand bain.",
                                      "Le maître nageur présent au bord du bassin a donné l’alerte. Selon la mairie, le maître "
                                      "nageur avait suivi une formation aux premiers secours en janvier.",
                                      "L’enfant est sorti de l’hôpital mercredi. Une enquête administrative a été ouverte."})},
                             removals);
    EXPECT_EQ(choose_keyphrase(story).keyphrase, "cours de natation");
}

// A question the journalist asks on its own line (« Fallait-il donner une date… ? ») has its
// verb before its subject: it is a sentence of the story, not a verbless caption.
TEST(WritePlan, AQuestionWithItsVerbBeforeItsSubjectIsNoCaption) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : la ligne de tramway T9 ouvre le 4 mai",
                                     {"La ligne de tramway T9 ouvre le samedi 4 mai entre Vaise et Gerland, après trois ans de travaux.",
                                      "Fallait-il donner une date pour la fin de ces travaux ?",
                                      "La Métropole assure que le calendrier sera tenu, malgré les intempéries de l’hiver."})},
                             removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    for (const Removal& out : plan.left_out) EXPECT_EQ(out.text.find("Fallait-il"), std::string::npos) << out.kind;
}

// A headline that asks (« Combien va coûter… ? ») names its subject after the verb: the
// infinitive, however often the story says it, is no keyphrase.
TEST(WritePlan, KeyphraseIsNoInfinitiveOfTheHeadline) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Combien va coûter le tramway ?",
                                     {"Le tramway va coûter 400 millions d’euros à la Métropole de Lyon, selon le budget voté "
                                      "lundi soir par les élus.",
                                      "Chaque station devrait coûter près de dix millions d’euros, un montant que l’opposition "
                                      "juge excessif pour une ligne de sept kilomètres. Les travaux commenceront au printemps "
                                      "prochain dans le quartier de Vaise, puis gagneront Gerland à l’automne.",
                                      "Les élus de l’opposition craignent de voir le projet coûter plus cher que prévu, comme "
                                      "lors du chantier précédent. La majorité promet un suivi mensuel des dépenses et une "
                                      "réunion publique dans chaque arrondissement concerné. Le tramway sera gratuit le premier "
                                      "week-end d’exploitation, au mois de mai."})},
                             removals);
    EXPECT_EQ(choose_keyphrase(story).keyphrase, "tramway");
}

// An article right after a common word opens another phrase: « samedi soir | le ministre »,
// « à travers | le monde » are no keyphrase nor synonym.
TEST(WritePlan, KeyphraseAndSynonymsHoldNoArticleRightAfterACommonWord) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Fin de soirée agitée pour le ministre à Calais",
                                     {"Samedi soir le ministre a rencontré les policiers du port de Calais, à la fin de "
                                      "soirée, après une journée de visites.",
                                      "Dimanche soir le ministre a visité les centres d’accueil, puis il a dîné avec les élus "
                                      "en fin de soirée.",
                                      "Lundi soir le ministre a promis des renforts aux policiers du port."})},
                             removals);
    const KeyphraseChoice k = choose_keyphrase(story);
    std::vector<std::string> phrases = k.synonyms;
    phrases.push_back(k.keyphrase);
    for (const std::string& phrase : phrases) EXPECT_EQ(phrase.find("soir le"), std::string::npos) << phrase;
}

// An adjective alone names no subject (« obligatoire » of « le vaccin obligatoire »): where
// the lead holds no other word of the headline, the noun the headline introduces with its
// article and the story repeats is the keyphrase, not a phrase the headline never says.
TEST(WritePlan, KeyphraseIsTheHeadlinesNounNotItsAdjective) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Relance du débat sur le vaccin obligatoire",
                                     {"Faut-il rendre la protection obligatoire pour les soignants des hôpitaux de la région ?",
                                      "Le conseil régional a voté mardi une motion qui demande un vaccin pour tous les soignants. "
                                      "Le vaccin serait gratuit et proposé dans chaque hôpital public.",
                                      "Les syndicats de soignants refusent un vaccin imposé sans concertation. Ils demandent une "
                                      "réunion avec l’agence régionale de santé avant la fin du mois.",
                                      "Les soignants des hôpitaux de la région se disent prêts à débattre du caractère obligatoire "
                                      "de la mesure, selon leurs représentants.",
                                      "La région compte quarante établissements publics et près de 60 000 salariés, dont la moitié "
                                      "travaillent la nuit ou le week-end. Plusieurs directions ont déjà prévu des séances "
                                      "d’information dans les services d’urgence et de pédiatrie, où les équipes changent souvent."})},
                             removals);
    EXPECT_EQ(choose_keyphrase(story).keyphrase, "vaccin");
}

// A keyphrase is a whole name, after the elision of its preposition (« d'Alpha Énergies »).
TEST(WritePlan, KeyphraseIsAWholeNameAfterItsElision) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    const auto keyphrase = [](const std::string& headline, std::vector<std::string> paragraphs) {
        std::vector<Removal> removals;
        return choose_keyphrase(fuse({source("a.txt", headline, std::move(paragraphs))}, removals)).keyphrase;
    };
    EXPECT_EQ(keyphrase("Lyon : le siège d'Alpha Énergies évacué après une alerte",
                        {"Le siège d'Alpha Énergies a été évacué mardi matin à Lyon après une alerte à la bombe.",
                         "Les salariés d'Alpha Énergies ont pu regagner leurs bureaux dans l'après-midi, selon la préfecture.",
                         "La direction d'Alpha Énergies a porté plainte contre X."}),
              "Alpha Énergies");
}

// A lead that is a quotation naming none of the headline's words (its own paragraph, as
// pages set a chapô): the headline's name the story repeats is the keyphrase, not a
// phrase of the quotation the headline never says.
TEST(WritePlan, KeyphraseIsTheHeadlinesNameWhenTheLeadIsAQuotation) {
    if (!plume::text::lexicon_available()) GTEST_SKIP() << "hunspell-fr is not installed";
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Le maire Girard se paye au Smic et commence à le regretter",
                                     {"« La prochaine fois, je prendrai une hausse de salaire, une vraie hausse de salaire. »",
                                      "Paul Girard l’avait promis pendant la campagne des municipales. Il reverse le reste de son "
                                      "indemnité à des associations du quartier.",
                                      "Girard garde 1 100 euros par mois et donne 3 000 euros chaque mois.",
                                      "Une hausse de salaire n’est pas prévue avant 2027, selon la mairie."})},
                             removals);
    EXPECT_EQ(choose_keyphrase(story).keyphrase, "Girard");
}

// A headline is the title whatever words of it the story writes otherwise (« lance » beside
// « lancé »: typed right); a label before a quotation (« Salon 2024 ») tells no story: the
// headline goes whole.
TEST(WriteCompose, TitleKeepsTheHeadlinesStory) {
    std::vector<Removal> removals;
    const Story lance = fuse({source("a.txt", "La Métropole lance la ligne de tramway T9",
                                     {"La Métropole a lancé samedi la ligne de tramway T9 entre Vaise et Gerland.",
                                      "La ligne de tramway a coûté 210 millions d’euros à la Métropole de Lyon."})},
                             removals);
    EXPECT_EQ(compose_titles(lance, plan_article(lance, {"ligne de tramway", {}}, 700)).title, "La Métropole lance la ligne de tramway T9");
    const Story label = fuse({source("a.txt",
                                     "Salon 2024 : « Si vous préférez les voitures électriques, achetez-les ailleurs », lance "
                                     "Paul Girard aux visiteurs du salon de l’automobile",
                                     {"Paul Girard s’en est pris aux visiteurs du salon de l’automobile de Lyon, samedi.",
                                      "« Si vous préférez les voitures électriques, achetez-les ailleurs », a dit Paul Girard.",
                                      "Paul Girard préside le salon depuis 2010."})},
                             removals);
    EXPECT_EQ(compose_titles(label, plan_article(label, {"Paul Girard", {}}, 700)).title,
              "Salon 2024 : « Si vous préférez les voitures électriques, achetez-les ailleurs », lance Paul Girard aux "
              "visiteurs du salon de l’automobile");
}

// The title is the base's headline as written when it fits, whatever the keyphrase: no
// "Keyphrase : " in front of a headline.
TEST(WriteCompose, TitleIsTheHeadlineAsWrittenWhenItFits) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    for (const char* keyphrase : {"ligne de tramway", "Métropole de Lyon"}) {
        const Plan plan = plan_article(story, {keyphrase, {}}, 700);
        EXPECT_EQ(compose_titles(story, plan).title, "Lyon : la ligne de tramway T9 ouvre le 4 mai") << keyphrase;
    }
}

// A headline too wide for a search result is cut where a clause or a complement starts,
// keeping the part that names the keyphrase; never led by it.
TEST(WriteCompose, LongHeadlineIsCutKeepingItsSubject) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].info.title =
        "Avec la crise sanitaire, les mineurs isolés sont plus nombreux à traverser la Manche en bateau pneumatique depuis "
        "le printemps";
    sources[0].blocks.insert(sources[0].blocks.begin(),
                             paragraph("Les mineurs isolés sont plus nombreux à traverser la Manche depuis le printemps, selon "
                                       "les associations. Les mineurs isolés rejoignent surtout l’Angleterre."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"mineurs isolés", {}}, 700);
    const std::string title = compose_titles(story, plan).title;
    // The rest after the opening phrase, up to the widest complement that fits.
    EXPECT_EQ(title, "Les mineurs isolés sont plus nombreux à traverser la Manche");
    EXPECT_LE(analysis::title_width_px(title), kTitleMaxPx);
    // The page keeps the headline whole as its H1: the cut is for a search result only, and
    // an analysis of the page reads the SEO title.
    const Article a = compose(story, plan, "2026-05-04", "");
    EXPECT_EQ(a.title, title);
    EXPECT_EQ(a.h1(), "Avec la crise sanitaire, les mineurs isolés sont plus nombreux à traverser la Manche en bateau "
                      "pneumatique depuis le printemps");
    EXPECT_EQ(article_document(a).title, title);
}

// A cut never leaves an adverb of degree behind it (« …Premier ministre, juste » out of
// « …, juste avant l'arrivée du ministre »), nor a slug the « Premier » of « Premier ministre ».
TEST(WriteCompose, LongHeadlineIsNotCutAfterAnAdverbOfDegree) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].info.title = "La ligne de tramway T9 ouvre entre Vaise et Gerland, juste avant l’arrivée du Premier ministre";
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const std::string title = compose_titles(story, plan_article(story, {"ligne de tramway", {}}, 700)).title;
    EXPECT_EQ(title, "La ligne de tramway T9 ouvre entre Vaise et Gerland");
    EXPECT_EQ(compose_slug("Liban", "Le Liban se dote d’un nouveau Premier ministre"), "liban-dote-nouveau-premier-ministre");
}

// A headline that fits is both the SEO title and the H1.
TEST(WriteCompose, HeadlineThatFitsIsTheH1Too) {
    std::vector<Removal> removals;
    const Story story = fuse(tram_story(), removals);
    const Article a = compose(story, plan_article(story, {"ligne de tramway", {}}, 700), "2026-05-04", "");
    EXPECT_TRUE(a.headline.empty()) << a.headline;
    EXPECT_EQ(a.h1(), a.title);
}

// The SEO title of the tram story when both its sources give `headline`, on the keyphrase
// « ligne de tramway ».
std::string tram_title(const std::string& headline) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].info.title = sources[1].info.title = headline;
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    return compose_titles(story, plan_article(story, {"ligne de tramway", {}}, 700)).title;
}

// Shortened, a headline keeps its story: never its lead-in alone, nor a cut that drops who
// says it; when no part keeps it, the headline whole, even too wide.
TEST(WriteCompose, LongHeadlineKeepsItsStory) {
    const std::string title =
        tram_title("Ligne de tramway T9 : trop peu de voyageurs dans les rames le premier week-end d’exploitation, selon une enquête");
    EXPECT_NE(title, "Ligne de tramway T9");
    EXPECT_NE(title.find("selon une enquête"), std::string::npos) << title;
    // A noun the lexicon also reads as a participle (« Retraite », of « retraire ») is no
    // verb: the lead-in alone is still no story.
    const std::string quoted = tram_title(
        "Retraite : « Il faudra travailler plus longtemps pour financer la ligne de tramway et le réseau de bus », affirme le "
        "maire de Lyon");
    EXPECT_NE(quoted, "Retraite");
    EXPECT_NE(quoted.find("affirme le maire"), std::string::npos) << quoted;
}

// A text made to stand alone (the side of a headline's colon, the second half of a cut
// sentence) opens on a capital, inside a quotation's marks too.
TEST(WriteCompose, CapitalisedInsideAnOpeningQuotation) {
    EXPECT_EQ(capitalise("« une ligne trop chère », dénoncent les riverains"), "« Une ligne trop chère », dénoncent les riverains");
    EXPECT_EQ(capitalise("\u201cune ligne trop chère\u201d"), "\u201cUne ligne trop chère\u201d");
    EXPECT_EQ(capitalise("élus et riverains"), "Élus et riverains");
    EXPECT_EQ(capitalise("« 12 stations »"), "« 12 stations »");
}

// A headline too wide is never cut after an adverb that modifies what the cut leaves out
// (« …, douze stations toujours | en attente… »).
TEST(WriteCompose, LongHeadlineIsNotCutAfterAnAdverb) {
    const std::string title = tram_title("Ligne de tramway T9 : le chantier achevé, douze stations toujours en attente de leurs abris");
    EXPECT_LE(analysis::title_width_px(title), kTitleMaxPx) << title;
    EXPECT_FALSE(title.ends_with("toujours")) << title;
    EXPECT_NE(title.find("le chantier achevé"), std::string::npos) << title;
}

// A verbless headline says what its subject is in a complement (« en attente… »): cut at the
// first « en », it would leave the subject alone; each « en » is a place to cut, and « à
// cause » one too.
TEST(WriteCompose, LongHeadlineIsCutAfterItsPredicate) {
    const std::string title = tram_title("Ligne de tramway T9 : des voyageurs d’un quartier en attente en gare de Vaise depuis des semaines");
    EXPECT_LE(analysis::title_width_px(title), kTitleMaxPx) << title;
    EXPECT_TRUE(title.ends_with("en attente")) << title;
    // A cause is a complement the headline's fact does without.
    const std::string cause = tram_title("Ligne de tramway T9 : des heures de retard pour les rames à cause d’un incendie près des voies de Gerland");
    EXPECT_EQ(cause, "Ligne de tramway T9 : des heures de retard pour les rames");
}

// A cut form made to stand alone has a capital; put back after the headline's colon, it
// takes back the headline's small letter (French writes none after a colon).
TEST(WriteCompose, CutAfterTheColonKeepsTheHeadlinesSmallLetter) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Lyon : face à la contestation, inauguration en catimini pour Paul Girard",
                                     {"Le maire Paul Girard a inauguré samedi matin la nouvelle passerelle sans public ni discours.",
                                      "Paul Girard voulait éviter les sifflets des riverains, opposés au chantier depuis deux ans."})},
                             removals);
    const Plan plan = plan_article(story, {"Paul Girard", {}}, 700);
    const std::string title = compose_titles(story, plan).title;
    EXPECT_EQ(title.find(": Inauguration"), std::string::npos) << title;
    EXPECT_NE(title.find("inauguration en catimini pour Paul Girard"), std::string::npos) << title;
}

// A sentence said inside a quotation its source opened in an earlier paragraph is the
// speaker's: marked, so that no connective of plume's opens it where it joins the story.
TEST(WriteFuse, SentencesInsideAnOpenQuotationAreMarked) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Tramway T9 : le maire salue la nouvelle ligne",
                                     {"Le maire a inauguré la ligne de tramway T9 samedi. « Nous attendions cette ligne depuis dix ans.",
                                      "Elle changera la vie de tout un quartier », a-t-il déclaré. Le chantier a duré trois ans."})},
                             removals);
    const auto quoted = [&](std::string_view opening) {
        for (const StorySentence& s : story.sentences)
            if (s.text.find(opening) != std::string::npos) return s.quoted;
        ADD_FAILURE() << "no sentence with " << opening;
        return false;
    };
    EXPECT_FALSE(quoted("Le maire a inauguré"));
    EXPECT_FALSE(quoted("Nous attendions"));
    EXPECT_TRUE(quoted("Elle changera"));
    EXPECT_FALSE(quoted("Le chantier a duré"));
}

// A semicolon outside quotation marks joins two sentences; inside a speaker's words it is
// theirs, and the sentence stays whole.
TEST(WriteCompose, SplitsAtASemicolonButNotInsideAQuotation) {
    EXPECT_EQ(split_long_sentence("Le conseil municipal de Brest a voté mardi soir la création d’un téléphérique urbain au-dessus "
                                  "de la Penfeld ; les travaux commenceront au printemps sur la rive droite."),
              (std::vector<std::string>{"Le conseil municipal de Brest a voté mardi soir la création d’un téléphérique urbain au-dessus "
                                        "de la Penfeld.",
                                        "Les travaux commenceront au printemps sur la rive droite."}));
    const std::string quoted =
        "L’adjointe chargée des mobilités a déclaré : « nous avons tenu nos promesses ; les habitants de Recouvrance "
        "attendaient ce transport depuis dix ans », devant la presse.";
    EXPECT_GT(text::count_words(quoted), 20u);
    EXPECT_EQ(split_long_sentence(quoted), std::vector<std::string>{quoted});
}

// A lead whose first sentence runs over 156 characters but splits at its semicolon gives a
// description ending on the first part, a whole sentence, rather than on « … ».
TEST(WriteCompose, DescriptionKeepsAWholeSentenceOfTheLead) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].blocks.insert(sources[0].blocks.begin(),
                             paragraph("La ligne de tramway T9, attendue depuis dix ans par les habitants de Vaise et de Gerland, "
                                       "ouvrira le samedi 4 mai après trois ans de travaux ; elle desservira quinze stations entre "
                                       "la gare de Vaise et le campus de la Doua."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    EXPECT_EQ(compose_description(story, plan),
              "La ligne de tramway T9, attendue depuis dix ans par les habitants de Vaise et de Gerland, ouvrira le samedi 4 mai "
              "après trois ans de travaux.");
}

// The intro sums the story up: cut short, it still makes the description, rather than a
// whole sentence further on that tells one of its details.
TEST(WriteCompose, DescriptionIsTheIntroCutRatherThanALaterSentenceWhole) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].blocks.insert(sources[0].blocks.begin(),
                             paragraph("La ligne de tramway T9, attendue depuis dix ans par les habitants de Vaise et de Gerland, "
                                       "ouvrira le samedi 4 mai après trois ans de travaux qui ont coûté deux cent dix millions "
                                       "d’euros à la Métropole de Lyon et à ses partenaires."));
    sources[0].blocks.push_back(paragraph("Les riverains de la ligne de tramway se plaignent depuis des mois du bruit des "
                                          "travaux de nuit sur le boulevard, selon leur association."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::string d = compose_description(story, plan);
    EXPECT_TRUE(d.starts_with("La ligne de tramway T9, attendue depuis dix ans")) << d;
}

// A description cut with « … » never ends inside a name: « dont Christian Estrosi et
// Franck… » names nobody.
TEST(WriteCompose, DescriptionIsNotCutInsideAName) {
    int cut_near_names = 0;
    for (std::string before = "Le maire a reçu la semaine dernière à l’hôtel de ville une dizaine d’élus de l’opposition";
         before.size() < 170; before += " ensemble") {
        const std::string d = cut_description(before + " comme Jeanne Moreau et Pierre Kergoat pour parler du budget de la ville.");
        for (const char* first : {"Jeanne…", "Pierre…"}) EXPECT_FALSE(d.ends_with(first)) << d;
        cut_near_names += d.ends_with("Moreau…") || d.ends_with("Kergoat…");
    }
    EXPECT_GT(cut_near_names, 0);  // the cut came up to the names
}

// The point of a title before its name ends no sentence: a description never ends on
// « …, a déclaré M. ».
TEST(WriteCompose, DescriptionNeverEndsOnATitlesPoint) {
    const std::string quote =
        "« Nous avons soumis un nouveau tracé au conseil de la métropole (douze stations, deux parkings relais) il y a "
        "quelques jours », a déclaré M.";
    const std::string d = cut_description(quote + " Girard, précisant que ce texte de quatre pages avait été transmis au préfet.");
    EXPECT_FALSE(d.ends_with("M.")) << d;
}

// A sentence whose main clause is whole before a comma and an adjunct, or before a
// subordinate clause, ends there with a period, rather than on « … »; an attribution, an incise before the clause's complement,
// a relative clause after the subject and the next item of a list are never cut off so.
TEST(WriteCompose, DescriptionEndsOnAMainClauseBeforeAnAdjunct) {
    const std::string head =
        "Le tribunal judiciaire de Nantes a annulé lundi le mariage d’un couple de retraités de Rezé célébré en 2015 à la "
        "mairie du quartier de Trentemoult";
    EXPECT_EQ(cut_description(head + ", en partie au motif que les époux n’avaient jamais vécu ensemble sous le même toit."),
              head + ".");
    EXPECT_EQ(cut_description(head + ", alors que le parquet avait requis le maintien de l’union."), head + ".");
    EXPECT_EQ(cut_description(head + ", dont la validité était contestée par les enfants du premier lit."), head + ".");
    // « selon… »: cut off, the claim would read as a fact.
    EXPECT_TRUE(cut_description(head + ", selon le parquet de Nantes qui a communiqué la décision mardi.").ends_with("…"));
    // « à » and an infinitive complete the noun before them.
    const std::string plan = "La préfecture de Loire-Atlantique a publié ce vendredi 17 juillet sur son site internet un plan de "
                             "prévention des crues pour les communes riveraines";
    EXPECT_TRUE(cut_description(plan + ", à mettre en place en cas de montée des eaux de la Loire cet hiver.").ends_with("…"));
    // The verb's complement follows the incise: « a estimé. » would say nothing.
    EXPECT_TRUE(cut_description("Le président de la chambre d’agriculture de Loire-Atlantique, Jean-Marc Guérin, a longuement "
                                "estimé mardi soir devant les élus du département, dans un entretien accordé à la presse "
                                "régionale, que la sécheresse coûterait cher.")
                    .ends_with("…"));
    // The finite verb is the relative clause's: the main clause has none yet.
    EXPECT_TRUE(cut_description("Le maire de la petite commune de Saint-Aignan-Grandlieu, qui a été élu en 2020 sur une liste "
                                "sans étiquette soutenue par les agriculteurs du lac, après une campagne très disputée, "
                                "démissionne.")
                    .ends_with("…"));
    // The relative clause is an incise: the noun before it has its verb after it.
    EXPECT_TRUE(cut_description("Dans les bars et les restaurants du vieux port de La Rochelle, outre le gel en libre-service, les serveurs portent "
                                "des gants et des masques et les tables, qui doivent "
                                "être espacées de trois mètres, ne peuvent accueillir chacune plus de deux personnes.")
                    .ends_with("…"));
    EXPECT_TRUE(cut_description("Dans les bars et les restaurants du vieux port de La Rochelle, outre le gel en libre-service, les serveurs portent "
                                "des gants et des masques et les tables, qui doivent "
                                "être espacées de trois mètres, accueillent chacune au plus deux personnes jusqu’à la fin de l’été.")
                    .ends_with("…"));
    // A cut between words never leaves a verb waiting for its complement, a subject for its
    // verb, or a bracket open: it ends on the words before.
    const std::string lead = "Après un long débat dans la salle des fêtes de la mairie annexe de Méan le conseil municipal "
                             "de Saint-Nazaire et son adjointe aux transports";
    for (const char* rest : {" ont rendu hommage aux agents du réseau qui ont préparé le projet pendant deux ans.",
                             " repartent aussitôt pour Nantes afin de présenter le projet aux élus de la métropole.",
                             " veulent qu’elle desserve aussi le quartier de Méan-Penhoët dès la rentrée prochaine.",
                             " (Marie Durand élue depuis 2020 et ancienne conductrice du réseau) défendent le projet."}) {
        const std::string d = cut_description(lead + rest);
        EXPECT_EQ(d, lead + "…") << d;
    }
    // « à Nantes, à Rezé… »: a list goes on after the comma, whatever preposition each place takes.
    const std::string places = cut_description(
        "En marge de la réouverture des restaurants et des bars du littoral, les écoliers étaient nombreux à retrouver leurs "
        "classes en Vendée, en Charente-Maritime, au Pays basque et aux Sables-d’Olonne.");
    EXPECT_TRUE(places.ends_with("…")) << places;
    // A verb's complement in « à » opens no list of places.
    const std::string warned =
        "Le président du conseil départemental a averti samedi le préfet de région de ne pas chercher querelle à la Vendée "
        "et à ses maires ruraux";
    EXPECT_EQ(cut_description(warned + ", en réponse à sa mise en garde dans le conflit sur les éoliennes en mer."), warned + ".");
    EXPECT_TRUE(cut_description("Les agents du service des espaces verts de la métropole nantaise manifesteront jeudi matin "
                                "devant les mairies annexes à Nantes, à Rezé, à Orvault et à Saint-Herblain avec leurs syndicats.")
                    .ends_with("…"));
    // After a subordinate clause opening the sentence, the main clause is after its comma.
    EXPECT_EQ(cut_description("Alors que la sécheresse dure depuis trois mois, le conseil départemental de la Loire-Atlantique a voté "
                              "jeudi une aide aux agriculteurs du pays de Retz, dont les récoltes de maïs sont perdues."),
              "Alors que la sécheresse dure depuis trois mois, le conseil départemental de la Loire-Atlantique a voté jeudi une "
              "aide aux agriculteurs du pays de Retz.");
    // « ainsi que » joins two subjects, it opens no subordinate before the verb.
    EXPECT_EQ(cut_description("La présidente du conseil départemental ainsi que plusieurs maires du pays de Retz ont visité "
                              "jeudi les exploitations de maïs touchées par la sécheresse, avant de rencontrer les syndicats agricoles."),
              "La présidente du conseil départemental ainsi que plusieurs maires du pays de Retz ont visité jeudi les "
              "exploitations de maïs touchées par la sécheresse.");
    // Without a comma, a clause of purpose after the main one.
    EXPECT_EQ(cut_description("Le conseil départemental de la Loire-Atlantique a voté jeudi une aide de deux millions d’euros "
                              "aux agriculteurs du pays de Retz touchés par la sécheresse pour compenser la perte des récoltes."),
              "Le conseil départemental de la Loire-Atlantique a voté jeudi une aide de deux millions d’euros aux agriculteurs "
              "du pays de Retz touchés par la sécheresse.");
}

// The description opens on no words that answer the sentence before (« Il… »), even in the
// lead, and runs on into no sentence leaning on another than the one before it.
TEST(WriteCompose, DescriptionOpensOnNoAnaphoraAndEndsWhole) {
    std::vector<CleanSource> sources = tram_story();
    sources[0].blocks.insert(sources[0].blocks.begin(),
                             paragraph("Il l’avait promis pendant sa campagne de 2020 : la ligne de tramway T9 relie désormais "
                                       "Vaise à Gerland en passant par les berges du Rhône et le quartier de la Confluence."));
    std::vector<Removal> removals;
    const Story story = fuse(std::move(sources), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const std::string d = compose_description(story, plan);
    EXPECT_FALSE(d.starts_with("Il ")) << d;
    EXPECT_NE(d.find("ligne de tramway"), std::string::npos) << d;
    for (const StorySentence& s : story.sentences) {
        if (s.leans && d.find(s.text) != std::string::npos && s.leans_on >= 0) {
            EXPECT_NE(d.find(story.sentences[static_cast<std::size_t>(s.leans_on)].text + " " + s.text), std::string::npos) << d;
        }
    }
}

// One source whose sentences follow on without a transition word.
std::vector<std::string> cable_car_paragraphs() {
    return {"Le conseil municipal de Brest a voté mardi soir la création d’une ligne de téléphérique urbain au-dessus de "
            "la Penfeld.",
            "La ligne de téléphérique doit relier le quartier de Recouvrance au centre-ville en moins de "
            "quatre minutes. Les cabines pourront transporter soixante passagers chacune.",
            "Le chantier commencera au printemps prochain sur la rive droite. Les premiers pylônes seront installés dès le mois de juin.",
            "La maire a salué un vote historique pour la ville. Elle espère une mise en service avant les prochaines "
            "élections municipales.",
            "« Nous tenons enfin un transport moderne et silencieux », a déclaré l’adjointe chargée des mobilités devant "
            "la presse.",
            "Les commerçants de Recouvrance attendent une hausse de leur clientèle. Une réunion publique "
            "aura lieu le 12 mars à la mairie.",
            "Le coût total du téléphérique atteint 19 millions d’euros pour la métropole. La région financera un tiers de cette somme. Et l’État apportera le reste par une subvention spéciale.",
            "Les travaux du téléphérique mobiliseront une centaine d’ouvriers pendant dix-huit mois. Les habitants "
            "pourront suivre le chantier sur un site internet dédié.",
            "Les associations de riverains réclament une étude sur le bruit des cabines. Le préfet doit rendre son avis "
            "à la fin de l’été.",
            "La ligne de téléphérique doit transporter près de deux mille voyageurs chaque jour. Les tickets du réseau "
            "de bus y seront valables sans supplément."};
}

std::vector<std::string> connective_openings(const Article& a) {
    std::vector<std::string> out;
    for (const Section& s : a.sections)
        for (const ArticleBlock& b : s.blocks)
            for (const Piece& p : b.pieces)
                for (const char* c : {"Par ailleurs, ", "En outre, ", "D’autre part, "})
                    if (p.text.starts_with(c)) out.push_back(p.text);
    return out;
}

// A single source's sentences follow on as its writer wrote them: no connective of plume's,
// however few transitions the story holds (« Par ailleurs » at the story's own breaks read
// as wrong to an editor: before the next step of one account, the other half of a count).
TEST(WriteCompose, NoConnectiveOpensASingleSourcesSentences) {
    std::vector<Removal> removals;
    const Story story = fuse({source("a.txt", "Brest : un téléphérique au-dessus de la Penfeld", cable_car_paragraphs())}, removals);
    const Article a = compose(story, plan_article(story, {"ligne de téléphérique", {}}, 700), "2026-01-01", "");
    EXPECT_TRUE(connective_openings(a).empty()) << connective_openings(a).front();
}

// A base headline too wide whose parts that fit all lose the keyphrase gives way to another
// source's headline that fits and names it: the title keeps the story's subject.
TEST(WriteCompose, TooWideHeadlineLosingItsSubjectGivesWayToAnotherSourcesHeadline) {
    std::vector<Removal> removals;
    Story story = fuse(tram_story(), removals);
    const Plan plan = plan_article(story, {"ligne de tramway", {}}, 700);
    const auto base = static_cast<std::size_t>(story.base);
    const std::string other = story.sources[1 - base].info.title;
    story.sources[1 - base].info.title = "Lyon : la ligne de tramway T9 ouvre le 4 mai";
    story.sources[base].info.title =
        "T9 à Lyon : ce qu’il faut savoir avant la mise en service du samedi 4 mai entre Vaise et Gerland";
    EXPECT_EQ(compose_titles(story, plan).title, "Lyon : la ligne de tramway T9 ouvre le 4 mai") << other;
}

// A lead with no sentence end nor main clause to end on within 156 characters is cut after
// a whole word (never inside a number) and closed by « … ».
TEST(WriteCompose, DescriptionIsTheLeadCutOnAWord) {
    const std::string lead =
        "La ligne de tramway T9, attendue depuis dix ans par les habitants de Vaise et de Gerland, ouvrira le samedi "
        "4 mai après trois ans de travaux et un budget de 210 millions d’euros selon la Métropole de Lyon.";
    const std::string d = cut_description(lead);
    const auto n = static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    EXPECT_GE(n, kDescriptionMin) << d;
    EXPECT_LE(n, kDescriptionMax) << d;
    ASSERT_TRUE(d.ends_with("…")) << d;
    const std::string head = d.substr(0, d.size() - std::string("…").size());
    ASSERT_TRUE(lead.starts_with(head)) << d;
    EXPECT_EQ(lead[head.size()], ' ') << d;  // a whole word
    EXPECT_FALSE(head.ends_with(" de")) << d;  // no function word before the ellipsis
}

}  // namespace
}  // namespace plume::write
