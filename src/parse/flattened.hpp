// Text pasted flattened from a web page: the paragraph breaks are lost, inline subheadings
// survive as `- Titre -` between two sentences (`…fin.- Titre -Suite`), and sentences are
// glued without a space (`fin.Suite`).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace plume::parse {

// A subheading, inline or a line of its own, has 1 to 12 words.
inline constexpr std::size_t kSubheadingMaxWords = 12;

// [begin, end) of a line: text, or the words of a subheading without their dashes.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool heading = false;
};

// The line cut at its subheadings; one text piece when it has none. A line that starts with
// a dash is a subheading only as a whole (`- Titre -`): `- Paris - Lyon` is a list item.
std::vector<Piece> cut_at_subheadings(std::string_view line);

// Offsets in `text` where a sentence starts glued to the one before it (no white space).
std::vector<std::size_t> glued_sentence_starts(std::string_view text);

}  // namespace plume::parse
