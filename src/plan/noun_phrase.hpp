// What may stand in a noun phrase: the shape of keyphrases and subheadings.
#pragma once

#include <set>
#include <string>

namespace plume::write {

// Function words a noun phrase may hold: determiners, prepositions, "et".
bool noun_phrase_word(const std::string& lower);

// Determiners open a noun phrase.
bool determiner(const std::string& lower);

// Conjugated verbs end a noun phrase: the imperfect and conditional endings, and the
// frequent news verbs of data/fr/common_verbs.txt.
bool verb_like(const std::string& lower);

}  // namespace plume::write
