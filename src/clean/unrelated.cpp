// Sources on other stories. A story is told with its own names (people, firms, places) and
// its own words; two accounts of one story share both, two stories share at most general
// news vocabulary ("millions d'euros", "président", "État").
//
// Two sources are linked when the names they mention or the words they use are similar
// enough; sources linked directly or through another one tell one story (a report on a
// visit to a chip maker and one on fund raising both meet a third on the whole story).
// The largest group is the story; the other sources are unrelated.
#include <cmath>
#include <map>
#include <numeric>

#include "clean/clean.hpp"
#include "clean/vocabulary.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::write {

namespace {

// Cosines above which two sources tell the same story. Measured on every pair of sources
// of the examples and the seeds: names 0.50 and more within a story, 0.12 at most across
// stories; words (TF-IDF) 0.10 and more within a story, 0.12 at most across, so words alone
// link only sources that share far more than general vocabulary (0.37-0.52 within the
// example sets, whose sources retell the same facts).
constexpr double kSameNames = 0.3;
constexpr double kSameWords = 0.25;

using Vector = std::map<std::string, double, std::less<>>;

// Content stems of each source weighted by the blocks that use them and their rarity.
std::vector<Vector> word_vectors(const std::vector<CleanSource>& sources, const std::vector<Unit>& units) {
    const Idf idf = inverse_frequencies(units);
    std::vector<Vector> out(sources.size());
    for (const Unit& u : units)
        for (const std::string& s : u.stems) out[u.source][s] += idf.at(s);
    return out;
}

// Capitalised words inside sentences (a sentence's first word is capitalised anyway),
// counted: the names a source mentions, acronyms included ("OpenAI", "TSMC", "Vaise").
Vector name_vector(const CleanSource& source) {
    const auto& function_words = text::word_list("function_words");
    Vector names;
    for (const Block& b : source.blocks)
        for (const text::Span& s : text::split_sentences(b.text)) {
            const std::string_view sentence = std::string_view(b.text).substr(s.begin, s.end - s.begin);
            bool first = true;
            for (const text::Token& t : text::tokenize(sentence)) {
                if (t.kind != text::TokenKind::Word) continue;
                const std::string_view word = sentence.substr(t.base, t.end - t.base);
                if (!first && text::chars::is_upper(text::chars::decode(word, 0).cp)) {
                    const std::string lower = text::lowercase(word);
                    if (!function_words.contains(lower)) names[text::strip_accents(lower)] += 1;
                }
                first = false;
            }
        }
    return names;
}

double cosine(const Vector& a, const Vector& b) {
    double dot = 0, na = 0, nb = 0;
    for (const auto& [s, w] : a) {
        na += w * w;
        if (const auto it = b.find(s); it != b.end()) dot += w * it->second;
    }
    for (const auto& [s, w] : b) nb += w * w;
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

int root(std::vector<int>& parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

}  // namespace

std::vector<int> unrelated_sources(const std::vector<CleanSource>& sources, const std::vector<Unit>& units) {
    const int n = static_cast<int>(sources.size());
    if (n < 2) return {};
    const std::vector<Vector> words = word_vectors(sources, units);
    std::vector<Vector> names;
    for (const CleanSource& s : sources) names.push_back(name_vector(s));
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            if (cosine(names[i], names[j]) >= kSameNames || cosine(words[i], words[j]) >= kSameWords)
                parent[root(parent, j)] = root(parent, i);
    // The largest group; on a tie, the one holding the first source.
    std::vector<int> size(n, 0);
    for (int i = 0; i < n; ++i) ++size[root(parent, i)];
    int story = root(parent, 0);
    for (int i = 0; i < n; ++i)
        if (size[root(parent, i)] > size[story]) story = root(parent, i);
    std::vector<int> out;
    for (int i = 0; i < n; ++i)
        if (root(parent, i) != story) out.push_back(i);
    return out;
}

}  // namespace plume::write
