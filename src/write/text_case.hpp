// Case changes the writer makes where it joins texts: a heading's first letter, a
// sentence after a colon.
#pragma once

#include <string>

namespace plume::write {

// First letter uppercase (ICU simple case mapping).
std::string capitalise(std::string s);

// "Le PDG..." -> "le PDG..." when the first word is a function word, the only case where a
// capital is certainly not a name's; names and other words keep their case.
std::string lower_ordinary_first_word(std::string s);

}  // namespace plume::write
