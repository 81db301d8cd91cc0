// Candidate scoring, after the method of Mozilla Readability (grabArticle): each paragraph
// of 25 characters or more scores 1 + its commas + one point per 100 characters (at most 3);
// its container gains the score, the next ancestor half of it, further ones a third per
// level; link density discounts a container, class and id names weigh ±25. Unlike
// Readability, plume scores the text runs a container holds directly (text broken by <br>)
// without rewriting the tree, in one pass that also measures text and link lengths.
#include "extract/select.hpp"

#include <algorithm>

#include "extract/dom.hpp"
#include "extract/hints.hpp"

namespace plume::extract {

namespace {

constexpr int kMinParagraph = 25;
constexpr int kAncestorLevels = 5;

struct Frame {
    const GumboNode* node;
    unsigned next = 0;
    int block_frame;        // index of the nearest block ancestor's frame (itself when a block)
    int text = 0, links = 0;
    int own = 0, commas = 0;  // text directly in this block, outside child blocks
    bool inner_blocks = false;  // a block with none is a paragraph, whatever its tag
    double raw = 0;
    bool scored = false;
};

// Paragraph elements give their score to their parent; other blocks hold their runs themselves.
bool paragraph_like(GumboTag t) {
    return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE || heading_level(t) > 0 ||
           t == GUMBO_TAG_LI || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD;
}

double tag_weight(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
        case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_LI: case GUMBO_TAG_ADDRESS: return -3;
        case GUMBO_TAG_TH: return -5;
        default: return heading_level(t) ? -5 : 0;
    }
}

int visible_bytes(std::string_view s, int& commas) {
    int n = 0;
    for (char c : s) {
        n += !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
        commas += c == ',';
    }
    return n;
}

class Scorer {
public:
    explicit Scorer(Selection& s) : sel_(s) {}

    void run(const GumboNode* document) {
        stack_.push_back({document, 0, 0});
        while (!stack_.empty()) {
            Frame& f = stack_.back();
            const GumboVector& c = children_of(f.node);
            if (f.next < c.length) {
                visit(child(f.node, f.next++));
                continue;
            }
            leave();
        }
    }

private:
    Selection& sel_;
    std::vector<Frame> stack_;
    int link_depth_ = 0;
    int article_depth_ = 0;  // inside <article> or <main>: a <header> there is the article's

    void visit(const GumboNode* n) {
        if (is_text(n)) {
            int commas = 0;
            const int len = visible_bytes(n->v.text.text, commas);
            Frame& f = stack_.back();
            f.text += len;
            if (link_depth_ > 0) f.links += len;
            Frame& block = stack_[stack_.back().block_frame];
            block.own += len, block.commas += commas;
            return;
        }
        if (!is_element(n)) return;
        const Hint h = hint_of(n);
        const GumboTag t = tag_of(n);
        if (never_text(n) || h.drop || (t == GUMBO_TAG_HEADER && article_depth_ == 0)) {
            sel_.info[n].dropped = true;
            return;
        }
        if (t == GUMBO_TAG_A) ++link_depth_;
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) ++article_depth_;
        if (is_block(t)) stack_[stack_.back().block_frame].inner_blocks = true;
        const int block = is_block(t) ? static_cast<int>(stack_.size()) : stack_.back().block_frame;
        stack_.push_back({n, 0, block});
    }

    void leave() {
        Frame f = stack_.back();
        stack_.pop_back();
        if (stack_.empty()) return;
        const GumboTag t = tag_of(f.node);
        if (t == GUMBO_TAG_A) --link_depth_;
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) --article_depth_;
        if (f.block_frame == static_cast<int>(stack_.size()) && f.own >= kMinParagraph) score_run(f, t);
        Frame& parent = stack_.back();
        parent.text += f.text, parent.links += f.links;
        NodeInfo& info = sel_.info[f.node];
        info.text = f.text, info.links = f.links;
        if (f.scored) {
            info.score = (f.raw + tag_weight(t) + hint_of(f.node).weight) * (1 - info.link_density());
            if (!sel_.top || info.score > sel_.info[sel_.top].score) sel_.top = f.node;
        }
    }

    // The run of `f` (already popped) scores its container and the ancestors above it.
    void score_run(Frame& f, GumboTag t) {
        const double s = 1 + f.commas + std::min(f.own / 100, 3);
        int level = 0;
        // A <div> of text alone scores its parent, as a <p> does (Readability rewrites it as one).
        if (!paragraph_like(t) && f.inner_blocks) add(f, s, level++);
        for (std::size_t i = stack_.size(); i > 0 && level < kAncestorLevels; --i) {
            Frame& a = stack_[i - 1];
            if (!is_element(a.node) || tag_of(a.node) == GUMBO_TAG_HTML) break;
            add(a, s, level++);
        }
    }

    static void add(Frame& a, double s, int level) {
        a.raw += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        a.scored = true;
    }
};

// Siblings of the top candidate that belong to the article: scored nearly as well, or
// paragraphs of plain text (Readability's sibling rule).
bool belongs(const Selection& s, const GumboNode* sibling, double threshold) {
    const auto it = s.info.find(sibling);
    if (it == s.info.end() || it->second.dropped) return false;
    const NodeInfo& i = it->second;
    if (i.score >= threshold) return true;
    if (tag_of(sibling) != GUMBO_TAG_P) return false;
    return (i.text > 80 && i.link_density() < 0.25) || (i.text > 0 && i.links == 0 && text_of(sibling).ends_with('.'));
}

}  // namespace

Selection select_article(const GumboNode* document) {
    Selection s;
    Scorer(s).run(document);
    if (!s.top) return s;
    const GumboNode* parent = s.top->parent;
    if (!parent || !is_element(parent)) {
        s.roots.push_back(s.top);
        return s;
    }
    const double threshold = std::max(10.0, s.info[s.top].score * 0.2);
    for (unsigned i = 0; i < parent->v.element.children.length; ++i) {
        const GumboNode* c = child(parent, i);
        if (c == s.top || (is_element(c) && belongs(s, c, threshold))) s.roots.push_back(c);
    }
    return s;
}

}  // namespace plume::extract
