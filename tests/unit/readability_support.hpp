// Builders for the readability tests: documents made of blocks, French sentences of an exact
// number of words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/context.hpp"
#include "plume/analysis.hpp"
#include "plume/document.hpp"

namespace plume::test {

struct Part {
    BlockKind kind;
    std::string text;
};

inline Part para(std::string t) { return {BlockKind::Paragraph, std::move(t)}; }
inline Part heading(std::string t) { return {BlockKind::Heading, std::move(t)}; }
inline Part item(std::string t) { return {BlockKind::ListItem, std::move(t)}; }

// Blocks copied verbatim into the source, separated by blank lines, so marks are exact.
inline Document doc_of(const std::vector<Part>& parts) {
    Document d;
    d.format = Format::Markdown;
    for (const Part& p : parts) {
        if (!d.source.empty()) d.source += "\n\n";
        Block b;
        b.kind = p.kind;
        b.level = p.kind == BlockKind::Heading ? 2 : 0;
        b.text = p.text;
        b.source_begin = d.source.size();
        b.spans = {{0, d.source.size(), p.text.size()}};
        d.source += p.text;
        b.source_end = d.source.size();
        d.blocks.push_back(std::move(b));
    }
    return d;
}

inline std::optional<Assessment> assess(analysis::AssessFn fn, const Document& d, Lang lang = Lang::Fr) {
    AnalyzeOptions options;
    options.lang = lang;
    const analysis::Context ctx = analysis::make_context(d, options);
    return fn(ctx);
}

// « Marie visite Lyon, Paris, Nantes. » with `words` words in all (at least 3): a subject,
// a verb and an enumeration of cities, none of them a transition word or a participle.
inline std::string visit(std::size_t words, const std::string& who = "Marie") {
    static const std::vector<std::string> kCities = {
        "Lyon",    "Paris",   "Nantes",  "Lille",  "Rennes",  "Brest",   "Dijon",    "Metz",     "Nancy",
        "Reims",   "Tours",   "Angers",  "Caen",   "Rouen",   "Nice",    "Toulon",   "Grenoble", "Annecy",
        "Limoges", "Poitiers", "Pau",    "Bayonne", "Toulouse", "Nîmes", "Avignon",  "Arles",    "Marseille",
        "Bordeaux", "Amiens", "Calais", "Colmar", "Troyes",  "Vannes",  "Quimper",  "Chartres", "Albi"};
    std::string s = who + " visite";
    for (std::size_t i = 0; i + 2 < words; ++i) s.append(i ? ", " : " ").append(kCities[i % kCities.size()]);
    return s.append(".");
}

// `count` sentences of `words` words each, with different subjects so they do not repeat.
inline std::string visits(std::size_t count, std::size_t words) {
    static const std::vector<std::string> kNames = {"Marie", "Paul",  "Julie", "Karim", "Sophie", "Lucas", "Emma",
                                                    "Hugo",  "Léa",   "Nina",  "Omar",  "Zoé",    "Inès",  "Théo"};
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out.append(i ? " " : "").append(visit(words, kNames[i % kNames.size()]));
    return out;
}

}  // namespace plume::test
