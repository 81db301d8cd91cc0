#include "analyze/context.hpp"

#include <array>
#include <cctype>


namespace plume::analysis {

namespace {

// Punctuation that may cling to a word when the tokenizer leaves it there.
constexpr std::array<std::string_view, 16> kClinging = {
    "\"", "(", ")", "[", "]", ".", ",", ";", ":", "!", "?", "«", "»", "“", "”", "…"};

bool strip_one(std::string& w, bool front) {
    for (std::string_view p : kClinging) {
        if (front ? w.starts_with(p) : w.ends_with(p)) {
            front ? w.erase(0, p.size()) : w.erase(w.size() - p.size());
            return true;
        }
    }
    return false;
}

}  // namespace

std::string list_form(std::string_view lower) {
    std::string w;
    if (lower.find('\xE2') == std::string_view::npos) {
        w.assign(lower);  // no ’ to unify: the common case
    } else {
        w.reserve(lower.size());
        for (std::size_t i = 0; i < lower.size(); ++i) {
            if (lower.compare(i, 3, "’") == 0) {
                w += '\'';
                i += 2;
            } else {
                w += lower[i];
            }
        }
    }
    auto plain = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    if (!w.empty() && plain(w.front()) && plain(w.back())) return w;
    while (strip_one(w, true)) {
    }
    while (strip_one(w, false)) {
    }
    return w;
}

Mark Context::mark(std::size_t block, std::size_t begin, std::size_t end) const {
    const Block& b = doc.blocks.at(block);
    return {b.source_offset(begin), b.source_offset(end)};
}

Context make_context(const Document& doc, const AnalyzeOptions& options) {
    Context ctx{doc, options, {}, {}, {}, {}, {}, {}, 0};
    ctx.title = !options.title.empty() ? options.title : doc.title.value_or("");
    ctx.description = !options.description.empty() ? options.description : doc.description.value_or("");
    ctx.slug = options.slug;
    ctx.tokens.reserve(doc.blocks.size());
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const std::string& t = doc.blocks[i].text;
        ctx.tokens.push_back(text::tokenize(t));
        const std::vector<text::Token>& tokens = ctx.tokens.back();
        for (const text::Token& tok : tokens)
            ctx.words += tok.kind == text::TokenKind::Word || tok.kind == text::TokenKind::Number;
        auto tok = tokens.begin();
        for (const text::Span& s : text::split_sentences(t)) {
            ctx.sentences.push_back({i, s.begin, s.end, std::string_view(t).substr(s.begin, s.end - s.begin)});
            std::vector<std::string>& words = ctx.sentence_words.emplace_back();
            for (; tok != tokens.end() && tok->begin < s.begin; ++tok) {
            }
            for (; tok != tokens.end() && tok->end <= s.end; ++tok) {
                const std::string_view v = tok->view(t);
                if (tok->kind == text::TokenKind::Word || tok->kind == text::TokenKind::Number) {
                    if (std::string w = list_form(text::lowercase(v)); !w.empty()) words.push_back(std::move(w));
                } else if (v == ",") {
                    words.emplace_back(",");
                }
            }
        }
    }
    return ctx;
}

Assessment result(std::string id, int score, std::string message, std::vector<Mark> marks) {
    return {std::move(id), score, rating_of_score(score), std::move(message), std::move(marks)};
}

}  // namespace plume::analysis
