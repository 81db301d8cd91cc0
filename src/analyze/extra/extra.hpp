#pragma once

#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis::extra {

// The extra assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

}  // namespace plume::analysis::extra
