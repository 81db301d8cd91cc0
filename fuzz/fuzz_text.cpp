// The text engine: tokens, sentences, words, syllables, case, accents, stems.
#include "fuzz_support.hpp"
#include "plume/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = plume::fuzz::bytes_of(data, size);
    if (!plume::text::is_valid_utf8(bytes)) return 0;  // every reader refuses invalid UTF-8 first
    (void)plume::text::split_sentences(bytes);
    (void)plume::text::count_words(bytes);
    (void)plume::text::nfc(bytes);
    (void)plume::text::strip_accents(plume::text::lowercase(bytes));
    for (const plume::text::Token& t : plume::text::tokenize(bytes))
        if (t.kind == plume::text::TokenKind::Word) {
            (void)plume::text::count_syllables(t.view(bytes));
            (void)plume::text::stem(t.view(bytes));
        }
    return 0;
}
