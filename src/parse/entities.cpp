#include "parse/entities.hpp"

#include <unicode/utf8.h>

#include <array>
#include <charconv>
#include <utility>

namespace plume::parse {

namespace {

std::string utf8(char32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
    (void)error;  // 4 bytes always hold one code point
    return std::string(buf, static_cast<std::size_t>(n));
}

constexpr std::array<std::pair<std::string_view, char32_t>, 22> kNamed = {{
    {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''},
    {"nbsp", U'\u00A0'}, {"laquo", U'«'}, {"raquo", U'»'}, {"rsquo", U'’'}, {"lsquo", U'‘'},
    {"ldquo", U'“'}, {"rdquo", U'”'}, {"hellip", U'…'}, {"mdash", U'—'}, {"ndash", U'–'},
    {"eacute", U'é'}, {"egrave", U'è'}, {"agrave", U'à'}, {"ccedil", U'ç'}, {"euro", U'€'},
    {"oelig", U'œ'}, {"thinsp", U'\u2009'},
}};

}  // namespace

std::string decode_entity(std::string_view e) {
    if (e.size() < 3 || e.front() != '&' || e.back() != ';') return std::string(e);
    std::string_view body = e.substr(1, e.size() - 2);
    if (body.front() == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::string_view digits = body.substr(hex ? 2 : 1);
        unsigned long code = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
        if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::string(e);
        return utf8(static_cast<char32_t>(code > 0x10FFFF ? 0xFFFD : code));
    }
    for (const auto& [name, c] : kNamed)
        if (name == body) return utf8(c);
    return std::string(e);
}

}  // namespace plume::parse
