// Markdown with md4c: blocks, links and images, text mapped back to the source.
#include <md4c.h>

#include <string>
#include <vector>

#include "parse/block_builder.hpp"
#include "parse/entities.hpp"
#include "plume/parse.hpp"

namespace plume {

namespace {

std::string attribute(const MD_ATTRIBUTE& a) { return std::string(a.text, a.size); }

struct MarkdownParser {
    explicit MarkdownParser(Document& d) : doc(d), out(d) {}

    Document& doc;
    parse::BlockBuilder out;
    int image_depth = 0;          // inside ![alt](src): text is the alt, not body text
    std::string image_alt;
    std::string image_src;
    bool title_pending = false;   // the first H1 becomes the title

    std::size_t offset_of(const MD_CHAR* p, MD_SIZE size) const {
        const char* base = doc.source.data();
        if (p >= base && p + size <= base + doc.source.size()) return static_cast<std::size_t>(p - base);
        return parse::BlockBuilder::kNoSource;
    }

    void enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_QUOTE: out.close(); ++out.quote_depth; break;
            case MD_BLOCK_UL: case MD_BLOCK_OL: out.close(); break;
            case MD_BLOCK_LI: ++out.list_item_depth; out.open(BlockKind::ListItem); break;
            case MD_BLOCK_H: {
                const int level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                title_pending = level == 1 && !doc.title;
                out.open(BlockKind::Heading, level);
                break;
            }
            case MD_BLOCK_CODE: out.open(BlockKind::Code); break;
            case MD_BLOCK_P: case MD_BLOCK_TH: case MD_BLOCK_TD:
                // A loose list item's first paragraph continues the item's block.
                if (!(out.list_item_depth > 0 && out.is_open())) out.open(out.paragraph_kind());
                break;
            default: break;
        }
    }

    void leave_block(MD_BLOCKTYPE type) {
        switch (type) {
            case MD_BLOCK_QUOTE: out.close(); --out.quote_depth; break;
            case MD_BLOCK_LI: out.close(); --out.list_item_depth; break;
            case MD_BLOCK_H:
                if (title_pending) doc.title = out.take();
                else out.close();
                title_pending = false;
                break;
            case MD_BLOCK_CODE: case MD_BLOCK_P: case MD_BLOCK_TH: case MD_BLOCK_TD: out.close(); break;
            default: break;
        }
    }

    void enter_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_A && image_depth == 0) {
            out.begin_link(attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
        } else if (type == MD_SPAN_IMG) {
            if (image_depth++ == 0) {
                image_alt.clear();
                image_src = attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
            }
        }
    }

    void leave_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_A && image_depth == 0) out.end_link();
        else if (type == MD_SPAN_IMG && --image_depth == 0)
            out.image(std::move(image_src), std::move(image_alt), parse::BlockBuilder::kNoSource);
    }

    void text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
        std::string decoded;
        std::size_t at = offset_of(p, size);
        std::string_view s(p, size);
        switch (type) {
            case MD_TEXT_NULLCHAR: case MD_TEXT_HTML: return;
            case MD_TEXT_BR: case MD_TEXT_SOFTBR: s = " "; at = parse::BlockBuilder::kNoSource; break;
            case MD_TEXT_ENTITY:
                decoded = parse::decode_entity(s);
                s = decoded;
                at = parse::BlockBuilder::kNoSource;
                break;
            default: break;
        }
        if (image_depth > 0) image_alt += s;
        else out.text(s, at);
    }
};

template <typename F>
int call(void* userdata, F f) {
    f(*static_cast<MarkdownParser*>(userdata));
    return 0;
}

}  // namespace

Document parse_markdown(std::string source) {
    Document doc;
    doc.format = Format::Markdown;
    doc.source = std::move(source);
    MarkdownParser parser(doc);
    MD_PARSER md{};
    md.flags = MD_DIALECT_GITHUB;
    md.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return call(u, [&](auto& p) { p.enter_block(t, d); }); };
    md.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return call(u, [&](auto& p) { p.leave_block(t); }); };
    md.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return call(u, [&](auto& p) { p.enter_span(t, d); }); };
    md.leave_span = [](MD_SPANTYPE t, void*, void* u) { return call(u, [&](auto& p) { p.leave_span(t); }); };
    md.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
        return call(u, [&](auto& p) { p.text(t, s, n); });
    };
    md_parse(doc.source.data(), static_cast<MD_SIZE>(doc.source.size()), &md, &parser);
    parser.out.close();
    return doc;
}

}  // namespace plume
