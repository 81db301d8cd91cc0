#include "analyze/seo/seo.hpp"

namespace plume::analysis::seo {

const std::vector<AssessFn>& assessments() {
    static const std::vector<AssessFn> list = {
        introduction_keyword, keyphrase_length,   keyphrase_density,      meta_description_keyword,
        meta_description_length, subheadings_keyword, text_competing_links, image_keyphrase,
        images,               text_length,        external_links,         keyphrase_in_seo_title,
        internal_links,       title_width,        slug_keyword,           function_words_in_keyphrase,
        single_h1};
    return list;
}

}  // namespace plume::analysis::seo
