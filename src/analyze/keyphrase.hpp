// Keyphrase matching, shared by the seo assessments and plume's own checks.
//
// MatchMode::Yoast reproduces yoastseo 3.6.0 without premium morphology: a keyphrase word
// matches a text word written the same way (case aside, Yoast's apostrophe and transliteration
// rules). MatchMode::French (plume's default) compares the word after its elision (l’IA -> IA),
// without accents, by its Snowball stem, so number and gender do not matter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "plume/analysis.hpp"
#include "plume/text.hpp"

namespace plume::analysis {

struct Keyphrase {
    MatchMode mode = MatchMode::French;
    std::string phrase;   // as given, trimmed, quotes removed, lowercased
    bool exact = false;   // "double-quoted": the words in order, as written (Yoast's exact match)
    // The words that must all be found, in the form text words are compared by: content words,
    // or every word when the keyphrase holds only function words. Exact match: one entry per word.
    std::vector<std::string> words;
    bool empty() const { return words.empty(); }
};

// An empty or blank phrase gives an empty Keyphrase.
Keyphrase make_keyphrase(std::string_view phrase, MatchMode mode);

// The form a text word is compared by in `mode` (`word` is one token's text).
std::string match_form(std::string_view word, MatchMode mode);

// One occurrence count and the text words that make it up (byte spans into the text).
struct Found {
    std::size_t count = 0;
    std::vector<text::Span> words;
};

// Occurrences of the keyphrase in one sentence (Yoast's rule): every keyphrase word must occur;
// the count is that of the rarest word. Exact match: the words in a row, in order.
Found find_in_sentence(const Keyphrase& k, std::string_view text, const std::vector<text::Token>& tokens);

// Sum over the sentences of `text` (split with text::split_sentences).
std::size_t count_matches(const Keyphrase& k, std::string_view text);

// Every keyphrase word occurs somewhere in `text`, in any order (exact: the phrase in a row).
bool contains_all(const Keyphrase& k, std::string_view text);

// Share (0..1) of the keyphrase words found in `text`.
double share_found(const Keyphrase& k, std::string_view text);

}  // namespace plume::analysis
