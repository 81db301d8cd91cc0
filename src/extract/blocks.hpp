// The article's blocks in reading order, from the selected containers.
#pragma once

#include <string>
#include <vector>

#include "extract/select.hpp"
#include "plume/extract.hpp"

namespace plume::extract {

struct Run {
    BlockType type = BlockType::Paragraph;
    int level = 0;
    std::string text;
    bool bold = false;  // all its text in <b> or <strong>: a lead or an inline subheading
};

struct Collected {
    std::vector<Run> runs;
    std::string lead;    // an element named as the standfirst
    std::string byline;  // author and date lines, in order
};

// Text runs of the selected containers (furniture, link lists, bylines left out), and the
// standfirst when a named one stands in the article's header just before them.
Collected collect_runs(const Selection& selection);

}  // namespace plume::extract
