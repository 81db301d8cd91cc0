// HTML with gumbo: the article's blocks, its <title>, <meta name="description"> and first <h1>.
#include <gumbo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "parse/block_builder.hpp"
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

struct HtmlParser {
    explicit HtmlParser(Document& d) : doc(d), out(d) {}

    Document& doc;
    parse::BlockBuilder out;
    bool h1_taken = false;
    bool taking_title = false;
    std::string h1_text;

    void head(const GumboNode* n) {
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_TITLE && !doc.title) {
            const std::string s = text_of(n);
            Document scratch;  // folds white space the same way as body text
            parse::BlockBuilder b(scratch);
            b.text(s, parse::BlockBuilder::kNoSource);
            if (std::string title = b.take(); !title.empty()) doc.title = std::move(title);
        } else if (t == GUMBO_TAG_META && std::string_view(attr(n->v.element, "name")) == "description") {
            Document scratch;
            parse::BlockBuilder b(scratch);
            b.text(attr(n->v.element, "content"), parse::BlockBuilder::kNoSource);
            if (std::string d = b.take(); !d.empty()) doc.description = std::move(d);
        }
    }

    void enter(const GumboNode* n) {
        const GumboElement& e = n->v.element;
        const GumboTag t = e.tag;
        if (breaks_text(t)) out.close();
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
            out.begin_link(attr(e, "href"));
        } else if (t == GUMBO_TAG_IMG) {
            out.ensure_open(out.paragraph_kind());
            out.image(attr(e, "src"), attr(e, "alt"), e.start_pos.offset);
        }
    }

    void leave(const GumboNode* n) {
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_A) out.end_link();
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
        const std::string_view decoded(t.text);
        const std::string_view original(t.original_text.data, t.original_text.length);
        // Verbatim text maps byte for byte; decoded entities only to where the node starts.
        const bool verbatim = decoded == original;
        if (n->type == GUMBO_NODE_WHITESPACE && !out.is_open()) return;
        out.ensure_open(out.paragraph_kind());
        out.text(decoded, verbatim ? t.start_pos.offset : parse::BlockBuilder::kNoSource);
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

// Upper bound of element nesting, from a scan of the tags. gumbo's time and memory grow with
// the square of the depth (20 000 unclosed <div>: 20 s and 3 GB), so deeper input is refused;
// real articles nest a few dozen levels.
constexpr int kMaxNesting = 1000;

bool void_element(std::string_view name) {
    for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                               "source", "track", "wbr", "p", "li"})  // p and li close themselves
        if (name.size() == v.size() && std::equal(name.begin(), name.end(), v.begin(),
                                                  [](char a, char b) { return (a | 0x20) == b; }))
            return true;
    return false;
}

int nesting_depth(std::string_view s) {
    int depth = 0, deepest = 0;
    for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
        const bool closing = s[i + 1] == '/';
        std::size_t b = i + (closing ? 2 : 1), e = b;
        while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '-')) ++e;
        if (e == b) continue;
        const auto gt = s.find('>', e);
        const bool self_closing = gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/';
        if (closing) depth = std::max(0, depth - 1);
        else if (!self_closing && !void_element(s.substr(b, e - b))) deepest = std::max(deepest, ++depth);
    }
    return deepest;
}

}  // namespace

Document parse_html(std::string source) {
    if (nesting_depth(source) > kMaxNesting)
        throw InputError(fmt::format("HTML nested more than {} elements deep: refused (gumbo's cost grows "
                                     "with the square of the depth)", kMaxNesting));
    Document doc;
    doc.format = Format::Html;
    doc.source = std::move(source);
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> tree(
        gumbo_parse_with_options(&kGumboDefaultOptions, doc.source.data(), doc.source.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    HtmlParser parser(doc);
    parser.walk(tree->document);
    if (!doc.title && !parser.h1_text.empty()) doc.title = parser.h1_text;
    return doc;
}

}  // namespace plume
