// A JSON Schema turned into a GBNF grammar, so the embedded llama.cpp can only write answers
// that follow it. Only simple schemas are translated (objects with listed properties, strings,
// numbers, booleans, enums, arrays); for any other the caller validates the answer afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plume::llm {

// The grammar (start symbol "root"), or nullopt when the schema is not JSON or uses what the
// translation does not cover ($ref, anyOf, pattern, free-form objects...). Every property is
// written, in the schema's order, optional or not; whitespace is at most one space, so a
// schema whose strings have a maxLength and arrays a maxItems bounds the answer's length.
std::optional<std::string> json_schema_to_gbnf(std::string_view schema);

}  // namespace plume::llm
