#include "write/text_case.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "analyze/keyphrase.hpp"
#include "plume/text.hpp"

namespace plume::write {

namespace {

std::string with_first_letter(const std::string& s, UChar32 (*map)(UChar32)) {
    if (s.empty()) return s;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    const UChar32 m = map(c);
    if (c < 0 || m == c) return s;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, m);
    return std::string(buf, static_cast<std::size_t>(n)) + s.substr(static_cast<std::size_t>(i));
}

// "Dix-huit", "Quatre-vingts": every part a function word (numerals are).
bool function_parts(const std::string& word) {
    if (word.find('-') == std::string::npos) return false;
    for (std::size_t b = 0; b <= word.size();) {
        const std::size_t e = std::min(word.find('-', b), word.size());
        if (!analysis::is_function_word(word.substr(b, e - b))) return false;
        b = e + 1;
    }
    return true;
}

}  // namespace

// A quotation opening the text is capitalised inside its marks (« « Un niveau jamais
// atteint », selon… »).
std::string capitalise(std::string s) {
    std::size_t quote = 0;
    for (std::string_view mark : {"\u00ab\u00a0", "\u00ab\u202f", "\u00ab ", "\u00ab", "\u201c", "\""})
        if (s.starts_with(mark)) {
            quote = mark.size();
            break;
        }
    return s.substr(0, quote) + with_first_letter(s.substr(quote), u_toupper);
}
std::string uncapitalise(std::string s) { return with_first_letter(s, u_tolower); }

namespace {

UChar32 first_code_point(std::string_view s) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c;
}

}  // namespace

bool starts_upper(std::string_view s) { return !s.empty() && u_isupper(first_code_point(s)); }
bool starts_lower(std::string_view s) { return !s.empty() && u_islower(first_code_point(s)); }

std::string lower_ordinary_first_word(std::string s) {
    const std::size_t end = s.find_first_of(" \u00a0,");
    const std::string first = s.substr(0, end);
    // An elided article (L’usine) is ordinary too.
    const bool elided = first.size() > 1 && (first.find('\'') != std::string::npos || first.find("\u2019") != std::string::npos);
    if (!elided && !analysis::is_function_word(first) && !function_parts(first)) return s;
    return with_first_letter(s, u_tolower);
}

void WordForms::add(std::string_view text) {
    for (const text::Span& sentence : text::split_sentences(text)) {
        const std::string_view s = text.substr(sentence.begin, sentence.end - sentence.begin);
        bool first = true;
        std::string_view particle;  // the function word before, inside the sentence
        for (const text::Token& t : text::tokenize(s)) {
            if (t.kind != text::TokenKind::Word) {
                particle = {};
                continue;
            }
            const std::string_view word = s.substr(t.base, t.end - t.base);
            if (!first) ++counts_[text::lowercase(word)][std::string(word)];
            if (!particle.empty()) {
                const std::string pair = std::string(particle) + ' ' + std::string(word);
                ++counts_[text::lowercase(pair)][pair];
            }
            particle = !first && t.base == t.begin && analysis::is_function_word(word) ? word : std::string_view();
            first = false;
        }
    }
}

std::string_view WordForms::form(const std::string& lower) const {
    const auto it = counts_.find(lower);
    if (it == counts_.end()) return {};
    const auto most = std::max_element(it->second.begin(), it->second.end(),
                                       [](const auto& a, const auto& b) { return a.second != b.second ? a.second < b.second : a.first > b.first; });
    return most->first;
}

bool in_capitals(const std::string& heading) {
    std::size_t capitals = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(heading.size());) {
        UChar32 c;
        U8_NEXT(heading.data(), i, static_cast<int32_t>(heading.size()), c);
        if (u_islower(c)) return false;
        capitals += u_isupper(c) ? 1 : 0;
    }
    return capitals >= 2;
}

std::string heading_out_of_capitals(const std::string& heading, const WordForms& forms) {
    if (!in_capitals(heading)) return heading;
    std::string out;
    std::size_t at = 0;
    const std::vector<text::Token> words = text::tokenize(heading);
    for (std::size_t k = 0; k < words.size(); ++k) {
        const text::Token& t = words[k];
        if (t.kind != text::TokenKind::Word) continue;
        const std::string lower = text::lowercase(heading.substr(t.base, t.end - t.base));
        std::string_view form = forms.form(lower);
        // A particle as the text writes it before the same word (« LE PEN »: « Le Pen »).
        if (k + 1 < words.size() && words[k + 1].kind == text::TokenKind::Word && words[k + 1].base == words[k + 1].begin &&
            t.end < words[k + 1].begin)
            if (const std::string_view pair = forms.form(lower + ' ' + text::lowercase(words[k + 1].view(heading)));
                !pair.empty())
                form = pair.substr(0, pair.find(' '));
        out += heading.substr(at, t.begin - at) + text::lowercase(heading.substr(t.begin, t.base - t.begin));
        out += form.empty() ? lower : std::string(form);
        at = t.end;
    }
    out += heading.substr(at);
    // The first word takes the capital, past an opening quotation mark (« « Le bébé… »);
    // a figure first keeps the words after it small (« 28 signataires »).
    const std::vector<text::Token> tokens = text::tokenize(out);
    const auto word = std::find_if(tokens.begin(), tokens.end(), [](const text::Token& t) {
        return t.kind != text::TokenKind::Punct && t.kind != text::TokenKind::Symbol;
    });
    const std::size_t first = word == tokens.end() ? 0 : word->begin;
    return out.substr(0, first) + capitalise(out.substr(first));
}

}  // namespace plume::write
