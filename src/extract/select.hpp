// Which part of the page is the article: scores of candidate containers.
#pragma once

#include <gumbo.h>

#include <unordered_map>
#include <vector>

namespace plume::extract {

struct NodeInfo {
    int text = 0;   // bytes of text below, white space excluded, furniture excluded
    int links = 0;  // of which inside links
    double score = -1;  // content score after link density; -1 when no paragraph scored it
    bool dropped = false;
    double link_density() const { return text > 0 ? static_cast<double>(links) / text : 0; }
};

struct Selection {
    std::unordered_map<const GumboNode*, NodeInfo> info;
    std::vector<const GumboNode*> roots;  // the article's containers, in document order
    const GumboNode* top = nullptr;
};

// Scores every container by the paragraphs below it (text length, commas), discounted by
// its link density and weighted by its names, then keeps the best one and those of its
// siblings that score nearly as well (live blogs, articles split in several blocks).
Selection select_article(const GumboNode* document);

}  // namespace plume::extract
