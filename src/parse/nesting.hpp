// How deep a page nests its elements, from a scan of the tags, before gumbo parses it:
// gumbo's time and memory grow with the square of the depth (20 000 unclosed <div>: 20 s
// and 3 GB), so deeper input is refused. Shared by parse_html and plume extract.
#pragma once

#include <string_view>

namespace plume {

// Real articles nest a few dozen levels.
inline constexpr int kMaxNesting = 1000;

// Upper bound of element nesting; comments, scripts and styles hold no tags.
int html_nesting_depth(std::string_view source);

}  // namespace plume
