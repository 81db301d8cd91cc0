// Originality: the share of the article's word 8-grams that a source has verbatim, the measure
// of duplicate content that search engines apply. N-grams are compared as 64-bit hashes.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "check/fidelity.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kGram = 8;

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a of one word, lowercased, with ’ read as ' and the spaces inside a number (7 000)
// left out, so that neither case nor typography makes two words differ.
std::uint64_t word_hash(std::string_view w) {
    std::uint64_t h = kFnvOffset;
    const auto feed = [&h](std::uint8_t b) { h = (h ^ b) * kFnvPrime; };
    for (std::size_t i = 0; i < w.size();) {
        const auto c = text::chars::decode(w, i);
        if (text::chars::is_space(c.cp)) {
            // the group separator of a number
        } else if (c.cp >= 'A' && c.cp <= 'Z') {
            feed(static_cast<std::uint8_t>(c.cp + 32));
        } else if (c.cp < 0x80) {  // ASCII, and the bytes of an ill-formed sequence
            for (std::size_t b = i; b < c.next; ++b) feed(static_cast<std::uint8_t>(w[b]));
        } else if (text::chars::is_apostrophe_cp(c.cp)) {
            feed('\'');
        } else {
            // Simple case mapping is enough here: both sides go through the same one.
            std::array<std::uint8_t, U8_MAX_LENGTH> buf{};
            std::size_t n = 0;
            U8_APPEND_UNSAFE(buf.data(), n, u_tolower(c.cp));
            for (std::size_t b = 0; b < n; ++b) feed(buf[b]);
        }
        i = c.next;
    }
    return h;
}

// The hashes of a text's words and numbers, in order.
std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::vector<std::uint64_t> out;
    for (const text::Token& t : text::tokenize(text))
        if (t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number)
            out.push_back(word_hash(t.view(text)));
    return out;
}

// The hash of the n-gram of `words` starting at i: the word hashes mixed in order.
std::uint64_t gram_hash(const std::vector<std::uint64_t>& words, std::size_t i) {
    std::uint64_t h = kFnvOffset;
    for (std::size_t k = i; k < i + kGram; ++k) h = (h ^ words[k]) * 0x9E3779B97F4A7C15ull + (h >> 29);
    return h;
}

}  // namespace

double verbatim_share(std::string_view article, const std::vector<std::string>& sources) {
    const std::vector<std::uint64_t> words = word_hashes(article);
    if (words.size() < kGram) return 0;
    std::vector<std::vector<std::uint64_t>> source_words;
    std::size_t source_grams = 0;
    for (const std::string& s : sources) {
        source_words.push_back(word_hashes(s));
        source_grams += source_words.back().size();
    }
    std::unordered_set<std::uint64_t> known;
    known.reserve(source_grams);
    for (const std::vector<std::uint64_t>& w : source_words)
        for (std::size_t i = 0; i + kGram <= w.size(); ++i) known.insert(gram_hash(w, i));
    const std::size_t grams = words.size() - kGram + 1;
    std::size_t found = 0;
    for (std::size_t i = 0; i < grams; ++i) found += known.contains(gram_hash(words, i));
    return static_cast<double>(found) / static_cast<double>(grams);
}

}  // namespace plume::write
