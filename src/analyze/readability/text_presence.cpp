// textPresence: a text of fewer than 50 characters cannot be analysed.
#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kMinimumChars = 50;

// Length in UTF-16 code units, as JavaScript counts it (the text is valid UTF-8): one per
// lead byte, two for the four-byte sequences beyond the BMP.
std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        n += (c & 0xC0) == 0x80 ? 0 : c >= 0xF0 ? 2 : 1;
    }
    return n;
}

}  // namespace

std::optional<Assessment> text_presence(const Context& ctx) {
    // Enough text: Yoast's result has neither score nor text and is not reported.
    std::size_t chars = 0;
    for (const Block& b : ctx.doc.blocks) {
        chars += (chars > 0 ? 1 : 0) + utf16_length(b.text);  // blocks joined by a space
        if (chars >= kMinimumChars) return std::nullopt;
    }
    return result("textPresence", 3,
                  ctx.say("Pas assez de contenu : ajoutez du texte pour permettre une analyse pertinente.",
                          "Not enough content: please add some content to enable a good analysis."));
}

}  // namespace plume::analysis::readability
