// The facts of an article (figures, dates, quotations, names) and their sources.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>

#include "analyze/keyphrase.hpp"
#include "check/fidelity.hpp"
#include "plume/text.hpp"

namespace plume::write {

namespace {

const std::set<std::string, std::less<>> kMonths = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                                     "août", "septembre", "octobre", "novembre", "décembre"};
// Lowercase words inside a name: Métropole de Lyon, Tahnoon bin Zayed, Afrique du Nord.
const std::set<std::string, std::less<>> kNameParticles = {"de", "du", "des", "d'", "bin", "ben", "al", "la", "van", "von", "et"};

bool upper_initial(std::string_view w) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    return u_isupper(c);
}

// OpenAI, TSMC, iPhone: a capital after the first letter marks a name anywhere.
bool inner_capital(std::string_view w) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    while (i < static_cast<int32_t>(w.size())) {
        U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
        if (u_isupper(c)) return true;
    }
    return false;
}

std::string apostrophes(std::string s) {
    for (std::size_t p; (p = s.find("\u2019")) != std::string::npos;) s.replace(p, 3, "'");
    return s;
}

bool is_word(const text::Token& t) { return t.kind == text::TokenKind::Word; }

// Starts of sentences and lines: a capital there may be grammar, not a name.
std::set<std::size_t> sentence_starts(std::string_view text) {
    std::set<std::size_t> starts;
    std::size_t line = 0;
    while (line < text.size()) {
        std::size_t end = text.find('\n', line);
        if (end == std::string_view::npos) end = text.size();
        for (const text::Span& s : text::split_sentences(text.substr(line, end - line))) starts.insert(line + s.begin);
        line = end + 1;
    }
    return starts;
}

struct Collector {
    std::vector<Fact> facts;
    std::set<std::pair<FactKind, std::string>> seen;
    void add(FactKind kind, std::string text) {
        while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == '.')) text.pop_back();
        if (!text.empty() && seen.insert({kind, text}).second) facts.push_back({kind, std::move(text), -1});
    }
};

// A number with the words that say what it counts: 7 000 milliards de dollars, 3,5 %,
// 6 septembre 2025 (a date), 2026 (a year).
void numbers(std::string_view text, const std::vector<text::Token>& tokens, Collector& out) {
    const auto& measure = text::word_list("measure_words");
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != text::TokenKind::Number) continue;
        std::size_t last = i;
        bool date = false;
        for (std::size_t j = i + 1; j < tokens.size() && j <= i + 4; ++j) {
            const std::string w = apostrophes(text::lowercase(tokens[j].view(text)));
            const std::string base = text::lowercase(text.substr(tokens[j].base, tokens[j].end - tokens[j].base));
            if (w == "%" || w == "°c" || w == "€" || w == "$" || measure.contains(base)) {
                date = date || kMonths.contains(base);
                last = j;
            } else if ((w == "de" || w == "d'") && j + 1 < tokens.size()) {
                continue;
            } else if (date && tokens[j].kind == text::TokenKind::Number && j == last + 1) {
                last = j;  // the year of "6 septembre 2025"
            } else {
                break;
            }
        }
        const std::string_view digits = tokens[i].view(text);
        const bool year = last == i && digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        out.add(date || year ? FactKind::Date : FactKind::Number,
                std::string(text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin)));
        i = last;
    }
}

void quotes(std::string_view text, Collector& out) {
    for (std::size_t p = 0; (p = text.find("«", p)) != std::string_view::npos;) {
        const std::size_t end = text.find("»", p);
        if (end == std::string_view::npos) break;
        std::string inner(text.substr(p + 2, end - p - 2));
        for (std::string_view sp : {"\u00a0", "\u202f", " "}) {
            while (inner.starts_with(sp)) inner.erase(0, sp.size());
            while (inner.ends_with(sp)) inner.resize(inner.size() - sp.size());
        }
        out.add(FactKind::Quote, inner);
        p = end;
    }
}

// Runs of capitalised words, with particles inside; a word opening a sentence counts when it
// is written capitalised elsewhere in the text too, or is an acronym.
void names(std::string_view text, const std::vector<text::Token>& tokens, Collector& out) {
    const std::set<std::size_t> starts = sentence_starts(text);
    std::set<std::string, std::less<>> capitalised_inside;
    for (const text::Token& t : tokens)
        if (is_word(t) && !starts.contains(t.begin) && upper_initial(t.view(text))) capitalised_inside.insert(std::string(t.view(text)));
    auto name_word = [&](const text::Token& t) {
        const std::string_view w = text.substr(t.base, t.end - t.base);
        if (!is_word(t) || !upper_initial(w) || kMonths.contains(text::lowercase(w))) return false;
        if (!starts.contains(t.begin)) return !analysis::is_function_word(w) || inner_capital(w);
        return inner_capital(w) || (capitalised_inside.contains(std::string(w)) && !analysis::is_function_word(w));
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!name_word(tokens[i])) continue;
        std::size_t last = i;
        for (std::size_t j = i + 1; j < tokens.size(); ++j) {
            // A name's words stand one space apart on one line.
            if (tokens[j].begin - tokens[j - 1].end > 3 || text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end).find('\n') != std::string_view::npos)
                break;
            if (name_word(tokens[j])) last = j;
            else if (!is_word(tokens[j]) || !kNameParticles.contains(apostrophes(text::lowercase(tokens[j].view(text)))))
                break;
        }
        out.add(FactKind::Name, std::string(text.substr(tokens[i].base, tokens[last].end - tokens[i].base)));
        i = last;
    }
}

// Spaces of every width as one, apostrophes and quotation marks unified, and no space
// inside a number (7 000 and 7000 are one figure).
std::string normalised(std::string_view s) {
    std::string t(s);
    for (auto [from, to] : {std::pair{"\u00a0", " "}, {"\u202f", " "}, {"\u2009", " "}, {"\u2019", "'"}, {"\u2018", "'"},
                            {"«", "\""}, {"»", "\""}, {"“", "\""}, {"”", "\""}})
        for (std::size_t p; (p = t.find(from)) != std::string::npos;) t.replace(p, std::string_view(from).size(), to);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        // French and English spacing around signs differ: no space before ; : ! ? at all.
        if (c == ' ' && i + 1 < t.size() && std::string_view(";:!?").find(t[i + 1]) != std::string_view::npos) continue;
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '"')) continue;
        if (c == ' ' && std::isdigit(static_cast<unsigned char>(out.back())) && i + 1 < t.size() &&
            std::isdigit(static_cast<unsigned char>(t[i + 1])))
            continue;
        if (c == '"' && !out.empty() && out.back() == ' ') out.pop_back();
        out += c;
    }
    return out;
}

}  // namespace

std::vector<Fact> extract_facts(std::string_view text) {
    const std::vector<text::Token> tokens = text::tokenize(text);
    Collector out;
    numbers(text, tokens, out);
    quotes(text, out);
    names(text, tokens, out);
    return out.facts;
}

void trace_facts(std::vector<Fact>& facts, const std::vector<std::string>& sources) {
    std::vector<std::string> texts;
    for (const std::string& s : sources) texts.push_back(normalised(s));
    for (Fact& f : facts) {
        const std::string key = normalised(f.text);
        f.source = -1;
        for (std::size_t i = 0; i < texts.size() && f.source < 0; ++i)
            if (texts[i].find(key) != std::string::npos) f.source = static_cast<int>(i);
    }
}

}  // namespace plume::write
