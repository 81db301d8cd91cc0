#pragma once

#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis::seo {

// The seo assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

}  // namespace plume::analysis::seo
