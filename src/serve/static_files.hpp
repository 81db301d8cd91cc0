// The web editor's files (web/), compiled into the binary by cmake/embed_data.cmake.
#pragma once

#include <optional>
#include <string_view>

namespace plume::serve {

struct StaticFile {
    std::string_view body;
    std::string_view content_type;
};

// The file a decoded request path names: "/" is web/index.html, "/web/NAME" the file NAME of
// web/. Only the embedded names match, so no path ("..", encoded slashes) reaches the disk.
std::optional<StaticFile> static_file(std::string_view path);

}  // namespace plume::serve
