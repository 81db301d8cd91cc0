// Check phase: the facts of a text (numbers with their unit, dates, quotations, proper names),
// traced to the sources through typographic differences, and the article's verbatim share.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/fidelity.hpp"
#include "compose/typography.hpp"
#include "test_support.hpp"

namespace {

using namespace plume;
using plume::write::extract_facts;
using plume::write::trace_facts;
using plume::write::verbatim_share;
using Strings = std::vector<std::string>;

const std::string kNbsp = "\u00a0";
const std::string kNarrow = "\u202f";

// The texts of the facts of one kind, in order.
Strings of_kind(const std::vector<Fact>& facts, FactKind kind) {
    Strings out;
    for (const Fact& f : facts)
        if (f.kind == kind) out.push_back(f.text);
    return out;
}

Strings facts_of(const std::string& text, FactKind kind) { return of_kind(extract_facts(text), kind); }

// The source index of the fact with this text; -2 when the text has no such fact.
int source_of(const std::vector<Fact>& facts, const std::string& text) {
    for (const Fact& f : facts)
        if (f.text == text) return f.source;
    return -2;
}

TEST(WriteFacts, NumbersKeepTheirScaleAndUnit) {
    const std::string text =
        "Le groupe voudrait lever 7 000 milliards de dollars. La croissance atteint 3,5 % cette année, "
        "et la récolte tombe à 29,8 millions de tonnes. Il a fait 35 °C à l’ombre. La ligne mesure "
        "8,7 kilomètres et le ticket coûte 2,10 euros. Le chantier a coûté 312 millions d’euros.";
    EXPECT_EQ(facts_of(text, FactKind::Number),
              (Strings{"7 000 milliards de dollars", "3,5 %", "29,8 millions de tonnes", "35 °C", "8,7 kilomètres",
                       "2,10 euros", "312 millions d’euros"}));
}

TEST(WriteFacts, NumberWithoutUnitIsTheTokenAlone) {
    EXPECT_EQ(facts_of("Le réseau a recruté 64 conducteurs et 42 000 voyageurs sont attendus.", FactKind::Number),
              (Strings{"64", "42 000"}));
    // "de" after a scale word only joins a unit: the people counted are not a unit.
    EXPECT_EQ(facts_of("Près de 3 millions de voyageurs par an.", FactKind::Number), Strings{"3 millions"});
}

TEST(WriteFacts, DatesAndYears) {
    const std::string text =
        "La ligne ouvre le samedi 6 septembre 2025. Les travaux avaient démarré en mars 2023 et une étude "
        "est promise en 2026. Le conseil se réunira mardi 22 juillet, puis les 6 et 7 septembre.";
    EXPECT_EQ(facts_of(text, FactKind::Date), (Strings{"samedi 6 septembre 2025", "mars 2023", "2026",
                                                       "mardi 22 juillet", "6 et 7 septembre"}));
    EXPECT_TRUE(facts_of(text, FactKind::Number).empty());  // the days and years are not counted twice
}

TEST(WriteFacts, TimesAreNumbers) {
    EXPECT_EQ(facts_of("Le premier tram part à 5 h 30 et le dernier à 23:45.", FactKind::Number),
              (Strings{"5 h 30", "23:45"}));
}

TEST(WriteFacts, QuotationsInGuillemetsAndStraightQuotes) {
    const std::string text = "Elle a déclaré" + kNbsp + ": «" + kNbsp + "Nous avons tenu le calendrier" + kNbsp +
                             "». Le maire parle d'un tram qui \"va transformer la vie\" des familles.";
    EXPECT_EQ(facts_of(text, FactKind::Quote), (Strings{"Nous avons tenu le calendrier", "va transformer la vie"}));
}

TEST(WriteFacts, UnpairedQuoteIsNoQuotation) {
    EXPECT_TRUE(facts_of("Un écran de 27\" suffit, dit-il.", FactKind::Quote).empty());
}

TEST(WriteFacts, ProperNamesWithTheirParticles) {
    const std::string text =
        "Selon le Wall Street Journal, Sam Altman a rencontré Tahnoon bin Zayed à Abu Dhabi. Le projet "
        "intéresse aussi la Métropole de Lyon et le PDG de SoftBank.";
    EXPECT_EQ(facts_of(text, FactKind::Name), (Strings{"Wall Street Journal", "Sam Altman", "Tahnoon bin Zayed",
                                                       "Abu Dhabi", "Métropole de Lyon", "PDG", "SoftBank"}));
}

TEST(WriteFacts, NamesAreNotTakenFromSentenceStarts) {
    // Sentence-initial capitals are ordinary words, unless the text also writes them capitalised
    // mid-sentence (Altman) or their capitals mark a name (OpenAI, TSMC).
    const std::string text =
        "Pourtant rien n’est décidé. Hier, la société a refusé. Altman confirme, dit Sam Altman. "
        "OpenAI négocie. TSMC produit les puces.";
    EXPECT_EQ(facts_of(text, FactKind::Name), (Strings{"Altman", "Sam Altman", "OpenAI", "TSMC"}));
}

TEST(WriteFacts, NoFunctionWordsMonthsOrHeadingStarts) {
    // A heading's first word is never a name, even when the body capitalises it.
    const std::string text =
        "Kelvia recrute\n\nLe rendez-vous est fixé Samedi en Septembre par Kelvia. Les Conducteurs arrivent.";
    EXPECT_EQ(facts_of(text, FactKind::Name), (Strings{"Kelvia", "Conducteurs"}));
    EXPECT_TRUE(facts_of("Vasseur promet\n\nLe chantier avance vite.", FactKind::Name).empty());
    EXPECT_EQ(facts_of("## Vasseur promet un tram\n\nLe chantier avance vite.", FactKind::Name), Strings{});
}

TEST(WriteFacts, EachFactOnceInOrder) {
    const auto facts = extract_facts(
        "Selon Sam Altman, il faut 7 000 milliards de dollars. Sam Altman répète" + kNbsp + ": 7" + kNarrow +
        "000 milliards de dollars.");
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(facts[0].kind, FactKind::Name);
    EXPECT_EQ(facts[0].text, "Sam Altman");
    EXPECT_EQ(facts[1].kind, FactKind::Number);
    EXPECT_EQ(facts[1].text, "7 000 milliards de dollars");
}

TEST(WriteFacts, TracedThroughTypography) {
    const std::vector<std::string> sources = {
        "Le stade compte 17 000 places et la ville 40 000 habitants.",
        "Sam" + kNbsp + "Altman viserait 7" + kNarrow + "000 milliards de dollars, selon le PDG d’OpenAI, qui parle d’une "
        "somme «" + kNbsp + "ridiculement grande" + kNbsp + "». La décision est attendue le mardi 22 juillet."};
    auto facts = extract_facts(
        "Mardi 22 juillet, le PDG d'OpenAI confirmera les 7 000 milliards de dollars, une somme \"ridiculement "
        "grande\" pour Sam Altman.");
    trace_facts(facts, sources);
    EXPECT_EQ(source_of(facts, "Mardi 22 juillet"), 1);  // case folded for dates
    EXPECT_EQ(source_of(facts, "OpenAI"), 1);
    EXPECT_EQ(source_of(facts, "7 000 milliards de dollars"), 1);
    EXPECT_EQ(source_of(facts, "ridiculement grande"), 1);
    EXPECT_EQ(source_of(facts, "Sam Altman"), 1);
}

// A quotation inside another, marked in the source with plus signs or single quotes, is typeset
// “ ” by plume: the same words, traced.
TEST(WriteFacts, QuotationMarkedWithPlusSignsOrSingleQuotesIsTraced) {
    const std::vector<std::string> sources = {"\"Ils parlent d'une guerre entre +voisins+\", estime le maire.",
                                              "\"J'ai dit 'non' à tout\", répond-elle."};
    auto facts = extract_facts("« Ils parlent d’une guerre entre “voisins” », estime le maire. « J’ai dit “non” à tout », répond-elle.");
    trace_facts(facts, sources);
    EXPECT_EQ(source_of(facts, "Ils parlent d’une guerre entre “voisins”"), 0);
    EXPECT_EQ(source_of(facts, "J’ai dit “non” à tout"), 1);
}

TEST(WriteFacts, ThousandsSeparatorsAreIgnoredButNumbersAreWhole) {
    const std::vector<std::string> sources = {"Le stade compte 17 000 places, soit 12000 de plus."};
    std::vector<Fact> facts = {{FactKind::Number, "12" + kNarrow + "000", -1},
                               {FactKind::Number, "17000", -1},
                               {FactKind::Number, "7 000", -1},   // inside 17 000: not the same figure
                               {FactKind::Number, "1 700", -1}};  // nor 17 00 read another way
    trace_facts(facts, sources);
    EXPECT_EQ(facts[0].source, 0);
    EXPECT_EQ(facts[1].source, 0);
    EXPECT_EQ(facts[2].source, -1);
    EXPECT_EQ(facts[3].source, -1);
}

// What plume re-typesets (no-break spaces before % and inside « », « » for straight quotes,
// the space after a glued sentence end, the accent of a capital, an hour spaced, a dash, a quotation
// opened lowercase after « : ») is no difference; a changed figure or word is.
TEST(WriteFacts, RetypesetFactsAreTracedAndChangedOnesAreNot) {
    const std::vector<std::string> sources = {
        "La part est passée de 60 à 80% environ, selon Anne Roux.\"Nous voyons déjà (que la \"bétonisation\") "
        "repousse les touristes. A mon avis, c'est fini\", dit-elle.En 2019, 5 % des plages ont fermé, "
        "soit 1.002 kilomètres.\"Nous ne renoncerons jamais.Nous resterons\", ajoute-t-elle. Fermeture à 18H00. "
        "\"Le port - notre fierté - rouvre\", dit-il."};
    std::vector<Fact> facts = {
        {FactKind::Number, "80" + kNarrow + "%", -1},
        {FactKind::Quote, "Nous voyons déjà (que la «" + kNbsp + "bétonisation" + kNbsp +
                              "») repousse les touristes. À mon avis, c’est fini", -1},
        {FactKind::Quote, "nous ne renoncerons jamais. Nous resterons", -1},
        {FactKind::Number, "1 002 kilomètres", -1},
        {FactKind::Number, "5" + kNarrow + "%", -1},
        {FactKind::Number, "18" + kNarrow + "h" + kNarrow + "00", -1},
        {FactKind::Quote, "Le port \u2013 notre fierté \u2013 rouvre", -1},
        // Changed: another figure, a decimal made of two figures, a word of a quotation.
        {FactKind::Number, "81" + kNarrow + "%", -1},
        {FactKind::Number, "2019,5" + kNarrow + "%", -1},
        {FactKind::Number, "19" + kNarrow + "h" + kNarrow + "00", -1},
        {FactKind::Quote, "Nous voyons déjà que la bétonisation repousse les touristes", -1},
        {FactKind::Quote, "nous ne renoncerons pas. Nous resterons", -1},
        {FactKind::Name, "anne Roux", -1}};
    trace_facts(facts, sources);
    for (std::size_t i = 0; i < facts.size(); ++i) EXPECT_EQ(facts[i].source, i < 7 ? 0 : -1) << facts[i].text;
}

// A long source is traced through an index of where its words start, a short one by a
// scan: the same facts are found, or not, either way, wherever the story stands in it.
TEST(WriteFacts, LongAndShortSourcesTraceAlike) {
    const std::string story = "Le stade compte 17 000 places, soit 12000 de plus, selon Anne Roux.";
    std::string council;  // more than 64 KiB of another story
    while (council.size() <= 70000) council += "Le conseil municipal a voté son budget primitif en séance publique. ";
    const std::vector<Fact> asked = {{FactKind::Number, "12" + kNarrow + "000", -1}, {FactKind::Number, "17000", -1},
                                     {FactKind::Name, "Anne Roux", -1},               {FactKind::Number, "7 000", -1},
                                     {FactKind::Number, "1 700", -1},                 {FactKind::Name, "anne Roux", -1},
                                     {FactKind::Name, "Roux selon", -1},              {FactKind::Name, "Anne Rou", -1}};
    for (const std::string& source : {story, council + story, story + " " + council}) {
        std::vector<Fact> facts = asked;
        trace_facts(facts, {council, source});
        for (std::size_t i = 0; i < facts.size(); ++i)
            EXPECT_EQ(facts[i].source, i < 3 ? 1 : -1) << facts[i].text << " in " << source.size() << " bytes";
    }
}

TEST(WriteFacts, InventedFigureOrNameIsNotTraced) {
    const std::vector<std::string> sources = {"Claire Vasseur annonce 42 000 voyageurs par jour dès 2026."};
    auto facts = extract_facts("Selon Claire Vasseur, 45 000 voyageurs par jour sont attendus, d’après Jean Dupont, dès 2026.");
    trace_facts(facts, sources);
    EXPECT_EQ(source_of(facts, "Claire Vasseur"), 0);
    EXPECT_EQ(source_of(facts, "45 000"), -1);
    EXPECT_EQ(source_of(facts, "Jean Dupont"), -1);
    EXPECT_EQ(source_of(facts, "2026"), 0);
}

TEST(WriteFacts, NamesKeepTheirCase) {
    const std::vector<std::string> sources = {"la société kelvia exploite le réseau."};
    std::vector<Fact> facts = {{FactKind::Name, "Kelvia", -1}};
    trace_facts(facts, sources);
    EXPECT_EQ(facts[0].source, -1);
}

TEST(WriteFacts, ExampleFactsAreFoundInTheirSources) {
    // Every fact plume finds in an example source traces back to that source.
    const std::string dir = std::string(PLUME_EXAMPLES) + "/sources/tramway-lyon/";
    std::vector<std::string> sources;
    for (const char* name : {"01-quotidien-regional.txt", "02-site-info-locale.txt", "03-blog-mobilite.txt"})
        sources.push_back(test::slurp(dir + name));
    ASSERT_FALSE(sources[1].empty());
    auto facts = extract_facts(sources[1]);
    trace_facts(facts, sources);
    ASSERT_GT(facts.size(), 20u);
    for (const Fact& f : facts) EXPECT_GE(f.source, 0) << f.text;
    EXPECT_EQ(source_of(facts, "312 millions d'euros"), 0);  // 01: no-break space and d’euros
    EXPECT_EQ(source_of(facts, "Métropole de Lyon"), 0);
    EXPECT_EQ(source_of(facts, "Ile Barbe"), 0);  // 01 writes Île: a capital's accent is no difference
}

TEST(WriteOriginality, CopiedArticleIsFullyVerbatim) {
    const std::string source =
        "Le chantier aura coûté 312 millions d’euros, dont 48 millions apportés par l’État, et la ligne "
        "ouvrira le samedi 6 septembre.";
    EXPECT_DOUBLE_EQ(verbatim_share(source, {"Un autre texte sans rapport.", source}), 1.0);
    // Typography and case are no originality.
    const std::string retyped =
        "LE CHANTIER AURA COÛTÉ 312 MILLIONS D'EUROS, DONT 48 MILLIONS APPORTÉS PAR L'ÉTAT, ET LA LIGNE "
        "OUVRIRA LE SAMEDI 6 SEPTEMBRE.";
    EXPECT_DOUBLE_EQ(verbatim_share(retyped, {source}), 1.0);
}

TEST(WriteOriginality, DifferentTextHasNoVerbatimShare) {
    EXPECT_DOUBLE_EQ(verbatim_share("Les agriculteurs de la Beauce redoutent une récolte médiocre après un printemps sec.",
                                    {"La nouvelle ligne de tramway relie Vaise au campus de la Doua en vingt-quatre minutes."}),
                     0.0);
}

TEST(WriteOriginality, ShortArticleHasNoShare) {
    EXPECT_DOUBLE_EQ(verbatim_share("La ligne ouvre samedi.", {"La ligne ouvre samedi."}), 0.0);
}

TEST(WriteOriginality, PartlyCopiedArticle) {
    // Twelve words, five 8-grams; the first nine words come from the source, so the 8-grams
    // starting at words 1 and 2 are in it and the three others are not: 2 / 5.
    const std::string source = "La nouvelle ligne de tramway relie la gare de Vaise au campus de la Doua.";
    const std::string article = "La nouvelle ligne de tramway relie la gare de Perrache demain matin.";
    EXPECT_DOUBLE_EQ(verbatim_share(article, {source}), 0.4);
    // 7 000 with a narrow no-break space and 7 000 with a plain one are the same word.
    EXPECT_DOUBLE_EQ(verbatim_share("Il faudrait 7" + kNarrow + "000 milliards de dollars pour bâtir les usines.",
                                    {"Il faudrait 7 000 milliards de dollars pour bâtir les usines de puces."}),
                     1.0);
}

}  // namespace
