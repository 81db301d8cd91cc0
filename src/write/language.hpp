// Whether a source is French: the writer only writes French from French.
#pragma once

#include <string_view>

#include "plume/document.hpp"

namespace plume::write {

// French prose is about one word in three a function word; other languages share few.
bool looks_french(const Document& doc);
// The same for one text (a model's answer).
bool looks_french(std::string_view text);

}  // namespace plume::write
