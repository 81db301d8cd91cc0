#include "write/text_case.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/keyphrase.hpp"

namespace plume::write {

namespace {

std::string with_first_letter(const std::string& s, UChar32 (*map)(UChar32)) {
    if (s.empty()) return s;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    const UChar32 m = map(c);
    if (c < 0 || m == c) return s;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, m);
    return std::string(buf, static_cast<std::size_t>(n)) + s.substr(static_cast<std::size_t>(i));
}

}  // namespace

std::string capitalise(std::string s) { return with_first_letter(s, u_toupper); }

std::string lower_ordinary_first_word(std::string s) {
    const std::size_t end = s.find_first_of(" \u00a0,");
    const std::string first = s.substr(0, end);
    // An elided article (L’usine) is ordinary too.
    const bool elided = first.size() > 1 && (first.find('\'') != std::string::npos || first.find("\u2019") != std::string::npos);
    if (!elided && !analysis::is_function_word(first)) return s;
    return with_first_letter(s, u_tolower);
}

}  // namespace plume::write
