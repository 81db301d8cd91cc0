// What may stand in a noun phrase: the shape of keyphrases and subheadings.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace plume::write {

// Function words a noun phrase may hold: determiners, prepositions, "et".
bool noun_phrase_word(const std::string& lower);

// Determiners open a noun phrase.
bool determiner(const std::string& lower);

// Conjugated verbs end a noun phrase: the imperfect and conditional endings, the frequent
// news verbs of data/fr/common_verbs.txt, and what the French lexicon knows only as a
// conjugated verb (text/lexicon.hpp).
bool verb_like(const std::string& lower);

// A title before a name, lowercased (« m », « mme », « dr »): « les actions de M. Trump »
// neither ends a noun phrase on « M » nor a sentence on its point.
bool title_before_name(std::string_view lower);

}  // namespace plume::write
