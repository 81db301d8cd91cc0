// French typography of the article: what the analyser's frenchTypography check expects, applied.
// The decisive tests analyse the corrected text and expect the check to find nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compose/typography.hpp"
#include "plume/analysis.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "test_support.hpp"
#include "text/chars.hpp"

namespace {

using namespace plume;
using plume::write::french_typography;

const std::string kNbsp = "\u00a0";
const std::string kNarrow = "\u202f";

// The frenchTypography assessment of a document.
Assessment typography_check(const Document& doc) {
    const Analysis a = analyze(doc, AnalyzeOptions{});
    for (const Assessment& x : a.extra.assessments)
        if (x.id == "frenchTypography") return x;
    ADD_FAILURE() << "no frenchTypography assessment";
    return {};
}

// A text without its spaces, with one apostrophe and one quotation mark: what typography
// must leave as it is.
std::string skeleton(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = text::chars::decode(s, i);
        if (text::chars::is_apostrophe_cp(c.cp)) out += '\'';
        else if (c.cp == '"' || c.cp == 0xAB || c.cp == 0xBB) out += '"';
        else if (!text::chars::is_space(c.cp)) out += s.substr(i, c.next - i);
        i = c.next;
    }
    return out;
}

TEST(WriteTypography, SignsTakeTheirNoBreakSpace) {
    EXPECT_EQ(french_typography("Il a dit : oui ; enfin ! Vraiment ?"),
              "Il a dit" + kNbsp + ": oui" + kNarrow + "; enfin" + kNarrow + "! Vraiment" + kNarrow + "?");
    EXPECT_EQ(french_typography("Il a dit: oui; enfin! Vraiment?"),
              "Il a dit" + kNbsp + ": oui" + kNarrow + "; enfin" + kNarrow + "! Vraiment" + kNarrow + "?");
}

TEST(WriteTypography, SignRunsAndBracketsKeepTheirSpacing) {
    EXPECT_EQ(french_typography("Vraiment ?! Un tarif (?) étrange…?"),
              "Vraiment" + kNarrow + "?! Un tarif (?) étrange…?");
}

TEST(WriteTypography, LineBreakInsideAParagraphIsASpace) {
    // Markdown joins the lines of a paragraph: the break before : or after « is a space there.
    const std::string wrapped = "Il a dit\n: oui, et «\nbonjour » ici.";
    const std::string fixed = french_typography(wrapped);
    EXPECT_EQ(fixed, "Il a dit" + kNbsp + ": oui, et «" + kNbsp + "bonjour" + kNbsp + "» ici.");
    EXPECT_FALSE(typography_check(parse_markdown(wrapped)).marks.empty());
    EXPECT_TRUE(typography_check(parse_markdown(fixed)).marks.empty());
    // A paragraph that starts with a sign has nothing before it to space.
    EXPECT_EQ(french_typography("Fin.\n\n? Voilà"), "Fin.\n\n? Voilà");
}

TEST(WriteTypography, PercentTakesANarrowNoBreakSpace) {
    EXPECT_EQ(french_typography("Une hausse de 3,5 % puis de 12%."),
              "Une hausse de 3,5" + kNarrow + "% puis de 12" + kNarrow + "%.");
}

TEST(WriteTypography, GuillemetsTakeNoBreakSpacesInside) {
    const std::string want = "Elle a répondu «" + kNbsp + "jamais" + kNbsp + "» hier.";
    EXPECT_EQ(french_typography("Elle a répondu « jamais » hier."), want);
    EXPECT_EQ(french_typography("Elle a répondu «jamais» hier."), want);
    EXPECT_EQ(french_typography("Elle a répondu \"jamais\" hier."), want);
}

TEST(WriteTypography, ClosingGuillemetWithoutOpeningIsASeparator) {
    EXPECT_EQ(french_typography("Accueil » Actualités » Économie"), "Accueil » Actualités » Économie");
}

TEST(WriteTypography, StraightQuotesArePairedOrLeftAlone) {
    EXPECT_EQ(french_typography("Il parle d'un tram qui \"va transformer la vie\". \"Oui\", dit-il."),
              "Il parle d’un tram qui «" + kNbsp + "va transformer la vie" + kNbsp + "». «" + kNbsp + "Oui" + kNbsp +
                  "», dit-il.");
    EXPECT_EQ(french_typography("Un écran de 27\" suffit."), "Un écran de 27\" suffit.");
    // A quotation is paired within its line, never with the next line's quote.
    EXPECT_EQ(french_typography("Il dit \"oui\nEt \"non\" ensuite."),
              "Il dit \"oui\nEt «" + kNbsp + "non" + kNbsp + "» ensuite.");
}

TEST(WriteTypography, StraightQuotesAfterAnElisionOpen) {
    EXPECT_EQ(french_typography("Ils sont soupçonnés d'\"apologie du terrorisme\" en ligne."),
              "Ils sont soupçonnés d’«" + kNbsp + "apologie du terrorisme" + kNbsp + "» en ligne.");
    EXPECT_EQ(french_typography("Elle estime qu'\"il aurait été irresponsable\"."),
              "Elle estime qu’«" + kNbsp + "il aurait été irresponsable" + kNbsp + "».");
}

TEST(WriteTypography, QuotationGluedToTheNextSentenceGetsItsSpace) {
    // A flattened page: the closing quote glued to the next sentence, or an opening one glued
    // to the end of a subheading.
    EXPECT_EQ(french_typography("Il vise des lobbies \"prompts à défiler dans les ministères\"Nicolas Hulot insiste."),
              "Il vise des lobbies «" + kNbsp + "prompts à défiler dans les ministères" + kNbsp + "» Nicolas Hulot insiste.");
    EXPECT_EQ(french_typography("Un tollé dans le Nord\"Permettez-moi de douter\", écrit le député."),
              "Un tollé dans le Nord «" + kNbsp + "Permettez-moi de douter" + kNbsp + "», écrit le député.");
    EXPECT_EQ(french_typography("Il a dit « oui »\"Non, jamais\", a répondu le maire."),
              "Il a dit «" + kNbsp + "oui" + kNbsp + "» «" + kNbsp + "Non, jamais" + kNbsp + "», a répondu le maire.");
    EXPECT_EQ(french_typography("Le site, dit \"Lono\"et rien d'autre."),
              "Le site, dit «" + kNbsp + "Lono" + kNbsp + "» et rien d’autre.");
    // After a comma; a single quotation closing inside a double one is no elision.
    EXPECT_EQ(french_typography("Il choisira selon les européennes ,\"en fonction des programmes\"."),
              "Il choisira selon les européennes, «" + kNbsp + "en fonction des programmes" + kNbsp + "».");
    // No space before a comma or a period; a period glued to what follows is no stop.
    EXPECT_EQ(french_typography("Elle avait été mutilée , a précisé le maire . Il cite le langage .NET et 0 ,5 point."),
              "Elle avait été mutilée, a précisé le maire. Il cite le langage .NET et 0 ,5 point.");
    EXPECT_EQ(french_typography("Il cite \"cette réponse : 'qu'ils mangent de la brioche'\". Puis il part."),
              "Il cite «" + kNbsp + "cette réponse" + kNbsp + ": “qu’ils mangent de la brioche”" + kNbsp + "». Puis il part.");
    // After an elided word and before a small letter, a mark is an apostrophe's typo, not a
    // quotation, inside a quotation as well: the marks around it still pair.
    EXPECT_EQ(french_typography("Il juge qu\"il est temps."), "Il juge qu’il est temps.");
    EXPECT_EQ(french_typography("\"Le préfet a dit qu\"il viendrait\", a précisé le maire. \"Nous verrons\", a-t-il ajouté."),
              "«" + kNbsp + "Le préfet a dit qu’il viendrait" + kNbsp + "», a précisé le maire. «" + kNbsp + "Nous verrons" + kNbsp +
                  "», a-t-il ajouté.");
}

TEST(WriteTypography, QuotationSpanningSentencesAndMisplacedSpaces) {
    EXPECT_EQ(french_typography("\"Nous partons. Nous reviendrons\", dit-elle."),
              "«" + kNbsp + "Nous partons. Nous reviendrons" + kNbsp + "», dit-elle.");
    // The space on the wrong side of a mark: after an opening one, before a closing one.
    EXPECT_EQ(french_typography("Le stock est parti après le vol.\" Il nous reste des masques\", dit le CNES."),
              "Le stock est parti après le vol. «" + kNbsp + "Il nous reste des masques" + kNbsp + "», dit le CNES.");
    EXPECT_EQ(french_typography("\"Des tests ont été effectués \", indique l'agence."),
              "«" + kNbsp + "Des tests ont été effectués" + kNbsp + "», indique l’agence.");
    // A mark whose pair is in another paragraph stays as it is.
    EXPECT_EQ(french_typography("Il a dit \"Le monde a changé.\n\nLa suite vient."), "Il a dit \"Le monde a changé.\n\nLa suite vient.");
}

TEST(WriteTypography, ParagraphInPiecesPairsAQuotationAcrossThem) {
    // Each sentence of a paragraph is a piece with its source: the quotation runs over two.
    const std::vector<std::string> pieces = {"Le maire parle. \"Le tram arrive.", "Il était attendu\", dit-il.", "",
                                             "Après le vol.\" Il reste 32.000 masques\", dit le CNES."};
    const std::vector<std::string> want = {"Le maire parle. «" + kNbsp + "Le tram arrive.", "Il était attendu" + kNbsp + "», dit-il.", "",
                                           "Après le vol.", "«" + kNbsp + "Il reste 32" + kNarrow + "000 masques" + kNbsp + "», dit le CNES."};
    const std::vector<std::string> got = plume::write::french_typography(pieces);
    ASSERT_EQ(got.size(), pieces.size());
    EXPECT_EQ(got[0], want[0]);
    EXPECT_EQ(got[1], want[1]);
    EXPECT_EQ(got[2], want[2]);
    EXPECT_EQ(got[3], want[3] + " " + want[4]);
}

TEST(WriteTypography, QuotationInsideGuillemetsTakesEnglishMarks) {
    EXPECT_EQ(french_typography("« Il m'a dit \"jamais\" ce jour-là », raconte-t-elle."),
              "«" + kNbsp + "Il m’a dit “jamais” ce jour-là" + kNbsp + "», raconte-t-elle.");
}

TEST(WriteTypography, ApostropheBetweenLetters) {
    EXPECT_EQ(french_typography("Les promesses de l'IA et d'aujourd'hui."), "Les promesses de l’IA et d’aujourd’hui.");
}

// A quotation marked with straight single quotes or with the wire services' plus signs is one:
// “ ” inside « », « » outside; an elision, a sign or a formula is none.
TEST(WriteTypography, SingleQuotesAndPlusSignsMarkingAQuotation) {
    EXPECT_EQ(french_typography("Le mot 'robot' vient du tchèque."), "Le mot «" + kNbsp + "robot" + kNbsp + "» vient du tchèque.");
    EXPECT_EQ(french_typography("« On parlait de +gaspillage+ partout », dit-il."),
              "«" + kNbsp + "On parlait de “gaspillage” partout" + kNbsp + "», dit-il.");
    EXPECT_EQ(french_typography("\"Elle m'a dit 'je pars demain, c'est décidé'\", raconte Léa."),
              "«" + kNbsp + "Elle m’a dit “je pars demain, c’est décidé”" + kNbsp + "», raconte Léa.");
    EXPECT_EQ(french_typography("Le groupe vise +5 % et 2+2 font 4 sur Canal+ ce soir."),
              "Le groupe vise +5" + kNarrow + "% et 2+2 font 4 sur Canal+ ce soir.");
    EXPECT_EQ(french_typography("Aujourd'hui, l' école et l'État."), "Aujourd’hui, l' école et l’État.");
}

TEST(WriteTypography, ThousandsGroupedByNarrowNoBreakSpaces) {
    EXPECT_EQ(french_typography("Le stade compte 12000 places."), "Le stade compte 12" + kNarrow + "000 places.");
    EXPECT_EQ(french_typography("Le fonds pèse 7 000 000 euros."),
              "Le fonds pèse 7" + kNarrow + "000" + kNarrow + "000 euros.");
    EXPECT_EQ(french_typography("Il coûte 12345,50 euros."), "Il coûte 12" + kNarrow + "345,50 euros.");
    const std::string grouped = "Il faut 7" + kNbsp + "000 milliards.";  // already right: kept
    EXPECT_EQ(french_typography(grouped), grouped);
}

TEST(WriteTypography, ThousandsWrittenWithPeriodsAreGrouped) {
    EXPECT_EQ(french_typography("Le cortège a réuni 32.000 personnes et 2.758 élus."),
              "Le cortège a réuni 32" + kNarrow + "000 personnes et 2" + kNarrow + "758 élus.");
    EXPECT_EQ(french_typography("Le budget atteint 21.936.820 euros, soit 1.234,50 par habitant."),
              "Le budget atteint 21" + kNarrow + "936" + kNarrow + "820 euros, soit 1" + kNarrow + "234,50 par habitant.");
    EXPECT_EQ(french_typography("Le scrutin du 12.05.2020 est validé."), "Le scrutin du 12.05.2020 est validé.");
    EXPECT_EQ(french_typography("La version 3.5 puis la 1.2.3 arrivent."), "La version 3.5 puis la 1.2.3 arrivent.");
    EXPECT_EQ(french_typography("L'adresse 192.168.100.1 répond, au taux de 0.750."),
              "L’adresse 192.168.100.1 répond, au taux de 0.750.");
    EXPECT_EQ(french_typography("Voir https://exemple.fr/32.000/page"), "Voir https://exemple.fr/32.000/page");
}

TEST(WriteTypography, GluedHoursAreSpaced) {
    EXPECT_EQ(french_typography("Le couvre-feu va de 18H00 à 06H00, la messe est à 9H30."),
              "Le couvre-feu va de 18" + kNarrow + "h" + kNarrow + "00 à 06" + kNarrow + "h" + kNarrow +
                  "00, la messe est à 9" + kNarrow + "h" + kNarrow + "30.");
    EXPECT_EQ(french_typography("Vers 23H, la foule s'est dispersée."), "Vers 23" + kNarrow + "h, la foule s’est dispersée.");
    for (const std::string s : {"Ouvert 24H/24, de 16H-18H.", "Le virus H1N1 et un A380H.", "Il a couru 42H15min.",
                                "La messe de 9h30 reste écrite comme la presse l’écrit.",
                                "Le créneau 25H00 est faux, comme 12H75."})
        EXPECT_EQ(french_typography(s), s);
}

TEST(WriteTypography, CapitalsTakeTheirAccent) {
    EXPECT_EQ(french_typography("Les Etats-Unis et l'Etat. Ca change tout en Ile-de-France, dit l'Eglise."),
              "Les États-Unis et l’État. Ça change tout en Île-de-France, dit l’Église.");
    // Names that drop the accent, words in capitals, a capital inside a word, URLs are kept.
    for (const std::string s : {"Eric lit Les Echos à Evian.", "ETAT DE CRISE", "Le site EtatDesLieux.", "Voir https://exemple.fr/Etat"})
        EXPECT_EQ(french_typography(s), s);
}

// Words French writes with œ, typed « oe »: in a compound, after an elision, with a capital.
// Words and names whose « oe » is two letters keep it.
TEST(WriteTypography, WordsTakeTheirLigature) {
    EXPECT_EQ(french_typography("Oeuvre de sa soeur, ce chef-d'oeuvre lui tient à coeur, et sa belle-soeur a fait un voeu."),
              "Œuvre de sa sœur, ce chef-d’œuvre lui tient à cœur, et sa belle-sœur a fait un vœu.");
    for (const std::string s : {"Le coefficient de la moelle.", "Noël chez Boeing et Goethe.", "Ils coexistent."})
        EXPECT_EQ(french_typography(s), s);
}

TEST(WriteTypography, TypesetWordsCountEachGroupOfAGroupedNumber) {
    using plume::write::typeset_words;
    EXPECT_EQ(typeset_words("Quelque 185.000 collégiens et 2024 professeurs."), 7u);  // 185 000: two words
    EXPECT_EQ(typeset_words("Le fonds pèse 7000000 euros."), 7u);  // 7 000 000: three
    EXPECT_EQ(typeset_words("La ligne ouvre samedi."), 4u);
}

TEST(WriteTypography, YearsDecimalsTimesAndIdentifiersAreLeftAlone) {
    for (const std::string s : {"En 2024, 7000 salariés, puis 1999.", "Pi vaut 3,14159.", "Rendez-vous à 10:30 ou à 5 h 30.",
                                "Appelez le 0612345678.", "Au 12 rue Royale, 75001 Paris.",
                                "Le dossier n° 123456 et le modèle XR12345."})
        EXPECT_EQ(french_typography(s), s);
}

TEST(WriteTypography, UrlsAndEmailsAreLeftAlone) {
    EXPECT_EQ(french_typography("Voir https://exemple.fr/a?id=12345&x='b' ou www.exemple.fr/page:2 ou écrire à "
                                "jean12345@exemple.fr !"),
              "Voir https://exemple.fr/a?id=12345&x='b' ou www.exemple.fr/page:2 ou écrire à jean12345@exemple.fr" +
                  kNarrow + "!");
}

const std::vector<std::string>& sloppy_texts() {
    static const std::vector<std::string> texts = {
        "C'est officiel : la ligne ouvre le 6 septembre 2025 ; 42 000 voyageurs par jour sont attendus !",
        "Le maire l'assure: le tram \"va transformer la vie\" des familles. Vraiment ? Oui !",
        "Le chantier a coûté 312000000 euros, soit 3,5 % de plus ; le budget de 2020 était de 285 millions.",
        "Elle a dit «jamais» puis « peut-être » , et l'affaire fut close : 12:30 , 5 h 30.",
        "Voir https://exemple.fr/x?id=12345 ou ecrire a contact@exemple.fr : merci !",
        "Un écran de 27\" suffit ; \"non\" ; \"d'accord\"?",
        "Il dénonce l'\"irresponsabilité\" de lobbies \"prompts à défiler\"Nicolas Hulot insiste : \"Jamais\"!"};
    return texts;
}

// A hyphen typed between spaces for a dash is the en dash of an incise; a compound's hyphen,
// a minus, a list's marker and a range glued to its figures stay.
TEST(WriteTypography, SpacedHyphensAreDashes) {
    EXPECT_EQ(french_typography("Les bandes - un trésor, dit-il - reposent à Paris."), "Les bandes \u2013 un trésor, dit-il \u2013 reposent à Paris.");
    EXPECT_EQ(french_typography("Il a vu Jean-Pierre Dupont - président de la fondation -, puis le maire."),
              "Il a vu Jean-Pierre Dupont \u2013 président de la fondation \u2013, puis le maire.");
    for (const std::string s : {"Le taux est de -5\u202f% en 2019-2020.", "- Le premier point\n- Le second point", "Le Royaume-Uni vote."})
        EXPECT_EQ(french_typography(s), s);
    // Two hyphens typed for a dash, glued to the incise's words or spaced; a longer rule stays.
    EXPECT_EQ(french_typography("Elle s'entretient --surtout par téléphone, grève oblige-- avec les élus."),
              "Elle s’entretient \u2013 surtout par téléphone, grève oblige \u2013 avec les élus.");
    EXPECT_EQ(french_typography("Les riverains -- plus de 300 familles -- ont signé."), "Les riverains \u2013 plus de 300 familles \u2013 ont signé.");
    for (const std::string s : {"Fin du texte.\n---\nSuite.", "-- Le premier point"}) EXPECT_EQ(french_typography(s), s);
}

// A quotation ending on its own exclamation or question mark ends the sentence: no period
// after its closing guillemet. One ending on a word keeps it, as does an ellipsis's run.
TEST(WriteTypography, NoPeriodAfterAQuotationsOwnMark) {
    EXPECT_EQ(french_typography("Il a lancé : \"les rames sont pleines !\". La Métropole a répondu."),
              "Il a lancé\u00a0: «\u00a0les rames sont pleines\u202f!\u00a0» La Métropole a répondu.");
    EXPECT_EQ(french_typography("Elle demande « pourquoi ? »."), "Elle demande «\u00a0pourquoi\u202f?\u00a0»");
    for (const std::string s : {"Il a dit «\u00a0non\u00a0». Puis il est parti.", "Il a crié «\u00a0non\u202f!\u00a0»... Puis rien."})
        EXPECT_EQ(french_typography(s), s);
}

// A page that lost the space after a comma between words, or after the period of a name's
// initial before the next sentence, gets it back; abbreviations, decimals and identifiers
// keep theirs as they are.
TEST(WriteTypography, StopsGluedToTheNextWordTakeTheirSpace) {
    EXPECT_EQ(french_typography("L'accident a coûté la vie à dix personnes,en marge du tournage."),
              "L’accident a coûté la vie à dix personnes, en marge du tournage.");
    EXPECT_EQ(french_typography("Ils ont rencontré Cyrille P.Les jumeaux ont nié."),
              "Ils ont rencontré Cyrille P. Les jumeaux ont nié.");
    for (const std::string s : {"Le roman de J.K. Rowling.", "Un taux de 3,5\u202f% en 2020.", "Le site tourne sous ASP.NET et .NET.",
                                "Le modèle A.B ou U.S.A. reste."})
        EXPECT_EQ(french_typography(s), s);
}

TEST(WriteTypography, Idempotent) {
    for (const std::string& s : sloppy_texts()) {
        const std::string once = french_typography(s);
        EXPECT_NE(once, s);
        EXPECT_EQ(french_typography(once), once) << s;
    }
}

TEST(WriteTypography, NeverChangesWordsAndKeepsUtf8Valid) {
    for (const std::string& s : sloppy_texts()) {
        const std::string fixed = french_typography(s);
        EXPECT_TRUE(text::is_valid_utf8(fixed)) << s;
        EXPECT_EQ(skeleton(fixed), skeleton(s)) << s;
        EXPECT_EQ(text::count_words(fixed), text::count_words(s)) << s;
    }
    // Invalid bytes pass through untouched rather than being dropped or repaired.
    const std::string invalid = "Il a dit l'\xff ; oui.";
    EXPECT_EQ(french_typography(invalid), "Il a dit l'\xff" + kNarrow + "; oui.");
}

TEST(WriteTypography, AnalyserFindsNothingToCorrect) {
    std::string markdown = "## Une ouverture attendue\n\n";
    for (const std::string& s : sloppy_texts()) markdown += s + "\n\n";
    markdown += "- Un point : 12000 places\n- Un autre : \"oui\" !\n";
    ASSERT_FALSE(typography_check(parse_markdown(markdown)).marks.empty());  // the text had faults
    const Assessment fixed = typography_check(parse_markdown(french_typography(markdown)));
    EXPECT_TRUE(fixed.marks.empty()) << fixed.message;
    EXPECT_EQ(fixed.score, 9);
}

// Every example source, corrected, passes the check: rules missed here would show.
TEST(WriteTypography, ExampleSourcesPassTheCheckOnceCorrected) {
    std::size_t files = 0, faulty = 0;
    for (const auto& set : std::filesystem::directory_iterator(std::string(PLUME_EXAMPLES) + "/sources")) {
        if (!set.is_directory()) continue;
        for (const auto& file : std::filesystem::directory_iterator(set.path())) {
            if (file.path().extension() != ".txt") continue;
            ++files;
            const std::string bytes = test::slurp(file.path().string());
            faulty += !typography_check(parse_document(bytes, Format::Text, file.path().string())).marks.empty();
            const std::string fixed = french_typography(bytes);
            const Assessment a = typography_check(parse_document(fixed, Format::Text, file.path().string()));
            EXPECT_TRUE(a.marks.empty()) << file.path() << ": " << a.message;
            EXPECT_EQ(french_typography(fixed), fixed) << file.path();
        }
    }
    EXPECT_GE(files, 8u);
    EXPECT_GE(faulty, 3u);  // the sloppy sources did need correcting
}

TEST(WriteTypography, SeedsPassTheCheckOnceCorrected) {
    if (!test::seeds_present()) GTEST_SKIP() << "no seeds at " << PLUME_SEEDS;
    for (const auto& file : std::filesystem::directory_iterator(PLUME_SEEDS)) {
        if (file.path().extension() != ".txt") continue;
        const std::string fixed = french_typography(test::slurp(file.path().string()));
        const Assessment a = typography_check(parse_document(fixed, Format::Text, file.path().string()));
        EXPECT_TRUE(a.marks.empty()) << file.path() << ": " << a.message;
    }
}

}  // namespace

namespace {

// « A » opening a sentence before a lowercase word is « À » without its accent; the verb,
// a grade, a model name or a Latin locution are left alone.
TEST(WriteTypography, CapitalAOpeningASentenceTakesItsAccent) {
    using plume::write::accent_initial_a;
    EXPECT_EQ(accent_initial_a("A partir de lundi, le marché rouvre."), "À partir de lundi, le marché rouvre.");
    EXPECT_EQ(accent_initial_a("Il pleut. A l’entrée, un vigile."), "Il pleut. À l’entrée, un vigile.");
    EXPECT_EQ(accent_initial_a("« A mon avis », dit-elle."), "« À mon avis », dit-elle.");
    // Before a place's name of one word (« A Copenhague, », « A Pékin »), not before an
    // English title's capitalised words, nor at a quotation's start.
    EXPECT_EQ(accent_initial_a("A Lyon, il pleut. A Pékin seuls les lycéens rentrent."), "À Lyon, il pleut. À Pékin seuls les lycéens rentrent.");
    EXPECT_EQ(accent_initial_a("A Saint-Étienne, le stade rouvre."), "À Saint-Étienne, le stade rouvre.");
    for (const char* kept : {"Le plan A fonctionne.", "Un A380 a atterri.", "Il a obtenu un A à l’examen.", "A Quiet Place sort lundi.",
                             "« A Star » triomphe.", "A NEW YORK, il pleut.",
                             // Latin locutions keep their « a »: « a priori » is no « à priori ».
                             "A priori, la planète est trop chaude.", "Il pleut. A fortiori, le match est reporté."})
        EXPECT_EQ(accent_initial_a(kept), kept);
}

}  // namespace
