#include "render/json_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace plume::render {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The escape of an ASCII byte, empty when it is written as it is.
std::string_view escape_of(unsigned char c, char (&buffer)[7]) {
    switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\b': return "\\b";
        case '\f': return "\\f";
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        default: break;
    }
    if (c > 0x1F) return {};
    fmt::format_to(buffer, "\\u{:04x}", c);
    return {buffer, 6};
}

// The length of the valid UTF-8 sequence at s[i] (a lead byte >= 0x80), or 0 with `consumed`
// set to the bytes an invalid one swallows: a byte no sequence starts with, or those before the
// byte that broke the sequence (read again, as nlohmann's decoder does), or all of them when the
// string ends inside it.
std::size_t utf8_length(std::string_view s, std::size_t i, std::size_t& consumed) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range (no overlong, surrogate, > U+10FFFF)
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    if (n == 0) {
        consumed = 1;
        return 0;
    }
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) {
            consumed = k;
            return 0;
        }
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
            consumed = k;
            return 0;
        }
    }
    return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    char buffer[7];
    std::size_t run = 0;  // start of the bytes not yet copied, all written as they are
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const std::string_view escape = escape_of(c, buffer);
            if (!escape.empty()) {
                out.append(s.data() + run, i - run);
                out += escape;
                run = i + 1;
            }
            ++i;
            continue;
        }
        std::size_t consumed = 0;
        if (const std::size_t n = utf8_length(s, i, consumed)) {
            i += n;
            continue;
        }
        out.append(s.data() + run, i - run);
        out += kReplacement;
        i += consumed;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void JsonWriter::separate() {
    if (comma_) out_ += ',';
    comma_ = true;
}

JsonWriter& JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    append_json_string(out_, k);
    out_ += ':';
    comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    append_json_string(out_, s);
    return *this;
}

JsonWriter& JsonWriter::value(long long n) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", n);
    return *this;
}

JsonWriter& JsonWriter::value(std::size_t n) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", n);
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    separate();
    if (!std::isfinite(d)) {
        out_ += "null";
        return *this;
    }
    const std::size_t start = out_.size();
    fmt::format_to(std::back_inserter(out_), "{}", d);
    if (out_.find_first_of(".e", start) == std::string::npos) out_ += ".0";
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

}  // namespace plume::render
