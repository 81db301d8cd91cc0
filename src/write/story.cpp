#include "write/story.hpp"

#include <unordered_map>

#include "plume/text.hpp"

namespace plume::write {

namespace {

// "7 000" and "7000", "3,5" and "3.5" are the same figure in two sources.
std::string number_key(std::string_view n) {
    std::string key;
    for (char c : n)
        if (c >= '0' && c <= '9') key += c;
        else if (c == ',' || c == '.') key += '.';
    return key;
}

}  // namespace

const std::string& folded_stem(const std::string& word) {
    thread_local std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(word);
    if (it == cache.end()) it = cache.emplace(word, text::strip_accents(text::stem(word))).first;
    return it->second;
}

std::vector<std::string> content_stems(std::string_view text) {
    const auto& function_words = text::word_list("function_words");
    std::vector<std::string> stems;
    for (const text::Token& t : text::tokenize(text)) {
        if (t.kind == text::TokenKind::Number) {
            stems.push_back(number_key(t.view(text)));
            continue;
        }
        if (t.kind != text::TokenKind::Word) continue;
        const std::string word = text::lowercase(text.substr(t.base, t.end - t.base));
        if (word.size() < 2 || function_words.contains(word)) continue;
        stems.push_back(folded_stem(word));
    }
    return stems;
}

StorySentence story_sentence(std::string text, int source) {
    StorySentence s;
    s.stems = content_stems(text);
    s.key = words_key(text);
    s.words = text::count_words(text);
    s.text = std::move(text);
    s.source = source;
    return s;
}

std::string words_key(std::string_view text) {
    std::string key;
    for (const text::Token& t : text::tokenize(text)) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        std::string w = text::lowercase(t.view(text));
        for (std::size_t p; (p = w.find("\u2019")) != std::string::npos;) w.replace(p, 3, "'");
        for (std::size_t p; (p = w.find("\u202f")) != std::string::npos;) w.replace(p, 3, " ");
        for (std::size_t p; (p = w.find("\u00a0")) != std::string::npos;) w.replace(p, 2, " ");
        key += (key.empty() ? "" : " ") + w;
    }
    return key;
}

}  // namespace plume::write
