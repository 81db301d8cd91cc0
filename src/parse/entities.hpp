#pragma once

#include <string>
#include <string_view>

namespace plume::parse {

// Decodes one Markdown character reference (`&amp;`, `&#233;`, `&#x2019;`); md4c reports them
// undecoded. Named references beyond the common typographic ones are kept as written.
std::string decode_entity(std::string_view entity);

}  // namespace plume::parse
