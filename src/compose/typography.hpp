// French typography for the article's text: what the `frenchTypography` check expects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plume::write {

// No-break space (U+00A0) before : and inside « », narrow no-break space (U+202F) before ; ! ? %
// and as thousands separator (7 000, not years; 32.000 -> 32 000), hours spaced (18H00 ->
// 18 h 00), typographic apostrophe ’, « » for paired straight double quotes (“ ” inside « »),
// single quotes and plus signs that mark a quotation alike (alternate_quote_marks),
// and a space between a quotation mark and a word glued to it outside, capitals accented
// (accent_initial_a, accent_capitals), œ for « oe » in the words French writes so (sœur,
// œuvre). Idempotent; never changes a word but for its accent or its ligature.
std::string french_typography(std::string_view text);

// The typography of a paragraph written in pieces (its sentences, each from its source), applied
// to the paragraph as the reader sees it, the pieces joined by a space: a quotation pairs across
// its sentences. The pieces come back typeset, cut where they joined.
std::vector<std::string> french_typography(const std::vector<std::string>& pieces);

// The words of a text once typeset, as readers and yoastseo count them: a number whose
// thousands typography groups (185.000 -> 185 000) is a word per group.
std::size_t typeset_words(std::string_view text);

// "A" opening a sentence before a lowercase word is the preposition "À" typed without its
// accent ("A partir de", "A l'entrée"): French keeps accents on capitals. The verb "a"
// never opens a sentence; "Plan A", "A380" are not at a sentence start before lowercase.
// Before a place's name of one word too ("A Copenhague,", "A Pékin"), but at a quotation's
// start (an English title may open it) or before a second capitalised word ("A Quiet
// Place", "A New York").
// Part of french_typography(); titles apply it to a headline before leading it with the
// keyphrase, where its first word is no longer a sentence start.
std::string accent_initial_a(std::string_view text);

// Capitals typed without their accent, for the words of data/fr/accented_capitals.txt: Etat,
// Etats-Unis, Ile-de-France, Eglise, Ca -> État, États-Unis, Île-de-France, Église, Ça. Only a
// capital that opens a word or a part of a compound, before lowercase letters; never in a URL
// or an e-mail. And the words of data/fr/oe_ligatures.txt typed « oe »: soeur -> sœur.
// Part of french_typography().
std::string accent_capitals(std::string_view text);

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

// The marks of quotations written with straight single quotes (« une 'diagonale du vide' »)
// or plus signs (« la culture du +clickbait+ », the wire services' mark for a quotation
// inside another), paired within a line and a French quotation's edges: an opening mark
// after a blank glued to a letter, a closing one glued to what it closes. Their positions
// and whether each opens. french_typography() writes them “ ” inside « », « » outside.
std::vector<std::pair<std::size_t, bool>> alternate_quote_marks(std::string_view text);

}  // namespace plume::write
