// Cleaning by signals: the promotional register (src/clean/promo.cpp) catches every
// promotional paragraph below and no passage of the real news of ../shared/corpus; page
// furniture is known by its shape (stamps, bylines) and never mistaken for a news line.
//
// The promotional paragraphs were written for this test, in the registers pasted pages
// carry; none comes from the inputs plume was developed on.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/boilerplate.hpp"
#include "clean/clean.hpp"
#include "clean/promo.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using plume::Removal;
using plume::RemovalReason;
using plume::write::CleanSource;
using plume::write::kPromoThreshold;
using plume::write::promo_score;

const std::vector<std::string>& promos() {
    static const std::vector<std::string> list = {
        // VPN deal with a code
        "Naviguez en toute sécurité avec NordShield VPN. Avec le code LECTEUR30, l’abonnement de deux ans passe à "
        "2,49 € par mois, soit -65 % sur le prix normal.",
        // Newspaper subscription
        "Vous aimez nos articles ? Abonnez-vous à La Gazette numérique : 1 € le premier mois, puis 9,99 € par mois, "
        "résiliable à tout moment.",
        // E-commerce price
        "Le robot aspirateur X500 est à 199,99 € au lieu de 349 € chez notre partenaire. Livraison gratuite en 48 "
        "heures, profitez-en avant la fin des soldes !",
        // App download
        "Téléchargez gratuitement l’application Météo Plus sur l’App Store et Google Play et recevez les alertes de "
        "votre commune en temps réel.",
        // Online course
        "Envie d’apprendre l’anglais en trois mois ? Notre formation en ligne vous accompagne pas à pas. Inscrivez-vous "
        "dès aujourd’hui et bénéficiez de la première semaine offerte.",
        // Energy, sponsored
        "Contenu proposé par EnerVert. Réduisez votre facture d’électricité jusqu’à 20 % avec notre offre verte à prix "
        "fixe pendant trois ans. Demandez votre devis gratuit en ligne.",
        // Insurance, sponsored
        "Assurance auto : comparez les meilleures offres en quelques clics et économisez jusqu’à 400 € par an. "
        "Simulation gratuite et sans engagement.",
        // Betting bonus
        "Pariez sur la Ligue 1 avec ParisFoot : jusqu’à 100 € de bonus offerts sur votre premier pari. Jouer comporte "
        "des risques, appelez le 09 74 75 13 13.",
        // Smartphone offer
        "Le Galaxy S20 est à 1 € avec un forfait 100 Go à 19,99 €/mois pendant un an. Offre réservée aux nouveaux "
        "clients, rendez-vous en boutique ou sur notre site.",
        // Support the newsroom
        "Cet article vous a plu ? Soutenez une information libre et indépendante : faites un don à notre rédaction, "
        "déductible à 66 % de vos impôts.",
        // Affiliate disclaimer
        "Cet article contient des liens affiliés : si vous achetez un produit par leur intermédiaire, notre site "
        "perçoit une commission, sans surcoût pour vous.",
        "Certains liens de cet article sont affiliés et peuvent nous rapporter une commission.",
        // Crypto platform, tu register
        "Tu veux investir sans prise de tête ? Ouvre ton compte sur CoinFacile en deux minutes, ton premier achat est "
        "sans frais et tu reçois 10 € en bitcoin.",
        // Streaming
        "Regardez tous les matchs en direct et en replay : l’essai gratuit de 7 jours vous attend, puis 9,99 € par "
        "mois sans engagement.",
        // Meal kits
        "Marre de cuisiner ? Découvrez les paniers repas de CuisineBox et recevez -50 % sur votre première box avec "
        "le code BIENVENUE.",
        // Newsletter pitch in prose
        "Ne manquez plus aucune information importante : recevez chaque matin l’essentiel de l’actualité dans votre "
        "boîte mail, c’est gratuit et cela ne prend que quelques secondes.",
        // Travel deal
        "Vos vacances au soleil à prix cassés : jusqu’à -40 % sur une sélection de séjours en Grèce. Réservez vite, "
        "les places sont limitées !",
        // Mutual insurance for seniors, sponsored
        "Publicité. Seniors : votre mutuelle santé à partir de 29 € par mois, sans questionnaire médical. Obtenez "
        "votre tarif personnalisé en deux minutes.",
        // Webinar
        "Participez à notre webinaire gratuit jeudi à 18 heures : nos experts répondent à toutes vos questions sur la "
        "retraite. Places limitées, inscription obligatoire sur www.exemple-retraite.fr.",
        // Solar panels
        "Propriétaires : installez des panneaux solaires et bénéficiez des aides de l’État. Nos conseillers étudient "
        "gratuitement votre projet, cliquez ici pour être rappelé.",
        // The page's own podcast: a call to listen, naming the product, no price
        "Écoutez « Gens de mer », le podcast de la rédaction qui raconte chaque semaine un métier du port. Nouvel "
        "épisode le jeudi, gratuitement sur toutes les plateformes.",
    };
    return list;
}

TEST(WritePromo, EveryPromotionalParagraphScoresAboveTheThreshold) {
    ASSERT_GE(promos().size(), 15u);
    for (const std::string& p : promos()) {
        EXPECT_GE(promo_score(p), kPromoThreshold) << p;
        const auto sentences = plume::write::promotional_sentences(p);
        EXPECT_FALSE(sentences.empty()) << p;
    }
}

TEST(WritePromo, QuotationsDoNotAddressTheReader) {
    const std::string quoted =
        "« Vous pouvez venir, profitez de l’offre, c’est gratuit », a lancé le maire aux habitants lors de la réunion.";
    EXPECT_LT(promo_score(quoted), kPromoThreshold);
    // A paragraph opening inside a quotation that the paragraph before opened: its words
    // up to the closing guillemet are the speaker's; what follows it is the page's again.
    const std::string run_on = "Vous promettez tout, vous ne tenez rien, et vos électeurs, vous les oubliez dès le lendemain ! », "
                               "a lancé l’élu à ses adversaires.";
    EXPECT_FALSE(plume::write::promo_signal(run_on));
    EXPECT_TRUE(plume::write::promo_signal("Le maire a répondu. » Abonnez-vous à notre lettre pour ne rien manquer."));
}

// A name's words offer nothing (« Grands Prix », « le Prix Goncourt »): a paragraph telling
// a racing car's wins carries no signal of the register; the same word written small does.
TEST(WritePromo, ANamesWordsOfferNothing) {
    EXPECT_FALSE(plume::write::promo_signal("La monoplace a remporté les Grands Prix d’Afrique du Sud, d’Espagne et du Mexique."));
    EXPECT_FALSE(plume::write::promo_signal("Le roman a reçu le Prix Goncourt des lycéens en novembre."));
    EXPECT_TRUE(plume::write::promo_signal("La monoplace a été vendue au prix fort lors des enchères."));
    // Someone's own CV or quote asks nothing of the reader; the reader's does.
    EXPECT_FALSE(plume::write::promo_signal("Le témoin a mis ce métier sur son CV il y a dix ans."));
    EXPECT_TRUE(plume::write::promo_signal("Un CV et une lettre suffisent pour postuler avant le 3 mai."));
}

// A job offer, a contest and a ticket office speak the register too: their terms, how to
// apply, take part or book.
TEST(WritePromo, JobOffersContestsAndTickets) {
    EXPECT_GE(promo_score("La communauté de communes recrute un technicien (H/F). Poste à pourvoir au 1er mars, lettre de "
                          "motivation et CV à envoyer avant le 15 février."),
              2.5);
    EXPECT_GE(promo_score("Jeu : trois séjours en Bretagne sont à gagner. Pour participer, remplissez le formulaire avant "
                          "dimanche. Règlement complet à l'accueil."),
              2.5);
    // A giveaway's prizes and draw, a ticket office's price from a floor: with the call to
    // act, over the bar of any paragraph.
    EXPECT_GE(promo_score("Essayez de remporter quatre invitations pour le festival des Vieilles Charrues ! Envoyez vos "
                          "réponses avant vendredi, un tirage au sort désignera les heureux élus."),
              kPromoThreshold);
    const std::string tickets =
        "Dernières places pour le concert de Stromae à l'Arena de Brest en mars ! Réservez vite sur la billetterie en "
        "ligne, dès 45 €.";
    EXPECT_GE(promo_score(tickets), kPromoThreshold);
    EXPECT_EQ(plume::write::promotional_sentences(tickets).size(), 2u);  // its hook too
    EXPECT_GE(promo_score("Envie d'évasion ? Réservez votre séjour en Crète dès 399 € la semaine."), kPromoThreshold);
    // A loan's terms: its rate as ads must give it, its fees.
    EXPECT_GE(promo_score("Un projet de véranda ? Simulez votre crédit en ligne : taux fixe à 2,1 % TAEG. Pas de frais de "
                          "dossier avant la fin du mois."),
              kPromoThreshold);
    EXPECT_LT(promo_score("Le tirage au sort de la Coupe de France a désigné les adversaires du Stade brestois."), 2.5);
    EXPECT_LT(promo_score("Les billets du concert sont vendus à partir de 45 euros, a précisé l'organisateur."), 2.5);
    EXPECT_LT(promo_score("L'hôpital recrute cinquante infirmiers pour faire face à l'épidémie, a indiqué sa directrice."), 2.5);
    EXPECT_LT(promo_score("L'hôpital a signé cinquante CDI d'infirmiers depuis mars, a indiqué sa directrice."), 2.5);
    // Told in the third person, a job offer reaches the bar of a paragraph that shares few
    // words with the story (2.5, src/clean/off_topic.cpp): its contract, its perks, its pitch
    // (« CDI » in capitals is an abbreviation, no name).
    EXPECT_GE(promo_score("La mutuelle Armorik recrute des conseillers en CDI à Quimper et Morlaix. Les postes sont ouverts "
                          "aux titulaires d'un bac +2. Rémunération attractive et nombreux avantages sociaux."),
              2.5);
}

// An offer may open on its hook, set off by a comma, and call to act after it: the call
// counts there as at a sentence's head. A word after a comma that only ends as a verb
// might (« …, Martinez ») is no call.
TEST(WritePromo, ACallToActAfterItsHook) {
    for (const char* offer : {
             "Pour 2,99 € par mois seulement, abonnez-vous et lisez tous nos dossiers sur votre tablette.",
             "Jusqu’au 30 avril, profitez de 25 % de remise sur votre abonnement annuel, sans engagement.",
             "Dès lundi, commandez vos courses en ligne et retirez-les gratuitement en deux heures au magasin.",
             "En quelques clics, découvrez nos séjours au ski à prix réduits pour les vacances de février.",
         })
        EXPECT_GE(promo_score(offer), kPromoThreshold) << offer;
    EXPECT_LT(promo_score("Selon le club, Martinez signera son contrat en juin pour un salaire de 2,5 millions d’euros par "
                          "an, a indiqué son agent."),
              kPromoThreshold);
}

// Calling or contacting the seller is acting on its offer, as ordering is: « Appelez le… »
// with its number, « Contactez nos conseillers ».
TEST(WritePromo, CallingTheSellerIsACallToAct) {
    for (const char* offer : {
             "Votre chaudière tombe en panne ? Thermaxis intervient dans la journée. Appelez le 02 40 00 00 00.",
             "Un doute sur votre contrat ? Contactez Maxime, notre conseiller, au 03 20 00 00 00.",
         })
        EXPECT_GE(promo_score(offer), kPromoThreshold) << offer;
    EXPECT_LT(promo_score("Les pompiers ont appelé les habitants à rester chez eux, a indiqué la préfecture."), kPromoThreshold);
}

// Advertising is a subject of the news too (a law limiting it): the word is no sign of a
// sponsor. A page's own « Publicité » label is a line of its furniture.
TEST(WritePromo, AdvertisingAsASubjectIsNoSponsor) {
    EXPECT_LT(promo_score("Limitation de la publicité pour les voitures les plus lourdes, réduction de la vitesse sur "
                          "autoroute : la convention a remis ses propositions au gouvernement."),
              2.5);
    EXPECT_EQ(plume::write::furniture_kind("Publicité"), "promo line");
}

// The mentions French law asks of an ad, the page speaking of its partnership and its
// readers, and a sponsor's label heading its paragraph: an advertorial with no « vous ».
TEST(WritePromo, AnAdsLegalMentionsItsPartnershipAndItsLabel) {
    EXPECT_GE(promo_score("Fatigué en fin de journée ? Les comprimés VitaForm associent fer et vitamine C. La cure de trente "
                          "jours est vendue 12,90 € en pharmacie. Ne pas dépasser la dose journalière recommandée."),
              kPromoThreshold);
    EXPECT_GE(promo_score("Grâce à notre partenariat, nos lecteurs profitent de 20 € de remise avec le code BREST20 jusqu’à dimanche."),
              kPromoThreshold);
    EXPECT_EQ(plume::write::promotional_sentences("Contenu proposé par Les Viviers de Kerlouan. Fondée en 1974, la maison élève "
                                                  "ses homards en bassins d’eau de mer. Ses coffrets sont livrés partout en France.")
                  .size(),
              3u);
    // The label of an advertorial in the third person takes it, whatever it tells.
    EXPECT_EQ(plume::write::promotional_sentences("Publi-information. Avec son port de plaisance rénové, la ville de Plouzané mise "
                                                  "sur le tourisme. Un guide est disponible en mairie.")
                  .size(),
              3u);
    // An ad slot's label glued to the story labels no text.
    EXPECT_TRUE(plume::write::promotional_sentences("Publicité. Le conseil municipal a voté la rénovation du pont de Recouvrance. "
                                                    "Les travaux dureront dix-huit mois.")
                    .empty());
    // A news sentence may open on the label's words, and run on.
    EXPECT_TRUE(plume::write::promotional_sentences("En partenariat avec l’Inserm, le CHU de Brest a lancé une étude sur mille "
                                                    "patients. Les résultats sont attendus en juin.")
                    .empty());
    // The mention alone is a newsroom's explainer, as is an investment's risk told as news.
    EXPECT_LT(promo_score("Le capital n’est pas garanti, rappelle l’Autorité des marchés financiers, qui met en garde les épargnants."),
              kPromoThreshold);
}

struct Cleaned {
    std::vector<CleanSource> sources;
    std::vector<Removal> removals;
};

// The clean phase on plain-text sources, as `plume write` runs it: per source, then
// off-topic removal over all of them.
Cleaned clean(const std::vector<std::string>& texts) {
    Cleaned c;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const plume::Document doc = plume::parse_document(texts[i], plume::Format::Text, "source.txt");
        c.sources.push_back(plume::write::clean_source(doc, {"source.txt", "", "", 0}, static_cast<int>(i), c.removals));
    }
    std::vector<plume::write::Unit> units = plume::write::units_of(c.sources);
    plume::write::remove_off_topic(c.sources, units, c.removals);
    return c;
}

// n sentences of the same shape, numbered: a paragraph of a given length on one subject.
std::string numbered(const std::string& before, const std::string& after, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += before + std::to_string(i) + after + ". ";
    return out;
}

// The first source's blocks left, one a line.
std::string kept_of(const Cleaned& c) {
    std::string out;
    for (const plume::Block& b : c.sources[0].blocks) out += b.text + "\n";
    return out;
}

// Each of `gone` is left out of the kept text, each of `stays` is in it.
void expect_kept(const std::string& kept, std::initializer_list<const char*> gone, std::initializer_list<const char*> stays) {
    for (const char* g : gone) EXPECT_EQ(kept.find(g), std::string::npos) << g << "\n" << kept;
    for (const char* k : stays) EXPECT_NE(kept.find(k), std::string::npos) << k << "\n" << kept;
}

std::size_t removed(const Cleaned& c, std::string_view kind) {
    return static_cast<std::size_t>(std::count_if(c.removals.begin(), c.removals.end(),
                                                  [&](const Removal& r) { return r.kind.starts_with(kind); }));
}

const std::string kStory =
    "Le conseil municipal de Brest a voté lundi la rénovation du pont de Recouvrance.\n\n"
    "Les travaux du pont de Recouvrance dureront dix-huit mois et coûteront 12 millions d’euros, "
    "financés pour moitié par la métropole.\n\n"
    "La circulation sera alternée pendant toute la durée du chantier, a précisé l’adjoint aux "
    "transports, qui promet des navettes maritimes gratuites.\n";

// A promotion pasted into two sources goes from each, before fusion could count it twice.
TEST(WritePromo, APromotionInTwoSourcesGoesFromBoth) {
    const std::string promo = promos()[1];
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory + "\n" + promo + "\n",
                             "Le pont de Recouvrance en travaux\n\n" + promo + "\n\n" + kStory});
    ASSERT_EQ(removed(c, "promotional paragraph"), 2u);
    for (const Removal& r : c.removals) EXPECT_NE(r.kind, "off-topic paragraph") << r.text;
    for (const CleanSource& s : c.sources)
        for (const plume::Block& b : s.blocks) EXPECT_EQ(b.text.find("Gazette"), std::string::npos) << b.text;
}

// An offer whose last sentence is a call the page makes (« Commandez… sur notre site ») goes
// whole: its price goes with its call, not left as the article's lead.
TEST(WritePromo, AnOfferEndingOnThePagesCallGoesWhole) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n"
                             "Gourdes isothermes en inox : lot de 2 à 19,90 €, livraison en 48 h partout en France. "
                             "Commandez dès maintenant sur notre site, stocks réapprovisionnés chaque semaine.\n\n" +
                             kStory});
    const std::string kept = kept_of(c);
    EXPECT_EQ(kept.find("Gourdes"), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Commandez"), std::string::npos) << kept;
    EXPECT_NE(kept.find("Le conseil municipal de Brest"), std::string::npos) << kept;
}

// Inside a long paragraph only the promotional sentences go; a heading over a promotion
// goes with it; every removal says which signals it carried.
TEST(WritePromo, SentencesOfALongParagraphAndTheirHeading) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nLe chantier commencera en mars. " + promos()[3] +
                             "\n\nNotre offre du moment\n\n" + promos()[0] + "\n"});
    EXPECT_EQ(removed(c, "promotional paragraph: second person, imperative"), 1u);
    EXPECT_EQ(removed(c, "heading of a promotional paragraph"), 1u);
    const std::string kept = kept_of(c);
    EXPECT_NE(kept.find("Le chantier commencera en mars."), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Météo Plus"), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Notre offre"), std::string::npos) << kept;
}

// A paragraph that is mostly an offer goes with its sign-off, which carries no signal.
TEST(WritePromo, AnOffersSignOffGoesWithIt) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory + "\n" + promos()[0] +
                             " Des milliers de familles ont déjà franchi le pas cette année.\n"});
    const std::string kept = kept_of(c);
    EXPECT_EQ(kept.find("Des milliers de familles"), std::string::npos) << kept;
    EXPECT_NE(kept.find("navettes maritimes"), std::string::npos) << kept;
}

// A question opening an offer's paragraph is its hook: it goes with the offer, and never
// stays behind as a subheading of the story. So does an opening sentence sharing a word
// with the story: it shares less than a third of its words, as a notice does.
TEST(WritePromo, AnOffersHookGoesWithIt) {
    const std::vector<std::pair<std::string, std::string>> offers = {
        {"Envie de changer de voiture cette année ? Notre comparateur en ligne vous trouve le meilleur crédit auto en deux "
         "minutes. Demandez votre simulation gratuite dès maintenant, sans engagement.",
         "Envie de changer"},
        {"Toutes les séries de la mer et du pont sont sur Océaflix. Essai gratuit de 30 jours, puis 7,99 € par mois, "
         "résiliable à tout moment. Téléchargez l’application et regardez où vous voulez.",
         "Océaflix"}};
    for (const auto& [offer, hook] : offers) {
        const std::string kept = kept_of(clean({"Brest rénove le pont de Recouvrance\n\n" + kStory + "\n\n" + offer + "\n"}));
        EXPECT_EQ(kept.find(hook), std::string::npos) << kept;
        EXPECT_NE(kept.find("navettes maritimes"), std::string::npos) << kept;
    }
    // A question alone, without an offer after it, is the story's.
    EXPECT_TRUE(plume::write::promotional_sentences("Que va devenir le pont ? Les travaux dureront deux ans.").empty());
}

// An offer closing a short paragraph takes its hook along, though the offer holds fewer
// words than the hook: the hook says nothing the story tells. A sentence the story tells
// stays.
TEST(WritePromo, AClosingOffersHookGoesWithIt) {
    const std::string paragraph =
        "Douleurs de dos : cette ceinture chauffante en fibres naturelles soulage les reins des plus de cinquante ans. "
        "Commandez la vôtre à prix réduit, satisfait ou remboursé.";
    EXPECT_EQ(plume::write::promotional_sentences(paragraph, [](std::string_view) { return false; }).size(), 2u);
    EXPECT_EQ(plume::write::promotional_sentences(paragraph, [](std::string_view) { return true; }).size(), 1u);
}

// A promotion pasted between the title and the story, written like news (no « vous », no
// imperative), is no lead: the lead is the first paragraph sharing a word with the title,
// and the promotion is judged, and goes. So does the opening of an offer that no other
// paragraph shares a word with (« Ce travail d'enquête a un coût. »).
TEST(WritePromo, APromotionBeforeTheLeadIsNoLead) {
    const std::string brand =
        "Fondée à Quimper il y a six ans, la marque Kerlin a séduit 200 000 foyers avec ses couettes en laine bretonne, "
        "fabriquées à la main dans ses ateliers et livrées en quarante-huit heures partout en France.";
    const std::string appeal =
        "Ce travail d’enquête demande du temps. Soutenez une information libre : abonnez-vous dès 1 € le premier mois, sans "
        "engagement.";
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + brand + "\n\n" + kStory + "\n" + appeal + "\n"});
    const std::string kept = kept_of(c);
    for (const char* gone : {"Kerlin", "enquête"}) EXPECT_EQ(kept.find(gone), std::string::npos) << kept;
    EXPECT_NE(kept.find("Le conseil municipal de Brest"), std::string::npos) << kept;
}

// A promotion pasted inside a flattened page, between its two long halves, is judged
// against them: the title alone could not judge it, its halves can.
TEST(WritePromo, APromotionInsideAFlattenedPageIsJudged) {
    const std::string half =
        numbered("Les riverains du pont de Recouvrance décrivent le chantier numéro ", " et ses effets sur leurs trajets quotidiens", 9);
    const std::string brand =
        "Depuis sa création en 2012, l’installateur Soleil d’Armor a équipé plus de 15 000 toitures dans la région. Ses "
        "panneaux photovoltaïques, posés par des artisans certifiés, couvrent jusqu’à 70 % des besoins d’une famille.";
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + half + "\n\n" + brand + "\n\n" + half + "\n"});
    EXPECT_EQ(removed(c, "off-topic paragraph"), 1u);
    const std::string kept = kept_of(c);
    EXPECT_EQ(kept.find("Soleil"), std::string::npos) << kept;
}

// Two halves of a story of about 120 words each, a page's notice removed between them, a
// promotion pasted above them: the halves stay, the promotion goes.
TEST(WritePromo, StoryHalvesVouchForEachOther) {
    const auto half = [](const std::string& what) {
        return numbered("Les enquêteurs de l’Assurance maladie " + what + " des assurés soupçonnés, groupe numéro ", "", 7);
    };
    const std::string brand =
        "Installée à Annecy depuis dix ans, l’agence Horizons Alpins a fait des séjours sur mesure sa spécialité, "
        "avec des randonnées accompagnées et des nuits en refuge dans les plus beaux massifs.";
    const Cleaned c = clean({"Sécu : les agents formés pour détecter les mensonges\n\n" + brand + "\n\n" +
                             half("et ses agents apprendront l’audition") +
                             "\n\nJouez à nos mots fléchés, une nouvelle grille chaque jour\n\n" +
                             half("mèneront les entretiens") + "\n\nLe programme commence en janvier.\n"});
    const std::string kept = kept_of(c);
    EXPECT_NE(kept.find("audition"), std::string::npos) << kept;
    EXPECT_NE(kept.find("entretiens"), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Horizons"), std::string::npos) << kept;
}

// A paragraph longer than a promotion (100 words) is the story's however few words it
// shares with the others: the medical examiner's findings after the facts of a shipwreck.
TEST(WritePromo, AParagraphLongerThanAPromotionStays) {
    const auto repeat = [](const std::string& sentence) { return numbered(sentence + " (", ")", 7); };
    const std::string promo =
        "Pour les épargnants inquiets de l’inflation, la néobanque Orvane apparaît comme une alternative crédible, avec un "
        "livret rémunéré sans frais et une application primée par la presse spécialisée.";
    const Cleaned c = clean({"Chavirage dans la Manche : les trois enfants noyés dans la cabine\n\n" +
                             repeat("Les trois enfants sont morts noyés dans la cabine du voilier chaviré au large de Cherbourg, "
                                    "confirme l’enquête de gendarmerie") +
                             "\n\n" +
                             repeat("Le médecin légiste décrit un syndrome asphyxique dû à une submersion prolongée, selon ses "
                                    "conclusions rendues mardi au parquet") +
                             "\n\n" + promo + "\n"});
    const std::string kept = kept_of(c);
    EXPECT_NE(kept.find("légiste"), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Orvane"), std::string::npos) << kept;
}

// A paragraph after an advertorial goes with it when the two share nouns or names no other
// paragraph uses (the broker's name and trade); a verb and a unit of time shared by chance
// (« prend », « minutes ») bind nothing, and the story's paragraph stays.
TEST(WritePromo, ADigressionGoesByItsNounsNotByAVerbAndAUnit) {
    const std::string advertorial =
        "Les tarifs des assurances habitation n’ont jamais été aussi bas : 180 euros par an en moyenne, selon le "
        "comparateur Assurvif. Ses conseillers négocient gratuitement les meilleures garanties auprès de plus de 80 "
        "assureurs partenaires. Un devis en ligne ne prend que cinq minutes.";
    const std::string story_after =
        "Et quand la traversée du pont prend d’ordinaire dix minutes aux automobilistes, il faudra "
        "compter le double pendant le chantier, selon la métropole.";
    const std::string digression = "Assurvif compare aussi les garanties des motos et des camping-cars, avec des options à la carte.";
    for (const std::string& after : {story_after, digression}) {
        const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory + "\n" + advertorial + "\n\n" + after +
                                 "\n\nLes commerçants du quartier de Recouvrance redoutent une baisse de fréquentation pendant "
                                 "le chantier du pont.\n"});
        const std::string kept = kept_of(c);
        EXPECT_EQ(kept.find("Assurvif"), std::string::npos) << kept;
        EXPECT_EQ(kept.find(after) != std::string::npos, after == story_after) << kept;
    }
}

// A source that is one long paragraph under its title (a flattened page) is never judged
// off-topic: a title alone cannot vouch for 600 words.
TEST(WritePromo, OneLongParagraphStays) {
    const std::string paragraph = numbered("Les habitants de la rive droite témoignent des effets du chantier numéro ",
                                           " sur leurs commerces et leurs trajets quotidiens", 20);
    const Cleaned c = clean({"Brest : un nouveau tramway\n\n" + paragraph + "\n"});
    EXPECT_TRUE(c.removals.empty()) << c.removals.front().text;
    ASSERT_EQ(c.sources[0].blocks.size(), 1u);
}

// Lines of the page itself, by the words they are made of rather than by a list of known
// lines: the page's words, a breadcrumb, a weather box, a stamp counted in hours, a byline
// naming the newsroom. A story's word keeps a line that names the page's things.
TEST(WriteCleanShapes, LinesMadeOfThePagesWords) {
    const std::vector<std::pair<std::string, std::string>> lines = {
        {"Cet article est réservé aux abonnés", "paywall"},
        {"Voir les 12 réactions", "page notice"},
        {"Lecture : 4 minutes", "page notice"},
        {"Il vous reste 68 % de cet article à lire.", "page notice"},
        {"La rédaction vous conseille", "page notice"},
        {"Passer la publicité dans 5 secondes", "page notice"},
        {"Accueil > Société > Justice", "breadcrumb"},
        {"Nantes 9°C Nuageux", "weather box"},
        {"Mis à jour il y a 3 heures", "date stamp"},
        {"Par la rédaction avec AFP", "byline"},
        {"Le mardi 4 février 2020 à 16:20", "date stamp"},
        {"Des passants sur la place du marché, le 18 mai 2020. (Crédit photo : Jean Dupont)", "photo caption"},
        {"Par Claire Martin, envoyée spéciale à Lille", "byline"},
        // A teaser of the page's links, stamped.
        {"JOB · Plombier (H/F) — Quimper — publié il y a 3 jours", "date stamp"},
        {"Le pont rouvre aux piétons | Mis à jour le 3 mars 2021", "date stamp"},
        // The reader addressed by the verb alone, the print edition's date, the page's thanks.
        {"La newsletter Économie : recevez chaque lundi une sélection d'articles.", "page notice"},
        {"Cet article est paru dans le journal du samedi 12 septembre.", "page notice"},
        {"Merci pour votre participation !", "page notice"},
        // A list of the most read, the newsroom's corrections, a service's teaser, the desk.
        {"Top lectures de la semaine", "page notice"},
        {"NDLR : cet article a été actualisé le 3 mars à 18h02.", "correction notice"},
        {"Cet article a été modifié le 12 juin : une erreur de date a été corrigée.", "correction notice"},
        {"Précision : le nom du commerçant a été changé.", "correction notice"},
        {"Horoscope : ce que les astres vous réservent ce week-end", "service teaser"},
        {"Loto : les numéros gagnants du tirage de samedi", "service teaser"},
        {"Par Julie Garnier (avec agences)", "byline"},
        // The site's rights notice, worded as a sentence: three of a notice's words.
        {"Toute copie, même partielle, est interdite sans l'accord de l'éditeur.", "page notice"},
        {"Les contenus diffusés sur ce site sont protégés par le droit d'auteur.", "page notice"},
        {"La reproduction de ce contenu est réservée à un usage strictement privé.", "page notice"},
        // The page's account by its handle.
        {"Suivre @JournalDeBrest sur Twitter", "page notice"},
        // The newsroom's formulas: its notes and corrections, its sources, its author's box.
        {"Note de la rédaction : le nom du commerçant a été changé à sa demande.", "correction notice"},
        {"Une erreur s'est glissée dans une version précédente de cet article.", "correction notice"},
        {"D'après une dépêche de l'agence Reuters.", "source line"},
        {"Cet article a été rédigé à partir d'informations de Reuters.", "source line"},
        {"À propos de l'autrice : Claire Martin couvre la justice depuis 2010.", "byline"},
        {"S'abonner à la lettre d'information", "newsletter"},
        {"Soyez la première à donner votre avis !", "comment prompt"},
        // A paywall's count without « vous » (after « il », « reste » is a verb), a rights
        // notice of four of its words and one other content word.
        {"Il reste 72 % de cet article à découvrir.", "page notice"},
        {"Les photos publiées ici restent la propriété exclusive de leurs auteurs : toute reproduction est interdite.",
         "page notice"},
        // A caption whose credit in brackets comes before its period.
        {"Le port de Brest au petit matin, en juin 2021 (photo d'illustration).", "photo caption"},
        // A call to the reader opening the line, about one of the page's things; the page
        // speaking to its reader of its own things.
        {"Recevez un signal dès qu'un nouvel article paraît sur ce thème", "page notice"},
        {"C'est fait ! Vous recevrez nos prochaines sélections dès lundi matin.", "page notice"},
        // An imperative and nothing else speaks to the reader too (« veuillez »).
        {"Une erreur s'est produite. Veuillez patienter quelques instants.", "page notice"},
        // A stamp heading the note it dates; a web address closing a line of a few words.
        {"Mis à jour à 9h05 : ajout du bilan des pompiers", "correction notice"},
        {"Actualisé le 3 mars 2021 à 10:45 : précisions sur le calendrier.", "correction notice"},
        {"Source : www.exemple-journal.fr/dossiers/quai", "link"},
        // A label naming one of the page's things before its colon; an adjective opening
        // a line on one of them.
        {"Podcast Justice : chaque mardi, les audiences de la semaine racontées", "page notice"},
        {"Impossible d'afficher la vidéo.", "page notice"},
    };
    for (const auto& [line, kind] : lines) EXPECT_EQ(plume::write::furniture_kind(line), kind) << line;
    for (const char* story : {"Le retour du loup", "Un article de loi contesté", "La vidéo a été partagée.",
                              "Les abonnés du club en colère", "Le site de la centrale nucléaire", "17 décembre",
                              "Le maire a démissionné, selon le conseil municipal (Brest).",
                              "Épinglé par la Cour des comptes", "Le pont rouvre — il y a dix ans, il fermait",
                              "Le journal a été racheté en mars par un groupe belge.", "Merci aux bénévoles du samedi",
                              "Recevez-les samedi à la mairie, a dit le maire aux habitants.",
                              "Le loto du patrimoine a rapporté 20 millions d'euros", "Précisions sur le calendrier",
                              "Par ailleurs, la ville consulte trois agences", "Droits d'auteur",
                              "Une autorisation préfectorale a été refusée.",
                              "L'agence régionale de santé en alerte", "Le personnel de l'hôpital en grève",
                              "Suivre la route des vins", "Les droits d'usage de l'eau",
                              "La copie interdite du tableau a été saisie par les douaniers à Lyon.",
                              "Il reste 20 % du chantier à terminer.", "La ville reste à découvrir.",
                              "Nos confrères du Télégramme ont révélé l'affaire en mars.",
                              "Publié le 12 mai, le rapport a fait grand bruit : le maire a démissionné.",
                              "Le formulaire est en ligne sur www.service-public.fr.", "Un journaliste indépendant",
                              "VIDÉO. Remaniement : le gouvernement attendu mardi",
                              "Fermez les volets et restez chez vous, a conseillé la préfecture."})
        EXPECT_EQ(plume::write::furniture_kind(story), "") << story;
}

// A gallery's, a player's or a live page's figures, a market ticker, the page's gallery,
// notifications, account and partner space, the reader addressed with two of the page's
// words: furniture. Figures that neither count nor tell the time may head a story's
// section, and a list of key figures gives one figure a line.
TEST(WriteCleanShapes, CountersGalleriesAndTheReadersAccount) {
    const std::vector<std::pair<std::string, std::string>> lines = {
        {"1 / 13", "counter"},
        {"00:00 / 02:47", "counter"},
        {"15:50", "counter"},
        {"8h06", "counter"},
        {"Photo suivante", "page notice"},
        {"Galerie photos", "page notice"},
        {"Passer la publicité dans 5 s", "page notice"},
        {"Se connecter", "page notice"},
        {"Votre adresse e-mail", "page notice"},
        {"Espace partenaire", "page notice"},
        {"Voulez-vous recevoir nos alertes ? Plus tard / Autoriser", "page notice"},
        {"Chaque matin, l'essentiel de l'actualité régionale : inscrivez-vous à notre newsletter.", "page notice"},
        {"Pub", "page notice"},
        {"Il y a 24 minutes", "date stamp"},
        {"Bourse : CAC 40 +2,25 % | Dow Jones +1,22 %", "market ticker"},
        {"Pétrole (Brent) 31,17 $ −2,61 %", "market ticker"},
        {"Euro Stoxx 50 ▲ 0,9 %", "market ticker"},
        {"Accueil / Info / Santé", "breadcrumb"},
        {"Vous êtes ici : Accueil » Économie » International", "breadcrumb"},
        {"Ligue 1 · J12 | Nice 2 - 0 Reims · Terminé", "page menu"},
    };
    for (const auto& [line, kind] : lines) EXPECT_EQ(plume::write::furniture_kind(line), kind) << line;
    for (const char* story : {"2016, 2020", "2019", "Le score final : 3-1", "Une galerie d'art rouvre ses portes", "Chômage : +2,3 %",
                              "Le CAC 40 a perdu 2,3 % à 5 210 points", "Taux du livret A ↑ 3 %", "Il y a 24 ans, la catastrophe",
                              "La photo a fait le tour du monde.", "Un espace vert pour le quartier"})
        EXPECT_EQ(plume::write::furniture_kind(story), "") << story;
}

// A short line that speaks of the page or to its reader, or gives a command of its
// interface, and shares no word with the story goes; a subheading naming the page's things
// that the story tells stays, and so does one opening on an infinitive in the story's words.
TEST(WriteCleanShapes, PageNoticesTheStoryDoesNotShare) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nLecture de la vidéo en cours. Votre navigateur ne prend pas en charge ce format du chantier.\n\n"
                             "Une erreur est survenue lors du chargement du tweet.\n\n"
                             "Rejoignez notre communauté de 300 000 abonnés sur Facebook.\n\n"
                             "▶ Écouter cet article (4 min)\n\n"
                             "Paramétrer mes choix / Tout accepter / Continuer sans accepter\n\n"
                             "Actualiser le fil\n\n"
                             "Une page qui s’affiche mal ? Signalez-le à notre service technique.\n\n"
                             "Épinglé · 19h34\n\n"
                             "Maël Le Goff est journaliste au service société du Télégramme de Brest.\n\n"
                             "La vidéo du chantier\n\n"
                             "Une vidéo du chantier du pont de Recouvrance circule depuis lundi sur les réseaux.\n\n"
                             "Fermer le pont pendant le chantier\n\n"
                             "Les navettes maritimes et la circulation alternée dureront jusqu’à la fin du chantier.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"navigateur", "tweet", "Rejoignez", "Écouter", "Paramétrer", "Actualiser", "Signalez", "Épinglé", "Maël"},
                {"La vidéo du chantier", "circule depuis lundi", "Fermer le pont", "navettes maritimes"});
    // A sentence naming one of the page's things is the story's, and so are a speaker's words.
    EXPECT_FALSE(plume::write::page_signal("Commentaires et critiques ont suivi l’annonce."));
    EXPECT_FALSE(plume::write::page_signal("A mon avis, si on en trouve, ça se comptera sur les doigts d’une main."));
    EXPECT_FALSE(plume::write::page_signal("Le chantier a pris du retard. Chez les riverains, la patience s’use."));
    // A quotation's words running on after its cut (« (...) »), the press's mark and no page's glyph.
    EXPECT_FALSE(plume::write::page_signal("(...) On nous a dit de traverser le pont à pied et de ne rien dire."));
    EXPECT_FALSE(plume::write::page_signal("[…] Il a fallu tout reprendre."));
    EXPECT_TRUE(plume::write::page_signal("▶ Tous nos articles sur le pont"));
}

// The story telling of a publication vouches for no notice of the page's publicity: the
// page's own words are told by no story. A comment charter and a notice on the page's
// publications are the page's too, and so is a teaser of another story under the page's
// label, however short; a story's line under one keeps its words.
TEST(WriteCleanShapes, ThePagesWordsVouchForNoNotice) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nL’article continue après la publicité\n\n"
                             "La publication de l’appel d’offres est prévue en avril, selon la métropole.\n\n"
                             "Les commentaires sont soumis à notre charte de modération.\n\n"
                             "EN IMAGES. Un phoque aperçu à Roscoff\n\n"
                             "VIDÉO. Le chantier du pont de Recouvrance\n\n"
                             "Être alerté(e) des prochaines publications sur ce sujet\n\n"
                             "Les travaux du pont reprendront après l’été, selon la métropole.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"continue après", "charte", "phoque", "alerté"},
                {"La publication de l’appel d’offres", "Le chantier du pont de Recouvrance"});
}

// A locution's noun says when, not what: a story « en cours » vouches for no player's
// notice. A sentence whose subject is one of the page's things (« les commentaires sont
// fermés ») speaks of the page, unless the story tells its other words; a skip link and a
// label of the page's words alone go too.
TEST(WriteCleanShapes, APageThingAsSubjectAndALocutionVouchForNothing) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nAccessibilité : aller directement au contenu\n\n"
                             "La vidéo est en cours de chargement.\n\n"
                             "Les études de sol sont en cours sous le pont, selon la métropole.\n\n"
                             "Les cyclistes pourront aller directement du port au centre par le pont.\n\n"
                             "La vidéo a été tournée sur le chantier du pont par la métropole.\n\n"
                             "Le fil info\n\n"
                             "Afin de garantir des échanges sereins, les commentaires sont fermés au bout de 48 heures.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"Accessibilité", "chargement", "fil info", "fermés"},
                {"Les études de sol", "aller directement du port", "La vidéo a été tournée"});
    // The strip of the page's header: its date and its weather between marks.
    EXPECT_EQ(plume::write::furniture_kind("Aujourd’hui mercredi 13 septembre · Brest 14°C"), "weather box");
    EXPECT_EQ(plume::write::furniture_kind("Records de chaleur : 41,2 °C à Nîmes et 40,1 °C à Montpellier"), "");
    // After the home page's name, one item is a trail; two names a slash joins are not.
    EXPECT_EQ(plume::write::furniture_kind("ACCUEIL / SPORTS"), "breadcrumb");
    EXPECT_NE(plume::write::furniture_kind("Brest / Quimper"), "breadcrumb");
}

// The newsroom's notes on its article (an update, a translation), the author's box without
// its name, the page's labels and sections, and the page calling one of its things its own
// go, whatever words of theirs the story tells; a story's sentence opening on a trade, which
// has its verb, and a section of the story in capitals with several words stay.
TEST(WriteCleanShapes, TheNewsroomsNotesLabelsAndSectionsGo) {
    const Cleaned c = clean({"INTERNATIONAL\n\nBrest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nSociété — Éducation\n\n"
                             "La réaction des riverains a surpris le service des transports, qui répondra à leurs questions.\n\n"
                             "Le pont fait partie du patrimoine de la ville depuis 1954, selon la métropole.\n\n"
                             "À ne pas manquer\n\n"
                             "Journaliste de formation, l’adjoint aux transports a longtemps travaillé au Télégramme.\n\n"
                             "L’essentiel\n\n"
                             "LES TRAVAUX DU PONT\n\n"
                             "Article traduit automatiquement de l’anglais.\n\n"
                             "Cet article fait partie de notre série « Les ponts de Bretagne ».\n\n"
                             "Mise à jour : ajout de la réaction de la métropole à 17 h 10.\n"
                             "Journaliste au service Bretagne depuis 2012, spécialiste des questions de transports.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"INTERNATIONAL", "Société — Éducation", "manquer", "L’essentiel", "traduit", "notre série", "Mise à jour",
                       "depuis 2012"},
                {"Journaliste de formation", "LES TRAVAUX DU PONT", "fait partie du patrimoine"});
    // A section's name in capitals alone, wherever it stands; an acronym alone is a subject's.
    EXPECT_EQ(plume::write::furniture_kind("INTERNATIONAL"), "breadcrumb");
    EXPECT_EQ(plume::write::furniture_kind("SNCF"), "");
}

// A consent notice naming its button by a quoted label runs past 20 words, and the page's
// controls speak as the reader (« mes ») or of its display: they go, even when the story tells
// « sujet ». A story's sentence on cookies and a speaker's words with « mes » stay.
TEST(WriteCleanShapes, LongConsentNoticesAndThePagesControlsGo) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nLe sujet du pont divise le conseil municipal depuis deux ans.\n\n"
                             "Vos choix concernant les cookies peuvent être modifiés à tout moment via le lien « Paramétrer mes choix » en pied de page.\n\n"
                             "Accessibilité : ajuster l’affichage\n\n"
                             "Ajouter ce sujet à mes alertes\n\n"
                             "La CNIL a sanctionné la métropole, dont le site du chantier du pont déposait des cookies sans le consentement de ses visiteurs, d’une amende de 50 000 euros.\n\n"
                             "« Je défends mes électeurs et le pont », a répété le maire devant le conseil municipal.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"Vos choix", "Accessibilité", "mes alertes"},
                {"Le sujet du pont", "La CNIL a sanctionné", "Je défends mes électeurs"});
    // The notice goes by its shape, whatever words of it the story tells.
    EXPECT_EQ(plume::write::furniture_kind("Vos choix concernant les cookies peuvent être modifiés à tout moment via le lien « Gérer mes "
                                           "préférences » en bas de page."),
              "page notice");
}

// A « Lire aussi » label before list markers heads links to other stories: their headlines
// go with it; a list after a subheading of the story stays.
TEST(WriteCleanShapes, HeadlinesOfRelatedLinksGoWithTheirLabel) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nLe chantier commencera en mars.Les riverains seront consultés.\n\n"
                             "LIRE AUSSI ► Crue du Vidourle : les images impressionnantes des quartiers sous les eaux\n\n"
                             "Les dates du chantier ■ 3 mars : début des travaux. ■ 12 juin : fin du gros œuvre.\n"});
    const std::string kept = kept_of(c);
    EXPECT_EQ(kept.find("LIRE AUSSI"), std::string::npos) << kept;
    EXPECT_EQ(kept.find("Vidourle"), std::string::npos) << kept;
    for (const char* stays : {"Les riverains seront consultés.", "3 mars : début des travaux.", "12 juin : fin du gros œuvre."})
        EXPECT_NE(kept.find(stays), std::string::npos) << stays << "\n" << kept;
}

// A label of the page that announces other stories heads their headlines, glued under it or
// numbered in paragraphs of their own: they go with it when the story shares little of
// their words. A subheading of the story glued under a page's label stays.
TEST(WriteCleanShapes, HeadlinesUnderAPagesLabelGo) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nLes articles les plus lus\n1. Un incendie ravage un entrepôt à Quimper\n"
                             "2. Taxe foncière : qui devra encore la payer l’an prochain ?\n\n"
                             "Plus d’articles sur ce thème\nLes radars tourelles se multiplient sur les routes du Finistère\n\n"
                             "Lire aussi\nMorlaix : la foire aux oignons attire des milliers de visiteurs\n\n"
                             "Les plus partagés\n\n1. Le chanteur Miossec en concert à Landerneau\n\n"
                             "2. Les marées d’équinoxe inondent le port du Conquet\n\n"
                             "Publicité\nUn chantier de dix-huit mois sur le pont\n\n"
                             "Les premiers travaux du pont commenceront en mars.\n"});
    const std::string kept = kept_of(c);
    expect_kept(kept, {"plus lus", "Quimper", "Taxe", "ce thème", "radars", "Morlaix", "Miossec", "Conquet"},
                {"Un chantier de dix-huit mois sur le pont", "commenceront en mars"});
}
// A headline of the page's other services set among the story's lines as a subheading
// would be goes when the story tells none of its words; the story's own subheading, which
// shares one of five, stays.
TEST(WriteCleanShapes, AHeadlineTheStoryDoesNotTellGoes) {
    const Cleaned c = clean({"Brest rénove le pont de Recouvrance\n\n" + kStory +
                             "\nInfo trafic Quimper : 8 km de bouchons sur la voie express\n\n"
                             "Les commerçants de Recouvrance craignent une saison difficile\n\n"
                             "Plusieurs boutiques du quartier redoutent une baisse de fréquentation.\n"});
    const std::string kept = kept_of(c);
    EXPECT_EQ(kept.find("Info trafic"), std::string::npos) << kept;
    EXPECT_EQ(removed(c, "headline the story does not tell"), 1u);
    EXPECT_NE(kept.find("Les commerçants de Recouvrance craignent une saison difficile"), std::string::npos) << kept;
}

TEST(WriteCleanShapes, StampsBylinesCountersAndCookieNotices) {
    const std::vector<std::pair<std::string, std::string>> lines = {
        {"Publié le 12/05/2020 à 14h32", "date stamp"},
        {"Mis à jour le 3 mars 2021 à 09:15", "date stamp"},
        {"Publié le 12 mai 2020, modifié le 13 mai 2020", "date stamp"},
        {"Par Jean Dupont, avec AFP", "byline"},
        {"Par Marie-Claire Le Goff et Paul Martin", "byline"},
        {"Jean Dupont - jean.dupont@exemple.fr", "byline"},
        {"12 commentaires", "comment prompt"},
        {"248 partages", "counter"},
        {"Publicité", "promo line"},
        {"Erratum : contrairement à ce que nous avons écrit, la réunion s’est tenue en mairie.", "correction notice"},
        {"Mise à jour : nous avons corrigé l’orthographe d’un nom.", "correction notice"},
        {"Sur le même thème :", "read also"},
        {"Les commentaires sont fermés.", "comment prompt"},
        {"Cet article est réservé aux abonnés du Journal de la Baie.", "paywall"},
        {"Vous avez atteint la limite de 5 articles gratuits ce mois-ci.", "paywall"},
        {"Copyright Le Journal de la Baie 2021. Reproduction et diffusion interdites sans autorisation.", "copyright notice"},
        {"Cet espace est financé par Solaris. Il est rédigé par le service partenariats et non par la rédaction.", "promo line"},
        {"Suivre ces sujets : Politique, Énergie, Élisabeth Borne", "tags"},
        {"Nous utilisons des cookies pour améliorer votre expérience sur notre site.", "cookie notice"},
        {"Tout accepter", "cookie notice"},
        {"Crédit photo : Jean Dupont", "photo credit"},
        {"© AFP", "photo credit"},
        {"Rédaction Sud — hélène.béranger@journal-régional.fr", "byline"},
        {"Signaler un abus | Imprimer | Partager", "page menu"},
        {"Cet article vous a-t-il aidé ? Oui (3) Non (1)", "reader prompt"},
        {"Votre avis compte : vous a-t-on bien informé ?", "reader prompt"},
        {"Ce direct est terminé. Merci de l’avoir suivi avec nous.", "live notice"},
        {"Live mis à jour toutes les 2 minutes", "live notice"},
        // A participle and its « par » before the names; a credit by its agency's slash.
        {"Écrit par Léa Dumont", "byline"},
        {"Propos recueillis par Julien Morvan", "byline"},
        {"AFP/Archives – Paul Kerjean", "photo credit"},
        {"Reuters/Marc Delorme", "photo credit"},
        {"Illustration. (LP/Anne Vasseur)", "photo caption"},
    };
    for (const auto& [line, kind] : lines) EXPECT_EQ(plume::write::furniture_kind(line), kind) << line;
    for (const char* story : {"Par ailleurs, le maire a publié le 12/05/2020 un arrêté municipal.",
                              "Publié le 12 mai, le rapport de la Cour des comptes a fait grand bruit.",
                              "Par 312 voix contre 210, les députés ont adopté le texte.",
                              "Fin du directeur général : le conseil a voté sa révocation.",
                              "« Vous y croyez ? », a lancé le maire aux élus.",
                              "Et vous, comment auriez-vous réagi face à une telle décision du conseil municipal ?",
                              "Menacé par Daech", "Limitée à 80 km/h sur la RN 12", "Ouvert 24h/24 et 7j/7",
                              "Le duo PS/EELV en tête à Lyon"})
        EXPECT_EQ(plume::write::furniture_kind(story), "") << story;
}

bool corpus_present() { return fs::is_directory(fs::path(PLUME_CORPUS) / "articles"); }

// A scored passage of real news: a title, a lead, or a window of three sentences of the
// text, which the corpus holds without paragraph breaks (a window stands in for a paragraph).
struct Scored {
    double score = 0;
    std::string where;
    std::string signals;
};

// Sentences [i, i + 3) of a text.
std::string window_text(const std::string& text, std::size_t i) {
    const auto spans = plume::text::split_sentences(text);
    const std::size_t last = std::min(spans.size(), i + 3) - 1;
    return text.substr(spans[i].begin, spans[last].end - spans[i].begin);
}

std::vector<Scored> corpus_scores() {
    std::vector<Scored> out;
    for (const auto& entry : fs::directory_iterator(fs::path(PLUME_CORPUS) / "articles")) {
        const auto j = nlohmann::json::parse(plume::test::slurp(entry.path().string()));
        const std::string id = entry.path().stem().string();
        for (const char* field : {"title", "lead"}) {
            const std::string text = j.value(field, "");
            out.push_back({promo_score(text), id + " " + field, plume::write::promo_signals(text)});
        }
        const std::string text = j.value("text", "");
        const std::vector<double> windows = plume::write::window_scores(text);
        for (std::size_t i = 0; i < windows.size(); ++i)
            out.push_back({windows[i], id + " window " + std::to_string(i),
                           windows[i] > 2 ? plume::write::promo_signals(window_text(text, i)) : ""});
    }
    return out;
}

std::string distribution(const std::vector<double>& scores) {
    std::map<double, int> n;
    for (double s : scores) ++n[s];
    std::string out;
    for (const auto& [s, k] : n) out += fmt::format(" {:.1f}:{}", s, k);
    return out;
}

// Prints both distributions (the figures of docs/write.md) and holds the bound: no news
// passage reaches the threshold.
TEST(WritePromoCorpus, NoNewsPassageReachesTheThreshold) {
    if (!corpus_present()) GTEST_SKIP() << "no corpus at " << PLUME_CORPUS;
    std::vector<Scored> news = corpus_scores();
    std::vector<double> news_scores, promo_scores;
    for (const Scored& s : news) news_scores.push_back(s.score);
    for (const std::string& p : promos()) {
        promo_scores.push_back(promo_score(p));
        std::cout << "  promo " << promo_scores.back() << " (" << plume::write::promo_signals(p) << ")\n";
    }
    std::sort(news.begin(), news.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    std::cout << "news passages (" << news.size() << "), score:count" << distribution(news_scores) << "\n"
              << "promotional paragraphs (" << promos().size() << ")" << distribution(promo_scores) << "\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(8, news.size()); ++i)
        std::cout << "  highest news: " << news[i].score << " " << news[i].where << " (" << news[i].signals << ")\n";
    const auto false_positives =
        std::count_if(news.begin(), news.end(), [](const Scored& s) { return s.score >= kPromoThreshold; });
    EXPECT_EQ(false_positives, 0);
}

// No title, lead or sentence of real news reads as page furniture.
TEST(WritePromoCorpus, NoNewsLineReadsAsFurniture) {
    if (!corpus_present()) GTEST_SKIP() << "no corpus at " << PLUME_CORPUS;
    std::size_t lines = 0, captions = 0, labels = 0, bylines = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(PLUME_CORPUS) / "articles")) {
        const auto j = nlohmann::json::parse(plume::test::slurp(entry.path().string()));
        std::vector<std::string> said = {j.value("title", ""), j.value("lead", "")};
        const std::string text = j.value("text", "");
        for (const plume::text::Span& s : plume::text::split_sentences(text)) said.push_back(text.substr(s.begin, s.end - s.begin));
        for (const std::string& line : said) {
            ++lines;
            const std::string_view kind = plume::write::furniture_kind(line);
            if (kind.empty()) continue;
            // The dataset kept a few picture captions (« Photo : … »), a site's label as a
            // sentence of its own (« VIDÉO. ») and an interview's byline (« Propos recueillis
            // par… »): furniture indeed.
            if (kind == plume::write::kCreditKind && line.starts_with("Photo :")) ++captions;
            else if (kind == "page notice" && plume::text::count_words(line) == 1) ++labels;
            else if (kind == "byline" && line.starts_with("Propos recueillis par ")) ++bylines;
            else ADD_FAILURE() << entry.path().stem() << " " << kind << ": " << line;
        }
    }
    std::cout << "news lines read: " << lines << ", picture captions among them: " << captions << ", labels: " << labels
              << ", bylines: " << bylines << "\n";
    EXPECT_LE(captions, 2u);
    EXPECT_LE(labels, 1u);
    EXPECT_LE(bylines, 1u);
}

// Every article of the corpus pasted as a page of its shape (title, lead, one long
// paragraph, which the reader cuts at its subheadings): the clean phase removes nothing but
// the page furniture the dataset kept, embedded videos' credits (and the teaser's title,
// or its date and channel, before one), page code, the site's label before a title or a paragraph
// (« VIDÉO. », « POLITIQUE. »), its tag line after a title (« : actualité automobile,
// infos, scoop ») and the picture captions and the byline the dataset ran into a
// paragraph's last sentence (« …à la production.Photo : … »).
TEST(WritePromoCorpus, FlattenedArticlesLoseNothing) {
    if (!corpus_present()) GTEST_SKIP() << "no corpus at " << PLUME_CORPUS;
    std::size_t articles = 0, credits = 0, teasers = 0, code = 0, labels = 0, paragraph_labels = 0, taglines = 0, run_in = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(PLUME_CORPUS) / "articles")) {
        const auto j = nlohmann::json::parse(plume::test::slurp(entry.path().string()));
        const std::string title = j.value("title", ""), lead = j.value("lead", ""), text = j.value("text", "");
        for (const std::string& page : {title + "\n\n" + text + "\n", title + "\n\n" + lead + "\n\n" + text + "\n"}) {
            const Cleaned c = clean({page});
            for (std::size_t k = 0; k < c.removals.size(); ++k) {
                const Removal& r = c.removals[k];
                // A teaser's date and channel before its credit (« - Bonsoir ! du 16/02 – CANAL+ »).
                const bool teaser = k + 1 < c.removals.size() && c.removals[k + 1].kind == "video credit";
                if (r.kind == "video credit") ++credits;
                else if ((r.kind == "page notice" || r.kind == "video title") && teaser) ++teasers;
                else if (r.kind == "page code") ++code;
                else if (r.kind == "site label" && title.starts_with(r.text)) ++labels;
                else if (r.kind == "site label" && (lead.starts_with(r.text) || text.starts_with(r.text))) ++paragraph_labels;
                else if (r.kind == "site tag line" && title.ends_with(" : " + r.text)) ++taglines;
                else if ((r.kind == plume::write::kCreditKind && r.text.starts_with("Photo :")) ||
                         (r.kind == "byline" && r.text.starts_with("Propos recueillis par ")))
                    ++run_in;
                else ADD_FAILURE() << entry.path().stem() << " " << r.kind << ": " << r.text;
            }
        }
        ++articles;
    }
    std::cout << "removed from the " << articles << " pages, twice each: " << credits << " video credits, " << teasers
              << " teasers' titles, dates and channels, " << code << " page code runs, " << labels << " site labels of titles, " << paragraph_labels << " of paragraphs, " << taglines
              << " tag lines of titles, " << run_in << " captions and bylines run into a paragraph\n";
    EXPECT_EQ(articles, 240u);
    // The dataset kept 14 embedded videos' credits, page code after two articles' last
    // sentence and a shortcode inside a third (« [EMBED url=" "] »).
    EXPECT_LE(credits, 2u * 14u);
    EXPECT_LE(teasers, 2u * 14u);  // a title before each credit, one teaser's date and channel
    EXPECT_LE(code, 2u * 3u);
    EXPECT_LE(labels, 2u * 3u);  // three titles open on « VIDÉO »
    // Two texts open on a label in capitals (« POLITIQUE. »), and five leads, pasted once.
    EXPECT_LE(paragraph_labels, 2u * 2u + 5u);
    EXPECT_LE(taglines, 2u * 4u);  // four titles of one site end on its tag line
    EXPECT_LE(run_in, 2u * 3u);    // two captions and a byline
}

}  // namespace
