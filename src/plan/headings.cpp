// Subheadings built from a section's own words: the noun phrase of its sentences that
// carries the most of what is distinctive about the section.

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "analyze/keyphrase.hpp"
#include "plan/noun_phrase.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"
#include "text/lexicon.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinWords = 3;
constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxSentences = 12;  // where a section's subject is stated
constexpr double kRoleWeight = 0.5;

struct Word {
    std::string lower;  // the whole token, lowercased, ' apostrophe
    std::string base;   // lowercased, after its elision (« ailleurs » of « d'ailleurs »)
    std::string stem;   // content words only
    bool number = false;
    bool function = false;
    bool elided = false;
};

Word word_of(std::string_view s, const text::Token& t) {
    Word w;
    w.number = t.kind == text::TokenKind::Number;
    w.elided = t.base != t.begin;
    w.base = text::lowercase(s.substr(t.base, t.end - t.base));
    w.lower = unified_word(w.elided ? text::lowercase(t.view(s)) : w.base);
    w.function = analysis::is_function_word(t.view(s));
    if (!w.function && !w.number) w.stem = folded_stem(w.base);
    return w;
}

// A heading opens on an article (la récolte de blé, un mariage gris): a demonstrative or
// a possessive (cette fuite, son avocat) points back to a sentence the heading's reader has
// not read, and a name heads a list of names, not a subject.
bool can_start(const Word& w) {
    static const std::set<std::string, std::less<>> kArticles = {"le", "la", "les", "un", "une", "des"};
    // « l'a assuré »: a pronoun before its verb, not an article.
    if (w.elided)
        return w.lower.starts_with("l'") && !verb_like(w.base) && (w.base.starts_with("un") || !analysis::is_function_word(w.base));
    return kArticles.contains(w.lower);
}

// A demonstrative or a possessive (« dans cette zone rouge », « de son patrimoine ») points at
// what the sentence before named: a heading standing alone says it, or stops before it.
bool points_outside(const Word& w) {
    static const std::set<std::string, std::less<>> kPointing = {"ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
                                                                "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"};
    return kPointing.contains(w.lower);
}

// « selon une source judiciaire », « d'après une radio locale »: who tells the news, not what
// it is about (8 of the corpus's 1,130 subheadings were such sources).
bool attributes(const Word& w) { return w.lower == "selon" || w.lower == "d'après"; }

// An adverb and nothing else (« notamment », « ailleurs »): it says how the clause goes,
// not what the noun is.
bool adverb(std::string_view lower) {
    const text::WordReadings r = text::word_readings(lower);
    return r.other && !r.nominal && !r.finite_verb && !r.participle && !r.infinitive;
}

// « d'avoir placé », « d'être » : a verb's infinitive after its elided preposition;
// « d'ailleurs »: an adverb.
bool can_hold(const Word& w) {
    if (w.elided && w.lower.starts_with("d'") && text::word_readings(w.base).infinitive) return false;
    if (w.elided) return (w.lower.starts_with("l'") || w.lower.starts_with("d'")) && !verb_like(w.base) && !adverb(w.base);
    // « une nouvelle fois | devancer »: an infinitive and nothing else is the clause's verb.
    return w.number || (w.function ? noun_phrase_word(w.lower)
                                   : !verb_like(w.lower) && !adverb(w.lower) && !text::word_readings(w.lower).only_infinitive());
}

// "décrivant", "visant" after a noun are verbs; "le montant", "un dirigeant" are nouns,
// and so are "habitants", "enseignants" that the dictionary knows as nouns (« de nombreux
// habitants »).
bool present_participle(const Word& before, const Word& w) {
    return (w.lower.ends_with("ant") || w.lower.ends_with("ants")) && w.lower.size() > 5 &&
           !determiner(before.lower) && !before.lower.ends_with("'") && !text::word_readings(w.lower).nominal;
}

// "pour afficher", "de construire", "à lever": a verb's infinitive after its preposition.
bool infinitive(const Word& before, const Word& w) {
    static const std::set<std::string, std::less<>> kMarkers = {"pour", "à", "de", "d'", "sans"};
    return kMarkers.contains(before.lower) && w.lower.size() > 3 &&
           (w.lower.ends_with("er") || w.lower.ends_with("ir") || w.lower.ends_with("re"));
}

// « un », « chacun », « plusieurs », « la plupart »: a pronoun before « des » counting some
// of a group (« un des cafés »).
bool counts_some(std::string_view base) {
    static const std::set<std::string, std::less<>> kPronouns = {"un",      "une",     "aucun",    "aucune",    "chacun", "chacune",
                                                                 "certains", "certaines", "plusieurs", "beaucoup", "plupart"};
    return kPronouns.contains(base);
}

// A phrase ends on a figure or a content word: not on a function word, an elided determiner
// (« une story d'un »), a verb or a title before its name.
bool can_end(const Word& w) {
    return w.number || (!w.function && !(w.elided && analysis::is_function_word(w.base)) && !verb_like(w.lower) &&
                        !title_before_name(w.lower));
}

// tf in the section times idf over the story's sentences.
using Weights = std::unordered_map<std::string_view, double>;

Weights document_frequencies(const Story& story) {
    Weights df;
    for (const StorySentence& s : story.sentences) {
        std::vector<std::string_view> stems(s.stems.begin(), s.stems.end());
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        for (std::string_view st : stems) ++df[st];
    }
    return df;
}

struct Best {
    double score = 0;
    std::string text;
};

// One sentence's tokens, their roles in a noun phrase and their keyphrase match forms.
struct Parsed {
    std::vector<text::Token> tokens;
    std::vector<Word> words;
    std::vector<bool> capitalised;  // the word (after its elision) is written with a capital: a name
    std::vector<std::string> forms;
};

bool article(const Word& w) { return determiner(w.lower) || (w.elided && w.lower.starts_with("l'")); }

// « 1er », « 14e »: a day's number before its month.
bool ordinal(const Word& w) { return !w.lower.empty() && w.lower[0] >= '0' && w.lower[0] <= '9'; }

// Whether token k is a particle of a name: « Le » of « Marine Le Pen », « De » of « Brian
// De Pratto ».
bool particle(const Parsed& p, std::size_t k) { return p.capitalised[k] && analysis::is_function_word(p.words[k].lower); }

// Whether token k is a name's particle in small letters between two of its words: « el » of
// « Ramses Aly el Sayed », « bin » of « Tahnoon bin Zayed », « da » of « Leonardo da Vinci »
// (short, and no French function word: « Paris et Lyon » are two names).
bool inner_particle(const Parsed& p, std::size_t k) {
    constexpr std::size_t kParticleBytes = 3;
    return k > 0 && k + 1 < p.words.size() && !p.capitalised[k] && p.capitalised[k - 1] && p.capitalised[k + 1] &&
           p.tokens[k].kind == text::TokenKind::Word && p.words[k].lower.size() <= kParticleBytes && !p.words[k].function;
}

// Whether a word of a name follows token j: the name goes on.
bool name_follows(const Parsed& p, std::size_t j) {
    return j + 1 < p.tokens.size() && p.capitalised[j + 1] && p.tokens[j + 1].kind == text::TokenKind::Word;
}

// Whether the name from token j on is a person's after their role: a name of two words at
// least (a particle aside: « Marine Le Pen ») after a nationality and its article (« la mort
// de l'Italienne | Maria Giuseppa Robucci », not « l'US | Navy »), or of two words to its end
// after a phrase from token `start` that names a role (« le haut commissaire aux Retraites |
// Jean-Paul Delevoye », « la rédactrice en chef du Sunday Times | Emma Tucker »).
bool person_after_role(const Parsed& p, std::size_t start, std::size_t j) {
    static const auto& person_nouns = text::word_list("person_nouns");
    if (particle(p, j)) return false;
    std::size_t words = 0;
    for (std::size_t k = j; k < p.tokens.size() && p.tokens[k].kind == text::TokenKind::Word && p.capitalised[k]; ++k)
        words += !particle(p, k);
    const Word& before = p.words[j - 1];
    const bool after_article =
        before.elided ? before.lower.starts_with("l'") : j >= 2 && determiner(p.words[j - 2].lower) && p.words[j - 2].lower != "des";
    if (p.capitalised[j - 1] && after_article) return words >= 2;
    if (words != 2) return false;
    for (std::size_t k = start; k < j; ++k)
        if (person_nouns.contains(p.words[k].lower)) return true;
    return false;
}

// Whether token k is a word or a figure, which a clause goes on through (not a punctuation
// mark).
bool word_or_figure(const Parsed& p, std::size_t k) {
    return p.tokens[k].kind == text::TokenKind::Word || p.tokens[k].kind == text::TokenKind::Number;
}

// Whether a subject and its verb follow « et » from token j after a clause with its verb
// before the phrase opening at `start`: « La police a procédé à 418 arrestations liées à
// l'immigration | et 111 passeurs ont été condamnés » joins two clauses, not two nouns;
// « Les sports collectifs et de contact restent interdits » joins two nouns.
bool opens_clause(const Parsed& p, std::size_t start, std::size_t j) {
    constexpr std::size_t kSubjectWords = 4;  // « 111 passeurs », « les deux hommes »
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    // The verb of the clause the phrase is in: back to a punctuation mark or an « et ».
    bool verb_before = false;
    for (std::size_t k = start; k-- > 0 && !verb_before;) {
        if (!word_or_figure(p, k) || p.words[k].lower == "et") break;
        verb_before = auxiliaries.contains(p.words[k].lower) || verb_like(p.words[k].lower);
    }
    for (std::size_t k = j; verb_before && k < p.words.size() && k < j + kSubjectWords; ++k) {
        if (!word_or_figure(p, k) || p.words[k].lower == "qui") return false;
        if (k > j && !p.words[k].number && verb_like(p.words[k].lower)) return true;
    }
    return false;
}

// Whether the phrase opening at `start` is inside the first term of an « entre » before it,
// whose « et » it cannot take: « des recoupements entre le parcours de l'ancien maître-chien
// | et les dossiers non élucidés ». One opening right after « entre » takes both terms.
bool inside_between(const Parsed& p, std::size_t start) {
    for (std::size_t k = start; k-- > 0;) {
        if (!word_or_figure(p, k) || p.words[k].lower == "et") return false;
        if (p.words[k].lower == "entre") return k + 1 != start;
    }
    return false;
}

// Whether the word after « et » at j - 1 joins what comes before it in the phrase: a
// determiner opens a noun phrase like the first (« la France et l'Allemagne »), a name or a
// figure is one; a bare word joins an adjective (« sanitaire et économique »), a participle
// a participle (« réduit et accéléré »). Else « et » joins words of the clause: « à
// l'université | et spécialisations », « l'hiver 2016-17 | et porté », « la presse | et sur
// internet ».
bool coordinated(const Parsed& p, std::size_t start, std::size_t j) {
    const Word& w = p.words[j];
    const bool elided_de = w.elided && w.lower.starts_with("d'");
    if (opens_clause(p, start, j) || inside_between(p, start)) return false;
    if (j < 2 || w.number || p.capitalised[j] || determiner(w.lower) || (w.elided && !elided_de)) return true;
    // A preposition (« de », « à » too) opens a second complement when the phrase holds a
    // first: « l'usage de pétards et de feux d'artifice », « la nuit à Paris et en proche
    // banlieue »; not « la presse | et sur internet », nor « la justice | et de la
    // gendarmerie », cut from « de la justice et de la gendarmerie », whose first « de » is
    // outside the phrase. A bare « de » and its bare noun complete the noun the
    // first part does (« les sports collectifs et de contact »).
    if (w.lower == "de" && j + 1 < p.words.size() && !p.words[j + 1].function && !p.words[j + 1].number) return true;
    if (w.function || elided_de) {
        for (std::size_t k = start + 1; k + 1 < j; ++k)
            if (p.words[k].function && !determiner(p.words[k].lower) && noun_phrase_word(p.words[k].lower) && p.words[k].lower != "et") return true;
        return false;
    }
    const Word& first = p.words[j - 2];  // the word before « et »
    const text::WordReadings r = text::word_readings(w.lower);
    if (r.participle && !r.nominal) return text::word_readings(first.lower).participle;
    // An adjective follows its noun (« l'urgence climatique | et écologique »); after a
    // head that follows its article or preposition a bare word joins the clause's nouns.
    return j >= 3 && !first.function && !first.number && !p.words[j - 3].function;
}

// Whether token j carries on the noun phrase that opens at token start and runs up to j - 1.
bool continues(const Parsed& p, std::size_t start, std::size_t j) {
    const text::TokenKind kind = p.tokens[j].kind;
    const Word& w = p.words[j];
    const Word& before = p.words[j - 1];
    if ((kind != text::TokenKind::Word && kind != text::TokenKind::Number) || !can_hold(w)) return false;
    if (present_participle(before, w) || infinitive(before, w)) return false;
    // A day or a month right after a content word dates the clause (« la bibliothèque |
    // mardi », « la population | lundi 13 avril »); after « le » or « de » it is the noun,
    // after « fin », « début », « mi » or « courant » the rest of the date (« un retour à
    // la normale fin juin »).
    static const std::set<std::string, std::less<>> kPartOfMonth = {"fin", "début", "mi", "courant"};
    const bool month = text::word_list("month_names").contains(w.lower);
    if (!before.function && !before.number && !ordinal(before) && !(month && kPartOfMonth.contains(before.lower)) &&
        (month || text::word_list("day_names").contains(w.lower)))
        return false;
    if (before.lower == "et" && !coordinated(p, start, j)) return false;
    // A figure after a noun counts the noun after it, the next phrase's (« prévu par
    // l'exécutif | 3,4 milliards d'économies »); one naming the noun has none (« l'article
    // 49 de la Constitution »).
    if (kind == text::TokenKind::Number && !before.function && !before.number && j + 1 < p.words.size() &&
        p.tokens[j + 1].kind == text::TokenKind::Word && !p.words[j + 1].function)
        return false;
    // « le sanctionner », « le montrant »: a pronoun before its verb, not an article.
    const text::WordReadings r = text::word_readings(w.lower);
    if (determiner(before.lower) && (r.infinitive || (r.participle && w.lower.ends_with("ant"))) && !r.nominal) return false;
    // A determiner inside a phrase follows its preposition (la cote de la ville); after a
    // noun it opens the next phrase (« la justice française | les personnes soupçonnées »).
    if (article(w) && (!before.function || determiner(before.lower))) return false;
    // A name in apposition (la chancelière allemande | Angela Merkel) makes the heading a
    // person's rather than the section's subject.
    // A name after its elided preposition (la gigafactory d'Aurelis) is a complement.
    if (p.capitalised[j] && !w.elided && !before.function && !before.elided && !p.capitalised[j - 1]) return false;
    // A person's name right after a name, when the phrase names a role, is in apposition too
    // (« le député du Bas-Rhin | Armand Jung »); else the name goes on (« de Recep Tayyip
    // Erdogan »), as a particle does (« de Marine Le Pen »).
    if (p.capitalised[j] && p.capitalised[j - 1] && person_after_role(p, start, j)) return false;
    // A word that is a noun and a verb, after its article's noun and before a determiner or
    // an adverb, is the verb: « la crise | marque d'ailleurs », « la crise | marque une
    // rupture »; « des » after a noun is « de les » (« l'agence chinoise des médicaments »).
    const bool after_head = (j >= 2 && article(p.words[j - 2]) && !before.function) || (before.elided && article(before));
    // « les forces de l'ordre | arrivées sur place »: a plural participle after a singular
    // noun agrees with a noun before it, out of the phrase.
    if (after_head && r.participle && (w.lower.ends_with("és") || w.lower.ends_with("ées"))) {
        const Word& a = before.elided ? before : p.words[j - 2];
        if (a.elided || a.lower == "le" || a.lower == "la" || a.lower == "un" || a.lower == "une") return false;
    }
    return !(after_head && !w.function && j + 1 < p.words.size() && r.finite_verb &&
             ((determiner(p.words[j + 1].lower) && p.words[j + 1].lower != "des") || (!p.words[j + 1].function && adverb(p.words[j + 1].base))));
}

// Whether token j is a past participle, and nothing else, before « comme » and what it
// is deemed (« considéré | comme terroriste », « présenté | comme un échec »).
bool complement_follows(const Parsed& p, std::size_t j) {
    const text::WordReadings r = text::word_readings(p.words[j].lower);
    return r.participle && !r.nominal && !r.finite_verb && j + 1 < p.words.size() && p.words[j + 1].lower == "comme";
}

// Whether « entre » after `from` waits for its « et » at token j + 1: « les côtes entre juin
// | et novembre » stops halfway.
bool between_cut(const Parsed& p, std::size_t from, std::size_t j) {
    if (j + 1 >= p.words.size() || p.words[j + 1].lower != "et") return false;
    for (std::size_t k = j; k > from; --k) {
        if (p.words[k].lower == "et") return false;
        if (p.words[k].lower == "entre") return true;
    }
    return false;
}

// Whether token j opens a « de » complement: « de », « du », « des », « d' ».
bool opens_complement(const Parsed& p, std::size_t j) {
    const std::string& w = p.words[j].lower;
    return w == "de" || w == "du" || w == "des" || w.starts_with("d'");
}

// Whether a « de » complement of the head stands between it and token j.
bool after_complement(const Parsed& p, std::size_t head, std::size_t j) {
    for (std::size_t k = head + 1; k < j; ++k)
        if (opens_complement(p, k)) return true;
    return false;
}

// A preposition that opens a prepositional locution (« à la tête de », « au moment où »).
bool locution_preposition(const Word& w) { return text::locution_preposition(w.lower); }

// Whether the phrase opening at token `start`, its head at `head`, is a prepositional
// locution's inside (« à la tête | de Paris », « à l'instar | de », « sur les coups | de 20
// heures », data/fr/locution_nouns.txt): a preposition before it, the locution's « de »
// after its head. « sur les berges | du Rhône » is none. Two locutions open on « de » (« de
// la part | d'une gardienne », « de l'ordre | de 5 % »), where « de » mostly opens a
// noun's complement (« la reprise de l'aide | de l'État » is a phrase).
bool in_locution(const Parsed& p, std::size_t start, std::size_t head) {
    static const std::set<std::string, std::less<>> kAfterDe = {"part", "ordre"};
    if (start == 0 || head + 1 >= p.words.size() || !opens_complement(p, head + 1)) return false;
    const Word& before = p.words[start - 1];
    return (locution_preposition(before) && text::word_list("locution_nouns").contains(p.words[head].base)) ||
           (before.lower == "de" && kAfterDe.contains(p.words[head].base));
}

// Whether the noun at token j, after « de », or after « et » or a preposition and its
// article, leaves out the next « de » complement, which completes it (« l'usine de
// fabrication | de polystyrènes », « l'importance de l'utilisation | du préservatif »,
// « la rédaction du journal à l'arme | de guerre »), or both nouns « et » joins (« le rôle
// et l'étendue | des fonctions », « le droit local et la défense | des langues régionales »).
// A measure is no such complement (« des rafales de vent | de plus de 90 km/h »), nor is
// the particle of a name a « de » (« Brian De Pratto | de la banque »).
bool needs_its_complement(const Parsed& p, std::size_t head, std::size_t j) {
    constexpr std::size_t kMeasureReach = 3;  // « de 90 », « de plus de 90 »
    if (j == head || j + 2 >= p.words.size() || !opens_complement(p, j + 1)) return false;
    for (std::size_t k = j + 2; k < p.words.size() && k <= j + 1 + kMeasureReach; ++k)
        if (p.words[k].number) return false;
    // « et » or a preposition, then the noun's article: « …et l'étendue », « …à l'arme ».
    static const std::set<std::string, std::less<>> kIntroducers = {"et", "à", "en", "sur", "dans", "par", "pour", "avec", "sous", "vers"};
    const bool introduced = (p.words[j].elided && kIntroducers.contains(p.words[j - 1].lower)) ||
                            p.words[j - 1].lower == "au" || p.words[j - 1].lower == "aux" ||
                            (j >= 2 && determiner(p.words[j - 1].lower) && kIntroducers.contains(p.words[j - 2].lower));
    return (p.words[j].elided && p.words[j].lower.starts_with("d'")) || (opens_complement(p, j - 1) && !particle(p, j - 1)) ||
           introduced;
}

// A phrase ends where the sentence's phrase does, or before a preposition or « et » after
// a noun (la cote | d'Edouard Philippe); never before its adjective (le déconfinement |
// scolaire), nor between a participle and its complement (la crise née | de l'épidémie).
// A noun is the phrase's head or follows an article or a preposition.
bool may_end(const Parsed& p, std::size_t head, std::size_t j, std::size_t last) {
    // « l'office organisé in | extremis », « au début de l'an »: a small word of two letters
    // is a locution's part more often than a noun (« PS », « C8 » are names).
    constexpr std::size_t kShortWordBytes = 2;
    if (!can_end(p.words[j]) || (!p.capitalised[j] && !p.words[j].number && p.words[j].base.size() <= kShortWordBytes)) return false;
    // « le passage à 50 km | /h »: a word a slash joins to the next one is cut from it.
    if (j + 2 < p.tokens.size() && p.tokens[j + 1].begin == p.tokens[j].end && p.tokens[j + 2].begin == p.tokens[j + 1].end &&
        p.words[j + 1].lower == "/")
        return false;
    // « avec 14 », « à 16.000 »: a figure after its preposition has lost its unit.
    if (p.words[j].number && p.words[j - 1].function && !determiner(p.words[j - 1].lower)) return false;
    // « les positions de Marine | Le Pen », « de Ramses Aly | el | Sayed »: never before nor
    // on a name's particle; « un mouvement considéré | comme terroriste »: never between a
    // participle and what it deems.
    if (between_cut(p, head, j) || (p.capitalised[j] && j + 1 < p.words.size() && (particle(p, j + 1) || inner_particle(p, j + 1))) ||
        inner_particle(p, j) || complement_follows(p, j))
        return false;
    // « un spécialiste de l'Afrique venu | lui rendre visite », « un couple de 40 ans
    // rencontré | lors… »: a participle after a complement naming a place or a figure is the
    // head's, and opens a clause of its own, which goes on (« les communes concernées » is
    // the complement's own).
    const bool after_name_or_figure = p.capitalised[j - 1] || (j >= 2 && p.words[j - 2].number);
    if (j + 1 < p.words.size() && word_or_figure(p, j + 1) && after_name_or_figure && after_complement(p, head, j)) {
        const text::WordReadings r = text::word_readings(p.words[j].lower);
        if (r.participle && !r.finite_verb) return false;
    }
    // « du Sunday | Times », « du Centre | Johns Hopkins »: never inside a name, but before a
    // person's, in apposition to their role.
    if (p.capitalised[j] && name_follows(p, j) && !person_after_role(p, head, j + 1)) return false;
    // « la fin de l'an | dernier », « la semaine | prochaine »: never before the adjective
    // placing a time (function words to Yoast).
    static const std::set<std::string, std::less<>> kTimeAdjectives = {"dernier", "dernière", "derniers", "dernières",
                                                                       "prochain", "prochaine", "prochains", "prochaines"};
    if (j + 1 < p.words.size() && kTimeAdjectives.contains(p.words[j + 1].lower)) return false;
    // « au moment | où »: a locution's noun after its preposition waits for its complement.
    static const auto& locution_nouns = text::word_list("locution_nouns");
    if (j > head && locution_preposition(p.words[j - 1]) && locution_nouns.contains(p.words[j].base)) return false;
    // « sur la célèbre | Puerta del Sol »: an adjective right after its article waits for
    // its noun.
    if (j > head && j + 1 < p.words.size() && p.tokens[j + 1].kind == text::TokenKind::Word && article(p.words[j - 1])) {
        const text::WordReadings r = text::word_readings(p.words[j].lower);
        if (r.nominal && !r.noun) return false;
    }
    if (needs_its_complement(p, head, j)) return false;
    if (j == last) return true;
    const bool noun = j == head || p.words[j].elided || p.words[j - 1].function;
    // « en raison | de », « en cas | d'accident »: a locution, not a noun's phrase.
    return noun && (p.words[j + 1].function || p.words[j + 1].elided) && p.words[j - 1].lower != "en";
}

}  // namespace

struct HeadingWriter::Impl {
    const Story& story;
    std::vector<analysis::Keyphrase> phrases;  // the keyphrase and its synonyms
    std::set<std::string, std::less<>> title_stems;
    Weights df;  // keys view the story's stems
    mutable std::vector<std::optional<Parsed>> parsed;

    const Parsed& parse(std::size_t i) const {
        if (!parsed[i]) {
            const std::string& s = story.sentences[i].text;
            Parsed p;
            p.tokens = story.sentences[i].tokens;
            for (const text::Token& t : p.tokens) {
                p.words.push_back(word_of(s, t));
                p.capitalised.push_back(t.kind == text::TokenKind::Word && starts_upper(s.substr(t.base, t.end - t.base)));
                // The French match form, through the story's stem cache.
                p.forms.push_back(folded_stem(p.words.back().base));
            }
            parsed[i] = std::move(p);
        }
        return *parsed[i];
    }

    // tf in the section times idf over the story's sentences. A word the section says once
    // is something it mentions, not what it is about (a person named in passing).
    Weights weights(const std::vector<int>& sentences) const {
        constexpr double kOnce = 0.25;
        Weights tf;
        for (int i : sentences)
            for (const std::string& st : story.sentences[static_cast<std::size_t>(i)].stems) ++tf[st];
        const double n = static_cast<double>(story.sentences.size());
        for (auto& [st, w] : tf) w *= std::log(1.0 + n / df.at(st)) * (w < 2 ? kOnce : 1.0);
        return tf;
    }

    bool has_keyphrase(const Parsed& p, std::size_t i, std::size_t j) const {
        return std::any_of(phrases.begin(), phrases.end(), [&](const analysis::Keyphrase& kp) {
            return !kp.empty() && std::all_of(kp.words.begin(), kp.words.end(), [&](const analysis::KeyWord& w) {
                for (std::size_t k = i; k <= j; ++k)
                    if (analysis::matches(w, p.forms[k], MatchMode::French)) return true;
                return false;
            });
        });
    }

    // The span's content words are all the headline's: the title repeated.
    bool repeats_title(const Parsed& p, std::size_t i, std::size_t j) const {
        for (std::size_t k = i; k <= j; ++k)
            if (!p.words[k].stem.empty() && !title_stems.contains(p.words[k].stem)) return false;
        return true;
    }
};

namespace {

std::set<std::string, std::less<>> stems_of_titles(const Story& story) {
    std::set<std::string, std::less<>> out;
    for (const CleanSource& src : story.sources) {
        const std::string& t = src.info.title;
        for (const text::Token& tok : text::tokenize(t))
            if (tok.kind == text::TokenKind::Word) out.insert(word_of(t, tok).stem);
    }
    return out;
}

std::vector<analysis::Keyphrase> match_phrases(const std::string& keyphrase, const std::vector<std::string>& synonyms) {
    std::vector<analysis::Keyphrase> out{analysis::make_keyphrase(keyphrase, MatchMode::French)};
    for (const std::string& s : synonyms) out.push_back(analysis::make_keyphrase(s, MatchMode::French));
    return out;
}

}  // namespace

void TakenHeadings::add(const std::string& heading) {
    exact_.insert(heading);
    lower_.insert(text::lowercase(heading));
}

void TakenHeadings::remove(const std::string& heading) {
    if (const auto it = exact_.find(heading); it != exact_.end()) exact_.erase(it);
    if (const auto it = lower_.find(text::lowercase(heading)); it != lower_.end()) lower_.erase(it);
}

bool TakenHeadings::has_in_any_case(const std::string& heading) const { return lower_.contains(text::lowercase(heading)); }

HeadingWriter::HeadingWriter(const Story& story, const std::string& keyphrase, const std::vector<std::string>& synonyms)
    : impl_(new Impl{story, match_phrases(keyphrase, synonyms), stems_of_titles(story), document_frequencies(story),
                     std::vector<std::optional<Parsed>>(story.sentences.size())}) {}

HeadingWriter::~HeadingWriter() = default;

std::string HeadingWriter::operator()(const std::vector<int>& sentences, const TakenHeadings& taken, bool want_keyphrase) const {
    const Impl& m = *impl_;
    const auto weights = m.weights(sentences);
    static const auto& person_nouns = text::word_list("person_nouns");
    Best best, best_plain;  // with and without the keyphrase or a synonym
    // A heading that is the opening words of the sentence under it says them twice in a
    // row (« ## Le procureur de Paris » over « Le procureur de Paris Rémy Heitz a précisé… »).
    const std::string opening = sentences.empty() ? std::string() : text::lowercase(m.story.sentences[static_cast<std::size_t>(sentences.front())].text);
    for (std::size_t k = 0; k < sentences.size() && k < kMaxSentences; ++k) {
        const std::string& s = m.story.sentences[static_cast<std::size_t>(sentences[k])].text;
        const Parsed& p = m.parse(static_cast<std::size_t>(sentences[k]));
        for (std::size_t i = 0; i + 1 < p.tokens.size(); ++i) {
            if (p.tokens[i].kind != text::TokenKind::Word || !can_start(p.words[i])) continue;
            // « des » after a noun is « de les » (les combats | des derniers mois), not an article.
            if (i > 0 && p.words[i].lower == "des" && p.tokens[i - 1].kind == text::TokenKind::Word && !p.words[i - 1].function) continue;
            // After a pronoun or a figure counting some of them (« un des cafés préférés »,
            // « l'une des », « 3 des ») too: the phrase is the pronoun's.
            if (i > 0 && p.words[i].lower == "des" && (p.words[i - 1].number || counts_some(p.words[i - 1].base))) continue;
            if (i > 0 && attributes(p.words[i - 1])) continue;
            // Its head, the noun after the article, is a common noun: « la cote », not « l'AFP »,
            // nor a participle whose noun comes later (« une supposée | mauvaise "gestion" »).
            const std::size_t head = p.words[i].elided ? i : i + 1;
            if (p.capitalised[head] || p.words[head].function || p.words[head].number ||
                text::word_readings(p.words[head].base).only_participle() || in_locution(p, i, head))
                continue;
            std::size_t last = i;
            while (last + 1 < p.tokens.size() && continues(p, i, last + 1)) ++last;
            // « Le procureur du Havre », « Une source judiciaire »: a person the section
            // quotes or names by role is who speaks in it, seldom what it is about.
            const bool role_headed = person_nouns.contains(p.words[head].lower);
            double sum = 0;
            std::vector<std::string_view> seen;
            for (std::size_t j = i; j <= last && j - i < kMaxWords; ++j) {
                if (points_outside(p.words[j])) break;
                if (const std::string& st = p.words[j].stem; !st.empty() && std::find(seen.begin(), seen.end(), st) == seen.end()) {
                    seen.push_back(st);
                    if (auto it = weights.find(st); it != weights.end()) sum += it->second;
                }
                const std::size_t n = j - i + 1;
                if (n < kMinWords || !may_end(p, head, j, last)) continue;
                const bool has_kp = m.has_keyphrase(p, i, j);
                const double score = sum / std::sqrt(static_cast<double>(n)) * (role_headed ? kRoleWeight : 1.0);
                Best& slot = has_kp ? best : best_plain;
                if (score <= slot.score || m.repeats_title(p, i, j)) continue;  // the text only for a candidate that wins
                const std::string heading = capitalise(s.substr(p.tokens[i].begin, p.tokens[j].end - p.tokens[i].begin));
                if (!taken.has_in_any_case(heading) && !opening.starts_with(text::lowercase(heading))) slot = {score, heading};
            }
        }
    }
    if (want_keyphrase && !best.text.empty()) return best.text;
    return !best_plain.text.empty() ? best_plain.text : best.text;
}

}  // namespace plume::write
