#include "serve/static_files.hpp"

#include <string>
#include <utility>

namespace plume::web {
extern const std::pair<std::string_view, std::string_view> kFiles[];
extern const unsigned kFileCount;
}  // namespace plume::web

namespace plume::serve {
namespace {

// With nosniff on, a browser runs a script or applies a style sheet only under its own type.
std::string_view content_type_of(std::string_view name) {
    const auto ends_with = [&](std::string_view ext) { return name.ends_with(ext); };
    if (ends_with(".html")) return "text/html; charset=utf-8";
    if (ends_with(".css")) return "text/css; charset=utf-8";
    if (ends_with(".js")) return "text/javascript; charset=utf-8";
    if (ends_with(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

}  // namespace

std::optional<StaticFile> static_file(std::string_view path) {
    constexpr std::string_view prefix = "/web/";
    std::string_view name;
    if (path == "/") name = "index.html";
    else if (path.starts_with(prefix)) name = path.substr(prefix.size());
    else return std::nullopt;
    for (unsigned i = 0; i < web::kFileCount; ++i)
        if (web::kFiles[i].first == name) return StaticFile{web::kFiles[i].second, content_type_of(name)};
    return std::nullopt;
}

}  // namespace plume::serve
