// Markdown with md4c: blocks, links and images, text mapped back to the source.
#include <md4c.h>

#include <string>
#include <vector>

#include "parse/block_builder.hpp"
#include "parse/entities.hpp"
#include "plume/parse.hpp"

namespace plume {

namespace {

// An attribute (href, src) with its character references decoded.
std::string attribute(const MD_ATTRIBUTE& a) {
    std::string out;
    for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
        const std::string_view piece(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
        if (a.substr_types[i] == MD_TEXT_ENTITY) out += parse::decode_entity(piece);
        else if (a.substr_types[i] != MD_TEXT_NULLCHAR) out += piece;
    }
    return out;
}

struct MarkdownParser {
    explicit MarkdownParser(Document& d) : doc(d), out(d) {}

    Document& doc;
    parse::BlockBuilder out;
    int image_depth = 0;          // inside ![alt](src): text is the alt, not body text
    std::string image_alt;
    std::string image_src;
    std::size_t image_at = parse::BlockBuilder::kNoSource;  // the src attribute in the source
    bool title_pending = false;   // the first H1 becomes the title

    // Directly in a list item whose block is open (not in a quote inside it).
    bool in_item() const { return out.list_item_depth > 0 && out.quote_depth == item_quote_depth && out.is_open(); }
    int item_quote_depth = 0;

    std::size_t offset_of(const MD_CHAR* p, MD_SIZE size) const {
        const char* base = doc.source.data();
        if (p >= base && p + size <= base + doc.source.size()) return static_cast<std::size_t>(p - base);
        return parse::BlockBuilder::kNoSource;
    }

    void enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_QUOTE: out.close(); ++out.quote_depth; break;
            case MD_BLOCK_UL: case MD_BLOCK_OL: out.close(); break;
            case MD_BLOCK_LI:
                ++out.list_item_depth;
                item_quote_depth = out.quote_depth;
                out.open(BlockKind::ListItem);
                break;
            case MD_BLOCK_H: {
                const int level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                title_pending = level == 1 && !doc.title;
                out.open(BlockKind::Heading, level);
                break;
            }
            case MD_BLOCK_CODE: out.open(BlockKind::Code); break;
            case MD_BLOCK_P: case MD_BLOCK_TH: case MD_BLOCK_TD:
                // The paragraphs of a loose list item stay in the item's one block.
                if (in_item()) out.space();
                else out.open(out.paragraph_kind());
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
            case MD_BLOCK_P:
                if (!in_item()) out.close();
                break;
            case MD_BLOCK_CODE: case MD_BLOCK_TH: case MD_BLOCK_TD: out.close(); break;
            default: break;
        }
    }

    void enter_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_A && image_depth == 0) {
            out.begin_link(attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
        } else if (type == MD_SPAN_IMG) {
            if (image_depth++ == 0) {
                const MD_ATTRIBUTE& src = static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
                image_alt.clear();
                image_src = attribute(src);
                image_at = offset_of(src.text, src.size);
                out.touch(image_at, image_at + src.size);
            }
        }
    }

    void leave_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_A && image_depth == 0) out.end_link();
        else if (type == MD_SPAN_IMG && --image_depth == 0)
            out.image(std::move(image_src), parse::BlockBuilder::fold(image_alt), image_at);
    }

    void text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
        std::string decoded;
        std::size_t at = offset_of(p, size);
        std::string_view s(p, size);
        switch (type) {
            case MD_TEXT_NULLCHAR: case MD_TEXT_HTML: return;
            case MD_TEXT_BR: case MD_TEXT_SOFTBR: s = " "; at = parse::BlockBuilder::kNoSource; break;
            case MD_TEXT_ENTITY:
                // Decoded text has no verbatim source, but the reference belongs to the block.
                if (image_depth == 0) out.touch(at, at + size);
                decoded = parse::decode_entity(s);
                s = decoded;
                at = parse::BlockBuilder::kNoSource;
                break;
            default: break;
        }
        if (image_depth > 0) {
            image_alt += s;
            out.touch(at, at + size);
        } else {
            out.text(s, at);
        }
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
