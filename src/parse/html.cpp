// HTML with gumbo: the article's blocks, its <title>, <meta name="description"> and first <h1>.
#include <gumbo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "parse/block_builder.hpp"
#include "parse/nesting.hpp"
#include "plume/parse.hpp"

namespace plume {

namespace {

const char* attr(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : "";
}

bool skipped(GumboTag t) {
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
           t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_SVG;
}

int heading_level(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_H1: return 1;
        case GUMBO_TAG_H2: return 2;
        case GUMBO_TAG_H3: return 3;
        case GUMBO_TAG_H4: return 4;
        case GUMBO_TAG_H5: return 5;
        case GUMBO_TAG_H6: return 6;
        default: return 0;
    }
}

// Elements that hold a block of text of their own.
bool text_block(GumboTag t) {
    return heading_level(t) > 0 || t == GUMBO_TAG_P || t == GUMBO_TAG_LI || t == GUMBO_TAG_PRE ||
           t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT ||
           t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_CAPTION;
}

// Elements that end the text before them (containers): their own text becomes a paragraph.
bool breaks_text(GumboTag t) {
    return text_block(t) || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
           t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL ||
           t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TR || t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_HEADER ||
           t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_BR ||
           t == GUMBO_TAG_HR || t == GUMBO_TAG_BODY || t == GUMBO_TAG_DL || t == GUMBO_TAG_FORM;
}

std::string text_of(const GumboNode* node) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
            out += n->v.text.text;
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboVector& c = n->v.element.children;
            for (unsigned i = c.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
        }
    }
    return out;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// Whether a space-separated attribute value (rel="noopener nofollow") holds `token`,
// compared without case.
bool has_token(std::string_view value, std::string_view token) {
    for (std::size_t b = 0; b < value.size();) {
        const std::size_t e = std::min(value.find_first_of(" \t\n\r\f", b), value.size());
        if (equals_ascii_ci(value.substr(b, e - b), token)) return true;
        b = e + 1;
    }
    return false;
}

// Length of the character reference at the start of `s` ("&eacute;", "&#233;"), 0 if none.
std::size_t reference_length(std::string_view s) {
    if (s.size() < 3 || s[0] != '&') return 0;
    std::size_t i = 1;
    while (i < s.size() && i < 40 && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '#')) ++i;
    return i > 1 && i < s.size() && s[i] == ';' ? i + 1 : 0;
}

// Byte length of the UTF-8 sequence that starts with `lead`.
std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

struct HtmlParser {
    explicit HtmlParser(Document& d) : doc(d), out(d) {}

    Document& doc;
    parse::BlockBuilder out;
    int text_block_depth = 0;  // inside <p>, <li>, <h2>…: <br> is a space there, a break elsewhere
    bool h1_taken = false;
    bool taking_title = false;
    std::string h1_text;

    void head(const GumboNode* n) {
        const GumboElement& e = n->v.element;
        if (e.tag == GUMBO_TAG_TITLE && !doc.title) {
            if (std::string title = parse::BlockBuilder::fold(text_of(n)); !title.empty()) doc.title = std::move(title);
        } else if (e.tag == GUMBO_TAG_META && equals_ascii_ci(attr(e, "name"), "description")) {
            if (std::string d = parse::BlockBuilder::fold(attr(e, "content")); !d.empty()) doc.description = std::move(d);
        }
    }

    void enter(const GumboNode* n) {
        const GumboElement& e = n->v.element;
        const GumboTag t = e.tag;
        if (t == GUMBO_TAG_BR && text_block_depth > 0) return out.space();
        if (breaks_text(t)) out.close();
        if (text_block(t)) ++text_block_depth;
        if (t == GUMBO_TAG_BLOCKQUOTE) ++out.quote_depth;
        if (t == GUMBO_TAG_LI) ++out.list_item_depth;
        if (const int level = heading_level(t)) {
            taking_title = level == 1 && !h1_taken;
            h1_taken = h1_taken || taking_title;
            out.open(BlockKind::Heading, level);
        } else if (t == GUMBO_TAG_PRE) {
            out.open(BlockKind::Code);
        } else if (text_block(t)) {
            out.open(out.paragraph_kind());
        } else if (t == GUMBO_TAG_A) {
            out.begin_link(attr(e, "href"), has_token(attr(e, "rel"), "nofollow"));
        } else if (t == GUMBO_TAG_IMG) {
            out.ensure_open(out.paragraph_kind());
            out.image(attr(e, "src"), attr(e, "alt"), e.start_pos.offset);
        }
    }

    void leave(const GumboNode* n) {
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_A) out.end_link();
        if (t == GUMBO_TAG_BR && text_block_depth > 0) return;
        if (text_block(t)) --text_block_depth;
        if (heading_level(t) && taking_title) {
            h1_text = out.take();
            taking_title = false;
        } else if (breaks_text(t)) {
            out.close();
        }
        if (t == GUMBO_TAG_BLOCKQUOTE) --out.quote_depth;
        if (t == GUMBO_TAG_LI) --out.list_item_depth;
    }

    void text(const GumboNode* n) {
        const GumboText& t = n->v.text;
        if (n->type == GUMBO_NODE_WHITESPACE && !out.is_open()) return;
        out.ensure_open(out.paragraph_kind());
        const std::string_view decoded(t.text);
        const std::string_view original(t.original_text.data, t.original_text.length);
        out.touch(t.start_pos.offset, t.start_pos.offset + original.size());
        if (n->type == GUMBO_NODE_CDATA) return out.text(decoded, parse::BlockBuilder::kNoSource);
        map_text(decoded, original, t.start_pos.offset);
    }

    // Walks the decoded text along the original: runs that are identical map byte for byte,
    // a character reference becomes one decoded character without a source. At the first
    // disagreement (a reference gumbo decoded differently) the rest is left unmapped, so no
    // position ever points outside the node.
    void map_text(std::string_view decoded, std::string_view original, std::size_t offset) {
        std::size_t i = 0, j = 0;
        while (j < decoded.size() && i < original.size()) {
            if (const std::size_t ref = reference_length(original.substr(i))) {
                const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(decoded[j])), decoded.size() - j);
                out.text(decoded.substr(j, n), parse::BlockBuilder::kNoSource);
                i += ref, j += n;
                continue;
            }
            std::size_t k = 0;
            while (j + k < decoded.size() && i + k < original.size() && decoded[j + k] == original[i + k] &&
                   (k == 0 || reference_length(original.substr(i + k)) == 0))
                ++k;
            if (k == 0) break;
            out.text(decoded.substr(j, k), offset + i);
            i += k, j += k;
        }
        if (j < decoded.size()) out.text(decoded.substr(j), parse::BlockBuilder::kNoSource);
    }

    // Depth-first walk without recursion: hostile pages nest thousands of elements deep.
    void walk(const GumboNode* root) {
        struct Frame {
            const GumboNode* node;
            unsigned next;
        };
        std::vector<Frame> stack{{root, 0}};
        while (!stack.empty()) {
            Frame& f = stack.back();
            const GumboNode* n = f.node;
            if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) {
                if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
                    text(n);
                stack.pop_back();
                continue;
            }
            const bool element = n->type == GUMBO_NODE_ELEMENT;
            if (element && f.next == 0) {
                if (skipped(n->v.element.tag)) {
                    if (n->v.element.tag == GUMBO_TAG_HEAD) walk_head(n);
                    stack.pop_back();
                    continue;
                }
                enter(n);
            }
            const GumboVector& children = element ? n->v.element.children : n->v.document.children;
            if (f.next < children.length) {
                const auto* child = static_cast<const GumboNode*>(children.data[f.next++]);
                stack.push_back({child, 0});
                continue;
            }
            if (element) leave(n);
            stack.pop_back();
        }
        out.close();
    }

    void walk_head(const GumboNode* headnode) {
        const GumboVector& c = headnode->v.element.children;
        for (unsigned i = 0; i < c.length; ++i) {
            const auto* n = static_cast<const GumboNode*>(c.data[i]);
            if (n->type == GUMBO_NODE_ELEMENT) head(n);
        }
    }
};

bool void_element(std::string_view name) {
    for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                               "source", "track", "wbr", "p", "li"})  // p and li close themselves
        if (name.size() == v.size() && std::equal(name.begin(), name.end(), v.begin(),
                                                  [](char a, char b) { return (a | 0x20) == b; }))
            return true;
    return false;
}

// Where the raw text of <script> or <style> opened at `from` ends: its "</" + name.
std::size_t raw_text_end(std::string_view s, std::size_t from, std::string_view name) {
    for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2))
        if (equals_ascii_ci(s.substr(i + 2, name.size()), name)) return i;
    return s.size();
}

// Comments and the raw text of scripts and styles hold no tags (`if (a<b)` is not <b>).
int nesting_depth(std::string_view s) {
    int depth = 0, deepest = 0;
    for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
        if (s.substr(i, 4) == "<!--") {
            i = std::min(s.find("-->", i + 4), s.size() - 1);
            continue;
        }
        const bool closing = s[i + 1] == '/';
        std::size_t b = i + (closing ? 2 : 1), e = b;
        while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '-')) ++e;
        if (e == b) continue;
        const std::string_view name = s.substr(b, e - b);
        const auto gt = s.find('>', e);
        const bool self_closing = gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/';
        if (void_element(name) || self_closing) continue;
        if (closing) depth = std::max(0, depth - 1);
        else if (equals_ascii_ci(name, "script") || equals_ascii_ci(name, "style")) i = raw_text_end(s, e, name);
        else deepest = std::max(deepest, ++depth);
    }
    return deepest;
}

}  // namespace

int html_nesting_depth(std::string_view source) { return nesting_depth(source); }

Document parse_html(std::string source) {
    if (nesting_depth(source) > kMaxNesting)
        throw InputError(fmt::format("HTML nested more than {} elements deep: refused (gumbo's cost grows "
                                     "with the square of the depth)", kMaxNesting));
    Document doc;
    doc.format = Format::Html;
    doc.source = std::move(source);
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;  // parse errors are not reported; hostile input would pile up millions
        return o;
    }();
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> tree(
        gumbo_parse_with_options(&options, doc.source.data(), doc.source.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&options, o); });
    HtmlParser parser(doc);
    parser.walk(tree->document);
    if (!doc.title && !parser.h1_text.empty()) doc.title = parser.h1_text;
    return doc;
}

}  // namespace plume
