// Words to dense ids (0, 1, 2… in the order they are added), looked up by string_view. The
// analysis asks word lists about every word of a text: open addressing with a short inline
// hash keeps each lookup to a few dozen instructions, and no lookup builds a std::string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace plume::analysis {

class WordIndex {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    WordIndex() = default;
    // The entries of data/fr/<list>.txt. The views point into text::word_list's strings,
    // which live as long as the program.
    explicit WordIndex(std::string_view list);

    // Room for `words` words without rehashing.
    void reserve(std::size_t words);
    // The id of `word`, added if new. The index keeps the view: its characters must outlive it.
    std::size_t add(std::string_view word);
    // The id of `word`, npos if absent.
    std::size_t find(std::string_view word) const {
        if (slots_.empty()) return npos;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash(word) & mask;; s = (s + 1) & mask) {
            const std::uint32_t id = slots_[s];
            if (id == 0) return npos;
            if (words_[id - 1] == word) return id - 1;
        }
    }
    bool contains(std::string_view word) const { return find(word) != npos; }
    std::string_view word(std::size_t id) const { return words_[id]; }
    std::size_t size() const { return words_.size(); }

private:
    // Words are short: their length and first and last bytes (up to eight each) spread them
    // well enough, in a few instructions; longer ones differing only inside just share a slot.
    static std::size_t hash(std::string_view word) {
        const std::size_t n = word.size();
        std::uint64_t head = 0, tail = 0;
        if (n >= 8) {
            std::memcpy(&head, word.data(), 8);
            std::memcpy(&tail, word.data() + n - 8, 8);
        } else if (n >= 4) {
            std::uint32_t h4, t4;
            std::memcpy(&h4, word.data(), 4);
            std::memcpy(&t4, word.data() + n - 4, 4);
            head = h4;
            tail = t4;
        } else if (n > 0) {
            head = static_cast<unsigned char>(word[0]) | static_cast<unsigned char>(word[n / 2]) << 8 |
                   static_cast<unsigned char>(word[n - 1]) << 16;
        }
        std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n;
        h ^= h >> 29;
        return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ull >> 32);
    }
    void place(std::uint32_t id);

    std::vector<std::string_view> words_;  // by id
    std::vector<std::uint32_t> slots_;     // id + 1, 0 when free; a power of two, at most half full
};

}  // namespace plume::analysis
