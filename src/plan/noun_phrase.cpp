#include "plan/noun_phrase.hpp"

#include <string_view>

#include "plume/text.hpp"
#include "text/lexicon.hpp"

namespace plume::write {

namespace {

const std::set<std::string, std::less<>> kPhraseWords = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "à", "au", "aux", "en", "et",
    "pour", "sur", "avec", "entre", "par", "dans", "sans", "contre", "son", "sa", "ses", "leur",
    "leurs", "ce", "cette", "ces", "vers"};
const std::set<std::string, std::less<>> kDeterminers = {
    "le", "la", "les", "l'", "un", "une", "des", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs"};

}  // namespace

bool noun_phrase_word(const std::string& lower) { return kPhraseWords.contains(lower); }

bool determiner(const std::string& lower) { return kDeterminers.contains(lower); }

bool title_before_name(std::string_view lower) {
    static const std::set<std::string, std::less<>> kTitles = {"m", "mm", "mme", "mmes", "mlle", "me", "dr", "pr"};
    return kTitles.contains(lower);
}

bool verb_like(const std::string& lower) {
    static constexpr std::string_view kEndings[] = {"ait", "aient", "ront", "èrent", "era", "ira", "dra"};
    for (std::string_view e : kEndings)
        if (lower.size() > e.size() + 2 && lower.ends_with(e)) return true;
    static const auto& verbs = text::word_list("common_verbs");
    return verbs.contains(lower) || text::word_readings(lower).only_finite_verb();
}

}  // namespace plume::write
