#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/context.hpp"

namespace plume::analysis::readability {

// The readability assessments, in the order they are reported.
const std::vector<AssessFn>& assessments();

// yoastseo's ContentAssessor, in its order (identifiers in the comments).
std::optional<Assessment> subheading_distribution(const Context& ctx);  // subheadingsTooLong
std::optional<Assessment> paragraph_length(const Context& ctx);         // textParagraphTooLong
std::optional<Assessment> sentence_length(const Context& ctx);          // textSentenceLength
std::optional<Assessment> transition_words(const Context& ctx);         // textTransitionWords
std::optional<Assessment> passive_voice(const Context& ctx);            // passiveVoice
std::optional<Assessment> text_presence(const Context& ctx);            // textPresence
std::optional<Assessment> sentence_beginnings(const Context& ctx);      // sentenceBeginnings

// Whether one sentence contains a passive (être + past participle in one clause).
bool is_passive(std::string_view sentence);

// The thresholds of "ok" (yoastseo's defaults for French), shared with the model writer's
// repairs (src/llm): at most kPassiveOk % of passive sentences, at most kLongSentencesOk % of
// sentences over kSentenceMaxWords words.
constexpr double kPassiveOk = 10;
constexpr std::size_t kSentenceMaxWords = 20;
constexpr double kLongSentencesOk = 25;

// Whether one sentence contains a transition word, or both parts of a correlative pair.
bool has_transition_word(std::string_view sentence);

// --- Shared by the assessments (words.cpp) ---

// Yoast leaves quotations and code out of every readability research.
bool analysed(const Block& block);

// A word as compared with the lists: lowercase, typographic apostrophe as ', surrounding
// punctuation removed.
std::string normalize_word(std::string_view word);

// The words of a sentence, normalised, with its commas in place (clause boundaries), as
// Context::vocabulary ids.
const std::vector<std::size_t>& words_and_commas(const Context& ctx, const Sentence& s);
// The words of the tokens of `text` in [begin, end), normalised; a "," entry stands for each
// comma when `commas`.
std::vector<std::string> words_of(std::string_view text, const std::vector<text::Token>& tokens,
                                  std::size_t begin, std::size_t end, bool commas);

// Word and number tokens in [begin, end) of a block.
std::size_t word_count(const Context& ctx, std::size_t block, std::size_t begin, std::size_t end);
inline std::size_t word_count(const Context& ctx, const Sentence& s) {
    return word_count(ctx, s.block, s.begin, s.end);
}

// yoastseo's formatNumber: one decimal, as the percentages are compared after rounding.
double round_percent(double value);
double percentage(std::size_t part, std::size_t whole);
// "33,3 %" in French, "33.3%" in English.
std::string format_percent(const Context& ctx, double value);

std::vector<Mark> marks_of(const Context& ctx, const std::vector<const Sentence*>& sentences);

}  // namespace plume::analysis::readability
