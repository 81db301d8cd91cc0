// Main-text extraction from web pages (docs/extract.md): the article of an HTML page
// without its navigation, banners, share buttons, comments and related links.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plume::extract {

enum class BlockType { Heading, Paragraph, ListItem, Quote };

struct Block {
    BlockType type = BlockType::Paragraph;
    int level = 0;  // headings: 2 to 6
    std::string text;
};

struct Page {
    std::string title;
    std::string lead;  // the standfirst (chapô), when the page marks or sets it apart
    std::string author;
    std::string date;     // as the page gives it (ISO 8601 when it comes from metadata)
    std::string charset;  // the encoding the bytes were read in
    std::vector<Block> blocks;  // the article after the lead, in reading order
};

// The article of an HTML page, from its bytes in any charset. InputError (plume/parse.hpp)
// when the bytes are not a page plume can read (binary data, nesting too deep).
Page extract_html(std::string_view bytes);

// Markdown-ish text that `plume write` and `plume analyze` read: `# title`, the lead,
// paragraphs separated by blank lines, `## ` headings, `- ` list items, `> ` quotations.
std::string to_text(const Page& page);
// One JSON object: title, lead, author, date, charset, blocks [{type, level?, text}].
std::string to_json(const Page& page);

}  // namespace plume::extract
