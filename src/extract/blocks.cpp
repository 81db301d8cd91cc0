// Serialises the selected containers into runs: a run ends at every block element and at
// every <br> (CMS bodies often separate paragraphs with <br><br> only).
#include "extract/blocks.hpp"

#include "extract/dom.hpp"
#include "extract/hints.hpp"

namespace plume::extract {

namespace {

constexpr int kMinLead = 60;        // bytes: a standfirst is a sentence, not a label…
constexpr int kMaxLead = 800;       // …nor the article: a container named "description" is read
constexpr std::size_t kMaxByline = 150;
// How far above the article's container its header may stand (title, standfirst).
constexpr int kHeaderLevels = 3;

// A short line named as author or date; a long one is text that happens to carry the name.
bool add_byline(const std::string& line, Collected& out) {
    if (line.size() > kMaxByline) return false;
    out.byline += (out.byline.empty() ? "" : " | ") + line;
    return true;
}

bool standfirst(const NodeInfo& i) { return i.text >= kMinLead && i.text <= kMaxLead && i.link_density() < 0.3; }

bool is_bold(GumboTag t) { return t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG; }

// Lists, tables and divisions made mostly of links are menus, tag lists and related links;
// a paragraph or heading that is one link is a teaser.
bool link_block(GumboTag t, const NodeInfo& i) {
    if (i.text == 0) return false;
    const double ld = i.link_density();
    if (ld > 0.5 && (is_block(t) || heading_level(t))) return true;
    const bool list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION ||
                      t == GUMBO_TAG_TABLE || t == GUMBO_TAG_DL;
    return list && ld > 0.3 && i.text < 300;
}

class Collector {
public:
    Collector(const Selection& s, Collected& out) : sel_(s), out_(out) {}

    void walk(const GumboNode* root) {
        struct Frame {
            const GumboNode* node;
            unsigned next;
        };
        std::vector<Frame> stack;
        if (enter(root, true)) stack.push_back({root, 0});
        while (!stack.empty()) {
            Frame& f = stack.back();
            const GumboNode* n = f.node;
            if (f.next < children_of(n).length) {
                const GumboNode* c = child(n, f.next++);
                if (is_text(c)) text(c);
                else if (is_element(c) && enter(c, false)) stack.push_back({c, 0});
                continue;
            }
            leave(n);
            stack.pop_back();
        }
        flush();
    }

private:
    const Selection& sel_;
    Collected& out_;
    Run run_;
    int total_ = 0, bold_bytes_ = 0;
    int heading_ = 0, quote_ = 0, item_ = 0, bold_ = 0;

    const NodeInfo* info(const GumboNode* n) const {
        const auto it = sel_.info.find(n);
        return it == sel_.info.end() ? nullptr : &it->second;
    }

    // Whether to descend into `n`; bylines and standfirsts are taken aside.
    bool enter(const GumboNode* n, bool root) {
        const NodeInfo* i = info(n);
        if (!i || i->dropped) return false;
        const GumboTag t = tag_of(n);
        if (!root && link_block(t, *i)) return false;
        const Hint h = hint_of(n);
        if (h.byline && !heading_level(t) && add_byline(text_of(n), out_)) return false;
        if (h.lead && out_.lead.empty() && standfirst(*i)) {
            flush();
            out_.lead = text_of(n);
            return false;
        }
        if (t == GUMBO_TAG_BR || is_block(t)) flush();
        if (const int level = heading_level(t)) heading_ = level;
        quote_ += t == GUMBO_TAG_BLOCKQUOTE;
        item_ += t == GUMBO_TAG_LI;
        bold_ += is_bold(t);
        return true;
    }

    void leave(const GumboNode* n) {
        const GumboTag t = tag_of(n);
        if (is_block(t)) flush();
        if (heading_level(t)) heading_ = 0;
        quote_ -= t == GUMBO_TAG_BLOCKQUOTE;
        item_ -= t == GUMBO_TAG_LI;
        bold_ -= is_bold(t);
    }

    void text(const GumboNode* n) {
        const std::string_view s = n->v.text.text;
        run_.text += s;
        int visible = 0;
        for (char c : s) visible += !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
        total_ += visible;
        if (bold_ > 0 || heading_ > 0) bold_bytes_ += visible;
        if (heading_) run_.type = BlockType::Heading, run_.level = heading_;
        else if (quote_) run_.type = BlockType::Quote;
        else if (item_) run_.type = BlockType::ListItem;
    }

    void flush() {
        run_.text = fold_space(run_.text);
        run_.bold = total_ > 0 && bold_bytes_ * 10 >= total_ * 9;
        if (!run_.text.empty()) out_.runs.push_back(std::move(run_));
        run_ = Run{};
        total_ = bold_bytes_ = 0;
    }
};

// The element above `top` that holds the article's header: at most kHeaderLevels up,
// and not beyond <article>, <main> or <body>.
const GumboNode* header_scope(const GumboNode* top) {
    const GumboNode* scope = top;
    for (int i = 0; i < kHeaderLevels && is_element(scope->parent); ++i) {
        const GumboTag t = tag_of(scope);
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BODY) break;
        scope = scope->parent;
    }
    return scope;
}

// The article's header, before the first selected container: a named standfirst and the
// byline (author, date) stand there on most themes.
void scan_header(const Selection& s, Collected& out) {
    const GumboNode* scope = header_scope(s.top);
    if (scope == s.top) return;  // the container is the whole article: the walk reads its header
    preorder(scope, [&](const GumboNode* n) {
        if (n == s.roots.front()) return Walk::Stop;
        const auto it = s.info.find(n);
        if (!is_element(n) || it == s.info.end() || it->second.dropped || tag_of(n) == GUMBO_TAG_A) return Walk::Over;
        const NodeInfo& i = it->second;
        const Hint h = hint_of(n);
        if (h.lead && out.lead.empty() && standfirst(i)) {
            out.lead = text_of(n);
            return Walk::Over;
        }
        if (h.byline && !heading_level(tag_of(n)) && add_byline(text_of(n), out)) return Walk::Over;
        return Walk::Into;
    });
}

}  // namespace

Collected collect_runs(const Selection& selection) {
    Collected out;
    if (selection.roots.empty()) return out;
    scan_header(selection, out);
    Collector collector(selection, out);
    for (const GumboNode* root : selection.roots) collector.walk(root);
    return out;
}

}  // namespace plume::extract
