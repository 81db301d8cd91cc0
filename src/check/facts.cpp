// Fidelity: the facts of a text (numbers with their unit, dates, quoted passages, proper names)
// and the first source each one comes from. Facts are found on tokens: the tokenizer already
// keeps "7 000" and "3,5" whole and strips elisions (d’OpenAI -> OpenAI).
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/fidelity.hpp"
#include "compose/typography.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"

namespace plume::write {

namespace {

using text::Token;
using text::TokenKind;

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that scale a number (7 000 milliards), and units and currencies that say what it counts.
constexpr std::array<std::string_view, 11> kScales = {"mille",     "millier", "milliers", "million",
                                                      "millions",  "milliard", "milliards", "billion",
                                                      "billions",  "md",      "mds"};
constexpr std::array<std::string_view, 65> kUnits = {
    "%",           "‰",          "€",         "$",           "£",          "¥",          "euro",
    "euros",       "dollar",     "dollars",   "livres",      "francs",     "yens",       "yuans",
    "mètre",       "mètres",     "metres",    "m",           "m²",         "m³",         "kilomètre",
    "kilomètres",  "kilometres", "km",        "km²",         "centimètres", "cm",        "millimètres",
    "mm",          "nanomètres", "nm",        "hectares",    "ha",         "tonne",      "tonnes",
    "t",           "mt",         "kg",        "kilos",       "grammes",    "litres",     "hectolitres",
    "quintaux",    "wh",         "kwh",       "mwh",         "gwh",        "twh",        "kw",
    "mw",          "gw",         "watts",     "volts",       "degrés",     "degres",     "minutes",
    "min",         "secondes",   "heures",    "jours",       "semaines",   "mois",       "ans",
    "années",      "points"};

// Lowercase particles inside a proper name: Métropole de Lyon, Tahnoon bin Zayed.
constexpr std::array<std::string_view, 12> kParticles = {"de", "du", "des", "bin", "ben", "ibn",
                                                         "van", "von", "der", "den", "da", "di"};

bool starts_upper(std::string_view w) { return !w.empty() && text::chars::is_upper(text::chars::decode(w, 0).cp); }

bool starts_digit(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

// OpenAI, TSMC, SoftBank: a capital after the first letter marks a name wherever it stands.
bool is_acronym_or_camel(std::string_view w) {
    const auto first = text::chars::decode(w, 0);
    for (std::size_t i = first.next; i < w.size();) {
        const auto c = text::chars::decode(w, i);
        if (text::chars::is_upper(c.cp)) return true;
        i = c.next;
    }
    return false;
}

bool is_all_caps(std::string_view w) {
    for (std::size_t i = 0; i < w.size();) {
        const auto c = text::chars::decode(w, i);
        if (text::chars::is_lower(c.cp)) return false;
        i = c.next;
    }
    return true;
}

// al-Nahyan, el-Sissi: a lowercase article glued to a capitalised name.
bool is_arabic_article_name(std::string_view w) {
    for (std::string_view prefix : {"al-", "el-"})
        if (w.starts_with(prefix) && starts_upper(w.substr(prefix.size()))) return true;
    return false;
}

bool is_number_value(std::string_view w, int low, int high) {
    if (w.empty() || w.size() > 4) return false;
    int v = 0;
    for (char c : w) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    return v >= low && v <= high;
}

struct Found {
    std::size_t begin = 0;
    std::size_t end = 0;
    FactKind kind = FactKind::Number;
};

// One pass over a text's tokens, with what each decision needs about them.
class Extractor {
public:
    explicit Extractor(std::string_view text)
        : text_(text), tokens_(text::tokenize(text)), quotations_(quotations(text)) {
        lower_.reserve(tokens_.size());
        for (std::size_t k = 0; k < tokens_.size(); ++k) lower_.push_back(text::lowercase(word(k)));
        mark_sentence_starts();
        collect_mid_sentence_capitals();
    }

    std::vector<Found> run() {
        std::vector<Found> out;
        for (const Quotation& q : quotations_) out.push_back({q.inner_begin, q.inner_end, FactKind::Quote});
        for (std::size_t k = 0; k < tokens_.size();) {
            std::size_t next = date_at(k, out);
            if (next == k) next = number_at(k, out);
            if (next == k) next = name_at(k, out);
            k = std::max(next, k + 1);
        }
        std::stable_sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
        return out;
    }

private:
    std::string_view text_;
    std::vector<Token> tokens_;
    std::vector<Quotation> quotations_;
    std::vector<std::string> lower_;     // per token: its word, lowercased
    std::vector<bool> sentence_start_;   // per token: first word of a sentence or of a quotation
    std::vector<bool> heading_start_;    // per token: first word of a heading line
    std::unordered_set<std::string> mid_capitals_;

    bool is_word(std::size_t k) const { return k < tokens_.size() && tokens_[k].kind == TokenKind::Word; }
    bool is_number(std::size_t k) const { return k < tokens_.size() && tokens_[k].kind == TokenKind::Number; }

    // The token's word without its elision (d’OpenAI -> OpenAI).
    std::string_view word(std::size_t k) const {
        return text_.substr(tokens_[k].base, tokens_[k].end - tokens_[k].base);
    }
    const std::string& lower(std::size_t k) const { return lower_[k]; }
    bool elided(std::size_t k) const { return tokens_[k].base != tokens_[k].begin; }

    // Token k+1 follows token k on the same line, with nothing but spaces between them.
    bool next_to(std::size_t k) const {
        if (k + 1 >= tokens_.size()) return false;
        const std::string_view gap = text_.substr(tokens_[k].end, tokens_[k + 1].begin - tokens_[k].end);
        return gap.find('\n') == std::string_view::npos;
    }

    // Token k+1 is glued to token k (35°C, 10:30).
    bool glued(std::size_t k) const { return k + 1 < tokens_.size() && tokens_[k + 1].begin == tokens_[k].end; }

    bool is_month(std::size_t k) const { return is_word(k) && text::word_list("month_names").contains(lower(k)); }
    bool is_day_name(std::size_t k) const { return is_word(k) && text::word_list("day_names").contains(lower(k)); }
    bool is_day_number(std::size_t k) const {
        return (is_number(k) && is_number_value(word(k), 1, 31)) || (is_word(k) && lower(k) == "1er");
    }
    bool is_year(std::size_t k) const {
        return is_number(k) && word(k).size() == 4 && is_number_value(word(k), 1000, 2999);
    }

    // Lines are read one by one: a line break ends a sentence, a title or a heading.
    void mark_sentence_starts() {
        sentence_start_.assign(tokens_.size(), false);
        heading_start_.assign(tokens_.size(), false);
        std::size_t k = 0;
        for (std::size_t line = 0; line < text_.size();) {
            std::size_t end = text_.find('\n', line);
            if (end == std::string_view::npos) end = text_.size();
            const std::string_view l = text_.substr(line, end - line);
            const bool heading = is_heading_line(l);
            for (const text::Span& s : text::split_sentences(l)) {
                while (k < tokens_.size() && tokens_[k].begin < line + s.begin) ++k;
                std::size_t first = k;
                while (first < tokens_.size() && tokens_[first].begin < line + s.end && !is_word(first) &&
                       !is_number(first))
                    ++first;
                if (first < tokens_.size() && tokens_[first].begin < line + s.end) {
                    sentence_start_[first] = true;
                    heading_start_[first] = heading_start_[first] || heading;
                }
            }
            line = end + 1;
        }
        for (const Quotation& q : quotations_) {
            auto it = std::lower_bound(tokens_.begin(), tokens_.end(), q.inner_begin,
                                       [](const Token& t, std::size_t pos) { return t.begin < pos; });
            if (it != tokens_.end() && it->begin < q.inner_end)
                sentence_start_[static_cast<std::size_t>(it - tokens_.begin())] = true;
        }
    }

    // A Markdown heading, or a line with no final punctuation: a title or a subheading.
    static bool is_heading_line(std::string_view l) {
        while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r')) l.remove_suffix(1);
        if (l.empty()) return false;
        if (l.front() == '#') return true;
        const auto last = text::chars::decode_before(l, l.size()).cp;
        static constexpr std::u32string_view kFinal = U".!?…:;»\")”’";
        return kFinal.find(static_cast<char32_t>(last)) == std::u32string_view::npos;
    }

    void collect_mid_sentence_capitals() {
        for (std::size_t k = 0; k < tokens_.size(); ++k)
            if (is_word(k) && !sentence_start_[k] && starts_upper(word(k))) mid_capitals_.insert(std::string(word(k)));
    }

    // [jour] 6 [et 7] septembre [2025], septembre 2025, or a year alone.
    std::size_t date_at(std::size_t k, std::vector<Found>& out) const {
        std::size_t j = k;
        if (is_day_name(j) && next_to(j) && is_day_number(j + 1)) ++j;
        if (is_day_number(j) && next_to(j) && lower(j + 1) == "et" && next_to(j + 1) && is_day_number(j + 2)) j += 2;
        std::size_t last = std::string_view::npos;
        if (is_day_number(j) && next_to(j) && is_month(j + 1)) last = j + 1;
        else if (j == k && is_month(j) && next_to(j) && is_year(j + 1)) last = j;
        if (last == std::string_view::npos) return k;
        if (next_to(last) && is_year(last + 1)) ++last;
        out.push_back({tokens_[k].begin, tokens_[last].end, FactKind::Date});
        return last + 1;
    }

    bool is_unit(std::size_t k) const { return k < tokens_.size() && among(kUnits, lower(k)); }

    // After a number: a scale word, "de"/"d’" and a unit, or a unit; the last token taken.
    std::size_t quantity_end(std::size_t k) const {
        std::size_t j = k;
        if (next_to(j) && is_word(j + 1) && !elided(j + 1) && among(kScales, lower(j + 1))) {
            ++j;
            if (next_to(j) && lower(j + 1) == "de" && next_to(j + 1) && is_unit(j + 2)) return j + 2;
            if (next_to(j) && elided(j + 1) && is_unit(j + 1)) return j + 1;  // d’euros
        }
        if (next_to(j) && text_.substr(tokens_[j + 1].begin, 2) == "°") {  // 35 °C
            ++j;
            if (glued(j) && is_word(j + 1) && (word(j + 1) == "C" || word(j + 1) == "F")) ++j;
            return j;
        }
        if (next_to(j) && !elided(j + 1) && is_unit(j + 1)) return j + 1;
        return j;
    }

    // 5 h 30 and 10:30; the last token of the time, or k.
    std::size_t time_end(std::size_t k) const {
        if (!is_number_value(word(k), 0, 24)) return k;
        if (next_to(k) && is_word(k + 1) && word(k + 1) == "h")
            return next_to(k + 1) && is_number(k + 2) && word(k + 2).size() == 2 ? k + 2 : k + 1;
        if (glued(k) && word(k + 1) == ":" && glued(k + 1) && is_number(k + 2) && word(k + 2).size() == 2) return k + 2;
        return k;
    }

    // A number with its scale and unit, a time, a year, or a word that starts with a digit (14h30, 9e).
    std::size_t number_at(std::size_t k, std::vector<Found>& out) const {
        if (is_word(k) && starts_digit(word(k))) {
            out.push_back({tokens_[k].begin, tokens_[k].end, FactKind::Number});
            return k + 1;
        }
        if (!is_number(k)) return k;
        std::size_t last = time_end(k);
        if (last == k) last = quantity_end(k);
        const bool year = last == k && is_year(k);
        out.push_back({tokens_[k].begin, tokens_[last].end, year ? FactKind::Date : FactKind::Number});
        return last + 1;
    }

    // A capitalised word that may start or continue a name.
    bool is_name_word(std::size_t k) const {
        if (!is_word(k)) return false;
        const std::string_view w = word(k);
        if (!starts_upper(w) && !is_arabic_article_name(w)) return false;
        if (text::chars::decode(w, 0).next == w.size()) return false;  // a lone letter: A lire aussi
        const std::string& l = lower(k);
        return !text::word_list("function_words").contains(l) && !text::word_list("month_names").contains(l) && !text::word_list("day_names").contains(l);
    }

    // A sentence's first word is a name only when the text also writes it capitalised
    // elsewhere, or when its capitals say so (OpenAI, TSMC); a heading's first word never.
    bool may_start_name(std::size_t k) const {
        if (!is_name_word(k)) return false;
        if (heading_start_[k]) return false;
        if (!sentence_start_[k]) return true;
        return is_acronym_or_camel(word(k)) || mid_capitals_.contains(std::string(word(k)));
    }

    // Capitalised words in a row, and particles between two of them (Métropole de Lyon); not
    // after an acronym, which is a title more often than a name (le PDG de SoftBank).
    std::size_t name_at(std::size_t k, std::vector<Found>& out) const {
        if (!may_start_name(k)) return k;
        std::size_t last = k;
        for (;;) {
            if (next_to(last) && !elided(last + 1) && is_name_word(last + 1)) {
                ++last;
            } else if (next_to(last) && !is_all_caps(word(last)) && is_word(last + 1) && !elided(last + 1) &&
                       among(kParticles, lower(last + 1)) && next_to(last + 1) &&
                       !elided(last + 2) && is_name_word(last + 2)) {
                last += 2;
            } else {
                break;
            }
        }
        out.push_back({tokens_[k].base, tokens_[last].end, FactKind::Name});
        return last + 1;
    }
};

// The form in which a fact and a source are compared: what French typography, or the repair
// of a flattened page, changes without changing a word. Apostrophes as ', quotation marks as " (and
// the single quotes or plus signs that mark one: alternate_quote_marks),
// capitals without their accent (« A mon avis » is repaired to « À mon avis »), œ as « oe »
// (« soeur » is written « sœur »), dashes as hyphens (« - » typed for « – »), and a space only
// where it separates two words or figures: the no-break spaces typography puts before % ; : ! ?
// and inside « », and the space put back after a glued sentence end (« jamais.Nous »), are no
// difference. A space after a comma or period before a figure stays (« en 2019, 5 % » is not
// « 2019,5 % »), thousands are written without separator (« 7 000 », « 7.000 »: 7000), and an
// hour without space around its mark (« 18 h 30 », « 18H30 »: 18h30).
std::string normalized(std::string_view s, bool fold_case) {
    const std::vector<std::pair<std::size_t, bool>> alternates = alternate_quote_marks(s);
    auto alternate = alternates.begin();
    std::string out;
    out.reserve(s.size());
    UChar32 prev = -1;  // the last code point written
    bool space = false;  // spaces seen since it
    for (std::size_t i = 0; i < s.size();) {
        const auto c = text::chars::decode(s, i);
        const std::string_view bytes = s.substr(i, c.next - i);
        while (alternate != alternates.end() && alternate->first < i) ++alternate;
        const bool quote_mark = alternate != alternates.end() && alternate->first == i;  // 'mot', +mot+
        i = c.next;
        if (text::chars::is_space(c.cp)) {
            space = true;
            continue;
        }
        UChar32 cp = c.cp;
        std::string_view mapped = bytes;
        std::string unaccented;  // a capital's letter: its accent is a typography of the source
        if (quote_mark || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D) cp = '"', mapped = "\"";
        else if (text::chars::is_apostrophe_cp(cp) || cp == 0x2018) cp = '\'', mapped = "'";
        else if (cp == 0x153 || cp == 0x152) mapped = cp == 0x153 ? "oe" : "Oe";  // « sœur » typed « soeur »
        else if (cp == 0x2013 || cp == 0x2014) cp = '-', mapped = "-";  // a dash typed as a hyphen
        else if (cp >= 0x80 && text::chars::is_upper(cp)) mapped = unaccented = text::strip_accents(bytes);
        const bool words_apart = text::chars::is_alnum(prev) && text::chars::is_alnum(cp);
        const bool figure_after_mark = (prev == ',' || prev == '.') && text::chars::is_digit(cp);
        if (space && (words_apart || figure_after_mark)) out += ' ';
        out += mapped;
        prev = cp;
        space = false;
    }
    // 7 000 000 and 7.000.000 -> 7000000: a separator between a digit and a group of exactly
    // three digits. 18 h 30 and 18H30 -> 18h30: no space around the mark of an hour.
    std::string joined;
    joined.reserve(out.size());
    const auto digit = [&](std::size_t i) { return i < out.size() && out[i] >= '0' && out[i] <= '9'; };
    const auto letter = [&](std::size_t i) {
        return i < out.size() && (static_cast<unsigned char>(out[i]) >= 0x80 || text::chars::is_ascii_alpha(out[i]));
    };
    const auto hour_mark = [&](std::size_t i) { return i < out.size() && (out[i] == 'h' || out[i] == 'H') && !letter(i + 1); };
    const auto after_figure = [&](std::size_t i) { return i > 0 && (digit(i - 1) || (i > 1 && out[i - 1] == ' ' && digit(i - 2))); };
    for (std::size_t i = 0; i < out.size(); ++i) {
        const bool separator = out[i] == ' ' || out[i] == '.';
        if (separator && i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) continue;
        if (out[i] == ' ' && i > 0 && digit(i - 1) && hour_mark(i + 1)) continue;
        if (out[i] == ' ' && i > 0 && hour_mark(i - 1) && after_figure(i - 1) && digit(i + 1)) continue;
        joined += out[i];
    }
    return fold_case ? text::lowercase(joined) : joined;
}

// The end of the run of letters and digits starting at `i`.
std::size_t word_end(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        const auto c = text::chars::decode(s, i);
        if (!text::chars::is_alnum(c.cp)) break;
        i = c.next;
    }
    return i;
}

// Whether `needle` occurs in `hay` as whole words: no letter or digit glued to either end.
bool contains_words(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    const bool open_start = text::chars::is_alnum(text::chars::decode(needle, 0).cp);
    const bool open_end = text::chars::is_alnum(text::chars::decode_before(needle, needle.size()).cp);
    for (std::size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
        const std::size_t end = pos + needle.size();
        const bool clean_start =
            !open_start || pos == 0 || !text::chars::is_alnum(text::chars::decode_before(hay, pos).cp);
        const bool clean_end =
            !open_end || end == hay.size() || !text::chars::is_alnum(text::chars::decode(hay, end).cp);
        if (clean_start && clean_end) return true;
    }
    return false;
}

// A source's words by where they start: a fact opening on a word is looked for only where
// that word is written, not by a scan of the whole source per fact, which made tracing
// quadratic on long sources (100,000 sentences: most of the write time). A source of a few
// pages is scanned instead: indexing it costs more than its facts' scans (the five seeds:
// 2.4 million instructions an article for the index, 0.2 for the scans).
class WordStarts {
public:
    static constexpr std::size_t kIndexedBytes = 1 << 16;

    explicit WordStarts(std::string hay) : hay_(std::move(hay)) {
        if (hay_.size() <= kIndexedBytes) return;
        const std::string_view h = hay_;
        for (std::size_t i = 0; i < h.size();) {
            if (!text::chars::is_alnum(text::chars::decode(h, i).cp)) {
                i = text::chars::decode(h, i).next;
                continue;
            }
            const std::size_t end = word_end(h, i);
            starts_[h.substr(i, end - i)].push_back(i);
            i = end;
        }
    }

    // contains_words(hay, needle); in a long source by the index when the needle opens on a
    // word: there the source's word must be the needle's first word whole.
    bool contains(std::string_view needle) const {
        if (needle.empty()) return false;
        if (hay_.size() <= kIndexedBytes || !text::chars::is_alnum(text::chars::decode(needle, 0).cp))
            return contains_words(hay_, needle);
        const auto at = starts_.find(needle.substr(0, word_end(needle, 0)));
        if (at == starts_.end()) return false;
        const bool open_end = text::chars::is_alnum(text::chars::decode_before(needle, needle.size()).cp);
        const std::string_view h = hay_;
        return std::any_of(at->second.begin(), at->second.end(), [&](std::size_t pos) {
            const std::size_t end = pos + needle.size();
            return h.substr(pos, needle.size()) == needle &&
                   (!open_end || end == h.size() || !text::chars::is_alnum(text::chars::decode(h, end).cp));
        });
    }

private:
    std::string hay_;
    std::unordered_map<std::string_view, std::vector<std::size_t>> starts_;  // views into hay_
};

std::string_view trimmed(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && text::chars::is_space(text::chars::decode(s, b).cp)) b = text::chars::decode(s, b).next;
    while (e > b && text::chars::is_space(text::chars::decode_before(s, e).cp))
        e = text::chars::decode_before(s, e).next;
    return s.substr(b, e - b);
}

// Names keep their case (« Orange » is not « orange »); numbers, dates and quotations do not:
// « Mardi 22 juillet » opens a sentence where a source has it mid-sentence, and a quotation
// run into a sentence after « : » opens lowercase.
bool case_matters(FactKind kind) { return kind == FactKind::Name; }

}  // namespace

std::vector<Fact> extract_facts(std::string_view text) {
    std::vector<Fact> facts;
    std::unordered_set<std::string> seen;
    for (const Found& f : Extractor(text).run()) {
        const std::string_view t = trimmed(text.substr(f.begin, f.end - f.begin));
        if (t.empty()) continue;
        const std::string key = std::to_string(static_cast<int>(f.kind)) + normalized(t, false);
        if (seen.insert(key).second) facts.push_back({f.kind, std::string(t), -1});
    }
    return facts;
}

void trace_facts(std::vector<Fact>& facts, const std::vector<std::string>& sources) {
    std::vector<WordStarts> exact, folded;
    exact.reserve(sources.size());
    folded.reserve(sources.size());
    for (const std::string& s : sources) {
        std::string n = normalized(s, false);
        folded.emplace_back(text::lowercase(n));
        exact.emplace_back(std::move(n));
    }
    for (Fact& f : facts) {
        const bool keep_case = case_matters(f.kind);
        const std::string needle = normalized(f.text, !keep_case);
        f.source = -1;
        for (std::size_t i = 0; i < sources.size() && f.source < 0; ++i)
            if ((keep_case ? exact[i] : folded[i]).contains(needle)) f.source = static_cast<int>(i);
    }
}

}  // namespace plume::write
