// Text statistics and the Kandel & Moles (1958) reading ease for French.
#include "analyze/stats.hpp"

#include "analyze/word_index.hpp"

namespace plume::analysis {

Stats compute_stats(const Context& ctx) {
    // Words recur (de, la, puces…): each distinct one is counted once.
    WordIndex known;
    std::vector<std::size_t> counts;  // by id in `known`
    auto syllables_of = [&](std::string_view word) {
        const std::size_t id = known.add(word);
        if (id == counts.size()) counts.push_back(static_cast<std::size_t>(text::count_syllables(word)));
        return counts[id];
    };
    Stats s;
    s.words = ctx.words;
    s.sentences = ctx.sentences.size();
    for (std::size_t i = 0; i < ctx.doc.blocks.size(); ++i) {
        if (ctx.doc.blocks[i].kind == BlockKind::Paragraph) ++s.paragraphs;
        const std::string& t = ctx.doc.blocks[i].text;
        for (const text::Token& tok : ctx.tokens[i])
            if (tok.kind == text::TokenKind::Word) s.syllables += syllables_of(tok.view(t));
    }
    if (s.words > 0 && s.sentences > 0) {
        const double wps = static_cast<double>(s.words) / static_cast<double>(s.sentences);
        const double spw = static_cast<double>(s.syllables) / static_cast<double>(s.words);
        s.flesch = 207 - 1.015 * wps - 73.6 * spw;
    }
    return s;
}

std::vector<std::string> language_warnings(const Context& ctx) {
    // French prose is about one word in three a function word (le, de, et, que...);
    // English or other languages share only a handful of them.
    static const WordIndex fr("function_words");
    std::size_t words = 0, function = 0;
    for (const std::vector<std::string>& sentence : ctx.sentence_words)
        for (const std::string& w : sentence)
            if (w != ",") {
                ++words;
                function += fr.contains(w);
            }
    if (words < 20 || function * 100 >= words * 12) return {};
    return {ctx.say("le texte ne semble pas être en français ({} mots outils français sur {} mots) : "
                    "l’analyse est faite pour le français",
                    "the text does not look French ({} French function words out of {} words): "
                    "the analysis is made for French",
                    function, words)};
}

}  // namespace plume::analysis
