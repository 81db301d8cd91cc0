// Helpers shared by the renderers (see common.hpp).
#include "render/common.hpp"

#include <fmt/format.h>

#include "text/chars.hpp"

namespace plume::render {

void escape_html_into(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if ((s[i] | 0x20) != prefix[i]) return false;
    return true;
}

}  // namespace

std::string http_url(std::string_view url) {
    if (!starts_with_ci(url, "http://") && !starts_with_ci(url, "https://")) return {};
    std::string out;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || std::string_view("<>\"\\^`{|}").find(ch) != std::string_view::npos)
            out += fmt::format("%{:02X}", c);
        else
            out += ch;
    }
    return out;
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
    std::string line;
    line.reserve(s.size());
    for (char c : s) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    // Where the code point that would be the last one shown starts: "…" takes its place.
    std::size_t chars = 0, cut = std::string::npos, last_space = std::string::npos;
    for (std::size_t i = 0; i < line.size(); i = text::chars::decode(line, i).next) {
        if (++chars == max_chars) cut = i;
        if (chars > max_chars) break;
        if (line[i] == ' ' && (cut == std::string::npos || cut == i)) last_space = i;  // cutting at a space is fine
    }
    if (chars <= max_chars) return line;
    // End on a whole word when a space stands in the last fifth of the excerpt.
    if (last_space != std::string::npos && last_space * 5 >= cut * 4) cut = last_space;
    return line.substr(0, cut) + "…";
}

std::string rating_word(Rating r, Lang lang) {
    if (lang == Lang::En) return to_string(r);
    return r == Rating::Good ? "bon" : r == Rating::Ok ? "moyen" : "à améliorer";
}

}  // namespace plume::render
