// passiveVoice: share of sentences with a periphrastic passive, « être » followed by a past
// participle in the same clause. As yoastseo does for French, a sentence is cut into clauses at
// commas, at conjunctions and relative pronouns (data/fr/clause_breakers.txt) and at each
// « être »; a clause opened by « être » is passive when it holds a participle that is not an
// adjective, a noun or a verb conjugated with « être » (data/fr/participle_exceptions.txt), not
// right after a determiner or preposition (participle_precedents.txt) and with no other verb
// in between (passive_interrupters.txt).
#include <algorithm>
#include <array>

#include "analyze/readability/readability.hpp"
#include "analyze/word_index.hpp"

namespace plume::analysis::readability {

namespace {

constexpr double kOk = kPassiveOk;
constexpr double kBad = 15;

// The lists, read once: a sentence asks them about every word.
struct Lists {
    WordIndex auxiliaries{"passive_auxiliaries"};
    WordIndex breakers{"clause_breakers"};
    WordIndex irregular{"irregular_participles"};
    WordIndex exceptions{"participle_exceptions"};
    WordIndex precedents{"participle_precedents"};
    WordIndex interrupters{"passive_interrupters"};
};

const Lists& lists() {
    static const Lists l;
    return l;
}

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view word) {
    return std::find(set.begin(), set.end(), word) != set.end();
}

// A verb form without its elided negation, subject or « que » (n'est -> est, qu'a -> a) and
// without an inverted subject (sera-t-il -> sera). Empty for other elisions: « c'est » is
// presentative and « s'est » pronominal, neither is a passive.
std::string_view verb_core(std::string_view w) {
    static constexpr std::array<std::string_view, 4> kKept = {"n", "j", "qu", "d"};
    static constexpr std::array<std::string_view, 13> kSubjects = {
        "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "t-il", "t-elle", "t-on"};
    if (std::none_of(w.begin(), w.end(), [](char c) { return c == '\'' || c == '-'; })) return w;  // most words
    if (const auto apostrophe = w.find('\''); apostrophe != std::string_view::npos) {
        if (!one_of(kKept, w.substr(0, apostrophe))) return {};
        w.remove_prefix(apostrophe + 1);
    }
    if (const auto hyphen = w.find('-'); hyphen != std::string_view::npos && one_of(kSubjects, w.substr(hyphen + 1)))
        w = w.substr(0, hyphen);
    return w;
}

// What the clause scan asks of every word: asked once per distinct word of a text.
struct Traits {
    bool auxiliary = false;  // « être », once elisions and an inverted subject are off
    bool breaker = false;    // a comma, a conjunction or a relative pronoun
};

Traits traits_of(std::string_view w) {
    const Lists& l = lists();
    const auto apostrophe = w.find('\'');  // qu'il, lorsqu'elle: the elided conjunction
    const bool elided_breaker =
        apostrophe != std::string_view::npos && l.breakers.contains(std::string(w.substr(0, apostrophe)) + "e");
    return {l.auxiliaries.contains(verb_core(w)), w == "," || l.breakers.contains(w) || elided_breaker};
}

// A sentence's words and commas, with their traits; kept from sentence to sentence with its
// room for clause breakers, so that the scan allocates nothing.
struct Words {
    std::vector<std::string_view> text;
    std::vector<Traits> traits;
    std::vector<std::size_t> breakers;
};

// « être » that is not part of a pronominal verb (« ils se sont vus », « nous nous sommes
// rencontrés » are active).
bool is_auxiliary(const Words& w, std::size_t i) {
    static constexpr std::array<std::string_view, 6> kReflexive = {"se", "me", "te", "s'y", "m'y", "t'y"};
    if (!w.traits[i].auxiliary) return false;
    if (i > 0 && one_of(kReflexive, w.text[i - 1])) return false;
    return !(i > 1 && w.text[i - 1] == w.text[i - 2] && (w.text[i - 1] == "nous" || w.text[i - 1] == "vous"));
}

bool is_breaker(const Words& w, std::size_t i) { return w.traits[i].breaker || is_auxiliary(w, i); }

// The word itself or without a feminine or plural ending, as participles agree.
bool listed_with_agreement(const WordIndex& list, std::string_view word) {
    if (list.contains(word)) return true;
    for (std::string_view ending : {"es", "e", "s"})
        if (word.size() > ending.size() && word.ends_with(ending) && list.contains(word.substr(0, word.size() - ending.size())))
            return true;
    return false;
}

bool looks_like_participle(std::string_view word) {
    if (word.find('\'') != std::string_view::npos) return false;  // l'été, d'accord: elided nouns
    for (std::string_view ending : {"é", "ée", "és", "ées"})
        if (word.size() > ending.size() && word.ends_with(ending)) return true;
    return listed_with_agreement(lists().irregular, word);
}

bool is_passive_participle(const Words& w, std::size_t aux, std::size_t at) {
    if (!looks_like_participle(w.text[at]) || listed_with_agreement(lists().exceptions, w.text[at])) return false;
    if (lists().precedents.contains(w.text[at - 1])) return false;  // « est un député »
    for (std::size_t k = aux + 1; k < at; ++k)
        if (lists().interrupters.contains(verb_core(w.text[k]))) return false;  // « est-ce qu'il a signé »
    return true;
}

bool passive_in(Words& w) {
    static constexpr std::array<std::string_view, 6> kNotBeforeParticiple = {"le", "la", "les", "une", "l'un", "l'une"};
    const std::size_t n = w.text.size();
    std::vector<std::size_t>& breakers = w.breakers;
    breakers.clear();
    for (std::size_t i = 0; i < n; ++i)
        if (is_breaker(w, i)) breakers.push_back(i);
    for (std::size_t b = 0; b < breakers.size(); ++b) {
        const std::size_t aux = breakers[b];
        const std::size_t end = b + 1 < breakers.size() ? breakers[b + 1] : n;
        if (!is_auxiliary(w, aux)) continue;
        if (aux + 1 < n && one_of(kNotBeforeParticiple, w.text[aux + 1])) continue;  // « est la preuve »
        for (std::size_t k = aux + 1; k < end; ++k)
            if (is_passive_participle(w, aux, k)) return true;
    }
    return false;
}

}  // namespace

bool is_passive(std::string_view sentence) {
    const std::vector<std::string> words = words_of(sentence, text::tokenize(sentence), 0, sentence.size(), true);
    Words w;
    for (const std::string& word : words) {
        w.text.push_back(word);
        w.traits.push_back(traits_of(word));
    }
    return passive_in(w);
}

std::optional<Assessment> passive_voice(const Context& ctx) {
    std::vector<Traits> by_word(ctx.vocabulary.size());
    for (std::size_t id = 0; id < by_word.size(); ++id) by_word[id] = traits_of(ctx.vocabulary.word(id));
    std::size_t total = 0;
    std::vector<const Sentence*> passives;
    Words w;
    for (const Sentence& s : ctx.sentences) {
        if (!analysed(ctx.doc.blocks[s.block])) continue;
        ++total;
        w.text.clear();
        w.traits.clear();
        for (const std::size_t id : words_and_commas(ctx, s)) {
            w.text.push_back(ctx.vocabulary.word(id));
            w.traits.push_back(by_word[id]);
        }
        if (passive_in(w)) passives.push_back(&s);
    }
    const double pct = percentage(passives.size(), total);
    if (pct <= kOk)
        return result("passiveVoice", 9,
                      ctx.say("Voix passive : vous n’en abusez pas. Parfait !",
                              "Passive voice: you are not using too much passive voice. That's great!"),
                      marks_of(ctx, passives));
    return result("passiveVoice", pct <= kBad ? 6 : 3,
                  ctx.say("Voix passive : {} des phrases sont à la voix passive, au-delà du maximum recommandé de {}. "
                          "Préférez la voix active.",
                          "Passive voice: {} of the sentences contain passive voice, which is more than the "
                          "recommended maximum of {}. Try to use their active counterparts.",
                          format_percent(ctx, pct), format_percent(ctx, kOk)),
                  marks_of(ctx, passives));
}

}  // namespace plume::analysis::readability
