// Plain text as users paste it: paragraphs, list items, a title line, subheading lines.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string_view>
#include <vector>

#include "parse/block_builder.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"

namespace plume {

namespace {

struct Line {
    std::size_t begin;  // offset in the source, white space trimmed
    std::string_view text;
};

std::vector<Line> lines_of(std::string_view s) {
    std::vector<Line> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t end = s.find('\n', pos);
        if (end == std::string_view::npos) end = s.size();
        std::size_t b = pos, e = end;
        while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
        out.push_back({b, s.substr(b, e - b)});
        pos = end + 1;
    }
    return out;
}

// Length of a list marker (`-`, `*`, `•` and a space) at the start of the line, or 0.
std::size_t bullet(std::string_view line) {
    for (std::string_view m : {"- ", "* ", "• ", "•\u00A0", "– "})
        if (line.starts_with(m)) return m.size();
    return 0;
}

bool ends_sentence(std::string_view line) {
    for (std::string_view p : {".", "!", "?", "…", ":", ";", "»", "\"", ")", ","})
        if (line.ends_with(p)) return true;
    return false;
}

bool starts_upper(std::string_view line) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(line.data(), i, static_cast<int32_t>(line.size()), c);
    return c >= 0 && (u_isupper(c) || u_isdigit(c));
}

// A title or a subheading: short, no final punctuation, starts with a capital.
bool heading_like(std::string_view line, std::size_t max_words) {
    return !line.empty() && !ends_sentence(line) && text::count_words(line) <= max_words && starts_upper(line);
}

}  // namespace

Document parse_text(std::string source) {
    Document doc;
    doc.format = Format::Text;
    doc.source = std::move(source);
    const std::vector<Line> lines = lines_of(doc.source);
    bool has_blank = false;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        has_blank = has_blank || (lines[i].text.empty() && !lines[i + 1].text.empty());

    parse::BlockBuilder out(doc);
    bool first = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.text.empty()) { out.close(); continue; }
        const bool paragraph_start = !out.is_open();
        const bool next_blank = i + 1 >= lines.size() || lines[i + 1].text.empty();
        if (first && l.text.size() <= 200 && heading_like(l.text, 25) && (next_blank || !has_blank || bullet(lines[i + 1].text))) {
            doc.title = std::string(l.text);
        } else if (const std::size_t m = bullet(l.text)) {
            out.open(BlockKind::ListItem);
            out.text(l.text.substr(m), l.begin + m);
            out.close();
        } else if (has_blank && paragraph_start && next_blank && heading_like(l.text, 12) && i + 2 < lines.size()) {
            out.open(BlockKind::Heading, 2);
            out.text(l.text, l.begin);
            out.close();
        } else {
            if (paragraph_start) out.open(BlockKind::Paragraph);
            else out.space();
            out.text(l.text, l.begin);
            if (!has_blank) out.close();  // no blank line anywhere: each line is a paragraph
        }
        first = false;
    }
    out.close();
    return doc;
}

}  // namespace plume
