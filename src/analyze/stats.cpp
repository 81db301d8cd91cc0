// Text statistics and the Kandel & Moles (1958) reading ease for French.
#include "analyze/stats.hpp"

#include "analyze/word_index.hpp"

namespace plume::analysis {

Stats compute_stats(const Context& ctx) {
    Stats s;
    s.words = ctx.words;
    s.sentences = ctx.sentences.size();
    s.syllables = ctx.syllables;
    for (const Block& b : ctx.doc.blocks) s.paragraphs += b.kind == BlockKind::Paragraph;
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
    std::vector<bool> function_word(ctx.vocabulary.size());  // asked once per distinct word
    for (std::size_t id = 0; id < function_word.size(); ++id) function_word[id] = fr.contains(ctx.vocabulary.word(id));
    std::size_t words = 0, function = 0;
    for (const std::vector<std::size_t>& sentence : ctx.sentence_words)
        for (const std::size_t w : sentence)
            if (w != Context::kComma) {
                ++words;
                function += function_word[w];
            }
    if (words < 20 || function * 100 >= words * 12) return {};
    return {ctx.say("le texte ne semble pas être en français ({} mots outils français sur {} mots) : "
                    "l’analyse est faite pour le français",
                    "the text does not look French ({} French function words out of {} words): "
                    "the analysis is made for French",
                    function, words)};
}

}  // namespace plume::analysis
