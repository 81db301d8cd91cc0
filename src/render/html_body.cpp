// The body as HTML, every piece of text escaped.
#include <algorithm>

#include "plume/render.hpp"
#include "render/common.hpp"

namespace plume {

namespace {

const char* tag_of(const Block& b) {
    static const char* headings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    switch (b.kind) {
        case BlockKind::Heading: return headings[std::clamp(b.level, 1, 6) - 1];
        case BlockKind::ListItem: return "li";
        case BlockKind::Quote: return "blockquote";
        case BlockKind::Code: return "pre";
        default: return "p";
    }
}

// Block text with its links and images put back where they stand.
void block_html(std::string& out, const Block& b) {
    const char* tag = tag_of(b);
    out += '<'; out += tag; out += '>';
    std::size_t pos = 0;
    auto text_to = [&](std::size_t end) {
        end = std::clamp(end, pos, b.text.size());
        render::escape_html_into(out, std::string_view(b.text).substr(pos, end - pos));
        pos = end;
    };
    std::size_t li = 0, ii = 0;
    while (li < b.links.size() || ii < b.images.size()) {
        const bool image_first = ii < b.images.size() &&
                                 (li == b.links.size() || b.images[ii].at <= b.links[li].begin);
        if (image_first) {
            const Image& im = b.images[ii++];
            text_to(im.at);
            out += "<img src=\""; render::escape_html_into(out, im.src);
            out += "\" alt=\""; render::escape_html_into(out, im.alt); out += "\">";
        } else {
            const Link& l = b.links[li++];
            text_to(l.begin);
            out += "<a href=\""; render::escape_html_into(out, l.href);
            out += l.nofollow ? "\" rel=\"nofollow\">" : "\">";
            text_to(l.end);
            out += "</a>";
        }
    }
    text_to(b.text.size());
    out += "</"; out += tag; out += ">\n";
}

}  // namespace

std::string render_html_body(const Document& doc) {
    std::string out;
    bool in_list = false;
    for (const Block& b : doc.blocks) {
        const bool item = b.kind == BlockKind::ListItem;
        if (item && !in_list) out += "<ul>\n";
        if (!item && in_list) out += "</ul>\n";
        in_list = item;
        block_html(out, b);
    }
    if (in_list) out += "</ul>\n";
    return out;
}

}  // namespace plume
