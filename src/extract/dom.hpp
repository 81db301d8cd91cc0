// Small helpers over gumbo's tree.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace plume::extract {

inline bool is_element(const GumboNode* n) { return n && n->type == GUMBO_NODE_ELEMENT; }
inline bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}
inline GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }
inline const GumboVector& children_of(const GumboNode* n) {
    return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}
inline const GumboNode* child(const GumboNode* n, unsigned i) {
    return static_cast<const GumboNode*>(children_of(n).data[i]);
}

enum class Walk { Into, Over, Stop };

// Visits `root` and the nodes below it in document order without recursion (hostile pages
// nest deep); `visit` says whether to go below the node, past it, or to stop.
template <class Visit>
void preorder(const GumboNode* root, Visit visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        const Walk w = visit(n);
        if (w == Walk::Stop) return;
        if (w == Walk::Over || (n->type != GUMBO_NODE_DOCUMENT && !is_element(n))) continue;
        for (unsigned i = children_of(n).length; i > 0; --i) stack.push_back(child(n, i - 1));
    }
}

// The attribute's value, "" when absent.
const char* attr(const GumboNode* n, const char* name);
// The tag name as written, lowercased (custom elements such as <amp-ad> are UNKNOWN to gumbo).
std::string tag_name(const GumboNode* n);
// All text below `n`, white space folded to single spaces and trimmed.
std::string text_of(const GumboNode* n);
// `s` with runs of white space (including no-break spaces) folded to one space, trimmed.
std::string fold_space(std::string_view s);
bool iequals(std::string_view a, std::string_view b);

int heading_level(GumboTag t);
// Elements that start a new block of text (everything else flows inline).
bool is_block(GumboTag t);

}  // namespace plume::extract
