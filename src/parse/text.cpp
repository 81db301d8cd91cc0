// Plain text as users paste it: paragraphs, list items, a title line, subheading lines.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "parse/block_builder.hpp"
#include "parse/flattened.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"

namespace plume {

namespace {

// A pasted title runs longer than a subheading: news titles of 16 to 21 words are common.
constexpr std::size_t kTitleMaxWords = 25;
// A hard-wrapped paragraph's lines run about as long as each other, its first one longest,
// and no longer than a wrap's width (72 to 80 characters in mail and terminals).
constexpr std::size_t kUnwrappedRatio = 2;
constexpr std::size_t kWrapMaxBytes = 120;

struct Line {
    std::size_t begin;  // offset in the source, white space trimmed
    std::string_view text;
    bool indented;      // white space before the text
};

std::vector<Line> lines_of(std::string_view s) {
    std::vector<Line> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t end = s.find('\n', pos);
        if (end == std::string_view::npos) end = s.size();
        std::size_t b = pos, e = end;
        while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
        out.push_back({b, s.substr(b, e - b), b > pos});
        pos = end + 1;
    }
    return out;
}

// Length of a list marker (`-`, `*`, `•`, `–` and the white space after it) at the start of
// the line, or 0. `-` and `*` need a space after them (`-5 %` and `*important*` are text).
std::size_t bullet(std::string_view line) {
    std::size_t n = 0;
    if (line.starts_with("•")) n = std::string_view("•").size();
    else if (line.starts_with("– ") || line.starts_with("- ") || line.starts_with("* ")) n = line.find(' ');
    else return 0;
    while (n < line.size()) {
        if (line[n] == ' ' || line[n] == '\t') ++n;
        else if (line.substr(n).starts_with("\u00A0")) n += 2;
        else break;
    }
    return n < line.size() ? n : 0;  // a marker alone is no item
}

// The line without its closing quotes, brackets and white space.
std::string_view before_closers(std::string_view line) {
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view closer : {"»", "\"", "”", "’", ")", "]", " ", "\u00A0", "\u202F"})
            if (line.ends_with(closer)) {
                line.remove_suffix(closer.size());
                stripped = true;
            }
    }
    return line;
}

// Whether the line ends a sentence: final . ! ? … : ; or , before any closing quote or bracket.
bool ends_sentence(std::string_view line) {
    line = before_closers(line);
    for (std::string_view p : {".", "!", "?", "…", ":", ";", ","})
        if (line.ends_with(p)) return true;
    return false;
}

// A headline may ask or exclaim (« Faut-il avoir peur du variant ? »): 18 of the corpus’s
// 240 headlines end so, none with another mark.
bool asks_or_exclaims(std::string_view line) {
    line = before_closers(line);
    return line.ends_with("?") || line.ends_with("!");
}

bool starts_upper(std::string_view line) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(line.data(), i, static_cast<int32_t>(line.size()), c);
    return c >= 0 && (u_isupper(c) || u_isdigit(c));
}

bool short_unpunctuated(std::string_view line, std::size_t max_words) {
    return !line.empty() && !bullet(line) && !ends_sentence(line) && text::words_at_most(line, max_words);
}

class TextParser {
public:
    explicit TextParser(Document& doc) : doc_(doc), lines_(lines_of(doc.source)), out_(doc) {
        // A blank line between two lines of text; leading and trailing ones do not count.
        bool seen_text = false;
        for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
            seen_text = seen_text || !lines_[i].text.empty();
            blank_lines_ = blank_lines_ || (seen_text && lines_[i].text.empty() && !lines_[i + 1].text.empty());
        }
    }

    void run() {
        std::size_t i = 0;
        while (i < lines_.size() && lines_[i].text.empty()) ++i;
        if (i < lines_.size() && is_title(i)) doc_.title = parse::BlockBuilder::fold(lines_[i++].text);
        for (; i < lines_.size(); ++i) line(i);
        out_.close();
    }

private:
    bool blank(std::size_t i) const { return i >= lines_.size() || lines_[i].text.empty(); }

    // The first line, short and without final punctuation but a question or exclamation mark,
    // standing alone (a blank line or a list after it, or no blank lines anywhere): a
    // hard-wrapped first paragraph is no title.
    // A text of one line is all body.
    bool is_title(std::size_t i) const {
        const std::string_view t = lines_[i].text;
        const bool headline = short_unpunctuated(t, kTitleMaxWords) ||
                              (asks_or_exclaims(t) && !bullet(t) && text::words_at_most(t, kTitleMaxWords));
        return headline && text_after(i) &&
               (!blank_lines_ || blank(i + 1) || bullet(lines_[i + 1].text));
    }

    // In a text with blank-line paragraphs: a short line, capitalised, without final
    // punctuation, followed by more text, alone between blank lines or over a capitalised
    // line more than twice as long and longer than a wrap, which no wrap leaves (a paragraph
    // pasted as one line under a page's label: « Résultats : Ligue 1 - 28e journée »).
    bool is_subheading(std::size_t i) const {
        if (!blank_lines_ || out_.is_open()) return false;
        const std::string_view t = lines_[i].text;
        if (!short_unpunctuated(t, parse::kSubheadingMaxWords) || !starts_upper(t) || !text_after(i)) return false;
        const std::string_view next = lines_[i + 1].text;
        return blank(i + 1) || (next.size() > std::max(kUnwrappedRatio * t.size(), kWrapMaxBytes) && starts_upper(next) && !bullet(next));
    }

    bool text_after(std::size_t i) const {
        for (std::size_t j = i + 1; j < lines_.size(); ++j)
            if (!lines_[j].text.empty()) return true;
        return false;
    }

    void line(std::size_t i) {
        const Line& l = lines_[i];
        if (l.text.empty()) {
            out_.close();
            in_item_ = false;
            return;
        }
        const std::vector<parse::Piece> pieces = parse::cut_at_subheadings(l.text);
        if (pieces.size() == 1 && pieces.front().heading && text_after(i)) {
            heading(l.text.substr(pieces.front().begin, pieces.front().end - pieces.front().begin),
                    l.begin + pieces.front().begin);  // `- Titre -` on a line of its own
        } else if (const std::size_t m = bullet(l.text); m && !(pieces.size() > 1 && pieces.front().heading)) {
            // A flattened page's line may open on a dash and hold subheadings: the item
            // ends at the first, the text after it is the page's paragraphs.
            const std::size_t end = pieces.size() > 1 ? pieces.front().end : l.text.size();
            out_.open(BlockKind::ListItem);
            sentences(l.text.substr(m, end - m), l.begin + m);
            in_item_ = true;
            if (pieces.size() > 1) text_pieces(i, pieces, 1);
        } else if (in_item_ && l.indented) {
            out_.space();  // the wrapped continuation of a list item
            sentences(l.text, l.begin);
        } else if (is_subheading(i)) {
            heading(l.text, l.begin);
        } else {
            text_pieces(i, pieces, 0);
        }
    }

    // The pieces of line i from the k-th: subheadings, paragraphs, runs that lost their point.
    void text_pieces(std::size_t i, const std::vector<parse::Piece>& pieces, std::size_t k) {
        const Line& l = lines_[i];
        for (; k < pieces.size(); ++k) {
            const parse::Piece& p = pieces[k];
            const std::string_view t = l.text.substr(p.begin, p.end - p.begin);
            if (p.heading && (k + 1 < pieces.size() || text_after(i))) {
                heading(t, l.begin + p.begin);
            } else if (p.item) {
                out_.open(BlockKind::ListItem);
                sentences(t, l.begin + p.begin);
                in_item_ = true;
            } else if (p.joined && out_.is_open()) {
                out_.space();  // the run before lost its final point
                sentences(t, l.begin + p.begin);
            } else {
                paragraph(t, l.begin + p.begin, p.own_paragraph);
            }
        }
    }

    void heading(std::string_view t, std::size_t offset) {
        out_.open(BlockKind::Heading, 2);
        out_.text(t, offset);
        out_.close();
        in_item_ = false;
    }

    // Without any blank line, each line is a paragraph; otherwise lines are joined, unless
    // the text starts a paragraph whose break the line lost.
    void paragraph(std::string_view t, std::size_t offset, bool own = false) {
        if (in_item_ || !out_.is_open() || !blank_lines_ || own) out_.open(BlockKind::Paragraph);
        else out_.space();
        sentences(t, offset);
        in_item_ = false;
    }

    // Text whose glued sentences (`fin.Suite`) get the space they lost; it is in no span.
    void sentences(std::string_view t, std::size_t offset) {
        std::size_t from = 0;
        for (const std::size_t start : parse::glued_sentence_starts(t)) {
            out_.text(t.substr(from, start - from), offset + from);
            out_.space();
            from = start;
        }
        out_.text(t.substr(from), offset + from);
    }

    Document& doc_;
    std::vector<Line> lines_;
    parse::BlockBuilder out_;
    bool blank_lines_ = false;
    bool in_item_ = false;  // the open block is a list item
};

}  // namespace

Document parse_text(std::string source) {
    Document doc;
    doc.format = Format::Text;
    doc.source = std::move(source);
    TextParser(doc).run();
    return doc;
}

}  // namespace plume
