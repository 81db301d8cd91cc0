// French syllables (first cut: vowel groups; to be replaced by the French rules).
#include "plume/text.hpp"

namespace plume::text {

int count_syllables(std::string_view word) {
    const std::string w = strip_accents(lowercase(word));
    int n = 0;
    bool in_vowel = false;
    for (char c : w) {
        const bool v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
        n += v && !in_vowel;
        in_vowel = v;
    }
    return n > 0 ? n : 1;
}

}  // namespace plume::text
