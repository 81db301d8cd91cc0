#include "analyze/context.hpp"

namespace plume::analysis {

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
        std::vector<std::string>& lower = ctx.lower.emplace_back();
        lower.reserve(ctx.tokens.back().size());
        for (const text::Token& tok : ctx.tokens.back()) lower.push_back(text::lowercase(tok.view(t)));
        for (const text::Token& tok : ctx.tokens.back())
            ctx.words += tok.kind == text::TokenKind::Word || tok.kind == text::TokenKind::Number;
        for (const text::Span& s : text::split_sentences(t))
            ctx.sentences.push_back({i, s.begin, s.end, std::string_view(t).substr(s.begin, s.end - s.begin)});
    }
    return ctx;
}

Assessment result(std::string id, int score, std::string message, std::vector<Mark> marks) {
    return {std::move(id), score, rating_of_score(score), std::move(message), std::move(marks)};
}

}  // namespace plume::analysis
