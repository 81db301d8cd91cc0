// Small helpers over gumbo's tree.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

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
