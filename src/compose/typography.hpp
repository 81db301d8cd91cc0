// French typography for the article's text: what the `frenchTypography` check expects.
#pragma once

#include <string>
#include <string_view>

namespace plume::write {

// No-break space (U+00A0) before : and inside « », narrow no-break space (U+202F)
// before ; ! ? % and as thousands separator (7 000, not years), typographic
// apostrophe ’, « » for straight double quotes. Idempotent; never changes words.
std::string french_typography(std::string_view text);

}  // namespace plume::write
