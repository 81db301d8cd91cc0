#pragma once

#include <string>
#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis {

Stats compute_stats(const Context& ctx);

// Warnings about the input as a whole, e.g. text that does not look French.
std::vector<std::string> language_warnings(const Context& ctx);

}  // namespace plume::analysis
