// Keyphrase matching, shared by the seo assessments and plume's own checks.
//
// MatchMode::Yoast reproduces yoastseo 3.6.0 without premium morphology: a keyphrase word
// matches a text word written the same way (case aside, Yoast's apostrophe and transliteration
// rules). MatchMode::French (plume's default) compares the word after its elision (l’IA -> IA),
// without accents, by its Snowball stem, so number and gender do not matter.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plume/analysis.hpp"
#include "plume/text.hpp"

namespace plume::analysis {

// One keyphrase word in the form text words are compared by (see match_form), and Yoast's
// transliteration of it (accents and ligatures folded), which also matches in Yoast mode.
struct KeyWord {
    std::string form;
    std::string folded;
};

struct Keyphrase {
    MatchMode mode = MatchMode::French;
    std::string phrase;  // trimmed, quotes removed, lowercased
    bool exact = false;  // "double-quoted": the words in a row, in order (Yoast's exact match)
    // The words that must all be found: content words, or every word when the keyphrase holds
    // only function words. Exact match: every word, in order.
    std::vector<KeyWord> words;
    std::vector<KeyWord> sequence;  // every word, in order, function words included
    bool empty() const { return words.empty(); }
    // Yoast's keyphrase length (the number of its "keyphrase forms"): 1 for an exact match.
    std::size_t length() const { return exact ? (words.empty() ? 0 : 1) : words.size(); }
};

// An empty or blank phrase gives an empty Keyphrase.
Keyphrase make_keyphrase(std::string_view phrase, MatchMode mode);

// The keyphrase and its synonyms, as Yoast's "topic forms".
struct Topic {
    Keyphrase keyphrase;
    std::vector<Keyphrase> synonyms;  // the non-empty ones
};
Topic make_topic(const AnalyzeOptions& options);

// The form a text token is compared by in `mode`: Yoast, the lowercased token (apostrophes
// unified); French, the accent-free Snowball stem of the word after its elision.
std::string match_form(std::string_view text, const text::Token& token, MatchMode mode);
// The same when the token's whole text is already lowercased (`lower`): Yoast's form is made
// from it rather than lowercased again.
std::string match_form(std::string_view text, const text::Token& token, MatchMode mode, std::string lower);

// Whether a text word in its match form is this keyphrase word.
bool matches(const KeyWord& word, std::string_view form, MatchMode mode);

// A word of data/fr/function_words.txt (any case, either apostrophe).
bool is_function_word(std::string_view word);

// Word and number tokens, the ones keyphrase words are compared with.
bool is_word(const text::Token& t);

// One occurrence count and the text words that make it up (byte spans into the text).
struct Found {
    std::size_t count = 0;
    std::vector<text::Span> words;
};

// Occurrences of the keyphrase in one sentence (Yoast's rule): every keyphrase word must occur;
// the count is that of the rarest word. Exact match: the words in a row, in order.
// `tokens` are the sentence's tokens of `text`.
Found find_in_sentence(const Keyphrase& k, std::string_view text, std::span<const text::Token> tokens);
// The same on the tokens' match forms computed beforehand (Context::forms), one per token.
Found find_in_sentence(const Keyphrase& k, std::span<const text::Token> tokens, std::span<const std::string_view> forms);

// Index in `tokens` of the first word where the whole phrase (`sequence`) stands in a row.
std::ptrdiff_t find_sequence(const Keyphrase& k, std::string_view text, std::span<const text::Token> tokens);

// Sum over the sentences of `text` (split with text::split_sentences).
std::size_t count_matches(const Keyphrase& k, std::string_view text);

// Every keyphrase word occurs somewhere in `text`, in any order (exact: the phrase in a row).
bool contains_all(const Keyphrase& k, std::string_view text);

// Share (0..1) of the keyphrase words found in `text`.
double share_found(const Keyphrase& k, std::string_view text);

}  // namespace plume::analysis
