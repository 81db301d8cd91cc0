// Choosing the focus keyphrase: the phrase the sources agree the story is about.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyze/keyphrase.hpp"
#include "plan/noun_phrase.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"
#include "text/lexicon.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinWords = 2;
constexpr std::size_t kMaxWords = 4;

struct Candidate {
    std::vector<std::size_t> sentences;  // distinct, ascending
    std::vector<int> sources;            // distinct
    std::size_t in_titles = 0;
    std::unordered_map<std::string_view, std::size_t> forms;  // written forms (views of the story) and how often
    std::size_t content_words = 0;
    bool common_noun = false;  // at least one lowercase content word: not only a name
    bool measure = false;      // holds a unit or time word: about figures, not the story
};

// A verb's infinitive and nothing else (« combien vont coûter… ? »), what a headline asks
// about, or an adjective and nothing else (« Hostilité aux statistiques ethniques »), which
// qualifies the subject: neither names it.
bool names_no_subject(const std::string& word) {
    const text::WordReadings r = text::word_readings(text::lowercase(word));
    return (r.infinitive && !r.nominal) || r.only_adjective();
}

// Whether headline token k is a word of a longer name (« Nord » of « Corée du Nord »,
// « Airlines » of « Ethiopian Airlines »), which names something else alone: it is
// capitalised, next to a capitalised word (across a particle: du, de, des, la, le) with
// only a space between; not the word that opens the headline (« Affaire Benalla » is the
// affair of Benalla).
bool part_of_name(const std::string& headline, const std::vector<text::Token>& tokens, std::size_t k) {
    static const std::set<std::string, std::less<>> kParticles = {"de", "du", "des", "la", "le"};
    const auto base = [&](std::size_t j) { return std::string_view(headline).substr(tokens[j].base, tokens[j].end - tokens[j].base); };
    const auto word = [&](std::size_t j) { return tokens[j].kind == text::TokenKind::Word; };
    // A word that opens the headline or a colon's side is capitalised for its place.
    const auto capital = [&](std::size_t j) {
        return word(j) && starts_upper(base(j)) && j > 0 && headline.find(':', tokens[j - 1].end) >= tokens[j].begin;
    };
    const auto joined = [&](std::size_t a, std::size_t b) { return headline.compare(tokens[a].end, tokens[b].begin - tokens[a].end, " ") == 0; };
    const auto particle = [&](std::size_t j) { return word(j) && kParticles.contains(base(j)); };
    const std::size_t n = tokens.size();
    if (!capital(k)) return false;
    return (k >= 1 && joined(k - 1, k) && capital(k - 1)) ||
           (k >= 2 && particle(k - 1) && joined(k - 1, k) && joined(k - 2, k - 1) && capital(k - 2)) ||
           (k + 1 < n && joined(k, k + 1) && capital(k + 1)) ||
           (k + 2 < n && particle(k + 1) && joined(k, k + 1) && joined(k + 1, k + 2) && capital(k + 2));
}

// The index in `tokens` of `t`, one of them.
std::size_t token_index(const std::vector<text::Token>& tokens, const text::Token& t) {
    return static_cast<std::size_t>(std::find_if(tokens.begin(), tokens.end(), [&](const text::Token& x) { return x.begin == t.begin; }) - tokens.begin());
}

// Word runs between punctuation marks, numbers and symbols.
std::vector<std::vector<text::Token>> word_runs(const std::vector<text::Token>& tokens) {
    std::vector<std::vector<text::Token>> runs(1);
    for (const text::Token& t : tokens) {
        if (t.kind == text::TokenKind::Word) runs.back().push_back(t);
        else if (!runs.back().empty()) runs.emplace_back();
    }
    return runs;
}

// What a phrase needs to know of one word, computed once however many phrases hold it.
struct PhraseWord {
    std::string stem;     // content words: the folded stem
    bool verb = false;    // ends every phrase
    bool function = false;
    bool inner = false;   // a function word a keyphrase may hold (de, des, en...; not "et": one subject)
    bool elided = false;
    bool starts_after_elision = false;  // a phrase may start on it, after l' or d'
    bool verbal = false;  // an infinitive or a participle and no noun: « porter un masque », « déclaré le chef »

    bool lower = false;   // a common word, not a name
    bool measure = false;
    bool article = false;  // le, la, les, un, une: follows a preposition inside a noun phrase
};

PhraseWord phrase_word(std::string_view s, const text::Token& t) {
    PhraseWord w;
    const std::string_view base = s.substr(t.base, t.end - t.base);
    const std::string word = text::lowercase(base);
    w.verb = verb_like(word);
    w.function = analysis::is_function_word(base);
    w.elided = t.base != t.begin;
    // « l'abattoir », « d'Ethiopian Airlines »: an article's or a preposition's elision, which a
    // phrase starts after; not a name's own (« M'jid »).
    const std::string elision = unified_word(text::lowercase(s.substr(t.begin, t.base - t.begin)));
    w.starts_after_elision = w.elided && (elision == "l'" || elision == "d'");
    w.inner = w.function && !w.elided && noun_phrase_word(word) && word != "et";
    static const std::set<std::string, std::less<>> kArticles = {"le", "la", "les", "un", "une"};
    w.article = !w.elided && kArticles.contains(word);
    if (!w.function) {
        const text::WordReadings r = text::word_readings(word);
        w.verbal = r.only_infinitive() || r.only_participle();
        w.stem = folded_stem(word);
        w.lower = starts_lower(base);
        static const auto& measures = text::word_list("measure_words");
        w.measure = measures.contains(word);
    }
    return w;
}

// The words of the story, each read once: a story repeats its words in every sentence.
// Keys view the story's text.
using PhraseWords = std::unordered_map<std::string_view, PhraseWord>;

// Candidate phrases of one text: 2-4 word n-grams that neither start with a function word,
// an infinitive or a participle (a verb's phrase: « porter un masque ») nor end with one, and hold no verb or pronoun (a keyphrase is a noun phrase); one that
// starts on an elided word starts after its elision (« Ethiopian Airlines » of « d'Ethiopian
// Airlines »). Keys are content-word stems in order.
template <typename Visit>
void each_phrase(std::string_view s, const std::vector<text::Token>& tokens, PhraseWords& known, Visit visit) {
    for (const auto& run : word_runs(tokens)) {
        std::vector<const PhraseWord*> words;
        for (const text::Token& t : run) {
            auto [it, added] = known.try_emplace(t.view(s));
            if (added) it->second = phrase_word(s, t);
            words.push_back(&it->second);
        }
        for (std::size_t i = 0; i < run.size(); ++i) {
            if (words[i]->function || words[i]->verbal || (words[i]->elided && !words[i]->starts_after_elision)) continue;
            std::string key;
            std::size_t content = 0;
            bool lower = false, measure = false;
            for (std::size_t n = 1; n <= kMaxWords && i + n <= run.size(); ++n) {
                const PhraseWord& w = *words[i + n - 1];
                if (w.verb) break;
                if (w.function) {
                    // « samedi soir | le ministre », « à travers | le monde »: an article right
                    // after a common word opens another phrase (« des » may be « de les »).
                    if (!w.inner || (w.article && words[i + n - 2]->lower && !words[i + n - 2]->function)) break;
                    continue;
                }
                if (!key.empty()) key += ' ';
                key += w.stem;
                ++content;
                lower = lower || w.lower;
                measure = measure || w.measure;
                if (n < kMinWords) continue;
                const std::string_view form = s.substr(run[i].base, run[i + n - 1].end - run[i].base);
                visit(key, form, content, lower, measure);
            }
        }
    }
}

// The content stems of a candidate's key, in order.
std::vector<std::string> stems_of(const std::string& key) {
    std::vector<std::string> out;
    for (std::size_t p = 0, q; p <= key.size(); p = q + 1) {
        q = key.find(' ', p);
        if (q == std::string::npos) q = key.size();
        out.push_back(key.substr(p, q - p));
    }
    return out;
}

// How many sentences open the story: its lead, where the keyphrase should be. Yoast looks
// in the first paragraph only: the lead stops where the first one does.
std::size_t lead_sentences(const Story& story) {
    constexpr std::size_t kLeadWords = 40;
    std::size_t n = 0, words = 0;
    const auto same_paragraph = [&](const StorySentence& s) {
        return s.source == story.sentences[0].source && s.block == story.sentences[0].block;
    };
    while (n < story.sentences.size() && (n == 0 || (words < kLeadWords && same_paragraph(story.sentences[n]))))
        words += story.sentences[n++].words;
    return n;
}

// A name (« France Inter ») shares a stem with « Français » but names something else: a
// phrase of names is a synonym only when it writes one of the keyphrase's words as is.
bool names_another(const std::string& phrase, const std::string& keyphrase) {
    const auto words = [](const std::string& s) {
        std::vector<std::string> out;
        for (const text::Token& t : text::tokenize(s))
            if (t.kind == text::TokenKind::Word) out.emplace_back(s.substr(t.base, t.end - t.base));
        return out;
    };
    const std::vector<std::string> own = words(phrase), key = words(keyphrase);
    const bool all_names = std::all_of(own.begin(), own.end(), [](const std::string& w) { return !starts_lower(w); });
    return all_names && std::none_of(own.begin(), own.end(), [&](const std::string& w) {
        return std::find(key.begin(), key.end(), w) != key.end();
    });
}

// A headline phrase as the story writes it: its first word lowercased when it opens the
// headline only because it opens it (the story writes it lowercase), names kept.
// Every word of the story as written, gathered once: headline_case is asked for each
// candidate phrase, and reading the story each time is quadratic in it.
struct WrittenWords {
    std::unordered_set<std::string_view> words;
    explicit WrittenWords(const Story& story) {
        for (const StorySentence& s : story.sentences)
            for (const text::Token& t : s.tokens) words.insert(std::string_view(s.text).substr(t.base, t.end - t.base));
    }
};

std::string headline_case(const WrittenWords& written, std::string_view form, bool opens_headline) {
    std::string out(form);
    if (!opens_headline) return out;
    const std::string first = out.substr(0, out.find(' '));
    const std::string lower = text::lowercase(first);
    if (lower == first) return out;
    if (written.words.contains(lower)) out.replace(0, first.size(), lower);
    return out;
}

// A story no phrase of which repeats: its most frequent content word (a name included),
// from the headline when the headline has one the story uses. Empty only for a story
// without content words.
std::string main_word(const Story& story, const std::unordered_map<std::string, double>& frequency) {
    std::string best;
    double best_f = 0;
    const WrittenWords written(story);
    const auto consider = [&](std::string_view text, const std::vector<text::Token>& tokens, double weight) {
        for (const text::Token& t : tokens) {
            if (t.kind != text::TokenKind::Word || analysis::is_function_word(t.view(text))) continue;
            const std::string word = text::lowercase(text.substr(t.base, t.end - t.base));
            if (verb_like(word) || word.size() < 3) continue;
            const auto it = frequency.find(folded_stem(word));
            const double f = it == frequency.end() ? 0 : it->second * weight;
            if (f > best_f) best_f = f, best = headline_case(written, text.substr(t.base, t.end - t.base), true);
        }
    };
    const std::string& headline = story.sources[static_cast<std::size_t>(story.base)].info.title;
    consider(headline, text::tokenize(headline), 10.0);
    for (const StorySentence& s : story.sentences) consider(s.text, s.tokens, 1.0);
    return best;
}

// The headline's main subject as Yoast reads it: a phrase of the base headline (1-4
// words, a noun phrase: no verb, no function word at its ends) whose words, as written,
// one sentence of the lead holds, so that the title, the introduction and the description
// carry it without a word added. The phrase the story repeats most, within Yoast's
// density (at most 3 % once weighted by its length), then the earliest in the headline;
// the best of one word and of several apart, and of several the lead does not hold
// (the title still names it); and of several the lead says once, the story no more.
// Empty when no phrase of the headline is said twice, nor one of several in the lead.
struct HeadlinePhrases {
    std::string several;  // two words or more
    std::string one;
    std::string elsewhere;  // two words or more the lead does not hold
    std::string name_elsewhere;  // a one-word name the lead does not hold (« Ruffin »)
    std::string noun_elsewhere;  // a common noun the headline introduces, the lead does not hold
    std::string said_once;  // two words or more the lead says and the rest of the story does not
};

// Whether headline token k follows an article (« le vaccin », « des escrocs », « l'atelier »):
// a noun the headline introduces, not a complement (« 20 ans de prison ») nor a word of a
// list or a question (« dans quelles conditions »).
bool introduced(std::string_view headline, const std::vector<text::Token>& tokens, std::size_t k) {
    static const std::set<std::string, std::less<>> kArticles = {"le", "la", "les", "un", "une", "des", "du"};
    const text::Token& t = tokens[k];
    if (t.base != t.begin) return unified_word(text::lowercase(headline.substr(t.begin, t.base - t.begin))) == "l'";
    return k > 0 && tokens[k - 1].kind == text::TokenKind::Word && kArticles.contains(text::lowercase(tokens[k - 1].view(headline)));
}

HeadlinePhrases headline_keyphrase(const Story& story) {
    const std::string& headline = story.sources[static_cast<std::size_t>(story.base)].info.title;
    if (headline.empty()) return {};
    const std::vector<text::Token> tokens = text::tokenize(headline);
    const WrittenWords written(story);
    const std::size_t lead = lead_sentences(story);
    double words = 0;
    for (const StorySentence& s : story.sentences) words += static_cast<double>(s.words);
    HeadlinePhrases best;
    double best_score[6] = {0, 0, 0, 0, 0, 0};  // one word, several, several out of the lead, a name, a noun out of it, once
    PhraseWords known;
    for (const auto& run : word_runs(tokens)) {
        for (std::size_t i = 0; i < run.size(); ++i) {
            std::size_t content = 0;
            for (std::size_t n = 1; n <= kMaxWords && i + n <= run.size(); ++n) {
                const PhraseWord& w = *[&] {
                    auto [it, added] = known.try_emplace(run[i + n - 1].view(headline));
                    if (added) it->second = phrase_word(headline, run[i + n - 1]);
                    return &it->second;
                }();
                if (w.verb || (n == 1 && (w.function || w.verbal || (w.elided && !w.starts_after_elision))) || (w.function && !w.inner)) break;
                if (w.function) continue;
                if (w.measure) break;  // a unit or a date: about figures, not the story
                ++content;
                const std::string form = headline_case(written, headline.substr(run[i].base, run[i + n - 1].end - run[i].base), run[i].begin == tokens.front().begin);
                // "loi", "an", « coûter », « ethniques »: no subject alone.
                if (text::count_words(form) == 1 && (form.size() < 4 || names_no_subject(form))) continue;
                const std::size_t first = token_index(tokens, run[i]);
                if (n == 1 && part_of_name(headline, tokens, first)) continue;
                const analysis::Keyphrase kp = analysis::make_keyphrase(form, MatchMode::Yoast);
                if (kp.empty()) continue;
                bool in_lead = false;
                double said = 0;
                for (std::size_t k = 0; k < story.sentences.size(); ++k) {
                    const StorySentence& s = story.sentences[k];
                    const std::size_t c = analysis::find_in_sentence(kp, s.text, s.tokens).count;
                    in_lead = in_lead || (c > 0 && k < lead);
                    said += static_cast<double>(c);
                }
                const double weighted = static_cast<double>(content);
                const double most = 3.0 * words / (100.0 * (0.7 + weighted / 3.0));  // Yoast's maximum count
                if (said < 1 || (said < 2 && (content < 2 || !in_lead)) || said > std::max(2.0, most)) continue;
                // Earlier in the headline breaks ties.
                const double score = said - 0.001 * static_cast<double>(run[i].begin);
                std::size_t kind = said < 2 ? 5 : !in_lead ? (content > 1 ? 2 : 3) : content > 1 ? 1 : 0;
                if (kind == 3 && !starts_upper(form)) {
                    if (!text::word_readings(text::lowercase(form)).noun || !introduced(headline, tokens, first)) continue;
                    kind = 4;
                }
                std::string* const slots[] = {&best.one,           &best.several,       &best.elsewhere,
                                              &best.name_elsewhere, &best.noun_elsewhere, &best.said_once};
                if (score > best_score[kind]) best_score[kind] = score, *slots[kind] = form;
            }
        }
    }
    return best;
}

// A phrase of two words or more that the base headline and one sentence of the lead hold,
// each word as written.
bool in_headline_and_lead(const Story& story, const std::string& phrase) {
    const analysis::Keyphrase kp = analysis::make_keyphrase(phrase, MatchMode::Yoast);
    if (kp.words.size() < 2 || !analysis::contains_all(kp, story.sources[static_cast<std::size_t>(story.base)].info.title))
        return false;
    const std::size_t lead = lead_sentences(story);
    for (std::size_t k = 0; k < lead; ++k)
        if (analysis::find_in_sentence(kp, story.sentences[k].text, story.sentences[k].tokens).count > 0) return true;
    return false;
}

}  // namespace

KeyphraseChoice choose_keyphrase(const Story& story) {
    // Every sentence the sources say, duplicates included: repetition across sources is
    // the evidence of what the story is about.
    std::vector<const StorySentence*> said;
    for (const auto* list : {&story.sentences, &story.variants})
        for (const StorySentence& s : *list) said.push_back(&s);
    std::unordered_map<std::string, double> frequency;  // content stem -> share of sentences holding it
    for (const StorySentence* s : said) {
        std::vector<std::string_view> stems(s->stems.begin(), s->stems.end());
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        for (std::string_view st : stems) frequency[std::string(st)] += 1;
    }
    for (auto& [st, f] : frequency) f /= static_cast<double>(said.size());

    std::unordered_map<std::string, Candidate> candidates;
    PhraseWords known;
    for (std::size_t i = 0; i < said.size(); ++i) {
        const StorySentence& st = *said[i];
        each_phrase(st.text, st.tokens, known, [&](const std::string& key, std::string_view form, std::size_t content, bool lower, bool measure) {
            Candidate& c = candidates[key];
            if (c.sentences.empty() || c.sentences.back() != i) c.sentences.push_back(i);
            if (std::find(c.sources.begin(), c.sources.end(), st.source) == c.sources.end()) c.sources.push_back(st.source);
            ++c.forms[form];
            c.content_words = content;
            c.common_noun = c.common_noun || lower;
            c.measure = measure;
        });
    }
    for (const CleanSource& src : story.sources)
        each_phrase(src.info.title, text::tokenize(src.info.title), known, [&](const std::string& key, std::string_view, std::size_t, bool, bool) {
            if (auto it = candidates.find(key); it != candidates.end()) ++it->second.in_titles;
        });

    // A phrase the sources' headlines use, told by two sources at least when there are two,
    // ranks before any other: a headline names what the story is about; and among those,
    // one the lead says: Yoast looks for it in the first paragraph, and plume moves no
    // sentence to put it there.
    const std::size_t titled_sources = std::min<std::size_t>(2, story.sources.size());
    const std::size_t lead = lead_sentences(story);
    struct Ranked {
        bool titled;
        bool in_lead;
        double score;
        const std::pair<const std::string, Candidate>* entry;
    };
    std::vector<Ranked> ranked;
    // A phrase of common nouns said twice; when the story has none, any phrase it says.
    const auto eligible = [&](const Candidate& c, bool strict) {
        return c.content_words >= kMinWords && !c.measure && (!strict || (c.common_noun && c.sentences.size() >= 2));
    };
    const bool any_strict = std::any_of(candidates.begin(), candidates.end(), [&](const auto& e) { return eligible(e.second, true); });
    for (const auto& entry : candidates) {
        const Candidate& c = entry.second;
        if (!eligible(c, any_strict)) continue;
        // Central words: each of the phrase's words is frequent in the story on its own.
        double centrality = 0;
        for (const std::string& st : stems_of(entry.first)) centrality += frequency[st];
        centrality /= static_cast<double>(c.content_words);
        const double score = static_cast<double>(c.sentences.size()) * static_cast<double>(c.sources.size()) *
                             (1.0 + static_cast<double>(c.in_titles)) * centrality *
                             std::sqrt(static_cast<double>(c.content_words));
        ranked.push_back({c.in_titles > 0 && c.sources.size() >= titled_sources, !c.sentences.empty() && c.sentences[0] < lead, score, &entry});
    }
    // Equal scores rank in the order of their keys: the choice does not depend on hashing.
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.titled != b.titled) return a.titled;
        if (a.in_lead != b.in_lead) return a.in_lead;
        return a.score != b.score ? a.score > b.score : a.entry->first < b.entry->first;
    });
    // Its most frequent written form.
    const WrittenWords written(story);
    const auto form_of = [&written](const Candidate& c) {
        // A sentence's first word lowercased when the story writes it so (« france Inter »
        // is no form of « France Inter »): one form.
        std::map<std::string, std::size_t> lowered;
        for (const auto& [form, n] : c.forms) lowered[headline_case(written, form, true)] += n;
        return std::max_element(lowered.begin(), lowered.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    };
    // The headline's subject: a phrase of it in several words; else the best phrase of the
    // story whose words the headline and the lead both hold, apart ("récolte de blé" for
    // « Blé : la sécheresse ampute la récolte… »); else one word of the headline; else a
    // phrase of the headline the lead does not say, or a name of it (« Ruffin »); else one
    // the lead says once (« cours de conduite »).
    const HeadlinePhrases headline = headline_keyphrase(story);
    std::string titled = headline.several;
    for (std::size_t r = 0; titled.empty() && r < ranked.size(); ++r)
        if (std::string form = form_of(ranked[r].entry->second); in_headline_and_lead(story, form)) titled = std::move(form);
    if (titled.empty()) titled = headline.one;
    if (titled.empty()) titled = headline.elsewhere;
    // A name of the base headline the lead does not say, unless another source's headline
    // holds the story's best phrase (« ligne de tramway » beside « Tram T11 à Lyon »).
    if (titled.empty() && (ranked.empty() || !ranked[0].titled)) titled = headline.name_elsewhere;
    if (titled.empty() && (ranked.empty() || !ranked[0].titled)) titled = headline.noun_elsewhere;
    if (titled.empty() && (ranked.empty() || !ranked[0].titled)) titled = headline.said_once;
    if (ranked.empty()) return {titled.empty() ? main_word(story, frequency) : titled, {}};
    KeyphraseChoice choice{titled.empty() ? form_of(ranked[0].entry->second) : titled, {}};
    // Synonyms name the same subject in other words: each shares a word with the
    // keyphrase ("ligne de tramway", "tramway T11") and brings words of its own that no
    // other synonym has.
    const std::vector<std::string> key = titled.empty() ? stems_of(ranked[0].entry->first) : content_stems(titled);
    std::set<std::string> added;
    for (std::size_t r = titled.empty() ? 1 : 0; r < ranked.size() && choice.synonyms.size() < 2; ++r) {
        std::vector<std::string> own;
        bool shares = false;
        for (std::string& st : stems_of(ranked[r].entry->first)) {
            if (std::find(key.begin(), key.end(), st) != key.end()) shares = true;
            else own.push_back(std::move(st));
        }
        if (!shares || own.empty() || std::any_of(own.begin(), own.end(), [&](const std::string& st) { return added.contains(st); }))
            continue;
        std::string form = form_of(ranked[r].entry->second);
        if (names_another(form, choice.keyphrase)) continue;
        choice.synonyms.push_back(std::move(form));
        added.insert(own.begin(), own.end());
    }
    return choice;
}

}  // namespace plume::write
