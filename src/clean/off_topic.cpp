// Off-topic paragraphs: the story's vocabulary recurs from paragraph to paragraph and from
// source to source; a promotional paragraph's does not. Cohesion alone cannot tell an offer
// from a quotation or an aside, which share as few of the story's words: a paragraph
// shunned by the story goes when it also carries a signal of the promotional register
// (clean/promo.hpp), any one of them, or when it tells of a seller in the third person.
//
// A paragraph is judged by the share of its content stems that some other block, title or
// heading uses, its neighbours left out so that two promos in a row cannot vouch for each
// other. Every stem counts the same: weighting by rarity would punish the details that a
// story paragraph alone gives (a farmer's name, his village), which make it no less the
// story's. A paragraph naming the story's main subject is the story's, however short.
// A digression can run over several paragraphs: a neighbour of an off-topic paragraph goes
// with it when they share words that nothing else in the sources uses (a product and a
// brand named in both), however much general vocabulary it shares with the story.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "clean/boilerplate.hpp"
#include "clean/clean.hpp"
#include "clean/promo.hpp"
#include "clean/vocabulary.hpp"
#include "plume/text.hpp"
#include "write/cues.hpp"
#include "write/story.hpp"
#include "text/chars.hpp"

namespace plume::write {

namespace {

// Paragraphs this far from the judged one, in its own source, are its window.
constexpr int kWindow = 1;
// Too few stems to judge: a short paragraph may share little and still belong.
constexpr std::size_t kMinStems = 8;
// Below a share of its stems found elsewhere, a paragraph is off-topic. Each account of
// the story echoes a story paragraph's words, so the share grows with the sources: the
// threshold is this much per source, up to kMaxMinShared. Measured on the examples and the
// seeds, in every combination of their sources: story paragraphs share at least 0.13 alone,
// 0.22 with two sources, 0.33 with three or more; the promotional ones 0.03-0.19.
constexpr double kMinSharedPerSource = 0.1;
constexpr double kMaxMinShared = 0.25;
// An offer under the register's threshold, or an advertorial telling of a brand in the
// story's general words (« la hausse des prix de l'énergie »), shares more of them than the
// off-topic threshold allows: below this share, a paragraph scoring this much of the
// promotional register, or carrying this many classes of the third-person pitch, is noise.
// Measured over 4,970 paragraphs of real text (the corpus's articles cut in paragraphs of
// two sentences, its 30 pages, the seeds, the examples, the held-out noise sets' stories)
// and 106 promotions that the register's threshold left: together they removed 12 of the
// promotions and no real paragraph; two pitch classes would have removed 9 real paragraphs
// (an auction, a scam selling a brand's robot, a train fare reduction), a score of 2, 10
// (quotations addressing their listener). A firm's profile (its founding, rank or products)
// counts with the classes, its noun and the customers it counts too: over the corpus's 240
// articles cut in paragraphs (2,675 real ones) and a held-out set of 39 advertorials, three
// classes with one of the profile's removed 16 more of them and no real paragraph; without
// the profile's, two (a rail operator's fare reduction, an airline selling tickets).
constexpr double kRegisterMaxShared = 0.3;
constexpr double kMinRegisterScore = 2.5;
constexpr std::size_t kMinPitchClasses = 3;
// Nouns and names of its own that a neighbour shares with an off-topic paragraph to go with it.
constexpr std::size_t kMinDigressionWords = 2;
// A paragraph using a word of the story's main subject, one that this share of the other
// paragraphs use ("puces", "OpenAI"), belongs to it however little else it shares: a short
// "OpenAI did not answer our request" is the story's.
constexpr double kCentralShare = 0.25;
// A paragraph is judged against at least this many units outside its window, or this many
// words (about two paragraphs): a title and a short neighbour cannot tell a long
// paragraph's vocabulary from the story's; a title and the half of a flattened page can.
constexpr std::size_t kMinJudges = 3;
constexpr std::size_t kMinJudgeWords = 150;
// A pasted title runs up to this many words (parse_text's limit).
constexpr std::size_t kTitleMaxWords = 25;
// Noise is short: promotions and asides run 30 to 100 words (over the corpus test's noise and
// three sets of 20 to 25 promotions written apart). A longer paragraph is the story (a
// flattened page arrives as one paragraph of 600 words), and so is each part of it that the
// reader cut at a subheading; as a neighbour, it may vouch.
constexpr std::size_t kMaxNoiseWords = 100;

// Two paragraphs the same, typography aside: the same stems and words. Two accounts of one
// fact in the same vocabulary differ in their words.
bool copies(const Unit& a, const Unit& b) { return !a.stems.empty() && a.words == b.words && a.stems == b.stems; }

// How the units' stems recur, counted once for all: each query costs a few lookups per
// stem, whatever the length of the sources.
class Cohesion {
public:
    explicit Cohesion(const std::vector<Unit>& units) : units_(units), window_(units.size()) {
        for (const Unit& u : units) {
            for (const std::string& s : u.stems) ++users_[s];
            words_ += u.words;
        }
        // Units of a source come in block order: a window is the unit and its neighbours
        // that may be noise too. A neighbour longer than a promotion is the story, which may
        // vouch for it (a promotion pasted inside a flattened page has the page's two halves
        // around it, and the title alone could not judge it).
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (units[i].order < 0) continue;
            for (std::size_t j = i; j-- > 0 && units[j].source == units[i].source;)
                if (units[j].order >= 0) {
                    if (units[i].order - units[j].order > kWindow) break;
                    if (units[j].words <= kMaxNoiseWords && units[i].words <= kMaxNoiseWords) {
                        window_[i].push_back(static_cast<int>(j));
                        window_[j].push_back(static_cast<int>(i));
                    }
                }
            window_[i].push_back(static_cast<int>(i));
        }
        // A paragraph pasted in several sources between paragraphs that are not is no
        // corroboration: its copies may not vouch for it (a promotion both pages carried would
        // share all its words with the story). Where its neighbours have copies too, the
        // sources tell the same story in the same words (one dispatch on two sites).
        std::vector<std::vector<std::size_t>> copy_of(units.size());
        for (std::size_t i = 0; i < units.size(); ++i)
            for (std::size_t j = i + 1; j < units.size(); ++j)
                if (units[i].order >= 0 && units[j].order >= 0 && units[j].source != units[i].source &&
                    units[i].words <= kMaxNoiseWords && units[j].words <= kMaxNoiseWords && copies(units[i], units[j])) {
                    copy_of[i].push_back(j);
                    copy_of[j].push_back(i);
                }
        const auto pasted = [&](std::size_t i) {
            const auto copied_neighbour = [&](std::size_t k) {
                return k < units.size() && units[k].source == units[i].source && units[k].order >= 0 && !copy_of[k].empty();
            };
            return !copied_neighbour(i - 1) && !copied_neighbour(i + 1);  // i - 1 wraps past 0
        };
        for (std::size_t i = 0; i < units.size(); ++i)
            for (std::size_t j : copy_of[i])
                if (i < j && pasted(i) && pasted(j)) {
                    window_[i].push_back(static_cast<int>(j));
                    window_[j].push_back(static_cast<int>(i));
                }
    }

    // Whether unit i uses a word of the story's main subject: one that kCentralShare of the
    // units outside its window use, two at least.
    bool central(int i) const {
        const double others = static_cast<double>(units_.size() - window_[i].size());
        return std::any_of(units_[i].stems.begin(), units_[i].stems.end(), [&](const std::string& s) {
            const std::size_t n = users_outside(i, s);
            return n >= 2 && static_cast<double>(n) >= kCentralShare * others;
        });
    }

    // Share of unit i's stems that a unit outside its window uses.
    double shared(int i) const {
        const auto& stems = units_[i].stems;
        if (stems.empty()) return 1.0;
        const auto n =
            std::count_if(stems.begin(), stems.end(), [&](const std::string& s) { return users_outside(i, s) > 0; });
        return static_cast<double>(n) / static_cast<double>(stems.size());
    }

    // How many units outside unit i's window vouch for it or not.
    // Whether enough of the sources lie outside unit i's window to judge it.
    bool judged(int i) const { return units_.size() - window_[i].size() >= kMinJudges || words_ - window_words(i) >= kMinJudgeWords; }

    // Whether no unit outside unit i's window uses the stem.
    bool unused_outside(int i, const std::string& stem) const {
        const auto it = users_.find(stem);
        return it == users_.end() || users_outside(i, stem) == 0;
    }

    // Whether unit j is the only other unit using the stem.
    bool shared_only_with(int j, const std::string& stem) const {
        const auto it = users_.find(stem);
        return it != users_.end() && it->second == 2 && uses(j, stem);
    }

private:
    bool uses(int unit, const std::string& stem) const {
        const auto& stems = units_[unit].stems;
        return std::binary_search(stems.begin(), stems.end(), stem);
    }

    std::size_t window_words(int i) const {
        std::size_t n = 0;
        for (int j : window_[i]) n += units_[static_cast<std::size_t>(j)].words;
        return n;
    }

    std::size_t users_outside(int i, const std::string& stem) const {
        const auto in_window =
            std::count_if(window_[i].begin(), window_[i].end(), [&](int j) { return uses(j, stem); });
        return users_.at(stem) - static_cast<std::size_t>(in_window);
    }

    const std::vector<Unit>& units_;
    std::unordered_map<std::string_view, std::size_t> users_;  // units using each stem
    std::size_t words_ = 0;                                    // of all the units
    // The units that may not vouch for each paragraph, list item or quote: itself and its
    // neighbours in its source. Titles and headings have none: they sum up the text they head.
    std::vector<std::vector<int>> window_;
};

// The stems of the story's main subject: the names (capitalised words, acronyms of three
// letters or more: « IA » is a field, not a subject) of each source's title that its lead
// uses too.
std::vector<std::string> subject(const std::vector<CleanSource>& sources, const std::vector<int>& lead_blocks) {
    std::vector<std::string> out;
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const CleanSource& source = sources[s];
        if (lead_blocks[s] < 0) continue;
        std::vector<std::string> said = content_stems(source.blocks[static_cast<std::size_t>(lead_blocks[s])].text);
        std::sort(said.begin(), said.end());
        const std::string& title = source.info.title;
        for (const text::Token& t : text::tokenize(title)) {
            const std::string_view word = std::string_view(title).substr(t.base, t.end - t.base);
            const bool name = t.kind == text::TokenKind::Word && text::chars::is_upper(text::chars::decode(word, 0).cp);
            const bool acronym = text::lowercase(word) != word && text::strip_accents(word) == word &&
                                 std::all_of(word.begin(), word.end(), [](char c) { return c < 'a' || c > 'z'; });
            if (!name || (acronym && word.size() < 3)) continue;
            for (std::string& stem : content_stems(word))
                if (std::binary_search(said.begin(), said.end(), stem)) out.push_back(std::move(stem));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A headline the reader took for a paragraph: a title's length, ending on a question mark
// (a title line without final punctuation is the parser's title).
bool headline(const std::vector<CleanSource>& sources, const Unit& u) {
    const std::string_view text = sources[u.source].blocks[u.block].text;
    return u.words <= kTitleMaxWords && text.ends_with('?');
}

// The name of a firm a paragraph opens by introducing with its trade: a determiner, a noun
// of data/fr/firm_nouns.txt in small letters, then a capitalised word within four words
// (« Le cabinet de recrutement Talentis », « L'assureur mutualiste Prévia »), at its start
// or after an opening phrase set off by its comma (« Spécialisé dans la téléconsultation,
// le service MédiConnect »). Empty when it opens on none.
std::string introduced_firm(std::string_view text) {
    constexpr std::size_t kOpeningBytes = 90, kNameWithin = 4;
    const std::vector<text::Token> tokens = text::tokenize(text);
    const auto starts = [&](std::size_t k) {
        const bool after_comma = k > 0 && tokens[k - 1].view(text) == ",";
        return k == 0 || (after_comma && tokens[k].begin <= kOpeningBytes);
    };
    for (std::size_t k = 0; k + 1 < tokens.size() && tokens[k].begin <= kOpeningBytes; ++k) {
        if (!starts(k)) continue;
        const text::Token& t = tokens[k];
        const std::string det = match_form(text.substr(t.begin, t.end - t.begin));
        // « L'assureur » is one token, its elision first; « le cabinet » two.
        const bool elided = det.starts_with("l'") && t.base > t.begin;
        const std::size_t noun = elided ? k : k + 1;
        if (!elided && det != "le" && det != "la" && det != "les") continue;
        const std::string_view word = text.substr(tokens[noun].base, tokens[noun].end - tokens[noun].base);
        if (tokens[noun].kind != text::TokenKind::Word || text::chars::is_upper(text::chars::decode(word, 0).cp) ||
            !text::word_list("firm_nouns").contains(match_form(word)))
            continue;
        for (std::size_t j = noun + 1, words = 0; j < tokens.size() && words < kNameWithin; ++j) {
            if (tokens[j].kind == text::TokenKind::Punct) break;  // the name comes before any comma
            const std::string_view w = text.substr(tokens[j].base, tokens[j].end - tokens[j].base);
            // « Le refuge Les Pattes du Bocage »: the name's article is no name.
            const bool article = text::word_list("function_words").contains(text::lowercase(w));
            if (tokens[j].kind == text::TokenKind::Word && text::chars::is_upper(text::chars::decode(w, 0).cp) && !article)
                return std::string(w);
            ++words;
        }
    }
    return {};
}

// Whether a paragraph cites the firm it names as the source of its news: « selon Sky
// News », or the name then a clause it reports within a few words (« la chaîne Sky News
// avait révélé que… »). A news report quotes media and firms; an advertorial tells what the
// firm does.
bool cites(std::string_view text, std::string_view firm) {
    constexpr std::size_t kReportWithin = 6;
    const std::vector<text::Token> tokens = text::tokenize(text);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (text.substr(tokens[k].base, tokens[k].end - tokens[k].base) != firm) continue;
        if (k > 0 && match_form(tokens[k - 1].view(text)) == "selon") return true;
        for (std::size_t j = k + 1; j < tokens.size() && j <= k + kReportWithin; ++j) {
            const std::string form = match_form(tokens[j].view(text));
            if (form == "que" || form.starts_with("qu'")) return true;
            if (tokens[j].kind == text::TokenKind::Punct && form != "-") break;
        }
    }
    return false;
}

// Why a paragraph speaks the promotional register over the off-topic judge's bar, an offer
// under the threshold or three classes of the third-person pitch (three without the firm's
// profile, or with it); empty when it does not.
std::string register_reason(std::string_view text) {
    if (promo_score(text) >= kMinRegisterScore) return "promotional paragraph: " + promo_signals(text);
    const PitchClasses pitch = pitch_classes(text);
    if (pitch.classes.size() < kMinPitchClasses || (pitch.plain < kMinPitchClasses && !pitch.profile)) return {};
    std::string reason = "advertorial paragraph:";
    for (std::string_view c : pitch.classes) reason += std::string(reason.ends_with(':') ? " " : ", ") + std::string(c);
    return reason;
}

// Each source's lead, as the index of its unit (-1 when it has no prose): its first prose
// unit that shares a word with its title, a headline taken for a paragraph aside; else its
// first prose unit. A promotion pasted between the title and the story shares none of the
// title's words, or speaks the register (« La néobanque… revendique… ses clients »): the
// story's first paragraph is the lead, which the page's noise is not.
std::vector<int> leads(const std::vector<CleanSource>& sources, const std::vector<Unit>& units) {
    std::vector<int> first(sources.size(), -1), sharing(sources.size(), -1);
    std::vector<const Unit*> title(sources.size(), nullptr);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (u.block < 0) title[u.source] = &u;
        if (!u.prose || sharing[u.source] >= 0) continue;
        if (first[u.source] < 0 && headline(sources, u)) continue;  // the headline, not the lead
        const Unit* t = title[u.source];
        const bool shares = t && std::any_of(u.stems.begin(), u.stems.end(), [&](const std::string& st) {
            return std::binary_search(t->stems.begin(), t->stems.end(), st);
        });
        if ((first[u.source] >= 0 && !shares) || !register_reason(sources[u.source].blocks[u.block].text).empty()) continue;
        if (first[u.source] < 0) first[u.source] = static_cast<int>(i);
        if (shares) sharing[u.source] = static_cast<int>(i);
    }
    for (std::size_t s = 0; s < sources.size(); ++s)
        if (sharing[s] < 0) sharing[s] = first[s];
    return sharing;
}

// Whether a paragraph holds no conjugated verb: a listing (« À vendre — Maison de ville 95 m²,
// 3 chambres… 238 000 € FAI. Agence du Parc, tél. … »), not a story's sentence. A form that
// is a noun too conjugates after its subject, a name or a pronoun (« Mme Haddad dit
// souhaiter… », « elle dit »).
bool verbless(std::string_view text) {
    bool after_subject = false;
    for (const text::Token& t : text::tokenize(text)) {
        if (t.kind != text::TokenKind::Word) {
            after_subject = false;
            continue;
        }
        const std::string_view w = t.view(text);
        const std::string lower = text::lowercase(w);
        const text::WordReadings r = text::word_readings(lower);
        if (text::conjugated(lower, r) || (after_subject && r.finite_verb)) return false;
        after_subject = text::subject_pronoun(lower) || text::chars::is_upper(text::chars::decode(w, 0).cp);
    }
    return true;
}

// Paragraphs cohesion may never remove: a source's lead, a paragraph naming the story's
// main subject (but a listing), one too long to be noise, one with too few others to
// judge it by. A single source is never emptied nor cut by more than its noise.
std::vector<bool> kept_anyway(const std::vector<CleanSource>& sources, const std::vector<Unit>& units,
                              const Cohesion& cohesion) {
    const std::vector<int> lead = leads(sources, units);
    std::vector<int> lead_blocks(sources.size(), -1);
    for (std::size_t s = 0; s < sources.size(); ++s)
        if (lead[s] >= 0) lead_blocks[s] = units[static_cast<std::size_t>(lead[s])].block;
    const std::vector<std::string> main = subject(sources, lead_blocks);
    std::vector<bool> out(units.size(), false);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        const bool names_subject = std::any_of(u.stems.begin(), u.stems.end(), [&](const std::string& s) {
            return std::binary_search(main.begin(), main.end(), s);
        });
        const auto& lines = sources[u.source].line_words;
        const std::size_t words = u.block >= 0 && static_cast<std::size_t>(u.block) < lines.size()
                                      ? std::max(u.words, lines[u.block])
                                      : u.words;
        // A listing names the subject by chance (« proche écoles et commerces, Angers »).
        const bool listing = names_subject && u.block >= 0 && verbless(sources[u.source].blocks[u.block].text);
        out[i] = lead[u.source] == static_cast<int>(i) || (names_subject && !listing) || words > kMaxNoiseWords ||
                 !cohesion.judged(static_cast<int>(i));
    }
    return out;
}

// Why a unit is off-topic; empty when it is not.
std::string judge(const std::vector<CleanSource>& sources, const Unit& u, const Cohesion& cohesion, int i, double threshold) {
    const std::string& text = sources[u.source].blocks[u.block].text;
    const double shared = cohesion.shared(i);
    // A word of the story's subject keeps a paragraph that tells something of it; a listing
    // tells nothing, and shares a word by chance (« proche écoles et commerces » in a story on
    // the trade of animals). Over the corpus's 2,675 real paragraphs, none is such a
    // listing; without the offer's signal, 1 of them is (« Des cas de mortalité constatés…»).
    if (shared < threshold && (!cohesion.central(i) || verbless(text)) && promo_signal(text)) return "off-topic paragraph";
    if (shared >= kRegisterMaxShared) return {};
    // A listing with an offer's word (« Entrée 6 €, verre offert, billets en vente ») sells,
    // though its place or its theme is the story's: the corpus's 2,675 real paragraphs hold
    // none under the register's bar; with any signal, weighted or not, two (a verb the
    // lexicon misses: « apparait »).
    if (verbless(text) && promo_score(text) > 0) return "listing: " + promo_signals(text);
    if (std::string reason = register_reason(text); !reason.empty()) return reason;
    // A firm the sources name nowhere else, introduced with its trade: the paragraph tells of
    // it, not of the story.
    if (const std::string firm = introduced_firm(text); !firm.empty()) {
        const std::vector<std::string> name = content_stems(firm);
        if (!name.empty() && cohesion.unused_outside(i, name.front()) && !cites(text, firm))
            return "advertorial paragraph: a firm the story never names (" + firm + ")";
    }
    return {};
}

// A word that binds a digression to the paragraph before it: a noun or a name, not a verb
// (« prend ») nor a unit (« minutes »), which any two paragraphs may share.
bool subject_word(std::string_view word) {
    static const auto& measures = text::word_list("measure_words");
    const std::string lower = text::lowercase(word);
    const text::WordReadings r = text::word_readings(lower);
    return (r.noun || !r.known) && !measures.contains(lower);
}

// How many subject words of a unit's text unit j alone shares with it.
std::size_t private_words(const Cohesion& cohesion, std::string_view text, int j) {
    std::vector<std::string> bound;
    for (const text::Token& t : text::tokenize(text)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string_view word = text.substr(t.base, t.end - t.base);
        if (const std::string& stem = content_stem(word); !stem.empty() && cohesion.shared_only_with(j, stem) && subject_word(word))
            bound.push_back(stem);
    }
    std::sort(bound.begin(), bound.end());
    return static_cast<std::size_t>(std::unique(bound.begin(), bound.end()) - bound.begin());
}

// Why each unit is off-topic; empty for those that are not.
std::vector<std::string> off_topic(const std::vector<CleanSource>& sources, const std::vector<Unit>& units) {
    const Cohesion cohesion(units);
    const std::vector<bool> keep = kept_anyway(sources, units, cohesion);
    const double threshold = std::min(kMaxMinShared, kMinSharedPerSource * static_cast<double>(sources.size()));
    const int n = static_cast<int>(units.size());
    std::vector<std::string> out(units.size());
    std::vector<int> previous(units.size(), -1);  // the unit of the same source one order before
    for (int i = 0, last = -1; i < n; ++i) {
        if (units[i].order < 0) continue;
        if (last >= 0 && units[last].source == units[i].source) previous[i] = last;
        last = i;
        if (units[i].prose && !keep[i] && units[i].stems.size() >= kMinStems) out[i] = judge(sources, units[i], cohesion, i, threshold);
    }
    // Spread to neighbours bound to an off-topic paragraph by their own words, both ways.
    for (bool grew = true; grew;) {
        grew = false;
        for (int i = 0; i < n; ++i) {
            const int j = previous[i];
            if (j < 0 || out[i].empty() == out[j].empty()) continue;
            const int stays = out[i].empty() ? i : j;
            const std::string_view text = sources[units[stays].source].blocks[units[stays].block].text;
            if (units[stays].prose && !keep[stays] && private_words(cohesion, text, stays == i ? j : i) >= kMinDigressionWords) {
                out[stays] = out[stays == i ? j : i];
                grew = true;
            }
        }
    }
    return out;
}

}  // namespace

void remove_off_topic(std::vector<CleanSource>& sources, std::vector<Unit>& units, std::vector<Removal>& removals) {
    const std::vector<std::string> why = off_topic(sources, units);
    std::vector<std::vector<std::pair<int, const std::string*>>> blocks_gone(sources.size());
    for (std::size_t i = 0; i < units.size(); ++i)
        if (!why[i].empty()) blocks_gone[units[i].source].emplace_back(units[i].block, &why[i]);
    for (std::size_t s = 0; s < sources.size(); ++s) {
        auto& blocks = sources[s].blocks;
        for (const auto& [b, reason] : blocks_gone[s]) {
            removals.push_back({static_cast<int>(s), RemovalReason::OffTopic, *reason, blocks[b].text});
            sources[s].info.words -= std::min(sources[s].info.words, text::count_words(blocks[b].text));
        }
        auto& lines = sources[s].line_words;
        for (auto it = blocks_gone[s].rbegin(); it != blocks_gone[s].rend(); ++it) {
            blocks.erase(blocks.begin() + it->first);
            if (static_cast<std::size_t>(it->first) < lines.size()) lines.erase(lines.begin() + it->first);
        }
    }
    // The units left, their blocks renumbered: a removed block was a paragraph, so the
    // blocks and the paragraphs after it move back alike.
    std::vector<Unit> kept;
    for (std::size_t i = 0, before = 0; i < units.size(); ++i) {
        if (i > 0 && units[i].source != units[i - 1].source) before = 0;
        if (!why[i].empty()) {
            ++before;
            continue;
        }
        Unit& u = kept.emplace_back(std::move(units[i]));
        if (u.block >= 0) u.block -= static_cast<int>(before);
        if (u.order >= 0) u.order -= static_cast<int>(before);
    }
    units = std::move(kept);
}

}  // namespace plume::write
