// From runs of text to the article's lead and blocks.
#pragma once

#include <string>
#include <string_view>

#include "extract/blocks.hpp"
#include "plume/extract.hpp"

namespace plume::extract {

// Sets the lead, the blocks, and the author and date the metadata left empty: the title
// repeated as a heading goes, a bold first paragraph is the lead, short bold paragraphs
// are subheadings, "Lire aussi" teasers go.
void compose(Collected collected, std::string_view description, Page& page);

// The article body the page stores in its JSON-LD, when it holds more than the page shows
// (pages that render the text with scripts, paywalled pages).
void use_stored_body(std::string_view body, Page& page);

}  // namespace plume::extract
