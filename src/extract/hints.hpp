// What an element's tag, class, id, itemprop and role say about its part in the page.
#pragma once

#include <gumbo.h>

namespace plume::extract {

struct Hint {
    bool drop = false;    // boilerplate: navigation, comments, share buttons, related links, ads…
    bool byline = false;  // author or date line
    bool lead = false;    // the standfirst (chapô)
    int weight = 0;       // +25 for names of content containers, -25 for names of page furniture
};

Hint hint_of(const GumboNode* element);

// Elements never shown as text: scripts, forms, embedded frames, hidden elements.
bool never_text(const GumboNode* element);

}  // namespace plume::extract
