// Reading input: bytes to a validated Document, whatever the format.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "plume/document.hpp"

namespace plume {

// Inputs above this size are refused: an article is a few hundred kilobytes at most,
// and refusing keeps memory bounded (documented in docs/analysis.md).
inline constexpr std::size_t kMaxInputBytes = 10u * 1024u * 1024u;

// A clear, user-facing reason why an input cannot be analysed.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Checks the bytes (empty, binary, invalid UTF-8, too large: InputError), normalises
// them (BOM, CRLF, NFC) and parses them. `name` is used in messages and, with
// Format::Auto, to pick the format from the extension or the content.
Document parse_document(std::string bytes, Format format, std::string_view name = "-");

// The bytes of a file (or standard input for "-"); InputError when unreadable or larger
// than kMaxInputBytes (read no further than that).
std::string read_input(const std::string& path);

// Reads a file (or standard input for "-") and parses it; InputError when unreadable.
Document read_document(const std::string& path, Format format);

Document parse_markdown(std::string source);
Document parse_html(std::string source);
Document parse_text(std::string source);

Format detect_format(std::string_view name, std::string_view bytes);

}  // namespace plume
