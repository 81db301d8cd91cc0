// Charset detection and conversion with ICU (ucnv, ucsdet).
#include "extract/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "plume/text.hpp"

namespace plume::extract {

namespace {

// The HTML standard's prescan looks at the first 1024 bytes; pages that put scripts first
// push the declaration further, so a little more is read.
constexpr std::size_t kPrescanBytes = 4096;

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c); });
    return out;
}

// The value after "charset=" at `at`, up to a quote, a semicolon, a space or the tag's end.
std::string charset_value(std::string_view s, std::size_t at) {
    std::size_t b = at + 8;
    while (b < s.size() && (s[b] == '"' || s[b] == '\'' || s[b] == ' ')) ++b;
    std::size_t e = b;
    while (e < s.size() && s[e] != '"' && s[e] != '\'' && s[e] != ';' && s[e] != ' ' && s[e] != '>' && s[e] != '/') ++e;
    return std::string(s.substr(b, e - b));
}

// Converts strictly: nullopt when a byte sequence is not valid in `charset`.
std::optional<std::string> convert(std::string_view bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> from(ucnv_open(charset, &status), ucnv_close);
    if (U_FAILURE(status)) return std::nullopt;
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::unique_ptr<UConverter, void (*)(UConverter*)> to(ucnv_open("UTF-8", &status), ucnv_close);
    if (U_FAILURE(status)) return std::nullopt;
    std::string out(bytes.size() * 3 + 16, '\0');
    char* target = out.data();
    const char* source = bytes.data();
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

// ICU's statistical detector, for pages that declare nothing or declare wrongly.
std::string detected_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status), ucsdet_close);
    if (U_FAILURE(status)) return "windows-1252";
    ucsdet_enableInputFilter(det.get(), true);  // markup says nothing of the language
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    const char* name = match ? ucsdet_getName(match, &status) : nullptr;
    return U_SUCCESS(status) && name ? ascii_lower(name) : "windows-1252";
}

bool has_multibyte(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Single-byte charsets decode any byte: a page declared latin-1 whose bytes are valid UTF-8
// with non-ASCII sequences was saved as UTF-8 (random latin-1 text is almost never valid UTF-8).
bool single_byte(const std::string& charset) {
    return charset.starts_with("iso-8859") || charset.starts_with("windows-125") || charset == "latin1" ||
           charset == "us-ascii" || charset == "ascii" || charset.starts_with("cp125");
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = ascii_lower(bytes.substr(0, kPrescanBytes));
    for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
        const std::size_t end = std::min(head.find('>', meta), head.size());
        const std::size_t at = head.find("charset=", meta);
        if (at < end) return charset_value(head, at);
    }
    return {};
}

Decoded to_utf8(std::string_view bytes, std::string_view http_charset) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return {std::string(bytes.substr(3)), "utf-8"};
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const char* cs = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
        if (auto text = convert(bytes.substr(2), cs)) return {std::move(*text), cs};
    }
    std::string declared = http_charset.empty() ? declared_charset(bytes) : text::lowercase(http_charset);
    if (declared == "utf8") declared = "utf-8";
    const bool utf8 = text::is_valid_utf8(bytes);
    if (utf8 && (declared.empty() || declared == "utf-8" || (single_byte(declared) && has_multibyte(bytes))))
        return {std::string(bytes), "utf-8"};
    if (!declared.empty() && declared != "utf-8")
        if (auto text = convert(bytes, declared.c_str())) return {std::move(*text), declared};
    std::string detected = detected_charset(bytes);
    if (auto text = convert(bytes, detected.c_str())) return {std::move(*text), detected};
    // Last resort: windows-1252 maps nearly every byte; the few it leaves become U+FFFD.
    UErrorCode status = U_ZERO_ERROR;
    std::string out(bytes.size() * 3 + 16, '\0');
    const int32_t n = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                   static_cast<int32_t>(bytes.size()), &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
    return {std::move(out), "windows-1252"};
}

}  // namespace plume::extract
