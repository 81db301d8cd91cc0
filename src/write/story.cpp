#include "write/story.hpp"

#include <algorithm>
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

std::vector<std::string> stems_of(std::string_view text, const std::vector<text::Token>& tokens) {
    const auto& function_words = text::word_list("function_words");
    std::vector<std::string> stems;
    for (const text::Token& t : tokens) {
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

std::string key_of(std::string_view text, const std::vector<text::Token>& tokens) {
    std::string key;
    for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        if (!key.empty()) key += ' ';
        key += unified_word(text::lowercase(t.view(text)));
    }
    return key;
}


// The first one or two words of the key open on a leaning word; never a quotation, whose
// words are a speaker's.
bool leaning_opener(std::string_view text, const std::string& key) {
    if (text.starts_with("\u00ab") || text.starts_with("\"")) return false;
    static const auto& openers = text::word_list("leaning_openers");
    const std::size_t one = key.find(' ');
    if (openers.contains(key.substr(0, one))) return true;
    return one != std::string::npos && openers.contains(key.substr(0, key.find(' ', one + 1)));
}

}  // namespace

QuoteBalance quote_balance(std::string_view text) {
    QuoteBalance b;
    for (std::size_t p = 0; (p = text.find("\u00ab", p)) != std::string_view::npos; p += 2) ++b.guillemets;
    for (std::size_t p = 0; (p = text.find("\u00bb", p)) != std::string_view::npos; p += 2) --b.guillemets;
    for (char c : text) b.straight += c == '"';
    return b;
}

bool ends_sentence(std::string_view text) {
    for (std::string_view end : {".", "!", "?", "…", "»", "\"", ")"})
        if (text.ends_with(end)) return true;
    return false;
}

std::string unified_word(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (std::size_t i = 0; i < w.size();) {
        const std::string_view rest = w.substr(i);
        if (rest.starts_with("\u2019")) out += '\'', i += 3;
        else if (rest.starts_with("\u202f")) out += ' ', i += 3;
        else if (rest.starts_with("\u00a0")) out += ' ', i += 2;
        else out += w[i++];
    }
    return out;
}

const std::string& folded_stem(const std::string& word) {
    thread_local std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(word);
    if (it == cache.end()) it = cache.emplace(word, text::strip_accents(text::stem(word))).first;
    return it->second;
}


std::vector<std::string> content_stems(std::string_view text) {
    return stems_of(text, text::tokenize(text));
}

StorySentence story_sentence(std::string text, int source) {
    StorySentence s;
    s.tokens = text::tokenize(text);
    s.stems = stems_of(text, s.tokens);
    s.key = key_of(text, s.tokens);
    s.words = static_cast<std::size_t>(std::count_if(s.tokens.begin(), s.tokens.end(), [](const text::Token& t) {
        return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number;  // text::count_words
    }));
    s.leans = leaning_opener(text, s.key);
    s.text = std::move(text);
    s.source = source;
    return s;
}

std::string words_key(std::string_view text) { return key_of(text, text::tokenize(text)); }

}  // namespace plume::write
