#pragma once

#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis::readability {

// The readability assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

}  // namespace plume::analysis::readability
