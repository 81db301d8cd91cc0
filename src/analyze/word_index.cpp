#include "analyze/word_index.hpp"

#include <algorithm>

#include "plume/text.hpp"

namespace plume::analysis {

WordIndex::WordIndex(std::string_view list) {
    const auto& words = text::word_list(list);
    reserve(words.size());
    for (const std::string& w : words) add(w);
}

void WordIndex::reserve(std::size_t words) {
    std::size_t slots = 16;
    while (slots < words * 2) slots *= 2;
    if (slots <= slots_.size()) return;
    words_.reserve(words);
    slots_.assign(slots, 0);
    for (std::uint32_t id = 0; id < words_.size(); ++id) place(id);
}

std::size_t WordIndex::add(std::string_view word) {
    if ((words_.size() + 1) * 2 > slots_.size()) reserve(std::max<std::size_t>(8, words_.size() * 2));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash(word) & mask;; s = (s + 1) & mask) {  // find's probe, inserting on a free slot
        const std::uint32_t id = slots_[s];
        if (id != 0 && words_[id - 1] == word) return id - 1;
        if (id == 0) {
            words_.push_back(word);
            slots_[s] = static_cast<std::uint32_t>(words_.size());
            return words_.size() - 1;
        }
    }
}

void WordIndex::place(std::uint32_t id) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = hash(words_[id]) & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = id + 1;
}

}  // namespace plume::analysis
