// How much of the article the sources already say word for word: the share of its word
// 8-grams found in them, the measure of duplicate-content risk.
#include <functional>
#include <unordered_set>

#include "check/fidelity.hpp"
#include "plume/text.hpp"
#include "write/story.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kGram = 8;

// Word hashes of a text, typography aside (words_key lowercases and unifies apostrophes).
std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::vector<std::uint64_t> out;
    const std::string key = words_key(text);
    for (std::size_t p = 0, q; p < key.size(); p = q + 1) {
        q = key.find(' ', p);
        if (q == std::string::npos) q = key.size();
        out.push_back(std::hash<std::string_view>{}(std::string_view(key).substr(p, q - p)));
    }
    return out;
}

std::uint64_t gram_at(const std::vector<std::uint64_t>& w, std::size_t i) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t k = i; k < i + kGram; ++k) h = (h ^ w[k]) * 1099511628211ull;
    return h;
}

}  // namespace

double verbatim_share(std::string_view article, const std::vector<std::string>& sources) {
    const std::vector<std::uint64_t> words = word_hashes(article);
    if (words.size() < kGram) return 0;
    std::unordered_set<std::uint64_t> known;
    for (const std::string& s : sources) {
        const std::vector<std::uint64_t> w = word_hashes(s);
        for (std::size_t i = 0; i + kGram <= w.size(); ++i) known.insert(gram_at(w, i));
    }
    std::size_t found = 0, grams = words.size() - kGram + 1;
    for (std::size_t i = 0; i < grams; ++i) found += known.contains(gram_at(words, i));
    return static_cast<double>(found) / static_cast<double>(grams);
}

}  // namespace plume::write
