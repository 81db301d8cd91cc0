// What a French word can be, from the Hunspell dictionary of Debian's hunspell-fr (Dicollecte,
// whose entries carry their part of speech and inflection: `po:nom`, `po:ipre`...).
#pragma once

#include <string_view>

namespace plume::text {

// The readings the dictionary gives a word form, merged: « police » is a noun and a
// finite verb (« il police »), « requiert » only a finite verb.
struct WordReadings {
    bool known = false;        // the dictionary holds the form
    bool finite_verb = false;  // indicative, conditional or subjunctive
    bool imperative = false;   // « veuillez », « sachez »; most imperatives are indicatives too
    bool infinitive = false;
    bool participle = false;   // past or present participle
    bool nominal = false;      // a noun, an adjective or a name, other than a verb's participle
    bool noun = false;         // a noun or a name: nominal, and not as an adjective only
    bool other = false;        // adverb, preposition, determiner, pronoun...
    bool grammatical = false;  // a grammatical word (`po:mg`): determiner, preposition, pronoun...
    bool numeral = false;      // a cardinal in words: « cinq »

    // A conjugated verb and nothing else: « requiert », « tue », « réclament »; not « police »
    // (a noun too), nor « placé » (a participle).
    bool only_finite_verb() const { return finite_verb && !nominal && !other; }
    // An infinitive, or a participle, and no noun nor grammatical word: « devancer »,
    // « supposée »; not « dîner », « élus ».
    bool only_infinitive() const { return infinitive && !nominal && !other; }
    bool only_participle() const { return participle && !nominal && !other; }
    // An adjective and nothing else: « ethniques », « obligatoire »; not « primaire » (a noun
    // too), nor « élus ».
    bool only_adjective() const { return nominal && !noun && !other && !finite_verb && !infinitive && !participle; }
};

// The readings of `word` as written (case matters: « État » is known, « Etat » is not).
// Thread-safe; each form is looked up once per process. Without the dictionary installed,
// every word is unknown and callers keep to their own rules.
WordReadings word_readings(std::string_view word);

// Whether the dictionary could be loaded (tests skip what needs it when it could not).
bool lexicon_available();

// Whether a lowercased word read as `r` is a conjugated verb: a finite form that is no noun
// nor adjective, or an auxiliary's form (« est », « a »).
bool conjugated(std::string_view lower, const WordReadings& r);

// Whether `lower` is a third-person subject pronoun (il, elle, ils, elles, on): a verb
// follows it.
bool subject_pronoun(std::string_view lower);

// Whether `lower` is a preposition that opens a prepositional locution (« à la tête de »,
// « au moment où », « en cours de »; its noun in data/fr/locution_nouns.txt).
bool locution_preposition(std::string_view lower);

}  // namespace plume::text
