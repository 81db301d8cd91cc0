#include "fuse/fuse.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "plume/text.hpp"
#include "text/quote_role.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

// Share of the smaller sentence's distinct content words found in the other: above
// this, the two sentences report the same fact.
constexpr double kDuplicate = 0.6;
// Two sentences giving the same two figures or more need fewer words in common: sources
// reword around the figures ("pouvant transporter 300 passagers" / "capables d'emporter
// 300 passagers").
constexpr double kDuplicateSameFigures = 0.4;
constexpr std::size_t kSameFigures = 2;
// Two sources rewording one fact around a phrase both copy from the wire (« selon
// l'association X, … », « l'islam interdisant les représentations figuratives ») share fewer
// words, but that phrase: half of the smaller sentence's stems and a run of this many content
// stems in the same order, when one of them names no person, place or figure the other does
// not (else it brings a fact and stays). Measured on the 25 corpus pairs: see docs/write.md.
constexpr double kDuplicateSameRun = 0.5;
constexpr std::size_t kSameRun = 4;
// A paragraph that is a short question is a subheading of the source ("Quelles stations ?").
constexpr std::size_t kQuestionHeadingWords = 8;
// Very short sentences ("Il a raison.") say too little to be judged duplicates.
constexpr std::size_t kMinStems = 4;
// One source tells a fact twice on purpose (the lead restates the body, a figure is
// recalled with its context): two of its sentences are one only when the page repeats
// itself, nearly every word of the longer one in the shorter.
constexpr double kRepeat = 0.8;
// An addition relates to the base paragraph holding a sentence that shares this share of
// its words: less, and it says something the base does not touch.
constexpr double kRelated = 0.2;
// An addition whose distinct content words the story has already told at this share (the
// base and the additions before it together), bringing no new name, figure or quotation,
// restates the story: five sources' leads say the same thing in five wordings.
constexpr double kAlreadyTold = 0.7;
// A stem held by more sentences than this proposes no pair to compare (see
// StemIds::candidates): the work stays within this many comparisons per word. Measured
// on the corpus's 265 stories (61 sentences at most): its most common stem is in 22 sentences
// of its story, the rarest stem two sentences telling one fact share in 6 at most, the
// rarest an addition shares with a related base paragraph in 17: every pair is found.
constexpr std::size_t kRareStem = 100;

bool is_figure(const std::string& stem) { return !stem.empty() && stem[0] >= '0' && stem[0] <= '9'; }

// What the first quotation mark of a block does: « » » closes, « « » opens, a straight quote
// as typography reads it after a quotation left open (`…ans", a-t-il ajouté` closes). A
// quotation a block before left open goes on into a block without marks or one whose first
// mark closes it; a block whose first mark opens starts afresh: the mark left open before it
// was a stray one, which would pair with the wrong quotes.
enum class FirstMark { None, Opens, Closes };
FirstMark first_mark(std::string_view text) {
    for (std::size_t i = text.find_first_of("\"\xc2"); i != std::string_view::npos; i = text.find_first_of("\"\xc2", i + 1)) {
        if (text.compare(i, 2, "«") == 0) return FirstMark::Opens;
        if (text.compare(i, 2, "»") == 0) return FirstMark::Closes;
        if (text[i] != '"') continue;  // another character of two bytes (a no-break space)
        switch (text::straight_quote_role(text, i, /*quoting=*/true)) {
            case text::QuoteRole::Open: return FirstMark::Opens;
            case text::QuoteRole::Close: return FirstMark::Closes;
            case text::QuoteRole::None: break;  // spaced on both sides, an inch mark
        }
    }
    return FirstMark::None;
}

// Sentences of a block, a quotation the sentence splitter cut joined back whole: the
// quote balance is read on the block from its start, so a quote opening before the
// splitter's first sentence counts too. `carried`: a quotation a block before left open,
// which this block's first closing mark ends (`…ans", a-t-il ajouté.` is one sentence,
// not the whole paragraph joined up to its end).
std::vector<std::string> whole_sentences(const std::string& text, QuoteBalance carried) {
    std::vector<std::string> out;
    std::size_t begin = std::string::npos;
    QuoteBalance balance = carried;  // of the block up to the last sentence read: each byte read once
    std::size_t read = 0;
    for (const text::Span& s : text::split_sentences(text)) {
        if (begin == std::string::npos) begin = s.begin;
        balance += quote_balance(std::string_view(text).substr(read, s.end - read));
        read = s.end;
        if (balance.open()) continue;
        out.push_back(text.substr(begin, s.end - begin));
        begin = std::string::npos;
    }
    if (begin != std::string::npos) out.push_back(text.substr(begin));
    return out;
}

bool question_heading(const Block& b) {
    return b.kind == BlockKind::Paragraph && b.text.ends_with("?") && text::words_at_most(b.text, kQuestionHeadingWords) &&
           text::split_sentences(b.text).size() == 1;
}

bool is_heading(const Block& b) { return b.kind == BlockKind::Heading || question_heading(b); }

// The content stems of the text under blocks[bi], up to the next subheading.
std::set<std::string> section_stems(const std::vector<Block>& blocks, std::size_t bi) {
    std::set<std::string> below;
    for (std::size_t k = bi + 1; k < blocks.size() && !is_heading(blocks[k]); ++k)
        for (std::string& st : content_stems(blocks[k].text)) below.insert(std::move(st));
    return below;
}

// The share of a subheading's content words its section tells: of subheadings in a row,
// the source's own (« - Des TGV pour l'été - ») tells more than a widget's line set under
// it (« Prévisions météo à 7 jours »).
double told_share(const std::set<std::string>& section, const std::string& heading) {
    std::set<std::string> words;
    for (std::string& st : content_stems(heading)) words.insert(std::move(st));
    const auto told = std::count_if(words.begin(), words.end(), [&](const std::string& st) { return section.contains(st); });
    return words.empty() ? 0 : static_cast<double>(told) / static_cast<double>(words.size());
}

// Whether paragraph bi ends on a colon and a list follows it: the items it announces.
bool announces_list(const std::vector<Block>& blocks, std::size_t bi) {
    return blocks[bi].kind == BlockKind::Paragraph && blocks[bi].text.ends_with(':') && bi + 1 < blocks.size() &&
           blocks[bi + 1].kind == BlockKind::ListItem;
}

// A quotation left open longer than this is a stray quotation mark, not a speech.
constexpr std::size_t kQuotationMaxWords = 150;

std::vector<StorySentence> sentences_of(const CleanSource& src, int index) {
    std::vector<StorySentence> out;
    std::size_t total = 0;
    for (const Block& b : src.blocks) total += b.text.size();
    std::size_t done = 0;
    std::string heading;
    // The source's sentences since a quotation opened and is not closed: their quotation
    // marks and words, added up sentence by sentence (a quotation mark left open before a
    // million sentences without words would be read again at each).
    struct {
        bool open = false;
        QuoteBalance balance;
        std::size_t words = 0;
    } quoted;
    // How the source writes its words, read when a subheading in capitals needs it.
    std::optional<WordForms> word_forms;
    const auto forms = [&]() -> const WordForms& {
        if (!word_forms) {
            word_forms.emplace();
            for (const Block& b : src.blocks)
                if (b.kind != BlockKind::Heading) word_forms->add(b.text);
        }
        return *word_forms;
    };
    bool listing = false;  // in a list after the sentence announcing it
    for (std::size_t bi = 0; bi < src.blocks.size(); ++bi) {
        const Block& b = src.blocks[bi];
        listing = listing && b.kind == BlockKind::ListItem;
        if (is_heading(b)) {
            // Of subheadings in a row, the one whose words its section tells more of.
            if (bi > 0 && is_heading(src.blocks[bi - 1])) {
                const std::set<std::string> section = section_stems(src.blocks, bi);
                if (told_share(section, heading) > told_share(section, b.text)) continue;
            }
            // The source's word forms are read only for a heading in capitals.
            heading = in_capitals(b.text) ? heading_out_of_capitals(b.text, forms()) : b.text;
            quoted = {};
        } else if (b.kind != BlockKind::Code) {
            std::size_t at = 0;
            const std::size_t first = out.size();  // the paragraph's first sentence
            const FirstMark mark = first_mark(b.text);
            if (mark == FirstMark::Opens) quoted = {};
            for (std::string& text : whole_sentences(b.text, mark == FirstMark::Closes && quoted.open ? quoted.balance : QuoteBalance{})) {
                at = b.text.find(text, at);
                const bool in_quotation = quoted.open;
                quoted.balance += quote_balance(text);
                quoted.words += text::count_words(text);
                quoted.open = quoted.balance.open() && quoted.words <= kQuotationMaxWords;
                if (!quoted.open) quoted = {};
                StorySentence st = story_sentence(std::move(text), index);
                st.quoted = in_quotation;
                st.position = total ? static_cast<double>(done + at) / static_cast<double>(total) : 0;
                st.block = static_cast<int>(bi);
                st.heading = heading;
                st.list_item = b.kind == BlockKind::ListItem;
                st.names_speaker = out.size() == first + 1 && bare_quotation(out[first].text);
                st.in_list = listing;
                out.push_back(std::move(st));
            }
            if (announces_list(src.blocks, bi) && out.size() > first) listing = out.back().opens_list = true;
        }
        done += b.text.size();
    }
    return out;
}

// Union-find over sentence indexes: a cluster is one fact told several times.
struct Clusters {
    std::vector<std::size_t> parent;
    explicit Clusters(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t i) {
        std::size_t root = i;
        while (parent[root] != root) root = parent[root];
        while (parent[i] != root) i = std::exchange(parent[i], root);  // a loop: a chain of a million would overflow the stack
        return root;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

namespace {

struct Shared {
    std::size_t words = 0;
    std::size_t figures = 0;
};

// Words an addition must not lose: its names (capitalised past the first word) and figures.
std::vector<std::string> facts_of(const StorySentence& s) {
    std::vector<std::string> out;
    for (std::size_t k = 1; k < s.tokens.size(); ++k) {
        const text::Token& t = s.tokens[k];
        const unsigned char c = static_cast<unsigned char>(s.text[t.base]);
        const bool upper = (c >= 'A' && c <= 'Z') || (c == 0xC3 && static_cast<unsigned char>(s.text[t.base + 1]) < 0x9F);
        if (t.kind != text::TokenKind::Word || !upper) continue;
        for (std::string& st : content_stems(std::string_view(s.text).substr(t.base, t.end - t.base))) out.push_back(std::move(st));
    }
    for (const std::string& st : s.stems)
        if (is_figure(st)) out.push_back(st);
    return out;
}

// The figures a sentence writes in letters, as digits: « vingt ans » is the fact « 20 ans ».
std::vector<std::string> numerals_of(const StorySentence& s) {
    std::vector<std::string> out;
    static const std::map<std::string, std::string, std::less<>> kNumerals = {
        {"deux", "2"},   {"trois", "3"},    {"quatre", "4"},    {"cinq", "5"},      {"six", "6"},       {"sept", "7"},
        {"huit", "8"},   {"dix", "10"},     {"onze", "11"},     {"douze", "12"},    {"treize", "13"},   {"quatorze", "14"},
        {"quinze", "15"}, {"seize", "16"},  {"vingt", "20"},    {"trente", "30"},   {"quarante", "40"}, {"cinquante", "50"},
        {"soixante", "60"}, {"cent", "100"}, {"mille", "1000"}};
    for (const text::Token& t : s.tokens)
        if (const auto it = kNumerals.find(text::lowercase(t.view(s.text))); t.kind == text::TokenKind::Word && it != kNumerals.end())
            out.push_back(it->second);
    return out;
}

// Stems two sorted, repeat-free lists have in common, and how many are figures.
template <typename T, typename IsFigure>
Shared shared(const std::vector<T>& a, const std::vector<T>& b, IsFigure is_figure) {
    Shared out;
    for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
        if (*x == *y) {
            ++out.words;
            out.figures += is_figure(*x);
            ++x, ++y;
        } else if (*x < *y) {
            ++x;
        } else {
            ++y;
        }
    }
    return out;
}


// The distinct stems of every sentence as ids, ascending: comparing two sentences compares
// integers, not strings. Only sentences sharing a rare stem are compared (`candidates`).
struct StemIds {
    std::vector<std::vector<int>> sets;
    std::vector<std::vector<int>> sequences;  // each sentence's stems as ids, in reading order
    std::vector<std::vector<std::string>> facts;  // names and figures (numerals_of too), sorted, repeat-free
    std::vector<bool> figure;  // by id
    std::vector<std::vector<std::size_t>> holders;  // by id: the sentences long enough to compare holding it
    explicit StemIds(const std::vector<StorySentence>& all) {
        std::vector<std::string_view> stems;
        for (const StorySentence& s : all) stems.insert(stems.end(), s.stems.begin(), s.stems.end());
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        for (std::string_view st : stems) figure.push_back(is_figure(std::string(st)));
        for (const StorySentence& s : all) {
            std::vector<int>& ids = sequences.emplace_back();
            for (const std::string& st : s.stems)
                ids.push_back(static_cast<int>(std::lower_bound(stems.begin(), stems.end(), st) - stems.begin()));
            std::vector<int>& set = sets.emplace_back(ids);
            std::sort(set.begin(), set.end());
            set.erase(std::unique(set.begin(), set.end()), set.end());
            std::vector<std::string> f = facts_of(s), numerals = numerals_of(s);
            f.insert(f.end(), numerals.begin(), numerals.end());
            facts.push_back(distinct_stems(std::move(f)));
        }
        holders.resize(stems.size());
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (sets[i].size() >= kMinStems)
                for (int id : sets[i]) holders[static_cast<std::size_t>(id)].push_back(i);
    }
    // The sentences that may tell the same fact as sentence i or relate to it, ascending,
    // i left out: those sharing one of its rare stems. Every pair overlap() rates above 0
    // shares a stem; one sharing only common stems is left out, which keeps the work
    // linear in the text (a stem in every sentence would pair them all).
    std::vector<std::size_t> candidates(std::size_t i) const {
        std::vector<std::size_t> out;
        if (sets[i].size() < kMinStems) return out;
        for (int id : sets[i])
            if (const auto& h = holders[static_cast<std::size_t>(id)]; h.size() <= kRareStem) out.insert(out.end(), h.begin(), h.end());
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        std::erase(out, i);
        return out;
    }
    bool same_fact(std::size_t i, std::size_t j, bool same_source) const {
        if (same_source) return repeat(i, j);
        const auto [sim, figures] = overlap(i, j);
        return sim >= kDuplicate || (sim >= kDuplicateSameFigures && figures >= kSameFigures) ||
               (sim >= kDuplicateSameRun && longest_run(sequences[i], sequences[j]) >= kSameRun && facts_within(i, j));
    }
    // Whether the facts of one sentence are all in the other: merging them loses none.
    bool facts_within(std::size_t i, std::size_t j) const {
        const auto& a = facts[i];
        const auto& b = facts[j];
        return std::includes(a.begin(), a.end(), b.begin(), b.end()) || std::includes(b.begin(), b.end(), a.begin(), a.end());
    }
    // The longest run of stems two sentences give in the same order, one after the other.
    static std::size_t longest_run(const std::vector<int>& a, const std::vector<int>& b) {
        std::vector<std::size_t> row(b.size() + 1, 0), next(b.size() + 1, 0);
        std::size_t best = 0;
        for (int x : a) {
            for (std::size_t k = 0; k < b.size(); ++k) best = std::max(best, next[k + 1] = x == b[k] ? row[k] + 1 : 0);
            std::swap(row, next);
        }
        return best;
    }
    // Share of the smaller sentence's distinct stems the other holds (0 for short ones), and
    // how many figures they share.
    std::pair<double, std::size_t> overlap(std::size_t i, std::size_t j) const {
        const std::vector<int>& da = sets[i];
        const std::vector<int>& db = sets[j];
        if (da.size() < kMinStems || db.size() < kMinStems) return {0, 0};
        const Shared c = shared(da, db, [&](int id) { return figure[static_cast<std::size_t>(id)]; });
        return {static_cast<double>(c.words) / static_cast<double>(std::min(da.size(), db.size())), c.figures};
    }
    // Share of the longer sentence's distinct stems the other holds.
    bool repeat(std::size_t i, std::size_t j) const {
        const std::vector<int>& da = sets[i];
        const std::vector<int>& db = sets[j];
        if (da.size() < kMinStems || db.size() < kMinStems) return false;
        const Shared c = shared(da, db, [](int) { return false; });
        return static_cast<double>(c.words) >= kRepeat * static_cast<double>(std::max(da.size(), db.size()));
    }
    // More distinct content words and more figures: the wording a reader learns most from.
    double information(std::size_t i) const {
        const auto figures = std::count_if(sets[i].begin(), sets[i].end(), [&](int id) { return figure[static_cast<std::size_t>(id)]; });
        return static_cast<double>(sets[i].size()) + 2.0 * static_cast<double>(figures);
    }
};

}  // namespace

std::vector<std::string> distinct_stems(std::vector<std::string> stems) {
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return stems;
}

double distinct_similarity(const std::vector<std::string>& da, const std::vector<std::string>& db) {
    if (da.size() < kMinStems || db.size() < kMinStems) return 0;
    return static_cast<double>(shared(da, db, is_figure).words) / static_cast<double>(std::min(da.size(), db.size()));
}

double sentence_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return distinct_similarity(distinct_stems(a), distinct_stems(b));
}

namespace {

// The source the story follows: the one telling most of the facts others tell too, then
// the longest: the most central account. Reads each sentence's support.
std::size_t base_source(const std::vector<CleanSource>& sources, const std::vector<StorySentence>& all) {
    std::vector<std::size_t> shared(sources.size(), 0);
    for (const StorySentence& s : all) shared[static_cast<std::size_t>(s.source)] += s.support > 1;
    std::size_t best = 0;
    for (std::size_t i = 1; i < sources.size(); ++i)
        if (std::pair{shared[i], sources[i].info.words} > std::pair{shared[best], sources[best].info.words}) best = i;
    return best;
}

// Where each fact stands in the story, by cluster: where the base tells it; a fact only
// other sources tell goes after the base paragraph it shares most words with (a sentence
// leaning on the one before, or going on with its quotation, follows it), after the
// paragraph its quotation ends in, in its source's order; one related to no base
// paragraph goes after the base's text. Positions run 0..1 in the base, 1..2 after it.
std::vector<double> anchors(const std::vector<StorySentence>& all, Clusters& clusters, const StemIds& ids, int base,
                            const std::vector<std::size_t>& kept) {
    constexpr double kUnset = 3.0;
    std::vector<double> anchor(all.size(), kUnset);
    std::map<int, double> block_end;  // by base block: the position of its last sentence
    std::map<int, int> runs_on;       // a base block whose quotation runs on: the next block
    const StorySentence* before = nullptr;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].source == base) {
            // A sentence the base repeats stays where its kept wording is: the other goes,
            // nothing moves.
            if (kept[clusters.find(i)] == i) anchor[clusters.find(i)] = all[i].position;
            block_end[all[i].block] = std::max(block_end[all[i].block], all[i].position);
            if (before && before->block != all[i].block && all[i].quoted) runs_on[before->block] = all[i].block;
            before = &all[i];
        }
    // An addition goes after the paragraph where a quotation ends, not inside one the page's
    // break cut in two (« …dans certains pays ou quartiers. » | « La faute à qui ? … »).
    const auto after_block = [&](int block) {
        for (auto it = runs_on.find(block); it != runs_on.end(); it = runs_on.find(block)) block = it->second;
        return block_end[block];
    };
    constexpr double kStep = 1e-6;  // additions after one paragraph keep their sources' order
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::size_t c = clusters.find(i);
        if (anchor[c] < kUnset) continue;  // told by the base, or placed with an earlier wording
        double at = 1.0 + all[i].position;
        // A sentence leaning on the one before, or going on with its quotation, follows it.
        if ((all[i].leans || all[i].quoted) && i > 0 && all[i - 1].source == all[i].source) {
            at = anchor[clusters.find(i - 1)] + kStep * 1e-3;
        } else {
            double best = kRelated;
            for (std::size_t b : ids.candidates(i))
                if (const double sim = all[b].source == base ? ids.overlap(i, b).first : 0; sim > best)
                    best = sim, at = after_block(all[b].block) + kStep * (1 + all[i].position);
        }
        anchor[c] = at;
    }
    return anchor;
}

bool quotes(const std::string& text) {
    return text.find("\u00ab") != std::string::npos || text.find('"') != std::string::npos || text.find("\u201c") != std::string::npos;
}

// Additions the story has already told, by sentence index: read in story order, each
// against the base and the additions kept before it (a short one says too little to be
// judged). One a following sentence of its source leans on stays, or that sentence would
// lose what it leans on.
std::vector<bool> already_told(const std::vector<StorySentence>& all, const std::vector<std::pair<double, std::size_t>>& order, int base) {
    std::vector<bool> told(all.size(), false);
    std::set<std::string> covered;
    for (const auto& [pos, i] : order)
        if (all[i].source == base) covered.insert(all[i].stems.begin(), all[i].stems.end());
    const auto known = [&](const std::string& stem) { return covered.count(stem) > 0; };
    for (const auto& [pos, i] : order) {
        if (all[i].source == base) continue;
        const std::vector<std::string> own = distinct_stems(all[i].stems);
        const std::vector<std::string> facts = facts_of(all[i]);
        const auto shared = static_cast<double>(std::count_if(own.begin(), own.end(), known));
        const bool leaned_on = i + 1 < all.size() && all[i + 1].source == all[i].source && all[i + 1].leans;
        if (own.size() >= kMinStems && shared >= kAlreadyTold * static_cast<double>(own.size()) &&
            std::all_of(facts.begin(), facts.end(), known) && !quotes(all[i].text) && !leaned_on) {
            told[i] = true;
            continue;
        }
        covered.insert(own.begin(), own.end());
    }
    return told;
}

}  // namespace

Story fuse(std::vector<CleanSource> sources, std::vector<Removal>& removals) {
    Story story;
    std::vector<StorySentence> all;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        auto s = sentences_of(sources[i], static_cast<int>(i));
        all.insert(all.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
    }
    const StemIds ids(all);
    Clusters clusters(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j : ids.candidates(i))
            if (j > i && ids.same_fact(i, j, all[i].source == all[j].source)) clusters.join(i, j);
    // A sentence too short to be compared by its stems (« Mais d'où vient-il ? ») is the
    // same sentence when another source writes the same words.
    std::unordered_map<std::string_view, std::size_t> written;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].key.empty()) continue;
        const auto [it, added] = written.try_emplace(all[i].key, i);
        if (!added && all[it->second].source != all[i].source) clusters.join(it->second, i);
    }

    // The kept wording of each cluster: the base's where it tells the fact (the story is
    // its text, edited: its sentences lean on each other), else the most informative.
    std::vector<std::set<int>> tellers(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) tellers[clusters.find(i)].insert(all[i].source);
    for (std::size_t i = 0; i < all.size(); ++i) all[i].support = static_cast<int>(tellers[clusters.find(i)].size());
    story.base = static_cast<int>(base_source(sources, all));
    std::vector<std::size_t> best(all.size(), SIZE_MAX);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::size_t c = clusters.find(i);
        const auto rank = [&](std::size_t k) { return std::pair{all[k].source == story.base, ids.information(k)}; };
        if (best[c] == SIZE_MAX || rank(i) > rank(best[c])) best[c] = i;
    }
    const std::vector<double> anchor = anchors(all, clusters, ids, story.base, best);
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::size_t c = clusters.find(i);
        const std::size_t kept = best[c];
        if (kept == i) {
            order.emplace_back(anchor[c], i);
        } else if (all[i].source == all[kept].source && !ids.same_fact(i, kept, false)) {
            // A cluster joins sentences through others: « …a dénoncé Svetlana Tikhanovskaïa »
            // and « Cette novice en politique, désormais exilée… » of one source each tell
            // part of one long sentence of the other. A sentence of the kept wording's source
            // that does not tell its fact, as two sources' sentences would, tells one of its
            // own: it stays, in its source's place (the base's), or next to the kept wording.
            const double offset = all[i].position - all[kept].position;
            order.emplace_back(all[i].source == story.base ? all[i].position : anchor[c] + offset * 1e-9, i);
        } else {
            removals.push_back({all[i].source, RemovalReason::Duplicate, "near-duplicate", all[i].text});
            story.variants.push_back(all[i]);
        }
    }
    // Summary bullets the cleaning found redundant say the body's facts in other words.
    for (const Removal& r : removals)
        if (r.reason == RemovalReason::RedundantBullet) {
            StorySentence v = story_sentence(r.text, r.source);
            v.list_item = true;
            story.variants.push_back(std::move(v));
        }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::vector<bool> told = already_told(all, order, story.base);
    std::erase_if(order, [&](const auto& o) {
        if (!told[o.second]) return false;
        removals.push_back({all[o.second].source, RemovalReason::Duplicate, "already told", all[o.second].text});
        return true;
    });
    // Where each sentence stands in the story: a kept one at its place, another at its
    // cluster's kept wording.
    std::vector<int> story_index(all.size(), -1);
    for (std::size_t k = 0; k < order.size(); ++k) story_index[order[k].second] = static_cast<int>(k);
    const auto index_of = [&](std::size_t i) { return story_index[i] >= 0 ? story_index[i] : story_index[best[clusters.find(i)]]; };
    for (const auto& [pos, i] : order) {
        // A leaning sentence leans on the one before it in its source, or on the wording its
        // fact was fused into; the first one under a subheading leans on the subheading
        // ("Et l'environnement ? C'est le principal point de friction."), which no article
        // section repeats.
        if (all[i].leans && i > 0 && all[i - 1].source == all[i].source && all[i - 1].heading == all[i].heading)
            all[i].leans_on = index_of(i - 1);
        story.sentences.push_back(std::move(all[i]));
    }
    story.sources = std::move(sources);
    return story;
}

}  // namespace plume::write
