// The extracted page as text for plume write and as JSON.
#include <nlohmann/json.hpp>

#include <string>

#include "plume/extract.hpp"

namespace plume::extract {

namespace {

const char* type_name(BlockType t) {
    switch (t) {
        case BlockType::Heading: return "heading";
        case BlockType::ListItem: return "list-item";
        case BlockType::Quote: return "quote";
        default: return "paragraph";
    }
}

// Text is text in the Markdown plume write reads: inline markers and tags are escaped, and
// so is a line start that would open a heading, a list or a quotation.
std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    const std::size_t digits = text.find_first_not_of("0123456789");  // "1. " opens an ordered list
    const bool numbered = digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool inline_marker = c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<';
        const bool block_marker = i == 0 && (c == '#' || c == '>' || c == '-' || c == '+' || c == '=');
        const bool after_number = numbered && i == digits;
        if (inline_marker || block_marker || after_number) out += '\\';
        out += c;
    }
    return out;
}

std::string prefix(const Block& b) {
    switch (b.type) {
        case BlockType::Heading: return std::string(static_cast<std::size_t>(b.level), '#') + ' ';
        case BlockType::ListItem: return "- ";
        case BlockType::Quote: return "> ";
        default: return "";
    }
}

}  // namespace

std::string to_text(const Page& page) {
    std::string out;
    if (!page.title.empty()) out += "# " + escaped(page.title) + "\n\n";
    if (!page.lead.empty()) out += escaped(page.lead) + "\n\n";
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& b = page.blocks[i];
        out += prefix(b) + escaped(b.text) + '\n';
        // Consecutive list items form one list; everything else is its own paragraph.
        const bool list_goes_on = b.type == BlockType::ListItem && i + 1 < page.blocks.size() &&
                                  page.blocks[i + 1].type == BlockType::ListItem;
        if (!list_goes_on) out += '\n';
    }
    return out;
}

std::string to_json(const Page& page) {
    nlohmann::ordered_json j;
    j["title"] = page.title;
    j["lead"] = page.lead;
    j["author"] = page.author;
    j["date"] = page.date;
    j["charset"] = page.charset;
    j["blocks"] = nlohmann::json::array();
    for (const Block& b : page.blocks) {
        nlohmann::ordered_json o;
        o["type"] = type_name(b.type);
        if (b.type == BlockType::Heading) o["level"] = b.level;
        o["text"] = b.text;
        j["blocks"].push_back(std::move(o));
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace plume::extract
