// The encoding of a page and its conversion to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace plume::extract {

struct Decoded {
    std::string text;     // UTF-8
    std::string charset;  // the encoding it was read in
};

// BOM, then the HTTP header's charset (`http_charset`; none for a file), then the <meta>
// declaration, then ICU's detector when there is none or when the declared charset does not
// decode the bytes cleanly.
Decoded to_utf8(std::string_view bytes, std::string_view http_charset = {});

// The charset a <meta charset> or <meta http-equiv content="…; charset=…"> declares in the
// first bytes of the page, lowercased; empty when none.
std::string declared_charset(std::string_view bytes);

}  // namespace plume::extract
