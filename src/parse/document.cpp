// Mapping positions in block text back to the source.
#include <algorithm>

#include "plume/document.hpp"

namespace plume {

std::size_t Block::source_offset(std::size_t text_offset) const {
    if (spans.empty()) return source_begin;
    // Last span starting at or before text_offset.
    auto it = std::upper_bound(spans.begin(), spans.end(), text_offset,
                               [](std::size_t off, const SourceSpan& s) { return off < s.text_offset; });
    if (it == spans.begin()) return spans.front().source_offset;
    --it;
    const std::size_t into = std::min(text_offset - it->text_offset, it->length);
    return it->source_offset + into;
}

}  // namespace plume
