// Planning the article: the intro, body sections grouped by sub-topic, the conclusion.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <unordered_set>

#include "analyze/keyphrase.hpp"
#include "plan/noun_phrase.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kSectionMaxWords = 280;  // the 300 for an H2 section, less room for connectives
constexpr std::size_t kSectionWords = 200;     // what a section aims at
constexpr std::size_t kIntroWords = 70;
constexpr std::size_t kIntroMaxWords = 100;  // with the sentences leaning on the lead
constexpr std::size_t kConclusionWords = 90;
// The article aims a little past the target: headings and derived parts vary.
constexpr double kLengthMargin = 1.05;
constexpr std::size_t kLongSentence = 20;  // the analyser's limit for French sentences
constexpr std::size_t kSubheadingWords = 10;
constexpr std::size_t kMinSectionWords = 60;  // less is a paragraph, not a section
constexpr std::size_t kWordsPerMention = 80;
constexpr std::size_t kWordsPerMentionAtMost = 40;
// Units told next to each other in the story belong together a little more.
constexpr double kAdjacency = 0.1;

// A sparse vector over stems: (stem id, weight) sorted by id. Ids follow the stems'
// alphabetical order, so every sum runs in the same order as over the stems themselves.
using Vector = std::vector<std::pair<int, double>>;

std::size_t words_of(const Story& story, const std::vector<int>& ids) {
    std::size_t n = 0;
    for (int i : ids) n += story.sentences[static_cast<std::size_t>(i)].words;
    return n;
}

// A unit: consecutive story sentences of one source paragraph; the grain of sections.
struct Unit {
    std::vector<int> sentences;
    Vector vec;
};

// A leaning sentence joins the unit of the sentence it leans on, wherever that stands: a
// quotation "a-t-il insisté" opening a paragraph belongs with the paragraph naming him.
std::vector<Unit> units_of(const Story& story, const std::vector<int>& ids) {
    std::vector<Unit> units;
    for (int i : ids) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
        if (s.leans) {
            const auto with = std::find_if(units.begin(), units.end(), [&](const Unit& u) {
                return std::find(u.sentences.begin(), u.sentences.end(), s.leans_on) != u.sentences.end();
            });
            if (with != units.end()) {
                with->sentences.push_back(i);
                continue;
            }
        }
        const bool same = !units.empty() && [&] {
            const StorySentence& prev = story.sentences[static_cast<std::size_t>(units.back().sentences.back())];
            return prev.source == s.source && prev.block == s.block;
        }();
        if (!same) units.emplace_back();
        units.back().sentences.push_back(i);
    }
    return units;
}

void add_tfidf(const Story& story, std::vector<Unit>& units) {
    std::vector<std::string_view> stems;
    for (const Unit& u : units)
        for (int i : u.sentences)
            for (const std::string& st : story.sentences[static_cast<std::size_t>(i)].stems) stems.push_back(st);
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    std::vector<double> df(stems.size(), 0);
    for (Unit& u : units) {
        std::vector<int> ids;
        for (int i : u.sentences)
            for (const std::string& st : story.sentences[static_cast<std::size_t>(i)].stems)
                ids.push_back(static_cast<int>(std::lower_bound(stems.begin(), stems.end(), st) - stems.begin()));
        std::sort(ids.begin(), ids.end());
        for (int id : ids) {
            if (u.vec.empty() || u.vec.back().first != id) u.vec.emplace_back(id, 0), ++df[static_cast<std::size_t>(id)];
            ++u.vec.back().second;
        }
    }
    const double n = static_cast<double>(units.size());
    for (Unit& u : units)
        for (auto& [id, w] : u.vec) w *= std::log(1.0 + n / df[static_cast<std::size_t>(id)]);
}

double cosine(const Vector& a, const Vector& b) {
    double dot = 0, na = 0, nb = 0;
    for (auto it = b.begin(); const auto& [k, v] : a) {
        na += v * v;
        while (it != b.end() && it->first < k) ++it;
        if (it != b.end() && it->first == k) dot += v * it->second;
    }
    for (const auto& [k, v] : b) nb += v * v;
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

struct Cluster {
    std::vector<std::size_t> units;
    Vector vec;  // sum of the unit vectors
    std::size_t words = 0;
};

void merge_into(Cluster& a, Cluster& b) {
    a.units.insert(a.units.end(), b.units.begin(), b.units.end());
    Vector sum;
    std::merge(a.vec.begin(), a.vec.end(), b.vec.begin(), b.vec.end(), std::back_inserter(sum),
               [](const auto& x, const auto& y) { return x.first < y.first; });
    a.vec.clear();
    for (const auto& [k, v] : sum) {
        if (!a.vec.empty() && a.vec.back().first == k) a.vec.back().second += v;
        else a.vec.emplace_back(k, v);
    }
    a.words += b.words;
    b = {};
}

bool adjacent(const Cluster& a, const Cluster& b) {
    for (std::size_t x : a.units)
        for (std::size_t y : b.units)
            if (x + 1 == y || y + 1 == x) return true;
    return false;
}

// Agglomerative grouping of units by sub-topic: the most similar pair merges first, while
// the merged section stays under the section size, until `target` clusters remain.
// Similarities are cached; a merge recomputes only the merged cluster's row.
std::vector<Cluster> group(const Story& story, std::vector<Unit>& units, std::size_t target) {
    std::vector<Cluster> clusters;
    for (std::size_t u = 0; u < units.size(); ++u)
        clusters.push_back({{u}, units[u].vec, words_of(story, units[u].sentences)});
    const std::size_t n = clusters.size();
    auto similarity = [&](std::size_t a, std::size_t b) {
        return cosine(clusters[a].vec, clusters[b].vec) + (adjacent(clusters[a], clusters[b]) ? kAdjacency : 0);
    };
    std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) sim[a][b] = sim[b][a] = similarity(a, b);
    for (std::size_t alive = n; alive > target; --alive) {
        double best = -1;
        std::size_t ba = 0, bb = 0;
        for (std::size_t a = 0; a < n; ++a) {
            if (clusters[a].units.empty()) continue;
            for (std::size_t b = a + 1; b < n; ++b) {
                if (clusters[b].units.empty() || clusters[a].words + clusters[b].words > kSectionMaxWords) continue;
                if (sim[a][b] > best) best = sim[a][b], ba = a, bb = b;
            }
        }
        if (best < 0) break;
        merge_into(clusters[ba], clusters[bb]);
        for (std::size_t c = 0; c < n; ++c)
            if (c != ba && !clusters[c].units.empty()) sim[ba][c] = sim[c][ba] = similarity(ba, c);
    }
    // A cluster too small to be a section joins the one it resembles most, when that one
    // has room.
    for (std::size_t a = 0; a < n; ++a) {
        if (clusters[a].units.empty() || clusters[a].words >= kMinSectionWords) continue;
        std::size_t to = n;
        for (std::size_t b = 0; b < n; ++b)
            if (b != a && !clusters[b].units.empty() && clusters[a].words + clusters[b].words <= kSectionMaxWords &&
                (to == n || sim[a][b] > sim[a][to]))
                to = b;
        if (to != n) merge_into(clusters[to], clusters[a]);
    }
    std::erase_if(clusters, [](const Cluster& c) { return c.units.empty(); });
    for (Cluster& c : clusters) std::sort(c.units.begin(), c.units.end());
    std::sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) { return a.units[0] < b.units[0]; });
    return clusters;
}

bool avoided(const StorySentence& s, const Avoid& avoid) {
    if (avoid.empty()) return false;
    const std::string& key = s.key;
    // The article may hold part of the sentence (split at a safe point) or more (a
    // connective before it).
    return std::any_of(avoid.begin(), avoid.end(), [&](const std::string& a) {
        return key.find(a) != std::string::npos || a.find(key) != std::string::npos;
    });
}

// A headline, caption or credit left in a paragraph has no final punctuation; a list
// item need not have one (the composer adds it).
// A short line with no verb, even with a period, is a source's subheading.
bool verbless_line(const StorySentence& s) {
    std::size_t words = 0;
    for (const text::Token& t : s.tokens) {
        if (t.kind != text::TokenKind::Word) continue;
        ++words;
        const std::string w = text::lowercase(t.view(s.text));
        if (verb_like(w) || text::word_list("passive_auxiliaries").contains(w) || analysis::is_function_word(w)) {
            if (!noun_phrase_word(w)) return false;
        }
    }
    return words <= kSubheadingWords;
}

// "Voici l'essentiel à retenir...", "On fait le point sur...": the source speaking of
// itself (data/fr/meta_openers.txt), which another article cannot say.
bool speaks_of_itself(const StorySentence& s) {
    static const auto& openers = text::word_list("meta_openers");
    constexpr int kLongestOpener = 5;  // words
    std::size_t end = 0;
    for (int n = 0; n < kLongestOpener && end != std::string::npos; ++n) {
        end = s.key.find(' ', end + 1);
        if (openers.contains(s.key.substr(0, end))) return true;
    }
    return false;
}

bool usable(const StorySentence& s) {
    if (speaks_of_itself(s)) return false;
    if (s.list_item) return true;
    if (verbless_line(s)) return false;
    return ends_sentence(s.text);
}

// What a sentence is worth to the article: facts several sources tell, many distinct
// content words for their length, told early (news put the essential first), short.
// A transition word or phrase (data/fr/transition_words.txt) links the sentence to the
// one before: readers, and the readability check, want a good share of them.
bool has_transition(const StorySentence& s) {
    const auto& transitions = text::word_list("transition_words");
    std::vector<std::string> words;
    for (const text::Token& t : s.tokens)
        if (t.kind == text::TokenKind::Word) words.push_back(text::lowercase(t.view(s.text)));
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string phrase;
        for (std::size_t n = 0; n < 3 && i + n < words.size(); ++n) {
            phrase += (n ? " " : "") + words[i + n];
            if (transitions.contains(phrase)) return true;
        }
    }
    return false;
}

double worth(const StorySentence& s) {
    const double words = static_cast<double>(std::max<std::size_t>(1, s.words));
    double w = static_cast<double>(s.support) * static_cast<double>(s.stems.size()) / std::sqrt(words);
    w *= 1.2 - 0.4 * s.position;
    if (words > kLongSentence) w *= 0.6;
    if (has_transition(s)) w *= 1.5;
    return w;
}

// What the article says so far: its content stems, and each figure with the stem after it
// ("2,10 euro"), for a figure's meaning is the word it counts.
class Said {
public:
    void add(const StorySentence& s) {
        words_.insert(s.stems.begin(), s.stems.end());
        for (std::size_t k = 0; k < s.stems.size(); ++k)
            if (figure(s.stems[k])) figures_.insert(counted(s, k));
    }
    // A sentence whose figures the article already gives, counting the same things, and
    // half of whose words it already says, repeats a fact in other words ("le ticket
    // coûtera 2,10 euros" after "au tarif de 2,10 euros le trajet"; not "30 000 habitants"
    // after "30 000 voyageurs"). Sentences without figures are not judged so.
    bool repeated(const StorySentence& s) const {
        std::size_t figures = 0, known = 0;
        for (std::size_t k = 0; k < s.stems.size(); ++k) {
            if (figure(s.stems[k])) {
                if (!figures_.contains(counted(s, k))) return false;
                ++figures;
            }
            known += words_.contains(s.stems[k]);
        }
        return figures > 0 && 2 * known >= s.stems.size();
    }

private:
    static bool figure(const std::string& stem) { return !stem.empty() && stem[0] >= '0' && stem[0] <= '9'; }
    static std::string counted(const StorySentence& s, std::size_t k) {
        return k + 1 < s.stems.size() ? s.stems[k] + ' ' + s.stems[k + 1] : s.stems[k];
    }
    std::unordered_set<std::string_view> words_;  // views of the story's stems
    std::unordered_set<std::string> figures_;
};

// The most worthy sentences until the budget, kept in story order, without the ones the
// check found hard to read (derived sections make up the length) or repeating what is
// `said` (the intro and conclusion) or a chosen sentence says; the chosen join `said`.
// Sentences naming the keyphrase come first until the article names it about once in 80
// words, and stop at once in 40: enough for the topic to show, short of stuffing.
std::vector<int> select(const Story& story, const std::vector<int>& ids, std::size_t budget,
                        const std::vector<bool>& mentions, Said& said) {
    std::vector<std::pair<double, int>> ranked;
    for (int i : ids) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
        ranked.emplace_back(worth(s), i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t least = budget / kWordsPerMention, most = budget / kWordsPerMentionAtMost;
    std::vector<int> chosen;
    std::size_t words = 0, named = 0;
    const auto choose = [&](int i) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
        words += s.words;
        named += mentions[static_cast<std::size_t>(i)];
        chosen.push_back(i);
        said.add(s);
    };
    auto take = [&](bool naming) {
        for (const auto& [w, i] : ranked) {
            if (words >= budget || (naming && named >= least)) break;
            const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
            const bool names = mentions[static_cast<std::size_t>(i)];
            if (names != naming || std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
            if ((names && named >= most) || said.repeated(s)) continue;
            // A leaning sentence comes with the one it leans on, or not at all.
            if (s.leans) {
                if (s.leans_on < 0 || std::find(ids.begin(), ids.end(), s.leans_on) == ids.end()) continue;
                if (std::find(chosen.begin(), chosen.end(), s.leans_on) == chosen.end()) choose(s.leans_on);
            }
            choose(i);
        }
    };
    take(true);
    take(false);
    take(true);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

// Which story sentences hold the keyphrase, computed once per plan.
// A sentence's content stems are the keyphrase's French match forms (accent-free
// Snowball stems after elision), so matching needs no second pass over its words.
std::vector<bool> mentions_of(const Story& story, const analysis::Keyphrase& kp) {
    std::vector<bool> out;
    for (const StorySentence& s : story.sentences)
        out.push_back(!kp.empty() && std::all_of(kp.words.begin(), kp.words.end(), [&](const analysis::KeyWord& w) {
            return std::any_of(s.stems.begin(), s.stems.end(),
                               [&](const std::string& st) { return analysis::matches(w, st, MatchMode::French); });
        }));
    return out;
}

// A sentence that may follow `ids`: it stands alone or leans on one of them.
bool may_follow(const StorySentence& s, const std::vector<int>& ids) {
    return !s.leans || std::find(ids.begin(), ids.end(), s.leans_on) != ids.end();
}

// The lead of the story, and a sentence holding the keyphrase when the lead has none.
std::vector<int> take_intro(const Story& story, const std::vector<bool>& mentions, std::vector<int>& rest) {
    std::vector<int> intro;
    std::size_t words = 0;
    for (auto it = rest.begin(); it != rest.end() && (intro.empty() || words < kIntroWords / 2);) {
        if (!may_follow(story.sentences[static_cast<std::size_t>(*it)], intro)) {
            ++it;
            continue;
        }
        words += words_of(story, {*it});
        intro.push_back(*it);
        it = rest.erase(it);
    }
    const bool has = std::any_of(intro.begin(), intro.end(), [&](int i) { return mentions[static_cast<std::size_t>(i)]; });
    if (!has) {
        auto it = std::find_if(rest.begin(), rest.end(), [&](int i) {
            return mentions[static_cast<std::size_t>(i)] && !story.sentences[static_cast<std::size_t>(i)].leans;
        });
        if (it != rest.end()) {
            intro.push_back(*it);
            rest.erase(it);
        }
    }
    return intro;
}

// The end of the longest source: where a journalist sums the story up.
std::vector<int> take_conclusion(const Story& story, std::vector<int>& rest) {
    std::size_t main = 0;
    for (std::size_t i = 1; i < story.sources.size(); ++i)
        if (story.sources[i].info.words > story.sources[main].info.words) main = i;
    std::vector<int> from_main;
    for (int i : rest)
        if (story.sentences[static_cast<std::size_t>(i)].source == static_cast<int>(main)) from_main.push_back(i);
    std::sort(from_main.begin(), from_main.end(), [&](int a, int b) {
        return story.sentences[static_cast<std::size_t>(a)].position < story.sentences[static_cast<std::size_t>(b)].position;
    });
    std::vector<int> out;
    std::size_t words = 0;
    while (!from_main.empty() && words < kConclusionWords / 2) {
        const int i = from_main.back();
        from_main.pop_back();
        words += words_of(story, {i});
        out.insert(out.begin(), i);
    }
    std::erase_if(rest, [&](int i) { return std::find(out.begin(), out.end(), i) != out.end(); });
    return out;
}

// A leaning sentence right after the sentence it leans on, or left out: "Ce premier
// client..." says nothing after another fact. The other sentences keep their order.
std::vector<int> leaning_in_place(const Story& story, const std::vector<int>& ids) {
    std::vector<int> out;
    const auto place = [&](const auto& self, int i) -> void {
        out.push_back(i);
        for (int j : ids)
            if (const StorySentence& s = story.sentences[static_cast<std::size_t>(j)]; s.leans && s.leans_on == i) self(self, j);
    };
    for (int i : ids)
        if (!story.sentences[static_cast<std::size_t>(i)].leans) place(place, i);
    return out;
}

// The sentences that lean on one of `ids` and wait unused in `spare`, each placed right
// after the one it leans on while the part stays within `max_words` and the sentence
// repeats nothing `said`: a quotation "a-t-il insisté" after the sentence naming him. They
// leave `spare` and join `said`.
std::vector<int> with_followers(const Story& story, const std::vector<int>& ids, std::vector<bool>& spare, std::size_t max_words,
                                Said& said) {
    std::vector<int> out;
    std::size_t words = words_of(story, ids);
    const auto place = [&](const auto& self, int i) -> void {
        out.push_back(i);
        for (std::size_t j = 0; j < story.sentences.size(); ++j) {
            const StorySentence& s = story.sentences[j];
            if (!spare[j] || !s.leans || s.leans_on != i || words + s.words > max_words || said.repeated(s)) continue;
            spare[j] = false;
            words += s.words;
            said.add(s);
            self(self, static_cast<int>(j));
        }
    };
    for (int i : ids) place(place, i);
    return out;
}

// Sections over the size limit are cut in two at the sentence nearest their middle, never
// between a sentence and the one that leans on it.
std::vector<std::vector<int>> within_limit(const Story& story, std::vector<int> ids) {
    if (words_of(story, ids) <= kSectionMaxWords || ids.size() < 2) return {ids};
    const std::size_t half = words_of(story, ids) / 2;
    std::size_t cut = 1, acc = 0;
    for (; cut < ids.size(); ++cut) {
        acc += words_of(story, {ids[cut - 1]});
        if (acc >= half) break;
    }
    while (cut + 1 < ids.size() && story.sentences[static_cast<std::size_t>(ids[cut])].leans) ++cut;
    auto left = within_limit(story, {ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(cut)});
    auto right = within_limit(story, {ids.begin() + static_cast<std::ptrdiff_t>(cut), ids.end()});
    left.insert(left.end(), right.begin(), right.end());
    return left;
}

bool heading_mentions(const std::string& heading, const std::vector<analysis::Keyphrase>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const analysis::Keyphrase& k) { return analysis::contains_all(k, heading); });
}

// 30-75% of the subheadings name the keyphrase or a synonym: enough for the reader to
// see the topic, not so many that the headings read as stuffing.
void write_headings(const Story& story, const std::vector<bool>& mentions, Plan& plan) {
    std::vector<analysis::Keyphrase> phrases{analysis::make_keyphrase(plan.keyphrase, MatchMode::French)};
    for (const std::string& s : plan.synonyms) phrases.push_back(analysis::make_keyphrase(s, MatchMode::French));
    const HeadingWriter heading_for(story, plan.keyphrase);
    std::vector<std::string> taken;
    for (PlannedSection& s : plan.sections) {
        s.heading = heading_for(s.sentences, taken, false);
        taken.push_back(s.heading);
    }
    const std::size_t n = plan.sections.size();
    const std::size_t low = (n * 3 + 9) / 10;
    auto count = [&] {
        return static_cast<std::size_t>(std::count_if(plan.sections.begin(), plan.sections.end(),
                                                       [&](const PlannedSection& s) { return heading_mentions(s.heading, phrases); }));
    };
    std::vector<std::size_t> order(n), mentions_in(n);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t k = 0; k < n; ++k)
        for (int i : plan.sections[k].sentences) mentions_in[k] += mentions[static_cast<std::size_t>(i)];
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mentions_in[a] > mentions_in[b]; });
    for (std::size_t k : order) {
        if (count() >= low) break;
        PlannedSection& s = plan.sections[k];
        if (heading_mentions(s.heading, phrases)) continue;
        std::erase(taken, s.heading);
        s.heading = heading_for(s.sentences, taken, true);
        taken.push_back(s.heading);
    }
}

}  // namespace

Plan plan_article(const Story& story, const KeyphraseChoice& keyphrase, std::size_t target_words, const Avoid& avoid) {
    Plan plan;
    plan.keyphrase = keyphrase.keyphrase;
    plan.synonyms = keyphrase.synonyms;
    plan.target_words = target_words;
    const analysis::Keyphrase kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::French);
    std::vector<int> rest;
    for (std::size_t i = 0; i < story.sentences.size(); ++i)
        if (usable(story.sentences[i])) rest.push_back(static_cast<int>(i));
    const std::vector<bool> mentions = mentions_of(story, kp);
    // The lead stays whatever the check found hard to read: it is the news.
    plan.intro = leaning_in_place(story, take_intro(story, mentions, rest));
    std::erase_if(rest, [&](int i) { return avoided(story.sentences[static_cast<std::size_t>(i)], avoid); });
    std::vector<bool> spare(story.sentences.size(), false);  // usable, in no part of the plan yet
    for (int i : rest) spare[static_cast<std::size_t>(i)] = true;
    std::vector<int> conclusion = leaning_in_place(story, take_conclusion(story, rest));
    const std::size_t told = words_of(story, plan.intro) + words_of(story, conclusion);
    const auto budget = static_cast<std::size_t>(static_cast<double>(target_words) * kLengthMargin);
    Said said;
    for (const auto* part : {&plan.intro, &conclusion})
        for (int i : *part) said.add(story.sentences[static_cast<std::size_t>(i)]);
    rest = select(story, rest, budget > told ? budget - told : 0, mentions, said);
    for (const auto* part : {&plan.intro, &conclusion, &rest})
        for (int i : *part) spare[static_cast<std::size_t>(i)] = false;
    plan.intro = with_followers(story, plan.intro, spare, kIntroMaxWords, said);
    conclusion = with_followers(story, conclusion, spare, kConclusionWords + kIntroMaxWords - kIntroWords, said);

    std::vector<Unit> units = units_of(story, rest);
    add_tfidf(story, units);
    const std::size_t body = words_of(story, rest);
    const std::size_t target = std::max<std::size_t>(3, (body + kSectionWords - 1) / kSectionWords);
    for (const Cluster& c : group(story, units, target)) {
        std::vector<int> ids;
        for (std::size_t u : c.units) ids.insert(ids.end(), units[u].sentences.begin(), units[u].sentences.end());
        std::sort(ids.begin(), ids.end());
        ids = with_followers(story, leaning_in_place(story, ids), spare, kSectionMaxWords, said);
        for (auto& part : within_limit(story, ids)) plan.sections.push_back({"", std::move(part), false});
    }
    if (!conclusion.empty()) plan.sections.push_back({"", conclusion, true});
    write_headings(story, mentions, plan);
    return plan;
}

}  // namespace plume::write
