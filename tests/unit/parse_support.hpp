// Checks shared by the parser tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "plume/document.hpp"

namespace plume::test {

// Every byte of block text that a span covers stands at its mapped place in the source, and
// every position maps inside the block's source extent.
inline void expect_mapped(const Document& doc) {
    for (const Block& b : doc.blocks) {
        for (const SourceSpan& s : b.spans) {
            ASSERT_LE(s.source_offset + s.length, doc.source.size());
            EXPECT_EQ(doc.source.substr(s.source_offset, s.length), b.text.substr(s.text_offset, s.length))
                << b.text;
        }
        EXPECT_LE(b.source_begin, b.source_end);
        EXPECT_LE(b.source_end, doc.source.size());
        for (std::size_t i = 0; i < b.text.size(); ++i) {
            const std::size_t at = b.source_offset(i);
            EXPECT_GE(at, b.source_begin) << b.text << " @" << i;
            EXPECT_LE(at, b.source_end) << b.text << " @" << i;
        }
    }
}

// Where `needle` (verbatim in the block) maps in the source.
inline std::string mapped(const Document& doc, const Block& b, const std::string& needle) {
    const std::size_t i = b.text.find(needle);
    if (i == std::string::npos) return "<absent>";
    return doc.source.substr(b.source_offset(i), needle.size());
}

}  // namespace plume::test
