// Small helpers over gumbo's tree.
#include "extract/dom.hpp"

#include <algorithm>

namespace plume::extract {

const char* attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return "";
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : "";
}

std::string tag_name(const GumboNode* n) {
    const GumboElement& e = n->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c); });
    return name;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

std::string fold_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            space = true;
            i += nbsp;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

std::string text_of(const GumboNode* node) {
    std::string out;
    preorder(node, [&](const GumboNode* n) {
        if (is_text(n)) out += n->v.text.text;
        if (!is_element(n)) return Walk::Over;
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) return Walk::Over;
        if (is_block(t) || t == GUMBO_TAG_BR) out += ' ';
        return Walk::Into;
    });
    return fold_space(out);
}

// gumbo numbers <h1> to <h6> in a row.
int heading_level(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6 ? t - GUMBO_TAG_H1 + 1 : 0; }

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL:
        case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_CENTER:
            return true;
        default: return heading_level(t) > 0;
    }
}

}  // namespace plume::extract
