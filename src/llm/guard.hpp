// Every answer of the model checked by code before it is used (docs/llm.md): French, length,
// plain text, no repetition, and the fact guard (every figure, date, amount, quotation and
// proper name found in the sources).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "llm/prompts.hpp"

namespace plume::llm {

// One thing wrong with an answer: the report's name for it and the French sentence of
// data/prompts/fautes.txt that tells the model what to fix.
struct Fault {
    std::string reason;
    std::string message;
};

Fault fault(std::string_view reason, const Values& values = {});

// The faults as one French text for the correction prompt.
std::string faults_text(const std::vector<Fault>& faults);

// The first sign of Markdown or HTML in a text meant to be plain ("**", "# ", "<p>"...);
// empty when there is none.
std::string markup_sign(std::string_view text);

// An answer's paragraphs: split at blank lines, each line break inside one a space.
std::vector<std::string> paragraphs_of(std::string_view text);

// A text's sentences, as the analyser splits them.
std::vector<std::string> sentences_of(std::string_view text);

class Guard {
public:
    // `sources`: each source's cleaned text (check/check.hpp source_texts).
    explicit Guard(std::vector<std::string> sources);

    // Faults of a prose answer of `min_words` to `max_words`; the facts found in no source
    // are added to `rejected`.
    std::vector<Fault> check_prose(std::string_view text, std::size_t min_words, std::size_t max_words,
                                   std::vector<std::string>& rejected) const;

    // Faults of a short text (title, description, heading): plain, French facts only.
    std::vector<Fault> check_facts(std::string_view text, std::vector<std::string>& rejected) const;

    // The text without its sentences holding a fact found in no source (paragraphs kept,
    // an emptied one dropped): what a correction of an invented fact would ask, at no call.
    std::string without_untraced(std::string_view text) const;
    // The text without its sentences repeating an accepted one or an earlier one of its own.
    std::string without_repeated(std::string_view text) const;

    // The first sentence of the text repeating an accepted one or an earlier one of its own;
    // empty when there is none.
    std::string repeated_sentence(std::string_view text) const;

    // Remembers an accepted text's sentences: a later answer may not repeat them.
    void accept(std::string_view text);
    // Forgets what accept() remembered of this text (a part rewritten by a repair).
    void forget(std::string_view text);

private:
    std::vector<std::string> sources_;
    std::vector<std::vector<std::string>> accepted_;  // distinct stems of accepted sentences
    // The sentences `keep` says yes to, in their paragraphs; an emptied paragraph dropped.
    template <typename Keep>
    static std::string kept_sentences(std::string_view text, Keep&& keep);
};

}  // namespace plume::llm
