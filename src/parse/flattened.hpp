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
    bool own_paragraph = false;  // text that a lost paragraph break parts from the text before
    bool joined = false;         // text glued to the word before, which goes on after a space
    bool item = false;           // a list item its arrow or square marker opened (`:► Baisse…► Hausse…`)
};

// The line cut at its subheadings; one text piece when it has none. A line that starts with
// a dash is a subheading only as a whole (`- Titre -`): `- Paris - Lyon` is a list item.
// A subheading that lost its line breaks runs into the next sentence (`…des côtesLes
// pêcheurs`, `• Un budget en hausseLe conseil`): it is cut where a lowercase letter meets
// a capitalised word; a longer run is a sentence that lost its final point, spaced.
// A list whose items an arrow or a square marks (`les mesures :► Baisse des impôts► Hausse
// des aides`) is cut into its items: each runs to the next marker, the last to its first
// sentence end or to a sentence glued to it (`…des aidesLe texte`).
// An embedded video's teaser, its title then its credit glued (`Grève : quels trains
// roulent ? - 21/02par BFMTVLe trafic…`), is cut the same way: the title, a subheading,
// then the credit, a paragraph of its own (`par BFMTV`); a date between them is left out.
std::vector<Piece> cut_at_subheadings(std::string_view line);

// Whether a paragraph is the credit of an embedded video (`par BFMTV`): « par », then a
// medium's name of a few words, figures and a bracket.
bool is_video_credit(std::string_view paragraph);

// Offsets in `text` where a sentence starts glued to the one before it (no white space).
std::vector<std::size_t> glued_sentence_starts(std::string_view text);

}  // namespace plume::parse
