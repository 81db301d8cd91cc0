// Cue lists of data/fr (`kind | cue` a line) and the one text form they are matched in.
// Shared by the brief and clean phases: both recognise fixed phrasings of instructions
// and site furniture, whatever the typography of the source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plume::write {

struct Cue {
    std::string kind;
    std::string text;  // in match_form
};

// The entries of data/fr/<name>.txt written `kind | cue`, in no particular order (the
// file is read as a set); entries without a kind are skipped.
std::vector<Cue> cue_list(std::string_view name);

// `s` lowercased, accents stripped, apostrophes made ', no-break and thin spaces made
// plain, white space folded and trimmed, no space before : ; ! ?
// ("Crédits photo\u00a0: AFP" -> "credits photo: afp").
std::string match_form(std::string_view s);

}  // namespace plume::write
