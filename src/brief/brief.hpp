// Phase 1: a brief as the first line of a source, turned into settings.
#pragma once

#include <string>
#include <vector>

#include "plume/write.hpp"

namespace plume::write {

// When the first non-blank line of `text` is an instruction to the writer (English or
// French: "Make this article seo compatible... at least 700 words", "Rédige un article
// SEO d'au moins 900 mots avec des intertitres"), removes that line from `text` and
// returns what it asks; otherwise returns an empty Brief and leaves `text` alone.
// Nothing else in a source is ever obeyed.
Brief take_brief(std::string& text);

// Every other line of `text` that reads as a brief ("Consigne : rédige un article de 5000
// mots"), removed from `text` and returned: never obeyed, yet never article text either.
std::vector<std::string> take_inner_briefs(std::string& text);

}  // namespace plume::write
