// Title width as a search engine result shows it: Arial, 20px.
#include "analyze/title_width.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace plume::analysis {

namespace {
struct CharWidth {
    char32_t code;
    int advance;  // font units
};
#include "analyze/arial_widths.inc"

constexpr double kFontPx = 20.0;

int advance_of(char32_t c) {
    const auto* it = std::lower_bound(std::begin(kWidths), std::end(kWidths), c,
                                      [](const CharWidth& w, char32_t v) { return w.code < v; });
    if (it != std::end(kWidths) && it->code == c) return it->advance;
    return kUnitsPerEm / 2;  // glyphs outside the table: a typical lowercase width
}
}  // namespace

double title_width_px(std::string_view title) {
    long units = 0;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(title.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(title.data(), i, n, c);
        if (c >= 0) units += advance_of(static_cast<char32_t>(c));
    }
    return static_cast<double>(units) * kFontPx / kUnitsPerEm;
}

}  // namespace plume::analysis
