// The French lexicon: Hunspell's morphological analysis, merged into word classes.
#include "text/lexicon.hpp"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "plume/text.hpp"

namespace plume::text {

namespace {

// Debian's hunspell-fr installs the "classique" dictionary as fr_FR, with morphology.
constexpr const char* kDictionaries[] = {"/usr/share/hunspell/fr_FR", "/usr/share/hunspell/fr"};

// Longer than any French word: a token past it is not looked up (Hunspell's own limit is
// about 100 bytes, and a 5 MB token must not be copied into the cache).
constexpr std::size_t kMaxWordBytes = 64;

class Lexicon {
public:
    Lexicon() {
        for (const char* base : kDictionaries) {
            const std::string aff = std::string(base) + ".aff", dic = std::string(base) + ".dic";
            if (std::filesystem::exists(aff) && std::filesystem::exists(dic)) {
                hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
                break;
            }
        }
    }
    bool available() const { return hunspell_ != nullptr; }

    WordReadings readings(std::string_view word) {
        if (!hunspell_ || word.empty() || word.size() > kMaxWordBytes) return {};
        const std::lock_guard lock(mutex_);
        const std::string key(word);
        if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
        WordReadings r;
        for (const std::string& analysis : hunspell_->analyze(key)) merge(analysis, r);
        return cache_.emplace(key, r).first->second;
    }

private:
    // One analysis: « st:tuer po:v1_it_q_zz po:ipre po:3sg ».
    static void merge(const std::string& analysis, WordReadings& r) {
        const auto has = [&](std::string_view tag) { return analysis.find(tag) != std::string::npos; };
        r.known = true;
        r.grammatical |= has("po:mg");
        r.numeral |= has("po:nb");
        if (has("po:v")) {
            r.finite_verb |= has("po:ipre") || has("po:iimp") || has("po:ipsi") || has("po:ifut") || has("po:cond") ||
                             has("po:spre") || has("po:simp");
            r.imperative |= has("po:impe");
            r.infinitive |= has("po:infi");
            r.participle |= has("po:ppas") || has("po:ppre");
        }
        if (has("po:v")) return;  // « tue », adjective as the participle of « taire », stays a verb
        const bool nominal = has("po:nom") || has("po:adj") || has("po:npr") || has("po:prn") || has("po:patr");
        r.nominal |= nominal;
        r.noun |= has("po:nom") || has("po:npr") || has("po:prn") || has("po:patr");
        r.other |= !nominal;
    }

    std::unique_ptr<Hunspell> hunspell_;
    std::mutex mutex_;
    std::unordered_map<std::string, WordReadings> cache_;
};

Lexicon& lexicon() {
    static Lexicon instance;  // loaded on first use: about 60 ms
    return instance;
}

}  // namespace

WordReadings word_readings(std::string_view word) { return lexicon().readings(word); }

bool lexicon_available() { return lexicon().available(); }

bool conjugated(std::string_view lower, const WordReadings& r) {
    static const auto& auxiliaries = word_list("auxiliary_forms");
    return (r.finite_verb && !r.nominal) || auxiliaries.contains(std::string(lower));
}

bool subject_pronoun(std::string_view lower) {
    return lower == "il" || lower == "elle" || lower == "ils" || lower == "elles" || lower == "on";
}

bool locution_preposition(std::string_view lower) {
    static const std::set<std::string, std::less<>> kPrepositions = {"à", "au", "aux", "dans", "sur", "sous", "en", "par", "vers"};
    return kPrepositions.contains(lower);
}

}  // namespace plume::text
