// The data that flows between the phases of `plume write` (internal to the library).
// Each phase reads the output of the one before and never reaches back.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <vector>

#include "plume/text.hpp"
#include "plume/write.hpp"

namespace plume::write {

// A source after the brief, boilerplate and off-topic removal: its kept blocks.
struct CleanSource {
    SourceInfo info;
    std::vector<Block> blocks;  // headings, paragraphs, list items, quotes, in source order
    // Per block, the words of the source line it starts on: a flattened page is one line,
    // which the reader cut at its subheadings. Empty: each block is its own line.
    std::vector<std::size_t> line_words;
};

// One sentence of the story, with where it comes from.
struct StorySentence {
    std::string text;
    int source = 0;          // index into the sources
    int block = 0;           // index of its block in CleanSource::blocks: its paragraph
    double position = 0;     // 0..1, where it stands in its source: the story's order
    std::string heading;     // the source subheading it sits under; empty when none
    bool list_item = false;  // from a list in the source
    std::vector<std::string> stems;  // content-word stems, for similarity and planning
    std::vector<text::Token> tokens;  // text::tokenize(text), once for every phase
    std::string key;                 // words_key(text): the words, typography aside
    std::size_t words = 0;           // text::count_words(text)
    int support = 1;                 // how many sources tell this fact
    // Opens on words that lean on the sentence before (data/fr/leaning_openers.txt):
    // "Ce premier client...", "Il a raison.", or is a quotation naming no speaker.
    bool leans = false;
    // Answers the sentence before: opens on a conjunction or a transition (« Mais… »,
    // « Soit… », « En revanche, … ») or names the rest of a group (« Les cinq autres… »).
    bool answers = false;
    // Said inside a quotation its source opened in an earlier sentence (« C'est aberrant ! »
    // after « "Cela fait sept ans… »): the speaker's words, where plume adds none.
    bool quoted = false;
    // Names the speaker of the quotation standing alone that opens its paragraph just before
    // it (« "Elle a enfin compris…" Interrogé par Le Parisien, Gérald Darmanin… »): no
    // heading parts them.
    bool names_speaker = false;
    // A list of the source and the sentence announcing it (« Trois mesures sont prévues : »):
    // that sentence stands though it ends on a colon, and the items stay a list after it.
    bool opens_list = false;
    bool in_list = false;
    // For a leaning sentence of the story: the story sentence it follows in its source
    // (or the one its fact was fused into), index into Story::sentences; -1 when none.
    int leans_on = -1;
};

// Several sources fused into one set of sentences.
struct Story {
    std::vector<CleanSource> sources;
    std::vector<StorySentence> sentences;  // duplicates merged, in story order
    // The source the story follows: the most central (most facts shared with the others,
    // then the longest); the others' sentences are additions placed after its paragraphs.
    int base = 0;
    // Sentences merged away as near-duplicates of a kept one: the same facts in other
    // words, which derived sections may restate.
    std::vector<StorySentence> variants;
};

// A section of the planned article: a heading and the story sentences it tells.
struct PlannedSection {
    std::string heading;
    std::vector<int> sentences;  // indexes into Story::sentences, in order
    bool conclusion = false;     // the last section: how the story ends
};

struct Plan {
    std::string keyphrase;
    std::vector<std::string> synonyms;
    std::size_t target_words = 700;
    bool subheadings = true;
    std::vector<int> intro;  // indexes into Story::sentences
    std::vector<PlannedSection> sections;  // body sections, then the conclusion
    std::vector<Removal> left_out;         // story sentences that are not prose, and moves
};

// A story sentence of `text` from `source`, its stems, key and word count computed.
StorySentence story_sentence(std::string text, int source);

// « Depuis, une liste… », « Tous ces détails… », « Le ministre a également défendu… », « Le
// Sénat a lui aussi voté… »: the sentence points back at what the one before it said. Out of
// its place (a description, a list item) it tells a reader nothing.
bool says_it_again(const StorySentence& s);

// A quotation standing alone, no word outside its marks (« « Il n’y a jamais eu… ». »).
bool bare_quotation(std::string_view text);

// The content stem of a word as the text writes it (after its elision), empty for a function
// word.
const std::string& content_stem(std::string_view written);

// Content-word stems of a text: lowercased, function words and punctuation left out,
// Snowball-stemmed, accents stripped. The unit of every similarity in the pipeline.
std::vector<std::string> content_stems(std::string_view text);

// The accent-free Snowball stem of a lowercased word. Stemming and accent folding go
// through Snowball and ICU and a story repeats its words: each word is folded once per
// thread.
const std::string& folded_stem(const std::string& word);

// How a text's quotation marks stand: « » and straight " counted apart.
struct QuoteBalance {
    int guillemets = 0;  // « opened minus » closed
    int straight = 0;    // straight double quotes
    bool open() const { return guillemets > 0 || straight % 2 == 1; }
    bool balanced() const { return guillemets == 0 && straight % 2 == 0; }
    QuoteBalance& operator+=(const QuoteBalance& more) {
        guillemets += more.guillemets;
        straight += more.straight;
        return *this;
    }
};
QuoteBalance quote_balance(std::string_view text);

// Ends with . ! ? … or a closing quotation mark or bracket: a sentence, not a headline.
bool ends_sentence(std::string_view text);

// A message in the language asked: French, or English with Lang::En.
template <typename... Args>
std::string say(Lang lang, fmt::format_string<Args...> fr, fmt::format_string<Args...> en, Args&&... args) {
    return lang == Lang::En ? fmt::format(en, std::forward<Args>(args)...) : fmt::format(fr, std::forward<Args>(args)...);
}

// A lowercased word with its typography unified: ’ as ', no-break spaces as spaces.
std::string unified_word(std::string_view lowercased);

// The words of a text, lowercased, apostrophes unified, one space apart: two texts with
// the same key say the same words whatever their typography.
std::string words_key(std::string_view text);

}  // namespace plume::write
