#include "analyze/context.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "plume/text.hpp"

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
    auto plain = [](char c) {  // isalnum in the C locale, without the call
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
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

namespace {

bool is_word(const text::Token& t) { return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number; }

Lexeme make_lexeme(std::string_view text, const text::Token& t, const Context& ctx) {
    std::string lower = text::lowercase(t.view(text));
    Lexeme l{list_form(lower), {}, 0};
    if (!ctx.topic.keyphrase.empty()) l.match = match_form(text, t, ctx.options.match, std::move(lower));
    if (t.kind == text::TokenKind::Word) l.syllables = text::count_syllables(t.view(text));
    return l;
}

// Each block's tokens, and the number of word tokens in all.
std::size_t tokenize_blocks(Context& ctx) {
    std::size_t words = 0;
    ctx.tokens.reserve(ctx.doc.blocks.size());
    for (const Block& b : ctx.doc.blocks) {
        const std::vector<text::Token>& tokens = ctx.tokens.emplace_back(text::tokenize(b.text));
        words += static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), is_word));
    }
    return words;
}

// The lexeme of every token of block b (npos for non-words), added to the lexicon when new.
std::vector<std::size_t> lexemes_of_block(Context& ctx, WordIndex& known, std::size_t b) {
    const std::string& text = ctx.doc.blocks[b].text;
    std::vector<std::size_t> ids;
    ids.reserve(ctx.tokens[b].size());
    for (const text::Token& t : ctx.tokens[b]) {
        if (!is_word(t)) {
            ids.push_back(WordIndex::npos);
            continue;
        }
        const std::size_t id = known.add(t.view(text));
        if (id == ctx.lexicon.size()) {
            Lexeme& l = ctx.lexicon.emplace_back(make_lexeme(text, t, ctx));
            if (!l.list.empty()) l.word = ctx.vocabulary.add(l.list);
        }
        ids.push_back(id);
    }
    return ids;
}

// Block b's sentences, with their words in list form and their commas.
void add_sentences(Context& ctx, std::size_t b, const std::vector<std::size_t>& ids) {
    const std::string& text = ctx.doc.blocks[b].text;
    const std::vector<text::Token>& tokens = ctx.tokens[b];
    std::size_t k = 0;
    for (const text::Span& s : text::split_sentences(text)) {
        ctx.sentences.push_back({b, s.begin, s.end, std::string_view(text).substr(s.begin, s.end - s.begin)});
        for (; k < tokens.size() && tokens[k].begin < s.begin; ++k) {
        }
        std::size_t end = k;
        while (end < tokens.size() && tokens[end].end <= s.end) ++end;
        std::vector<std::size_t>& words = ctx.sentence_words.emplace_back();
        words.reserve(end - k);
        for (; k < end; ++k) {
            if (ids[k] != WordIndex::npos) {
                if (const std::size_t w = ctx.lexicon[ids[k]].word; w != WordIndex::npos) words.push_back(w);
            } else if (tokens[k].view(text) == ",") {
                words.push_back(Context::kComma);
            }
        }
    }
}

}  // namespace

std::string wordpress_slug(std::string_view title) {
    // Dropped as WordPress drops them: « l’État » is « letat »; other marks outside ASCII
    // (no-break spaces, dashes) part words.
    static constexpr std::array<std::string_view, 7> kDropped{"\u2019", "\u2018", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2026"};
    const std::string folded = text::strip_accents(text::lowercase(title));
    std::string slug;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            std::size_t n = 1;
            while (i + n < folded.size() && (static_cast<unsigned char>(folded[i + n]) & 0xC0) == 0x80) ++n;
            const std::string_view mark = std::string_view(folded).substr(i, n);
            i += n - 1;
            if (std::find(kDropped.begin(), kDropped.end(), mark) != kDropped.end()) continue;
        } else if (std::isalnum(u) || c == '_') {
            slug += c;
            continue;
        } else if (c != ' ' && c != '-' && c != '.' && c != '\t') {
            continue;  // other punctuation: dropped
        }
        if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    if (slug.ends_with('-')) slug.pop_back();
    return slug;
}

Context make_context(const Document& doc, const AnalyzeOptions& options) {
    Context ctx{doc, options, {}, {}, {}, make_topic(options), {}, {}, {}, {}, {}, 0, 0, {}};
    ctx.title = !options.title.empty() ? options.title : doc.title.value_or("");
    ctx.description = !options.description.empty() ? options.description : doc.description.value_or("");
    ctx.slug = options.slug.empty() ? wordpress_slug(ctx.title) : options.slug;
    ctx.words = tokenize_blocks(ctx);
    // Room for every word token to be a new word: the lexicon never reallocates under its views.
    WordIndex known;
    known.reserve(ctx.words);
    ctx.lexicon.reserve(ctx.words);
    ctx.vocabulary.reserve(ctx.words + 1);
    ctx.vocabulary.add(",");
    ctx.forms.reserve(doc.blocks.size());
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
        const std::vector<std::size_t> ids = lexemes_of_block(ctx, known, b);
        std::vector<std::string_view>& forms = ctx.forms.emplace_back(ids.size());
        for (std::size_t k = 0; k < ids.size(); ++k) {
            if (ids[k] == WordIndex::npos) continue;
            const Lexeme& l = ctx.lexicon[ids[k]];
            forms[k] = l.match;
            ctx.syllables += ctx.tokens[b][k].kind == text::TokenKind::Word ? static_cast<std::size_t>(l.syllables) : 0;
        }
        add_sentences(ctx, b, ids);
    }
    return ctx;
}

Assessment result(std::string id, int score, std::string message, std::vector<Mark> marks) {
    return {std::move(id), score, rating_of_score(score), std::move(message), std::move(marks)};
}

}  // namespace plume::analysis
