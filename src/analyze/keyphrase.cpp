#include "analyze/keyphrase.hpp"

#include <algorithm>
#include <unordered_map>

#include "analyze/word_index.hpp"

namespace plume::analysis {

namespace {

// Yoast unifies single quotes (’ ‘ ‛ ` ‹ ›) to ' before matching.
std::string unify_apostrophes(std::string s) {
    static constexpr std::string_view quotes[] = {"\u2019", "\u2018", "\u201B", "`", "\u2039", "\u203A"};
    if (std::none_of(s.begin(), s.end(), [](char c) { return c == '`' || c == '\xE2'; })) return s;  // most words
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto q = std::find_if(std::begin(quotes), std::end(quotes),
                                    [&](std::string_view quote) { return std::string_view(s).substr(i).starts_with(quote); });
        if (q != std::end(quotes)) {
            out += '\'';
            i += q->size();
        } else {
            out += s[i++];
        }
    }
    return out;
}

// Yoast's double quotes around a keyphrase ask for an exact match (« » do not).
bool is_double_quoted(std::string_view s) {
    static constexpr std::string_view quotes[] = {"\"", "\u201C", "\u201D", "\u301D", "\u301E", "\u301F", "\u201F", "\u201E"};
    auto starts = [&](std::string_view q) { return s.starts_with(q); };
    auto ends = [&](std::string_view q) { return s.ends_with(q); };
    return s.size() > 2 && std::any_of(std::begin(quotes), std::end(quotes), starts) &&
           std::any_of(std::begin(quotes), std::end(quotes), ends);
}

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Strips the quote characters (one UTF-8 sequence each end) around an exact-match keyphrase.
std::string_view unquote(std::string_view s) {
    auto lead = [](unsigned char c) { return c < 0x80 ? 1u : c >= 0xF0 ? 4u : c >= 0xE0 ? 3u : 2u; };
    std::size_t first = lead(static_cast<unsigned char>(s.front()));
    std::size_t last = 1;
    while (last < s.size() && (static_cast<unsigned char>(s[s.size() - last]) & 0xC0) == 0x80) ++last;
    return trim(s.substr(first, s.size() - first - last));
}

KeyWord key_word(std::string form, MatchMode mode) {
    KeyWord w{std::move(form), {}};
    w.folded = mode == MatchMode::Yoast ? text::strip_accents(w.form) : w.form;
    return w;
}

// `s` ends with `tail` right after an apostrophe: Yoast's word boundary includes apostrophes,
// so "ia" matches "l'ia".
bool ends_after_apostrophe(std::string_view s, std::string_view tail) {
    return s.size() > tail.size() && s.ends_with(tail) && s[s.size() - tail.size() - 1] == '\'';
}

bool yoast_part_matches(const KeyWord& w, std::string_view part) {
    for (std::string_view k : {std::string_view(w.form), std::string_view(w.folded)})
        if (part == k || ends_after_apostrophe(part, k)) return true;
    return false;
}

// Yoast's word boundaries: "ia" is found in "l'ia" and "porte" in "porte-monnaie".
bool part_matches(const KeyWord& word, std::string_view form) {
    if (yoast_part_matches(word, form)) return true;
    for (std::size_t b = 0; b <= form.size();) {
        const std::size_t e = std::min(form.find('-', b), form.size());
        if (e != form.size() || b != 0)
            if (yoast_part_matches(word, form.substr(b, e - b))) return true;
        b = e + 1;
    }
    return false;
}

}  // namespace

bool is_function_word(std::string_view word) {
    static const WordIndex function_words("function_words");
    return function_words.contains(unify_apostrophes(text::lowercase(word)));
}

bool is_word(const text::Token& t) { return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number; }

namespace {

constexpr std::size_t kMaxCachedForms = 200000;  // a language's worth of word forms

// The French match form of a word (the base after any elision). Snowball and accent folding
// cost microseconds and texts repeat their words: each thread keeps the forms it has
// computed, and starts over past a bound so that a long-running server does not grow.
const std::string& french_form(std::string_view base) {
    thread_local std::unordered_map<std::string, std::string> forms;
    std::string key(base);
    if (auto it = forms.find(key); it != forms.end()) return it->second;
    if (forms.size() >= kMaxCachedForms) forms.clear();
    std::string form = text::strip_accents(text::stem(text::lowercase(base)));
    return forms.emplace(std::move(key), std::move(form)).first->second;
}

}  // namespace

std::string match_form(std::string_view text, const text::Token& token, MatchMode mode) {
    if (mode == MatchMode::French) return french_form(text.substr(token.base, token.end - token.base));
    return unify_apostrophes(text::lowercase(token.view(text)));
}

std::string match_form(std::string_view text, const text::Token& token, MatchMode mode, std::string lower) {
    if (mode == MatchMode::Yoast) return unify_apostrophes(std::move(lower));
    return french_form(text.substr(token.base, token.end - token.base));
}

bool matches(const KeyWord& word, std::string_view form, MatchMode mode) {
    if (mode == MatchMode::French) return form == word.form;
    if (form == word.form || form == word.folded) return true;
    // Else a part of the form must match, whole or after an apostrophe: it takes a form longer
    // than the keyphrase word, with an apostrophe or a hyphen. Most words have neither.
    return form.size() > std::min(word.form.size(), word.folded.size()) &&
           std::any_of(form.begin(), form.end(), [](char c) { return c == '\'' || c == '-'; }) && part_matches(word, form);
}

Keyphrase make_keyphrase(std::string_view phrase, MatchMode mode) {
    Keyphrase k;
    k.mode = mode;
    phrase = trim(phrase);
    if (phrase.empty()) return k;
    k.exact = is_double_quoted(phrase);
    if (k.exact) phrase = unquote(phrase);
    k.phrase = text::lowercase(phrase);
    std::vector<KeyWord> all, content;
    auto add = [&](KeyWord w, std::string_view written) {
        if (!is_function_word(written)) content.push_back(w);
        all.push_back(std::move(w));
    };
    for (const text::Token& t : text::tokenize(k.phrase)) {
        if (!is_word(t)) continue;
        KeyWord w = key_word(match_form(k.phrase, t, mode), mode);
        if (mode == MatchMode::Yoast && !k.exact) {
            // Hyphens separate keyphrase words for Yoast: "porte-monnaie" is "porte" and "monnaie".
            for (std::size_t b = 0; b < w.form.size();) {
                const std::size_t e = std::min(w.form.find('-', b), w.form.size());
                if (e > b) add(key_word(w.form.substr(b, e - b), mode), std::string_view(w.form).substr(b, e - b));
                b = e + 1;
            }
        } else {
            add(w, t.view(k.phrase));
        }
        k.sequence.push_back(std::move(w));
    }
    k.words = k.exact ? k.sequence : content.empty() ? std::move(all) : std::move(content);
    return k;
}

Topic make_topic(const AnalyzeOptions& options) {
    Topic t{make_keyphrase(options.keyphrase, options.match), {}};
    for (const std::string& s : options.synonyms)
        if (Keyphrase k = make_keyphrase(s, options.match); !k.empty()) t.synonyms.push_back(std::move(k));
    return t;
}

namespace {

// The match forms of `tokens`, empty for non-words: owned, and viewed as find_in_sentence reads them.
struct Forms {
    std::vector<std::string> owned;
    std::vector<std::string_view> views;
};

Forms forms_of(std::string_view text, std::span<const text::Token> tokens, MatchMode mode) {
    Forms f;
    f.owned.reserve(tokens.size());
    for (const text::Token& t : tokens) f.owned.push_back(is_word(t) ? match_form(text, t, mode) : std::string());
    f.views.assign(f.owned.begin(), f.owned.end());
    return f;
}

std::ptrdiff_t sequence_in(const Keyphrase& k, std::span<const text::Token> tokens, std::span<const std::string_view> forms) {
    if (k.sequence.empty()) return -1;
    // Yoast's exact matching: a mismatch restarts the phrase at the next token.
    std::size_t matched = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool hit = is_word(tokens[i]) && matches(k.sequence[matched], forms[i], k.mode);
        matched = hit ? matched + 1 : 0;
        if (matched == k.sequence.size()) return static_cast<std::ptrdiff_t>(i + 1 - matched);
    }
    return -1;
}

}  // namespace

std::ptrdiff_t find_sequence(const Keyphrase& k, std::string_view text, std::span<const text::Token> tokens) {
    if (k.sequence.empty()) return -1;
    return sequence_in(k, tokens, forms_of(text, tokens, k.mode).views);
}

Found find_in_sentence(const Keyphrase& k, std::string_view text, std::span<const text::Token> tokens) {
    if (k.empty()) return {};
    return find_in_sentence(k, tokens, forms_of(text, tokens, k.mode).views);
}

Found find_in_sentence(const Keyphrase& k, std::span<const text::Token> tokens, std::span<const std::string_view> forms) {
    Found found;
    if (k.empty()) return found;
    if (k.exact) {
        while (true) {
            const std::ptrdiff_t at = sequence_in(k, tokens, forms);
            if (at < 0) break;
            const auto first = static_cast<std::size_t>(at);
            ++found.count;
            for (std::size_t i = first; i < first + k.sequence.size(); ++i) found.words.push_back({tokens[i].begin, tokens[i].end});
            tokens = tokens.subspan(first + k.sequence.size());
            forms = forms.subspan(first + k.sequence.size());
        }
        return found;
    }
    // Token by token, so the words found come in text order, each once.
    std::vector<std::size_t> counts(k.words.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!is_word(tokens[i])) continue;
        bool hit = false;
        for (std::size_t w = 0; w < k.words.size(); ++w)
            if (matches(k.words[w], forms[i], k.mode)) {
                ++counts[w];
                hit = true;
            }
        if (hit) found.words.push_back({tokens[i].begin, tokens[i].end});
    }
    found.count = *std::min_element(counts.begin(), counts.end());
    if (found.count == 0) found.words.clear();
    return found;
}

std::size_t count_matches(const Keyphrase& k, std::string_view text) {
    const std::vector<text::Token> tokens = text::tokenize(text);
    std::size_t n = 0;
    auto first = tokens.begin();
    for (const text::Span& s : text::split_sentences(text)) {
        first = std::find_if(first, tokens.end(), [&](const text::Token& t) { return t.begin >= s.begin; });
        const auto last = std::find_if(first, tokens.end(), [&](const text::Token& t) { return t.begin >= s.end; });
        n += find_in_sentence(k, text, {first, last}).count;
        first = last;
    }
    return n;
}

double share_found(const Keyphrase& k, std::string_view text) {
    if (k.empty()) return 0;
    const std::vector<text::Token> tokens = text::tokenize(text);
    if (k.exact) return find_sequence(k, text, tokens) >= 0 ? 1 : 0;
    std::vector<std::string> forms;
    for (const text::Token& t : tokens)
        if (is_word(t)) forms.push_back(match_form(text, t, k.mode));
    const auto found = std::count_if(k.words.begin(), k.words.end(), [&](const KeyWord& w) {
        return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return matches(w, f, k.mode); });
    });
    return static_cast<double>(found) / static_cast<double>(k.words.size());
}

bool contains_all(const Keyphrase& k, std::string_view text) { return !k.empty() && share_found(k, text) == 1.0; }

}  // namespace plume::analysis
