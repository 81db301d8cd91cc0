// Shared by the libFuzzer targets: inputs plume refuses with a message (InputError) are
// expected; any other exception, crash, leak or sanitizer report is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plume/plume.hpp"

namespace plume::fuzz {

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// The first byte picks the reader, so one corpus reaches all three.
inline Format format_of(std::string& bytes) {
    if (bytes.empty()) return Format::Text;
    const Format f = bytes[0] % 3 == 0 ? Format::Markdown : bytes[0] % 3 == 1 ? Format::Html : Format::Text;
    bytes.erase(0, 1);
    return f;
}

}  // namespace plume::fuzz
