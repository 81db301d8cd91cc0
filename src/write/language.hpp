// Whether a source is French: the writer only writes French from French.
#pragma once

#include "plume/document.hpp"

namespace plume::write {

// French prose is about one word in three a function word; other languages share few.
bool looks_french(const Document& doc);

}  // namespace plume::write
