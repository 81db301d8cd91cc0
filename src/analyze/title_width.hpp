#pragma once

#include <string_view>

namespace plume::analysis {

// Width in pixels of `title` set in Arial 20px, as a search result page shows it.
double title_width_px(std::string_view title);

}  // namespace plume::analysis
