#include "analyze/word_index.hpp"

#include "plume/text.hpp"

namespace plume::analysis {

WordIndex::WordIndex(std::string_view list) {
    for (const std::string& w : text::word_list(list)) add(w);
}

std::size_t WordIndex::add(std::string_view word) {
    if (const std::size_t id = find(word); id != npos) return id;
    words_.push_back(word);
    if (words_.size() * 2 > slots_.size()) {
        slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, 0);
        for (std::uint32_t id = 0; id < words_.size(); ++id) place(id);
    } else {
        place(static_cast<std::uint32_t>(words_.size() - 1));
    }
    return words_.size() - 1;
}

void WordIndex::place(std::uint32_t id) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = hash(words_[id]) & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = id + 1;
}

}  // namespace plume::analysis
