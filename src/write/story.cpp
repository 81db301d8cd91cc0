#include "write/story.hpp"

#include <cctype>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "plume/text.hpp"
#include "text/lexicon.hpp"
#include "text/quote_role.hpp"
#include "text/view_hash.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

// "7 000" and "7000", "3,5" and "3.5" are the same figure in two sources.
std::string number_key(std::string_view n) {
    std::string key;
    for (char c : n)
        if (c >= '0' && c <= '9') key += c;
        else if (c == ',' || c == '.') key += '.';
    return key;
}

}  // namespace

// A story repeats its words: each is lowercased, looked up and stemmed once per thread.
const std::string& content_stem(std::string_view written) {
    // A source of 10 MiB of distinct words stays bounded.
    constexpr std::size_t kMaxCached = 1 << 20;
    thread_local std::unordered_map<std::string, std::string, text::ViewHash, std::equal_to<>> cache;
    if (const auto it = cache.find(written); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCached) cache.clear();
    const std::string word = text::lowercase(written);
    const bool content = word.size() >= 2 && !text::word_list("function_words").contains(word);
    return cache.emplace(std::string(written), content ? folded_stem(word) : std::string()).first->second;
}

namespace {

std::vector<std::string> stems_of(std::string_view text, const std::vector<text::Token>& tokens) {
    std::vector<std::string> stems;
    for (const text::Token& t : tokens) {
        if (t.kind == text::TokenKind::Number) {
            stems.push_back(number_key(t.view(text)));
            continue;
        }
        if (t.kind != text::TokenKind::Word) continue;
        if (const std::string& stem = content_stem(text.substr(t.base, t.end - t.base)); !stem.empty()) stems.push_back(stem);
    }
    return stems;
}

std::string key_of(std::string_view text, const std::vector<text::Token>& tokens) {
    std::string key;
    for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        if (!key.empty()) key += ' ';
        key += unified_word(text::lowercase(t.view(text)));
    }
    return key;
}


// "il faut", "il y a", "il est temps": the impersonal "il" names no one. `after` is what
// follows "il ", lowercased. « Il s'agit là » points back with « là » at what the sentence
// before told.
bool impersonal(std::string_view after) {
    static constexpr std::string_view kVerbs[] = {"faut", "y ", "est ", "reste", "s'agit", "s’agit", "semble", "suffit"};
    if (after.starts_with("s'agit là") || after.starts_with("s’agit là")) return false;
    return std::any_of(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view w) { return after.starts_with(w); });
}

// A sentence opening on « Il est » and a participle tells a person's past or what was done
// to them (« Il est repassé de 80 agents à 200 », « Il est accusé de… »), but for the few
// participles that also open an impersonal turn (« Il est prévu que… »). After an opening
// phrase the impersonal reading is as common (« À Béziers, il est tombé 300 litres… »).
bool personal_participle(std::string_view after) {
    static const std::set<std::string, std::less<>> kImpersonal = {"prévu",   "interdit", "permis",  "recommandé", "déconseillé",
                                                                   "conseillé", "demandé", "convenu", "entendu",    "admis",
                                                                   "établi",  "prouvé",   "avéré"};
    if (!after.starts_with("est ")) return false;
    const std::string_view next = after.substr(4, after.find(' ', 4) - 4);
    return text::word_readings(next).participle && !kImpersonal.contains(next);
}

// The first one or two words of the key open on a leaning word. A quotation's words are a
// speaker's: only a subject pronoun of the third person opening it (« « Elle a dû être
// emmenée… », avait déclaré… ») points back at what the sentence before named.
bool leaning_opener(std::string_view text, const std::string& key) {
    if (text.starts_with("\u00ab") || text.starts_with("\"")) {
        const std::size_t one = key.find(' ');
        const std::string_view first = std::string_view(key).substr(0, one);
        if (first == "il") return !impersonal(std::string_view(key).substr(one + 1));
        return first == "elle" || first == "ils" || first == "elles";
    }
    static const auto& openers = text::word_list("leaning_openers");
    const std::size_t one = key.find(' ');
    if (key.starts_with("il ") && impersonal(std::string_view(key).substr(3)) && !personal_participle(std::string_view(key).substr(3)))
        return false;
    if (openers.contains(key.substr(0, one))) return true;
    return one != std::string::npos && openers.contains(key.substr(0, key.find(' ', one + 1)));
}

// The word after a pronoun subject is its verb: a verb form, an auxiliary, a clitic before
// one (« se », « n' », « y ») or a numeral of its group (« Tous deux seraient… »).
bool verb_follows(const std::string& next) {
    static const std::set<std::string, std::less<>> kBeforeVerb = {"se", "me", "te", "nous", "vous", "lui", "leur", "y",
                                                                   "en", "ne", "deux", "trois"};
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    // « s'est », « m'ont », « n'ont », « d'entre eux »: an elided pronoun, or the group named after.
    for (std::string_view elided : {"s'", "m'", "t'", "n'", "d'entre"})
        if (next.starts_with(elided)) return true;
    return kBeforeVerb.contains(next) || auxiliaries.contains(next) || text::word_readings(next).only_finite_verb();
}

// The key's `n`th word (0-based), or "" past its end.
std::string key_word(const std::string& key, std::size_t n) {
    std::size_t at = 0;
    for (; n > 0; --n) {
        at = key.find(' ', at);
        if (at == std::string::npos) return {};
        ++at;
    }
    return key.substr(at, key.find(' ', at) - at);
}

// « Tous étaient des patients… », « Certains se sont réfugiés… », « Tous deux seraient… »:
// an indefinite pronoun as the subject stands for people the sentence before named; as a
// determiner it names them itself (« Tous les billets », « Certains élus », « Certains des
// puits »). Its next word says which: a verb, or a pronoun or numeral before one.
bool indefinite_subject(const std::string& key) {
    static const std::set<std::string, std::less<>> kPronouns = {"tous",    "toutes",  "certains", "certaines", "plusieurs",
                                                                 "chacun",  "chacune", "aucun",    "aucune"};
    return kPronouns.contains(key_word(key, 0)) && verb_follows(key_word(key, 1));
}

// « La quatrième, un homme de 32 ans, a écopé… », « Le second a été relâché », « L'autre,
// blessé, … », « Les deux autres sont… »: an ordinal or « autre » after its article and with
// no noun stands for one of a count the sentence before told. Followed by a comma or a verb
// it is that pronoun; followed by a noun it names its thing (« La deuxième vague », « Le
// premier ministre », « L'autre partie »).
bool ordinal_subject(std::string_view text, const std::string& key) {
    static const std::set<std::string, std::less<>> kOrdinals = {
        "premier", "première", "premiers", "premières", "second", "seconde", "seconds", "secondes",
        "dernier", "dernière", "derniers", "dernières", "autre", "autres"};
    const auto ordinal = [&](const std::string& w) { return kOrdinals.contains(w) || w.ends_with("ième") || w.ends_with("ièmes"); };
    const std::string first = key_word(key, 0);
    std::size_t n = 0;  // the ordinal's place in the key
    if (first == "l'autre") n = 0;
    else if ((first == "le" || first == "la" || first == "les") && ordinal(key_word(key, 1))) n = 1;
    else if (first == "les" && key_word(key, 2) == "autres") n = 2;  // « Les deux autres »
    else return false;
    // Its comma: the text after the ordinal's word, at the same count of spaces.
    std::size_t at = 0;
    for (std::size_t k = 0; k <= n && at != std::string_view::npos; ++k) at = text.find(' ', at + (k > 0));
    if (at != std::string_view::npos && at > 0 && text[at - 1] == ',') return true;
    return verb_follows(key_word(key, n + 1));
}

bool is_letter_byte(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// « Pourquoi les enquêteurs suspectent-ils… ? », « Ainsi le ministre a-t-il… », « Macron
// ira-t-il… ? »: the verb ending at `verb_end` follows its subject, a noun after its
// determiner or a name, which its pronoun repeats (a complex inversion).
bool subject_before_verb(std::string_view text, std::size_t verb_end) {
    static const std::set<std::string, std::less<>> kDeterminers = {"le", "la", "les", "un", "une", "des", "du",
                                                                    "ce", "cet", "cette", "ces", "son", "sa", "ses",
                                                                    "leur", "leurs", "notre", "votre", "nos", "vos"};
    const auto word_before = [&](std::size_t end) -> std::pair<std::string_view, std::size_t> {
        const std::size_t space = text.rfind(' ', end == 0 ? 0 : end - 1);
        if (space == std::string_view::npos || end == 0) return {text.substr(0, end), 0};
        return {text.substr(space + 1, end - space - 1), space};
    };
    const std::size_t verb_start = word_before(verb_end).second;
    if (verb_start == 0) return false;
    const auto [subject, at] = word_before(verb_start);
    if (subject.empty() || !is_letter_byte(subject.back())) return false;  // « », a-t-il dit »
    if (at > 0 && starts_upper(subject)) return true;                     // a name, not the sentence's first word
    if (subject.starts_with("l'") || subject.starts_with("l’") || subject.starts_with("L'") || subject.starts_with("L’"))
        return true;
    if (at == 0) return false;
    return kDeterminers.contains(text::lowercase(word_before(at).first));
}

// « Personne ne le sait », « Le ministère l'a confirmé », « La police les a relâchés »: an
// object pronoun before a verb among the sentence's first words stands for something the
// sentence before named. « le », « la », « les » before a word that is only a verb are the
// pronoun, not an article (« la ferme », « les salariés »). In a quotation's first words
// it is the speaker's (« « Je l'ai attrapé… », témoigne Luca »), whom the sentence names.
bool object_pronoun_first(std::string_view text, const std::string& key) {
    if (text.starts_with("\u00ab") || text.starts_with("\"") || text.starts_with("\u201c")) return false;
    constexpr std::size_t kFirstWords = 5;
    static const std::set<std::string, std::less<>> kPronouns = {"le", "la", "les"};
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    const auto verb = [&](std::string_view w) {
        return auxiliaries.contains(std::string(w)) || text::word_readings(w).only_finite_verb();
    };
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < key.size() && words.size() <= kFirstWords;) {
        const std::size_t end = std::min(key.find(' ', at), key.size());
        words.push_back(std::string_view(key).substr(at, end - at));
        at = end + 1;
    }
    for (std::size_t k = 1; k < words.size(); ++k) {
        if (words[k].starts_with("l'") && words[k].size() > 2 && verb(words[k].substr(2))) return true;
        if (k + 1 < words.size() && kPronouns.contains(words[k]) && verb(words[k + 1])) return true;
    }
    return false;
}

// A subject pronoun whose person the sentence does not name: after an opening phrase
// ("Longue de 8,7 kilomètres, elle relie...") or after its verb ("», a-t-il insisté").
bool unnamed_subject(std::string_view text) {
    for (std::string_view p : {"-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles"})
        for (std::size_t at = text.find(p); at != std::string_view::npos; at = text.find(p, at + 1))
            if (at > 0 && is_letter_byte(text[at - 1]) && (at + p.size() == text.size() || !is_letter_byte(text[at + p.size()])) &&
                !subject_before_verb(text, at))
                return true;
    const std::size_t comma = text.find(", ");
    if (comma == std::string_view::npos) return false;
    const std::string_view after = text.substr(comma + 2);
    for (std::string_view p : {"elle ", "elles ", "ils "})
        if (after.starts_with(p)) return true;
    return after.starts_with("il ") && !impersonal(after.substr(3));
}


// Words of a sentence's first clause that say it again of what the sentence before told:
// « Les 15-24 ans sont là encore les plus concernés », « Le Sénat a lui aussi voté… ».
bool repeats_the_one_before(const std::vector<std::string>& words) {
    static const std::set<std::string, std::less<>> kAgain = {"encore", "aussi"};
    static const std::set<std::string, std::less<>> kWho = {"là", "lui", "elle", "eux", "elles"};
    for (std::size_t k = 1; k < words.size(); ++k)
        if (kAgain.contains(words[k]) && kWho.contains(words[k - 1])) return true;
    return false;
}

// « Une première lui a été accordée », « La dernière a eu lieu… »: an ordinal standing for
// a noun the sentence before named; not « La première ministre… », « Le premier tour… ».
bool ordinal_for_a_noun(const std::vector<std::string>& words) {
    static const std::set<std::string, std::less<>> kDeterminers = {"le", "la", "les", "un", "une"};
    static const std::set<std::string, std::less<>> kOrdinals = {"premier", "première", "premiers", "premières", "second",
                                                                 "seconde", "seconds", "secondes", "deuxième", "deuxièmes",
                                                                 "dernier", "dernière", "derniers", "dernières"};
    // « a », « est »: the dictionary knows them as nouns too (the letter, the east).
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    if (words.size() < 3 || !kDeterminers.contains(words[0]) || !kOrdinals.contains(words[1])) return false;
    const text::WordReadings r = text::word_readings(words[2]);
    return (r.known && !r.nominal) || auxiliaries.contains(words[2]);
}

// A sentence that answers the one before: it opens on a conjunction or a transition
// (« Mais il a exclu… », « Soit deux jours avant… », « En revanche, … »), names the rest
// of a group the sentence before counted (« Les cinq autres… », « Une autre étude… ») or an
// ordinal of it, or says again what it told.
bool answers_previous(std::string_view text, const std::vector<text::Token>& tokens) {
    static const std::set<std::string, std::less<>> kConjunctions = {"mais", "soit", "or", "et", "puis", "donc", "car", "ni"};
    static const auto& transitions = text::word_list("transition_words");
    constexpr std::size_t kOpening = 3, kFirstClause = 10;
    std::string head;
    std::vector<std::string> words;
    bool opening = true;  // the words before any sign or figure
    for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::Word) {
            opening = false;
            continue;
        }
        if (words.size() == kFirstClause) break;
        words.push_back(unified_word(text::lowercase(t.view(text))));
        const std::string& w = words.back();
        if (!opening || words.size() > kOpening) continue;
        if ((words.size() == 1 && kConjunctions.contains(w)) || w == "autre" || w == "autres") return true;
        head += (head.empty() ? "" : " ") + w;
        if (transitions.contains(head)) return true;
    }
    return repeats_the_one_before(words) || ordinal_for_a_noun(words);
}

// Reported words whose speaker goes on (« « Ils n'ont pas de projet », a poursuivi le
// secrétaire national »): one of the first two words after a quotation closes
// (data/fr/continuing_speech_verbs.txt).
bool speaker_goes_on(std::string_view text) {
    static const auto& verbs = text::word_list("continuing_speech_verbs");
    for (std::string_view close : {"\u00bb", "\""}) {
        for (std::size_t at = text.find(close, 1); at != std::string_view::npos; at = text.find(close, at + 1)) {
            const std::string_view rest = text.substr(at + close.size());
            std::size_t seen = 0;
            for (const text::Token& t : text::tokenize(rest.substr(0, rest.find_first_of(".;:!?")))) {
                if (t.kind != text::TokenKind::Word) continue;
                if (verbs.contains(text::lowercase(t.view(rest)))) return true;
                if (++seen == 2) break;
            }
        }
    }
    return false;
}

// « Quelques heures plus tôt, », « 48 heures après, », « Le lendemain, »: an opening phrase
// telling a time counted from the sentence before.
bool relative_time_opening(const StorySentence& s) {
    constexpr std::size_t kOpeningWords = 5;
    // « À la veille de l'ouverture, » names its own time: the phrase ends on the word.
    static const std::set<std::string, std::less<>> kLastWords = {"tôt",  "tard",      "auparavant",  "après",
                                                                  "avant", "lendemain", "surlendemain", "veille"};
    const std::size_t comma = s.text.find(',');
    if (comma == std::string::npos) return false;
    std::vector<std::string> words;
    for (const text::Token& t : s.tokens) {
        if (t.begin >= comma) break;
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) return false;
        words.push_back(text::lowercase(t.view(s.text)));
        if (words.size() > kOpeningWords) return false;
    }
    return words.size() > 1 && kLastWords.contains(words.back());
}

}  // namespace

// Its speaker is the one the sentence before names, or, at the head of its paragraph, the one
// the sentence after names.
bool bare_quotation(std::string_view text) {
    std::string_view mark;  // the one closing the opening mark
    if (text.starts_with("\u00ab")) mark = "\u00bb";
    else if (text.starts_with("\u201c")) mark = "\u201d";
    else if (text.starts_with("\"")) mark = "\"";
    else return false;
    const std::size_t close = text.find(mark, 1);
    if (close == std::string_view::npos) return false;
    const std::string_view rest = text.substr(close + mark.size());
    return std::none_of(rest.begin(), rest.end(), is_letter_byte);
}

QuoteBalance quote_balance(std::string_view text) {
    QuoteBalance b;
    for (std::size_t p = 0; (p = text.find("\u00ab", p)) != std::string_view::npos; p += 2) ++b.guillemets;
    for (std::size_t p = 0; (p = text.find("\u00bb", p)) != std::string_view::npos; p += 2) --b.guillemets;
    for (std::size_t k = 0; k < text.size(); ++k) b.straight += text[k] == '"' && !text::elision_quote(text, k);  // not « qu"il »
    return b;
}

bool ends_sentence(std::string_view text) {
    for (std::string_view end : {".", "!", "?", "…", "»", "\"", ")"})
        if (text.ends_with(end)) return true;
    return false;
}

std::string unified_word(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (std::size_t i = 0; i < w.size();) {
        const std::string_view rest = w.substr(i);
        if (rest.starts_with("\u2019")) out += '\'', i += 3;
        else if (rest.starts_with("\u202f")) out += ' ', i += 3;
        else if (rest.starts_with("\u00a0")) out += ' ', i += 2;
        else out += w[i++];
    }
    return out;
}

const std::string& folded_stem(const std::string& word) {
    thread_local std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(word);
    if (it == cache.end()) it = cache.emplace(word, text::strip_accents(text::stem(word))).first;
    return it->second;
}


std::vector<std::string> content_stems(std::string_view text) {
    return stems_of(text, text::tokenize(text));
}

StorySentence story_sentence(std::string text, int source) {
    StorySentence s;
    s.tokens = text::tokenize(text);
    s.stems = stems_of(text, s.tokens);
    s.key = key_of(text, s.tokens);
    s.words = static_cast<std::size_t>(std::count_if(s.tokens.begin(), s.tokens.end(), [](const text::Token& t) {
        return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number;  // text::count_words
    }));
    s.leans = leaning_opener(text, s.key) || indefinite_subject(s.key) || ordinal_subject(text, s.key) || object_pronoun_first(text, s.key) || unnamed_subject(text) || bare_quotation(text);
    s.answers = answers_previous(text, s.tokens) || speaker_goes_on(text);
    s.text = std::move(text);
    s.source = source;
    return s;
}

// By « depuis » set off by its comma, a time counted from it (« Deux jours plus tard, »), a
// demonstrative among its first words, an adverb going on from it or setting the clause
// against it (« également », « ensuite », « toutefois »…) or « là encore », « lui aussi »… in
// its first clause.
bool says_it_again(const StorySentence& s) {
    constexpr std::size_t kFirstWords = 3, kFirstClause = 10;
    static const std::set<std::string, std::less<>> kDemonstratives = {"ce", "cet", "cette", "ces"};
    // Adverbs that go on from the sentence before, or set the clause against it (« M. Abe a
    // toutefois précisé… »).
    static const std::set<std::string, std::less<>> kAgain = {"également", "ensuite", "toutefois", "cependant", "pourtant", "néanmoins"};
    // « Dès ce lundi », « cette semaine »: the time of the news, not a word of the text before.
    static const std::set<std::string, std::less<>> kNow = {"matin", "midi", "soir", "week-end", "semaine", "mois", "année",
                                                             "jour", "nuit", "été", "hiver", "printemps", "automne", "après-midi"};
    if (text::lowercase(s.text.substr(0, s.text.find(','))) == "depuis" || relative_time_opening(s)) return true;
    std::vector<std::string> words;
    bool demonstrative = false;
    for (const text::Token& t : s.tokens) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string w = text::lowercase(s.text.substr(t.begin, t.end - t.begin));
        if (kAgain.contains(w) || (demonstrative && !kNow.contains(w) && !text::word_list("day_names").contains(w))) return true;
        demonstrative = words.size() < kFirstWords && kDemonstratives.contains(w);
        words.push_back(unified_word(text::lowercase(t.view(s.text))));
        if (words.size() >= kFirstClause) break;
    }
    return repeats_the_one_before(words);
}

std::string words_key(std::string_view text) { return key_of(text, text::tokenize(text)); }

}  // namespace plume::write
