#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {};
    return list;
}

}  // namespace plume::analysis::extra
