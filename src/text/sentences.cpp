// Sentence splitter (first cut: terminal punctuation; to be replaced by the French rules).
#include "plume/text.hpp"

namespace plume::text {

std::vector<Span> split_sentences(std::string_view text) {
    std::vector<Span> out;
    std::size_t start = 0;
    auto push = [&](std::size_t end) {
        while (start < end && text[start] == ' ') ++start;
        if (start < end) out.push_back({start, end});
        start = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '.' || text[i] == '!' || text[i] == '?') push(i + 1);
    push(text.size());
    return out;
}

}  // namespace plume::text
