// What every assessment reads: the document, its tokens and sentences, the options.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/keyphrase.hpp"
#include "analyze/word_index.hpp"
#include "plume/analysis.hpp"
#include "plume/document.hpp"
#include "plume/text.hpp"

namespace plume::analysis {

struct Sentence {
    std::size_t block = 0;  // index into Document::blocks
    std::size_t begin = 0;  // byte offsets into that block's text
    std::size_t end = 0;
    std::string_view text;  // view into the block's text
};

// One distinct word of the text, as written, and the forms the assessments compare it by:
// computed once however often the word occurs.
struct Lexeme {
    std::string list;   // list_form, as data/fr lists spell it (may be empty)
    std::string match;  // match_form in options.match; empty without a keyphrase
    int syllables = 0;  // for words (not numbers)
    std::size_t word = WordIndex::npos;  // `list` in Context::vocabulary, npos when empty
};

struct Context {
    const Document& doc;
    const AnalyzeOptions& options;
    std::string title;        // options.title, else the document's
    std::string description;  // options.description, else the document's
    std::string slug;
    Topic topic;  // the keyphrase and synonyms, read by every keyphrase assessment
    std::vector<std::vector<text::Token>> tokens;  // per block
    // Per block, per token: the match form of word and number tokens (a view into `lexicon`),
    // empty for the other tokens and when there is no keyphrase to match.
    std::vector<std::vector<std::string_view>> forms;
    // The distinct list forms of the text's words, and "," (id kComma): checks that ask the
    // same of every occurrence of a word ask it once per id.
    WordIndex vocabulary;
    static constexpr std::size_t kComma = 0;
    // Per sentence, its words in list_form and its commas, in order, as vocabulary ids: what
    // the word-list checks (transition words, passive voice, sentence beginnings) compare.
    std::vector<std::vector<std::size_t>> sentence_words;
    std::vector<Sentence> sentences;  // every block's, in order
    std::size_t words = 0;            // word tokens in the body, headings included
    std::size_t syllables = 0;        // of the same tokens (numbers count none)
    std::vector<Lexeme> lexicon;      // one per distinct word; never reallocated, views stay valid

    Mark mark(std::size_t block, std::size_t begin, std::size_t end) const;
    Mark mark(const Sentence& s) const { return mark(s.block, s.begin, s.end); }

    // A message in the user's language; `fr` and `en` are fmt format strings.
    template <typename... Args>
    std::string say(std::string_view fr, std::string_view en, Args&&... args) const {
        return fmt::format(fmt::runtime(options.lang == Lang::Fr ? fr : en), std::forward<Args>(args)...);
    }
};

Context make_context(const Document& doc, const AnalyzeOptions& options);

// The slug WordPress gives a post from its title (sanitize_title): accents folded, lower
// case, apostrophes, quotation marks and punctuation dropped, `-` between words. A post is
// never published without one, so Yoast never rates a missing slug.
std::string wordpress_slug(std::string_view title);

// A lowercased word as the data/fr lists spell it: ’ as ', clinging punctuation removed.
std::string list_form(std::string_view lower);

// Result of one assessment, rated from its score; nullopt when it does not apply.
Assessment result(std::string id, int score, std::string message, std::vector<Mark> marks = {});

using AssessFn = std::optional<Assessment> (*)(const Context&);

}  // namespace plume::analysis
