// The hash of a map keyed by std::string that is looked up by std::string_view, with
// std::equal_to<>: a word as a text writes it is found without being copied.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace plume::text {

struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace plume::text
