// Unicode services from ICU: validation, NFC, case mapping, accent folding.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>

#include "plume/text.hpp"

namespace plume::text {

bool is_valid_utf8(std::string_view s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (U_FAILURE(status) || norm->isNormalized(u, status)) return std::string(s);
    std::string out;
    norm->normalize(u, status).toUTF8String(out);
    return out;
}

std::string lowercase(std::string_view s) {
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    std::string out;
    u.toLower(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

namespace {
// The transliterator is costly to build and not thread-safe to use: one per thread.
icu::Transliterator* accent_stripper() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(tr) : nullptr;
    }();
    return t.get();
}
}  // namespace

std::string strip_accents(std::string_view s) {
    bool ascii = true;
    for (unsigned char c : s) ascii = ascii && c < 0x80;
    if (ascii) return std::string(s);
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (icu::Transliterator* t = accent_stripper()) t->transliterate(u);
    // Ligatures are letters of their own, not accented ones.
    u.findAndReplace(u"œ", u"oe").findAndReplace(u"Œ", u"OE").findAndReplace(u"æ", u"ae").findAndReplace(u"Æ", u"AE");
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

}  // namespace plume::text
