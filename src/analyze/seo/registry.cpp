#include "analyze/seo/seo.hpp"

namespace plume::analysis::seo {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {};
    return list;
}

}  // namespace plume::analysis::seo
