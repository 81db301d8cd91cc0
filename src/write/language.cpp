#include "write/language.hpp"

#include "plume/text.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinWords = 20;      // too short to tell
constexpr std::size_t kMinSharePct = 12;  // the analyser's threshold (src/analyze/stats.cpp)

}  // namespace

bool looks_french(const Document& doc) {
    const auto& fr = text::word_list("function_words");
    std::size_t words = 0, function = 0;
    for (const Block& b : doc.blocks)
        for (const text::Token& t : text::tokenize(b.text)) {
            if (t.kind != text::TokenKind::Word) continue;
            ++words;
            function += fr.contains(text::lowercase(t.view(b.text)));
        }
    return words < kMinWords || function * 100 >= words * kMinSharePct;
}

}  // namespace plume::write
