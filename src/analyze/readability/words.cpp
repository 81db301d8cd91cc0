// Helpers shared by the readability assessments: words of a sentence, percentages, marks.
#include <algorithm>
#include <cmath>

#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {

using TokenIt = std::vector<text::Token>::const_iterator;

// The first token that starts at or after `begin` (tokens are in text order).
TokenIt first_token(const std::vector<text::Token>& tokens, std::size_t begin) {
    return std::lower_bound(tokens.begin(), tokens.end(), begin,
                            [](const text::Token& t, std::size_t at) { return t.begin < at; });
}

bool is_word(const text::Token& t) {
    return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number;
}

}  // namespace

bool analysed(const Block& block) { return block.kind != BlockKind::Quote && block.kind != BlockKind::Code; }

std::string normalize_word(std::string_view word) { return list_form(text::lowercase(word)); }

std::vector<std::string> words_of(std::string_view text, const std::vector<text::Token>& tokens,
                                  std::size_t begin, std::size_t end, bool commas) {
    std::vector<std::string> out;
    for (auto it = first_token(tokens, begin); it != tokens.end() && it->end <= end; ++it) {
        const std::string_view v = it->view(text);
        if (is_word(*it)) {
            if (std::string w = normalize_word(v); !w.empty()) out.push_back(std::move(w));
        } else if (commas && v == ",") {
            out.emplace_back(",");
        }
    }
    return out;
}

const std::vector<std::size_t>& words_and_commas(const Context& ctx, const Sentence& s) {
    // `s` is one of ctx.sentences; at() rather than a silent read past the end otherwise.
    return ctx.sentence_words.at(static_cast<std::size_t>(&s - ctx.sentences.data()));
}

std::size_t word_count(const Context& ctx, std::size_t block, std::size_t begin, std::size_t end) {
    const auto& tokens = ctx.tokens[block];
    std::size_t n = 0;
    for (auto it = first_token(tokens, begin); it != tokens.end() && it->end <= end; ++it) n += is_word(*it);
    return n;
}

double round_percent(double value) {
    return std::round(value) == value ? value : std::round(value * 10) / 10;
}

double percentage(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0 : round_percent(static_cast<double>(part) * 100 / static_cast<double>(whole));
}

std::string format_percent(const Context& ctx, double value) {
    std::string n = fmt::format("{:g}", value);
    if (ctx.options.lang == Lang::Fr) std::replace(n.begin(), n.end(), '.', ',');
    return ctx.say("{}\u00a0%", "{}%", n);
}

std::vector<Mark> marks_of(const Context& ctx, const std::vector<const Sentence*>& sentences) {
    std::vector<Mark> marks;
    marks.reserve(sentences.size());
    for (const Sentence* s : sentences) marks.push_back(ctx.mark(*s));
    return marks;
}

}  // namespace plume::analysis::readability
