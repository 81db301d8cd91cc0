// Markdown with md4c: blocks, links and images, text mapped back to the source.
#include <md4c.h>
#include <unicode/utf8.h>

#include <optional>
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

// A YAML front matter block, as static site generators (Hugo, Jekyll, Eleventy) read it: a
// first line "---", lines of `key: value`, a closing "---" or "..." line.
struct FrontMatter {
    std::size_t body = 0;  // where the Markdown starts
    std::optional<std::string> title;
    std::optional<std::string> description;
};

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") + 1 - b);
}

void append_code_point(std::string& out, std::string_view hex) {
    char32_t cp = 0;
    for (char c : hex) {
        const int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0) return;
        cp = cp * 16 + static_cast<char32_t>(d);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    char buf[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
    out.append(buf, n);
}

// A double-quoted YAML scalar's content with its escapes resolved.
std::string yaml_unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) { out += s[i]; continue; }
        const char e = s[++i];
        const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits > 0) {
            append_code_point(out, s.substr(i + 1, digits));
            i += digits;
        } else if (e == 'n' || e == 't' || e == 'r') {
            out += ' ';  // folded away with the rest of the white space
        } else if (e == '_') {
            out += "\u00A0";
        } else {
            out += e;  // \\, \", \/ and the rare others as the character itself
        }
    }
    return out;
}

// A one-line scalar: "double-quoted", 'single-quoted' or plain (up to a " #" comment).
std::string yaml_scalar(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return yaml_unescape(v.substr(1, v.size() - 2));
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            out += v[i];
            if (v[i] == '\'' && v[i + 1] == '\'') ++i;
        }
        return out;
    }
    if (const auto hash = v.find(" #"); hash != std::string_view::npos) v = trim(v.substr(0, hash));
    return std::string(v);
}

// A top-level `key: value` line: the key, and the value after the colon.
std::optional<std::pair<std::string_view, std::string_view>> yaml_entry(std::string_view line) {
    const auto colon = line.find(':');
    if (line.empty() || colon == std::string_view::npos || colon == 0 || line[0] == ' ' || line[0] == '\t' ||
        line[0] == '#' || line[0] == '-' || (colon + 1 < line.size() && line[colon + 1] != ' '))
        return std::nullopt;
    return std::pair{trim(line.substr(0, colon)), trim(line.substr(colon + 1))};
}

// The front matter of `source`, or {body = 0} when it has none: the first line must be "---",
// the next non-blank one a `key:` entry, and a closing line must follow.
FrontMatter front_matter(std::string_view source) {
    FrontMatter fm;
    if (!source.starts_with("---") || trim(source.substr(0, source.find('\n'))) != "---") return fm;
    bool first = true;
    for (std::size_t pos = source.find('\n'); pos != std::string_view::npos && pos < source.size();) {
        const std::size_t start = pos + 1;
        const std::size_t end = std::min(source.find('\n', start), source.size());
        const std::string_view line = source.substr(start, end - start);
        pos = end;
        if (trim(line) == "---" || trim(line) == "...") {
            if (first) return FrontMatter{};
            fm.body = std::min(end + 1, source.size());
            return fm;
        }
        if (trim(line).empty()) continue;
        const auto entry = yaml_entry(line);
        if (first && !entry) return FrontMatter{};
        first = false;
        if (!entry || entry->second.empty() || entry->second == "|" || entry->second == ">") continue;
        if (entry->first == "title") fm.title = yaml_scalar(entry->second);
        else if (entry->first == "description") fm.description = yaml_scalar(entry->second);
    }
    return FrontMatter{};
}

}  // namespace

Document parse_markdown(std::string source) {
    Document doc;
    doc.format = Format::Markdown;
    doc.source = std::move(source);
    // Front matter is metadata, not body text; its title, like an HTML <title>, is the
    // document's title, and the first H1 still leaves the body.
    const FrontMatter fm = front_matter(doc.source);
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
    md_parse(doc.source.data() + fm.body, static_cast<MD_SIZE>(doc.source.size() - fm.body), &md, &parser);
    parser.out.close();
    if (fm.title) {
        if (std::string t = parse::BlockBuilder::fold(*fm.title); !t.empty()) doc.title = std::move(t);
    }
    if (fm.description) {
        if (std::string d = parse::BlockBuilder::fold(*fm.description); !d.empty()) doc.description = std::move(d);
    }
    return doc;
}

}  // namespace plume
