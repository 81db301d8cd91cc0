// The article model: one parsed document that every phase reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plume {

enum class Format { Auto, Markdown, Html, Text };

// A run of block text copied verbatim from Document::source, so that positions
// found in the text can be reported as positions in the file the user edits.
struct SourceSpan {
    std::size_t text_offset = 0;
    std::size_t source_offset = 0;
    std::size_t length = 0;
};

struct Link {
    std::string href;
    std::size_t begin = 0;  // the link's text in Block::text
    std::size_t end = 0;
    bool nofollow = false;  // rel="nofollow": the page vouches nothing for its target
};

struct Image {
    std::string src;
    std::string alt;
    std::size_t at = 0;  // where the image stands in Block::text
};

enum class BlockKind { Heading, Paragraph, ListItem, Quote, Code };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;                  // heading level 1..6; 0 otherwise
    std::string text;               // plain text: markup removed, NFC, white space folded
    std::vector<SourceSpan> spans;  // where pieces of `text` stand in the source
    std::vector<Link> links;
    std::vector<Image> images;
    std::size_t source_begin = 0;   // extent of the whole block in the source
    std::size_t source_end = 0;

    // Byte offset in Document::source of byte `text_offset` of `text`; positions that
    // fall in text the parser produced (entities, inserted spaces) map to the
    // nearest verbatim run, so a mark never points outside its block.
    std::size_t source_offset(std::size_t text_offset) const;
};

struct Document {
    std::string source;                      // the input, valid UTF-8, NFC; marks index into it
    Format format = Format::Text;
    std::optional<std::string> title;        // Markdown first `# `, HTML <h1>/<title>, text first short line
    std::optional<std::string> description;  // HTML <meta name="description">
    std::vector<Block> blocks;               // the body, without the title heading
};

}  // namespace plume
