// Limits on what plume extract parses.
#include "extract/guard.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parse/nesting.hpp"
#include "plume/parse.hpp"

namespace plume::extract {

namespace {

// NUL bytes in the first 64 KiB: images, archives, executables. Text in UTF-16 has them too,
// but then starts with a byte order mark, which the charset step reads.
bool binary(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
    const std::string_view head = bytes.substr(0, 64 * 1024);
    return std::find(head.begin(), head.end(), '\0') != head.end();
}

}  // namespace

void check_page(std::string_view bytes) {
    if (bytes.size() > kMaxInputBytes)
        throw InputError(fmt::format("page too large (plume reads at most {} MiB)", kMaxInputBytes / (1024 * 1024)));
    if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) throw InputError("empty page, nothing to extract");
    if (binary(bytes)) throw InputError("binary data, not an HTML page");
}

void check_nesting(std::string_view html) {
    if (html_nesting_depth(html) > kMaxNesting)
        throw InputError(fmt::format("HTML nested more than {} elements deep: refused (gumbo's cost grows with "
                                     "the square of the depth)", kMaxNesting));
}

}  // namespace plume::extract
