// The written article as Markdown (front matter + body), and as the Document a CMS publishes.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "plume/write.hpp"
#include "render/common.hpp"
#include "text/chars.hpp"

namespace plume {

namespace {

// ---- YAML front matter ----

// A YAML double-quoted scalar. Line separators (U+0085, U+2028, U+2029) are escaped too:
// YAML 1.1 readers, still common in site generators, take them as line breaks.
std::string yaml_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto [cp, next] = text::chars::decode(s, i);
        if (cp == '"' || cp == '\\') out += {'\\', static_cast<char>(cp)};
        else if (cp == '\n') out += "\\n";
        else if (cp == '\t') out += "\\t";
        else if ((cp >= 0 && cp < 0x20) || cp == 0x7F || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
        else out.append(s, i, next - i);
        i = next;
    }
    return out + '"';
}

std::string front_matter(const WriteResult& result) {
    const Article& a = result.article;
    std::string out = "---\n";
    out += "title: " + yaml_string(a.title) + '\n';
    out += "description: " + yaml_string(a.description) + '\n';
    out += "slug: " + yaml_string(a.slug) + '\n';
    out += "keyphrase: " + yaml_string(a.keyphrase) + '\n';
    out += a.synonyms.empty() ? "synonyms: []\n" : "synonyms:\n";
    for (const std::string& s : a.synonyms) out += "  - " + yaml_string(s) + '\n';
    out += "date: " + yaml_string(a.date) + '\n';
    out += result.sources.empty() ? "sources: []\n" : "sources:\n";
    for (const SourceInfo& s : result.sources) {
        out += "  - name: " + yaml_string(s.name) + '\n';
        if (!s.url.empty()) out += "    url: " + yaml_string(s.url) + '\n';
        if (!s.title.empty()) out += "    title: " + yaml_string(s.title) + '\n';
    }
    return out + "---\n\n";
}

// ---- Markdown text ----

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool ends_with_ci(std::string_view s, std::size_t end, std::string_view word) {
    if (end < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if ((s[end - word.size() + i] | 0x20) != word[i]) return false;
    return end == word.size() || !is_ascii_alnum(s[end - word.size() - 1]);
}

// Whether character `i` of `s` would start markup that GitHub-flavoured Markdown (md4c's
// dialect) finds in running text: emphasis, code, links, raw HTML, entities, tables,
// strikethrough, and the autolinks it makes of bare URLs, www. names and e-mail addresses.
bool inline_active(std::string_view s, std::size_t i) {
    const char c = s[i];
    switch (c) {
        case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '|': case '~':
            return true;
        case '&': {  // a character reference: &amp; &#38; &#x26;
            if (i + 1 < s.size() && s[i + 1] == '#') return true;
            std::size_t j = i + 1;
            while (j < s.size() && is_ascii_alnum(s[j])) ++j;
            return j > i + 1 && j < s.size() && s[j] == ';';
        }
        case ':':  // http://, https://, ftp://
            return s.substr(i + 1).starts_with("//") &&
                   (ends_with_ci(s, i, "http") || ends_with_ci(s, i, "https") || ends_with_ci(s, i, "ftp"));
        case '.':  // www.
            return ends_with_ci(s, i, "www");
        case '@':  // name@domain
            return i > 0 && i + 1 < s.size() && is_ascii_alnum(s[i - 1]) && is_ascii_alnum(s[i + 1]);
        default: return false;
    }
}

// The length of a marker that would open a block if the text started a line: a heading `#`,
// a quote `>`, a bullet `-` or `+` (also a thematic break `---`), an ordered item `1.` or `1)`.
std::size_t block_marker(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == '#' || s[0] == '>' || s[0] == '-' || s[0] == '+') return 1;
    std::size_t digits = 0;
    while (digits < s.size() && digits < 10 && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || digits == s.size() || (s[digits] != '.' && s[digits] != ')')) return 0;
    const std::size_t after = digits + 1;
    return after == s.size() || s[after] == ' ' ? after : 0;
}

// ASCII white space folded to single spaces and trimmed: the text stays on one line, so
// nothing in it can start a block of its own (no-break spaces are kept, French needs them).
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Text as Markdown that reads back as the same text: every character that could become markup
// is backslash-escaped, and only those, so French prose (’ « » % …) stays as written.
std::string markdown_text(std::string_view raw) {
    const std::string s = one_line(raw);
    std::string out;
    out.reserve(s.size() + 8);
    const std::size_t marker = block_marker(s);
    for (std::size_t i = 0; i < s.size(); ++i) {
        // The block marker's last character; a final `#` would close an ATX heading.
        const bool escape = inline_active(s, i) || (marker > 0 && i == marker - 1) ||
                            (s[i] == '#' && i + 1 == s.size());
        if (escape) out += '\\';
        out += s[i];
    }
    return out;
}

// A destination for [text](url) (already without spaces, see http_url): parentheses are
// escaped so they cannot end the link, and an `&` that would read as a character reference.
std::string markdown_url(std::string_view url) {
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '(' || url[i] == ')' || (url[i] == '&' && inline_active(url, i))) out += '\\';
        out += url[i];
    }
    return out;
}

void append_block(std::string& out, const ArticleBlock& b, bool& in_list) {
    const std::string text = markdown_text(b.text());
    if (text.empty()) return;
    const bool item = b.kind == BlockKind::ListItem;
    if (in_list && !item) out += '\n';  // a blank line ends the list
    in_list = item;
    switch (b.kind) {
        case BlockKind::Heading:
            out += std::string(static_cast<std::size_t>(std::clamp(b.level, 2, 6)), '#') + ' ' + text + "\n\n";
            break;
        case BlockKind::ListItem:
            // A linked item (the Sources section) links its whole text.
            if (const std::string url = render::http_url(b.href); !url.empty())
                out += "- [" + text + "](" + markdown_url(url) + ")\n";
            else
                out += "- " + text + '\n';
            break;
        case BlockKind::Quote: out += "> " + text + "\n\n"; break;
        default: out += text + "\n\n"; break;
    }
}

// `# H1` and the body: what a CMS stores as the post, and what plume analyses.
std::string body_markdown(const Article& a) {
    std::string out = "# " + markdown_text(a.h1()) + "\n\n";
    bool in_list = false;
    for (const ArticleBlock& b : a.intro) append_block(out, b, in_list);
    for (const Section& s : a.sections) {
        if (const std::string h = markdown_text(s.heading); !h.empty()) {
            if (in_list) out += '\n';
            in_list = false;
            out += "## " + h + "\n\n";
        }
        for (const ArticleBlock& b : s.blocks) append_block(out, b, in_list);
    }
    if (in_list) out += '\n';
    out.pop_back();  // one final newline
    return out;
}

}  // namespace

std::string render_article_markdown(const WriteResult& result) {
    return front_matter(result) + body_markdown(result.article);
}

Document article_document(const Article& article) {
    // NFC as `plume analyze` normalises a file it reads, so both analyses see the same text.
    Document doc = parse_markdown(text::nfc(body_markdown(article)));
    doc.title = article.title;  // the SEO title, as the front matter gives it to `plume analyze`
    if (!article.description.empty()) doc.description = article.description;
    return doc;
}

}  // namespace plume
