#include "write/language.hpp"

#include "plume/text.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinWords = 20;      // too short to tell
constexpr std::size_t kMinSharePct = 12;  // the analyser's threshold (src/analyze/stats.cpp)

struct Count {
    std::size_t words = 0;
    std::size_t function = 0;
    void add(std::string_view s) {
        const auto& fr = text::word_list("function_words");
        for (const text::Token& t : text::tokenize(s)) {
            if (t.kind != text::TokenKind::Word) continue;
            ++words;
            function += fr.contains(text::lowercase(t.view(s)));
        }
    }
    bool french() const { return words < kMinWords || function * 100 >= words * kMinSharePct; }
};

}  // namespace

bool looks_french(const Document& doc) {
    Count c;
    for (const Block& b : doc.blocks) c.add(b.text);
    return c.french();
}

bool looks_french(std::string_view text) {
    Count c;
    c.add(text);
    return c.french();
}

}  // namespace plume::write
