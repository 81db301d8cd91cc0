#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {french_typography, minimum_word_count, heading_hierarchy,
                                               duplicate_sentences, keyphrase_in_headings};
    return list;
}

}  // namespace plume::analysis::extra
