// French typography for the article's text: what the `frenchTypography` check expects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plume::write {

// No-break space (U+00A0) before : and inside « », narrow no-break space (U+202F)
// before ; ! ? % and as thousands separator (7 000, not years), typographic
// apostrophe ’, « » for straight double quotes. Idempotent; never changes words.
std::string french_typography(std::string_view text);

// "A" opening a sentence before a lowercase word is the preposition "À" typed without its
// accent ("A partir de", "A l'entrée"): French keeps accents on capitals. The verb "a"
// never opens a sentence; "Plan A", "A380" are not at a sentence start before lowercase.
// Part of french_typography(); titles apply it to a headline before leading it with the
// keyphrase, where its first word is no longer a sentence start.
std::string accent_initial_a(std::string_view text);

// A quoted passage: its opening mark at `open`, its closing mark ending at `close_end`, and
// the text between them (spaces included) from `inner_begin` to `inner_end`.
struct Quotation {
    std::size_t open = 0;
    std::size_t inner_begin = 0;
    std::size_t inner_end = 0;
    std::size_t close_end = 0;
};

// The quotations of a text, by position of their opening mark: « » (the outermost of nested
// ones) and “ ” within a paragraph, and straight double quotes paired within a line (an
// opening " glued to the word after it, a closing one to the word before it). Marks left
// without a pair (inches, a quotation cut by a line break) are not quotations.
std::vector<Quotation> quotations(std::string_view text);

}  // namespace plume::write
