// Unicode services from ICU: validation, NFC, case mapping, accent folding.
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "plume/text.hpp"

namespace plume::text {

namespace {
// The eight bytes at `p` are ASCII.
bool ascii8(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return (v & 0x8080808080808080ull) == 0;
}
}  // namespace

bool is_valid_utf8(std::string_view s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        if (n - i >= 8 && ascii8(s.data() + i)) {  // runs of ASCII, most of a French text
            i += 8;
            continue;
        }
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
    // The UTF-8 functions spare converting the whole text to UTF-16 and back.
    const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    if (U_FAILURE(status) || norm->isNormalizedUTF8(piece, status)) return std::string(s);
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
    norm->normalizeUTF8(0, piece, sink, nullptr, status);
    return out;
}

namespace {

// Lowercases ASCII and the Latin-1 and Œ/Ÿ capitals of French in place, leaving punctuation and
// symbols untouched; false when the text holds a character only ICU knows how to map.
bool lowercase_french_fast(std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') s[i] = static_cast<char>(c + 32);
            continue;
        }
        if (i + 1 >= s.size()) return false;
        auto& next = reinterpret_cast<unsigned char&>(s[i + 1]);
        if (c == 0xC2) {                                     // U+0080-00BF: no capitals
        } else if (c == 0xC3) {                              // U+00C0-00FF
            if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
        } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
            next = 0x93;
        } else if (c == 0xE2 && i + 2 < s.size() && (next == 0x80 || next == 0x81 || next == 0x82)) {
            ++i;                                             // punctuation and currency signs
        } else {
            return false;
        }
        ++i;
    }
    return true;
}

}  // namespace

std::string lowercase(std::string_view s) {
    std::string fast(s);
    if (lowercase_french_fast(fast)) return fast;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    std::string out;
    u.toLower(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

namespace {
// strip_accents beyond the letters of French: NFD, nonspacing marks dropped, ligatures spelt
// out (letters of their own, not accented ones), NFC. In one pass: ICU's transliterator
// "NFD; [:Nonspacing Mark:] Remove; NFC" and findAndReplace move the rest of the text at each
// change, minutes on a source of a million marks.
std::string strip_accents_icu(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length(); i += U16_LENGTH(decomposed.char32At(i))) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == U'œ' || c == U'Œ' || c == U'æ' || c == U'Æ')
            kept.append(c == U'œ' ? u"oe" : c == U'Œ' ? u"OE" : c == U'æ' ? u"ae" : u"AE");
        else
            kept.append(c);
    }
    std::string out;
    nfc->normalize(kept, status).toUTF8String(out);
    return U_SUCCESS(status) ? out : std::string(s);
}
}  // namespace

// The accented letters of French (and their ligatures) folded without ICU: the transliterator
// costs microseconds a word, and a French text is full of é and ’.
static bool fold_french(std::string_view s, std::string& out) {
    static const std::unordered_map<UChar32, std::string_view> kFold = {
        {U'à', "a"}, {U'â', "a"}, {U'ä', "a"}, {U'á', "a"}, {U'é', "e"}, {U'è', "e"}, {U'ê', "e"}, {U'ë', "e"},
        {U'î', "i"}, {U'ï', "i"}, {U'í', "i"}, {U'ô', "o"}, {U'ö', "o"}, {U'ó', "o"}, {U'ù', "u"}, {U'û', "u"},
        {U'ü', "u"}, {U'ú', "u"}, {U'ç', "c"}, {U'ÿ', "y"}, {U'ñ', "n"}, {U'œ', "oe"}, {U'æ', "ae"},
        {U'À', "A"}, {U'Â', "A"}, {U'Ä', "A"}, {U'Á', "A"}, {U'É', "E"}, {U'È', "E"}, {U'Ê', "E"}, {U'Ë', "E"},
        {U'Î', "I"}, {U'Ï', "I"}, {U'Í', "I"}, {U'Ô', "O"}, {U'Ö', "O"}, {U'Ó', "O"}, {U'Ù', "U"}, {U'Û', "U"},
        {U'Ü', "U"}, {U'Ú', "U"}, {U'Ç', "C"}, {U'Ÿ', "Y"}, {U'Ñ', "N"}, {U'Œ', "OE"}, {U'Æ', "AE"}};
    out.reserve(s.size());
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0x80 && c >= 0) {
            out += static_cast<char>(c);
        } else if (auto it = kFold.find(c); it != kFold.end()) {
            out += it->second;
        } else if (c >= 0 && !u_isalpha(c) && u_getCombiningClass(c) == 0) {
            out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));  // ’ « » spaces
        } else {
            return false;  // another script or a combining mark: ICU knows
        }
    }
    return true;
}

std::string strip_accents(std::string_view s) {
    bool ascii = true;
    for (unsigned char c : s) ascii = ascii && c < 0x80;
    if (ascii) return std::string(s);
    if (std::string folded; fold_french(s, folded)) return folded;
    return strip_accents_icu(s);
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

}  // namespace plume::text
