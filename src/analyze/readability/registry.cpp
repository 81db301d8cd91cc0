#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {subheading_distribution, paragraph_length, sentence_length,
                                               transition_words,        passive_voice,    text_presence,
                                               sentence_beginnings};
    return list;
}

}  // namespace plume::analysis::readability
