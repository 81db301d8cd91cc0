// plume extract: bytes → UTF-8 → gumbo tree → metadata, article containers, runs → Page.
#include <fmt/format.h>

#include <memory>

#include "extract/blocks.hpp"
#include "extract/charset.hpp"
#include "extract/dom.hpp"
#include "extract/guard.hpp"
#include "extract/metadata.hpp"
#include "extract/runs.hpp"
#include "extract/select.hpp"
#include "plume/extract.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"

namespace plume::extract {

namespace {

// The first <h1> outside the page's furniture: the article's title on most pages.
std::string first_h1(const Selection& s, const GumboNode* document) {
    std::string title;
    preorder(document, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return Walk::Into;
        const auto it = s.info.find(n);
        if (!is_element(n) || (it != s.info.end() && it->second.dropped)) return Walk::Over;
        if (tag_of(n) == GUMBO_TAG_H1) title = text_of(n);
        return title.empty() ? Walk::Into : Walk::Stop;
    });
    return title;
}

std::size_t words_of(const Page& p) {
    std::size_t n = text::count_words(p.lead);
    for (const Block& b : p.blocks) n += text::count_words(b.text);
    return n;
}

}  // namespace

Page extract_html(std::string_view bytes, std::string_view http_charset) {
    check_page(bytes);
    Decoded decoded = to_utf8(bytes, http_charset);
    check_nesting(decoded.text);
    std::string html = text::nfc(decoded.text);
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;  // hostile input would pile up millions of parse errors
        return o;
    }();
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> tree(gumbo_parse_with_options(&options, html.data(), html.size()),
                                                              [](GumboOutput* o) { gumbo_destroy_output(&options, o); });
    const Metadata meta = read_metadata(tree->document);
    const Selection selection = select_article(tree->document);
    Page page;
    page.charset = decoded.charset;
    page.title = !meta.title.empty() ? meta.title : first_h1(selection, tree->document);
    if (page.title.empty()) page.title = meta.page_title;
    page.author = meta.author;
    page.date = meta.date;
    compose(collect_runs(selection), meta.description, page);
    if (const std::size_t stored = text::count_words(meta.body); stored > 0 && words_of(page) * 10 < stored * 6)
        use_stored_body(meta.body, page);
    return page;
}

}  // namespace plume::extract
