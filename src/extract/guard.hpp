// Pages plume refuses before parsing them, with a clear reason.
#pragma once

#include <string_view>

namespace plume::extract {

// InputError for an empty page, binary data or a page above kMaxInputBytes.
void check_page(std::string_view bytes);
// InputError for a page (in UTF-8) nested deeper than gumbo parses in bounded time and memory.
void check_nesting(std::string_view html);

}  // namespace plume::extract
