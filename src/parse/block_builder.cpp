#include "parse/block_builder.hpp"

#include <algorithm>

namespace plume::parse {

namespace {
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

void BlockBuilder::open(BlockKind kind, int level) {
    close();
    block_ = Block{};
    block_.kind = kind;
    block_.level = level;
    open_ = true;
    pending_space_ = false;
    extent_begin_ = kNoSource;
    extent_end_ = 0;
}

void BlockBuilder::touch(std::size_t begin, std::size_t end) {
    if (begin == kNoSource) return;
    extent_begin_ = std::min(extent_begin_, begin);
    extent_end_ = std::max(extent_end_, end);
}

void BlockBuilder::ensure_open(BlockKind kind) {
    if (!open_) open(kind);
}

void BlockBuilder::push_char(char c, std::size_t source_offset) {
    std::string& t = block_.text;
    if (source_offset != kNoSource) {
        auto& spans = block_.spans;
        if (!spans.empty() && spans.back().text_offset + spans.back().length == t.size() &&
            spans.back().source_offset + spans.back().length == source_offset)
            ++spans.back().length;
        else
            spans.push_back({t.size(), source_offset, 1});
    }
    t += c;
}

void BlockBuilder::text(std::string_view s, std::size_t source_offset) {
    ensure_open(paragraph_kind());
    if (source_offset != kNoSource &&
        (source_offset > doc_.source.size() || doc_.source.compare(source_offset, s.size(), s) != 0))
        source_offset = kNoSource;
    if (source_offset != kNoSource) touch(source_offset, source_offset + s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::size_t at = source_offset == kNoSource ? kNoSource : source_offset + i;
        if (is_space(s[i])) {
            // One space at most, and none at the start or after an image's space.
            pending_space_ = !block_.text.empty() && block_.text.back() != ' ';
            continue;
        }
        // A soft hyphen (U+00AD) marks where a word may break: invisible, it would cut the
        // word for every count and match, and reach the article.
        if (s.compare(i, 2, "\u00ad") == 0) {
            ++i;
            continue;
        }
        // A no-break space (U+00A0) stays: French typography depends on it.
        flush_space();
        push_char(s[i], at);
    }
}

void BlockBuilder::flush_space() {
    if (pending_space_) push_char(' ', kNoSource);
    pending_space_ = false;
}

void BlockBuilder::begin_link(std::string href, bool nofollow) {
    ensure_open(paragraph_kind());
    flush_space();
    block_.links.push_back({std::move(href), block_.text.size(), block_.text.size(), nofollow});
    in_link_ = true;
}

void BlockBuilder::end_link() {
    if (!open_ || !in_link_ || block_.links.empty()) return;
    in_link_ = false;
    Link& l = block_.links.back();
    // A space pending after the link's last word belongs outside it.
    l.end = block_.text.size();
    if (l.begin > l.end) l.begin = l.end;
}

void BlockBuilder::image(std::string src, std::string alt, std::size_t source_offset) {
    ensure_open(paragraph_kind());
    flush_space();
    block_.images.push_back({std::move(src), std::move(alt), block_.text.size()});
    touch(source_offset, source_offset + 1);
}

Block BlockBuilder::finish() {
    open_ = false;
    in_link_ = false;
    Block b = std::move(block_);
    block_ = Block{};
    // Links or images after the last character must not point past the text.
    for (Link& l : b.links) l.end = std::min(l.end, b.text.size()), l.begin = std::min(l.begin, l.end);
    for (Image& im : b.images) im.at = std::min(im.at, b.text.size());
    if (extent_begin_ != kNoSource) {
        b.source_begin = extent_begin_;
        b.source_end = extent_end_;
    }
    return b;
}

void BlockBuilder::close() {
    if (!open_) return;
    Block b = finish();
    if (!b.text.empty() || !b.images.empty()) doc_.blocks.push_back(std::move(b));
}

std::string BlockBuilder::fold(std::string_view s) {
    Document scratch;
    BlockBuilder b(scratch);
    b.text(s, kNoSource);
    return b.take();
}

std::string BlockBuilder::take() {
    if (!open_) return {};
    return finish().text;
}

}  // namespace plume::parse
