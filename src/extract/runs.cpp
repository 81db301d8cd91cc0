// Lead, subheadings and byline from the runs: what CMS themes mark only with bold type.
#include "extract/runs.hpp"

#include <algorithm>
#include <array>

#include "extract/dom.hpp"
#include "plume/text.hpp"

namespace plume::extract {

namespace {

constexpr std::size_t kMinLead = 60;          // bytes: a lead is a sentence
constexpr std::size_t kMaxSubheading = 100;   // bytes: a bold line longer than this is text
constexpr std::size_t kMaxTeaser = 200;       // bytes: "Lire aussi : <title>"
constexpr std::size_t kDescriptionPrefix = 40;  // bytes compared with the meta description

// Teasers a newsroom puts between paragraphs, in French.
bool teaser(const std::string& text) {
    if (text.size() > kMaxTeaser) return false;
    const std::string lower = text::lowercase(text.substr(0, 40));
    static constexpr std::array<std::string_view, 9> kPrefixes = {
        "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
        "à voir aussi", "sur le même sujet", "retrouvez"};
    return std::any_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) { return lower.starts_with(p); });
}

bool ends_sentence(const std::string& s) {
    return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with("…") || s.ends_with(".\"") ||
           s.ends_with(".»") || s.ends_with(". »");
}

bool same_text(std::string_view a, std::string_view b) {
    return text::lowercase(fold_space(a)) == text::lowercase(fold_space(b));
}

// Whether the first paragraph is the lead the page's description repeats.
bool described(const std::string& paragraph, std::string_view description) {
    if (description.size() < kDescriptionPrefix || paragraph.size() < kDescriptionPrefix) return false;
    return same_text(paragraph.substr(0, kDescriptionPrefix), description.substr(0, kDescriptionPrefix));
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Par Jeanne Martin, publié le 3 mars 2020 à 10h | 3 mars 2020": the first part without a
// digit is the author, the first with one the date (a time alone, "14h32", is a live post's).
void read_byline(const std::string& byline, Page& page) {
    std::string_view rest = byline;
    while (!rest.empty()) {
        const std::size_t cut = std::min({rest.find(", "), rest.find(" | "), rest.size()});
        std::string part = fold_space(rest.substr(0, cut));
        rest.remove_prefix(std::min(cut + 2, rest.size()));
        for (std::string_view p : {"Par ", "par ", "By "})
            if (part.starts_with(p)) part.erase(0, p.size());
        if (part.empty()) continue;
        if (!has_digit(part) && page.author.empty()) page.author = part;
        else if (has_digit(part) && page.date.empty() && part.size() > 6) page.date = part;
    }
}

}  // namespace

void compose(Collected c, std::string_view description, Page& page) {
    page.lead = std::move(c.lead);
    read_byline(c.byline, page);
    bool first = true;
    for (Run& r : c.runs) {
        if (r.type == BlockType::Heading && (r.level == 1 || same_text(r.text, page.title))) continue;
        if (r.type == BlockType::Paragraph && teaser(r.text)) continue;
        if (r.type == BlockType::Paragraph && r.bold) {
            if (first && page.lead.empty() && r.text.size() >= kMinLead) {
                page.lead = std::move(r.text);
                first = false;
                continue;
            }
            if (r.text.size() <= kMaxSubheading && !ends_sentence(r.text)) r.type = BlockType::Heading, r.level = 2;
        }
        if (first && page.lead.empty() && r.type == BlockType::Paragraph && described(r.text, description)) {
            page.lead = std::move(r.text);
            first = false;
            continue;
        }
        first = first && r.type == BlockType::Heading;
        page.blocks.push_back({r.type, r.type == BlockType::Heading ? std::max(r.level, 2) : 0, std::move(r.text)});
    }
}

void use_stored_body(std::string_view body, Page& page) {
    page.blocks.clear();
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        if (std::string p = fold_space(body.substr(pos, end - pos)); !p.empty())
            page.blocks.push_back({BlockType::Paragraph, 0, std::move(p)});
        pos = end + 1;
    }
    if (!page.blocks.empty() && same_text(page.blocks.front().text, page.lead)) page.lead.clear();
}

}  // namespace plume::extract
