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
    if (!page.title.empty()) out += "# " + page.title + "\n\n";
    if (!page.lead.empty()) out += page.lead + "\n\n";
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& b = page.blocks[i];
        out += prefix(b) + b.text + '\n';
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
