// Tokenizer (first cut: white space and punctuation; to be replaced by the French rules).
#include "plume/text.hpp"

namespace plume::text {

namespace {
bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_punct(unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
           c == ')' || c == '"';
}
}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) { ++i; continue; }
        if (is_punct(c)) { out.push_back({i, i + 1, TokenKind::Punct, i}); ++i; continue; }
        std::size_t j = i;
        while (j < text.size() && !is_space(static_cast<unsigned char>(text[j])) &&
               !is_punct(static_cast<unsigned char>(text[j])))
            ++j;
        out.push_back({i, j, TokenKind::Word, i});
        i = j;
    }
    return out;
}

std::size_t count_words(std::string_view text) {
    std::size_t n = 0;
    for (const Token& t : tokenize(text)) n += t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    return n;
}

}  // namespace plume::text
