// Builds Blocks from pieces of text, folding white space and remembering where each piece
// stands in the source. Shared by the Markdown, HTML and plain-text parsers.
#pragma once

#include <string>
#include <string_view>

#include "plume/document.hpp"

namespace plume::parse {

class BlockBuilder {
public:
    explicit BlockBuilder(Document& doc) : doc_(doc) {}

    // Starts a block; an open one is finished first.
    void open(BlockKind kind, int level = 0);
    bool is_open() const { return open_; }
    // Opens a block of `kind` when none is open (text outside any block element).
    void ensure_open(BlockKind kind);

    // Text, links and images outside any block open a paragraph_kind() block.
    // Appends text; `source_offset` is where it stands in the source when it is verbatim
    // (npos for text the parser produced, such as decoded entities). A claim that does not
    // match the source bytes is dropped, so a span is never wrong.
    void text(std::string_view s, std::size_t source_offset);
    void space() { text(" ", kNoSource); }
    // Widens the block's source extent to [begin, end): markup and text that is not
    // copied verbatim (entities, image alt text) still belong to the block.
    void touch(std::size_t begin, std::size_t end);

    void begin_link(std::string href, bool nofollow = false);
    void end_link();
    void image(std::string src, std::string alt, std::size_t source_offset);

    // Finishes the open block; one with neither text nor image is dropped.
    void close();
    // Finishes the open block and returns its text instead of adding it to the body
    // (a title taken out of the content).
    std::string take();

    static constexpr std::size_t kNoSource = static_cast<std::size_t>(-1);

    // `s` with white space folded the way block text is (titles, descriptions).
    static std::string fold(std::string_view s);

    // Where the parser stands: a paragraph inside a quote or a list item takes its kind.
    int quote_depth = 0;
    int list_item_depth = 0;
    BlockKind paragraph_kind() const {
        if (quote_depth > 0) return BlockKind::Quote;
        if (list_item_depth > 0) return BlockKind::ListItem;
        return BlockKind::Paragraph;
    }

private:
    void push_char(char c, std::size_t source_offset);
    void flush_space();
    Block finish();

    Document& doc_;
    Block block_;
    bool open_ = false;
    bool pending_space_ = false;
    std::size_t link_start_ = 0;
    bool in_link_ = false;
    std::size_t extent_begin_ = kNoSource;  // smallest and largest source offsets seen
    std::size_t extent_end_ = 0;
};

}  // namespace plume::parse
