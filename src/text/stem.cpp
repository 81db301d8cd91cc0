// Snowball French stemmer (libstemmer).
#include <libstemmer.h>

#include <memory>

#include "plume/text.hpp"

namespace plume::text {

std::string stem(std::string_view word) {
    // sb_stemmer is not thread-safe: one per thread.
    thread_local std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> stemmer(
        sb_stemmer_new("french", "UTF_8"), &sb_stemmer_delete);
    const std::string lower = lowercase(word);
    if (!stemmer) return lower;
    const sb_symbol* out = sb_stemmer_stem(
        stemmer.get(), reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
    if (!out) return lower;
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace plume::text
