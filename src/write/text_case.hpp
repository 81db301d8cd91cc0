// Case changes the writer makes where it joins texts: a heading's first letter, a
// sentence after a colon.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace plume::write {

// First letter uppercase (ICU simple case mapping).
std::string capitalise(std::string s);
// The first letter in small case.
std::string uncapitalise(std::string s);

// Whether the text begins with a capital letter (false when empty).
bool starts_upper(std::string_view s);
// Whether the text begins with a small letter (false when empty).
bool starts_lower(std::string_view s);

// "Le PDG..." -> "le PDG..." when the first word is a function word, the only case where a
// capital is certainly not a name's; names and other words keep their case.
std::string lower_ordinary_first_word(std::string s);

// How a text writes its words inside its sentences (a sentence's first word aside): a
// name with its capitals (« Khomri »), an acronym in capitals (« SNCF »), a word in small
// letters.
class WordForms {
public:
    // Counts the forms of a text's words: a source's paragraphs, one by one.
    void add(std::string_view text);
    // The form most used for a word (given lowercased); empty when the text never writes it.
    // A function word is asked with the word after it (« le pen »): « Marine Le Pen » writes
    // its particle with a capital, « le maire » does not.
    std::string_view form(const std::string& lower) const;

private:
    std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> counts_;
};

// Whether a heading is set in capitals: two capitals or more, no small letter.
bool in_capitals(const std::string& heading);

// A heading a page set in capitals (« EL KHOMRI PERSISTE ET SIGNE ») in the case of its
// text (« El Khomri persiste et signe »): each word as the text writes it, in small
// letters when it never does, the first capitalised. A heading with a small letter, or
// with fewer than two capitals, is left as it is.
std::string heading_out_of_capitals(const std::string& heading, const WordForms& forms);

}  // namespace plume::write
