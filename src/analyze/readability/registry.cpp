#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {};
    return list;
}

}  // namespace plume::analysis::readability
