// The French text engine: tokens, sentences, syllables, stems, word lists.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace plume::text {

enum class TokenKind { Word, Number, Url, Email, Punct, Symbol };

struct Token {
    std::size_t begin = 0;  // byte offsets into the tokenized text
    std::size_t end = 0;
    TokenKind kind = TokenKind::Word;
    // For elided words (l’IA, d'OpenAI, qu’il, jusqu’à) the start of the word after the
    // apostrophe; otherwise equal to `begin`.
    std::size_t base = 0;
    std::string_view view(std::string_view text) const { return text.substr(begin, end - begin); }
};

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Words (with elisions and hyphenated compounds kept whole), numbers (`7 000`, `3,5`),
// URLs, e-mails, punctuation. Never throws; invalid UTF-8 bytes become Symbol tokens.
std::vector<Token> tokenize(std::string_view text);

// Sentences of one block of text, trimmed of surrounding white space.
std::vector<Span> split_sentences(std::string_view text);

// Number of word tokens, the way readers (and yoastseo) count words.
std::size_t count_words(std::string_view text);

// count_words(text) <= n, decided on the first words of a long text: a paragraph is not
// read whole to find it is longer than a caption.
bool words_at_most(std::string_view text, std::size_t n);

// Syllables of one French word by rule (vowel groups and their exceptions).
int count_syllables(std::string_view word);

std::string lowercase(std::string_view s);      // ICU full case mapping, French
std::string strip_accents(std::string_view s);  // é -> e, œ -> oe, keeps case
std::string stem(std::string_view word);        // Snowball French on the lowercased word
std::string nfc(std::string_view s);            // ICU NFC normalisation
bool is_valid_utf8(std::string_view s);

// Typographic apostrophe (’) and ASCII (') are the same for matching.
bool is_apostrophe(char32_t c);

// A list from data/fr/<name>.txt (one entry a line, `#` comments), lowercased.
const std::unordered_set<std::string>& word_list(std::string_view name);

}  // namespace plume::text
