// French tokenizer: one forward scan over code points. Words keep their elisions
// (l’IA, base at "IA"), hyphenated compounds (peut-être) and inner dots of acronyms (É.-U.);
// numbers keep thousands groups and decimals (7 000, 3,5); URLs and e-mails stay whole.
#include <algorithm>
#include <array>
#include <optional>

#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/text_cache.hpp"

namespace plume::text {

namespace {
using namespace chars;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals_ascii(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != lower[i]) return false;
    return true;
}

bool starts_with_ci(std::string_view text, std::size_t i, std::string_view lower) {
    return text.size() - i >= lower.size() && iequals_ascii(text.substr(i, lower.size()), lower);
}

// Words that elide their final vowel before another word: l’, d’, qu’, jusqu’...
// (aujourd’hui, prud’homme, presqu’île are single words).
bool is_elision(std::string_view prefix) {
    static constexpr std::array<std::string_view, 14> kElisions = {
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu"};
    for (std::string_view e : kElisions)
        if (iequals_ascii(prefix, e)) return true;
    return false;
}

bool is_url_char(UChar32 c) {
    return c > ' ' && !is_space(c) && c != '<' && c != '>' && c != '"' && c != 0xAB && c != 0xBB;
}

// Drops the punctuation that ends the sentence around a URL (…voir https://x.fr/a).
std::size_t trim_url_end(std::string_view text, std::size_t begin, std::size_t end) {
    int open = 0;
    for (std::size_t k = begin; k < end; ++k) open += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
    while (end > begin) {
        const Decoded d = decode_before(text, end);
        const bool closing_paren = d.cp == ')' && open < 0;
        const bool trailing = d.cp == '.' || d.cp == ',' || d.cp == ';' || d.cp == ':' || d.cp == '!' ||
                              d.cp == '?' || d.cp == '\'' || d.cp == 0x2019 || d.cp == ']';
        if (!trailing && !closing_paren) break;
        open += closing_paren ? 1 : 0;
        end = d.next;
    }
    return end;
}

std::size_t scan_url_rest(std::string_view text, std::size_t begin, std::size_t i) {
    while (i < text.size()) {
        const Decoded d = decode(text, i);
        if (!is_url_char(d.cp)) break;
        i = d.next;
    }
    return trim_url_end(text, begin, i);
}

// http(s)://…, ftp://…, www.…; 0 when none starts at i.
std::size_t scan_url(std::string_view text, std::size_t i) {
    const char first = ascii_lower(text[i]);
    if (first != 'h' && first != 'f' && first != 'w') return 0;
    for (std::string_view scheme : {"https://", "http://", "ftp://", "www."})
        if (starts_with_ci(text, i, scheme) && i + scheme.size() < text.size() &&
            is_url_char(decode(text, i + scheme.size()).cp))
            return scan_url_rest(text, i, i + scheme.size());
    return 0;
}

constexpr bool is_host_char(char c) { return is_digit(static_cast<unsigned char>(c)) || is_ascii_alpha(static_cast<unsigned char>(c)) || c == '-'; }

// Looked up in a table: the scan for an '@' runs over every word that starts with ASCII.
bool is_email_char(char c) {
    static constexpr auto kEmail = [] {
        std::array<bool, 256> t{};
        for (int b = 0; b < 128; ++b) t[b] = is_host_char(static_cast<char>(b)) || b == '.' || b == '_' || b == '+' || b == '%';
        return t;
    }();
    return kEmail[static_cast<unsigned char>(c)];
}

// A host name holds at most 253 characters (RFC 1035), the name before an e-mail's '@' 64
// (RFC 5321).
constexpr std::size_t kHostMax = 253;
constexpr std::size_t kMailboxMax = 64;

// The runs that may hold an address, each read once for all the words inside it: a run of
// megabytes of e-mail characters (`a.a.a…`, `a_a_a…`) holds a word at every other byte, and
// reading it again from each one is quadratic. Words are asked in the order of the text.
class AddressRuns {
public:
    explicit AddressRuns(std::string_view text) : text_(text) {}

    // End of the e-mail characters from i; `dot`: a '.' among them.
    std::size_t email_end(std::size_t i, bool& dot) {
        if (i < email_.begin || i >= email_.end) {
            email_ = {i, i, npos};
            for (; email_.end < text_.size() && is_email_char(text_[email_.end]); ++email_.end)
                if (text_[email_.end] == '.') email_.last = email_.end;
        }
        dot = email_.last != npos && email_.last >= i;
        return email_.end;
    }

    // End of a host name `label(.label)+` starting at i, whose last label is letters (one of
    // the usual top-level domains if `known_tld_only`); 0 if none.
    std::size_t host_end(std::size_t i, bool known_tld_only) {
        if (i >= text_.size() || !is_host_char(text_[i])) return 0;
        Run& h = known_tld_only ? domain_ : mail_host_;  // each asked in the order of the text
        if (i < h.begin || i >= h.end) h = host_run(i);
        if (h.end - i > kHostMax || i >= h.last) return 0;  // too long for a host, or one label
        const std::string_view tld = text_.substr(h.last, h.end - h.last);
        if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) { return is_ascii_alpha(static_cast<unsigned char>(c)); }))
            return 0;
        static constexpr std::array<std::string_view, 16> kTlds = {
            "com", "fr", "org", "net", "io", "ai", "eu", "be", "ch", "ca", "de", "uk", "info", "co", "tv", "app"};
        // Lower case only: not "ch.La".
        if (known_tld_only && std::find(kTlds.begin(), kTlds.end(), tld) == kTlds.end()) return 0;
        if (h.end < text_.size() && is_alnum(decode(text_, h.end).cp)) return 0;
        return h.end;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;
    struct Run {
        std::size_t begin = 0, end = 0;
        std::size_t last = npos;  // the last '.' (e-mail characters), the last label (host)
    };

    // Labels of host characters joined by single dots, from i (a host character).
    Run host_run(std::size_t i) const {
        Run r{i, i, i};
        while (true) {
            r.last = r.end;
            while (r.end < text_.size() && is_host_char(text_[r.end])) ++r.end;
            if (r.end + 1 < text_.size() && text_[r.end] == '.' && is_host_char(text_[r.end + 1])) {
                ++r.end;
                continue;
            }
            return r;
        }
    }

    std::string_view text_;
    Run email_, domain_, mail_host_;
};

// name@host.tld, where the e-mail characters from i end at `at`; 0 if none.
std::size_t scan_email(std::string_view text, std::size_t i, std::size_t at, AddressRuns& runs) {
    if (at == i || at - i > kMailboxMax || at + 1 >= text.size() || text[at] != '@') return 0;
    return runs.host_end(at + 1, false);
}

// A bare domain (openai.com, lemonde.fr/economie) with a known top-level domain.
std::size_t scan_domain(std::string_view text, std::size_t i, AddressRuns& runs) {
    const std::size_t j = runs.host_end(i, true);
    if (j == 0) return 0;
    return j < text.size() && text[j] == '/' ? scan_url_rest(text, i, j) : j;
}

// Dotted capitals: É.-U., U.S.A., J.-C. (at least two letter-dot pairs); 0 if none.
std::size_t scan_dotted_acronym(std::string_view text, std::size_t i) {
    std::size_t j = i;
    int pairs = 0;
    while (j < text.size()) {
        const Decoded letter = decode(text, j);
        if (!is_upper(letter.cp) || letter.next >= text.size() || text[letter.next] != '.') break;
        ++pairs;
        j = letter.next + 1;
        if (j < text.size() && text[j] == '-') ++j;
    }
    if (pairs < 2) return 0;
    return text[j - 1] == '-' ? j - 1 : j;
}

bool is_group_space(UChar32 c) { return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009; }

// Exactly three digits at i, not followed by another digit: a thousands group.
bool is_thousands_group(std::string_view text, std::size_t i) {
    return i + 3 <= text.size() && is_digit(text[i]) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
           (i + 3 == text.size() || !is_digit(text[i + 3]));
}

struct Scanned {
    std::size_t end;
    std::size_t base;
    TokenKind kind;
};

// A word or number starting at i with an alphanumeric code point.
Scanned scan_word(std::string_view text, std::size_t i) {
    std::size_t p = i, base = i;
    bool letters = false, decimal = false;
    int lead_digits = 0;   // digits of a number's first group, before any separator
    bool grouped = false;  // a thousands group has been joined
    bool pure_number = true;
    UChar32 prev = 0;
    while (p < text.size()) {
        if (is_ascii_alpha(static_cast<unsigned char>(text[p]))) {  // most characters of a word, in one run
            while (++p < text.size() && is_ascii_alpha(static_cast<unsigned char>(text[p]))) {
            }
            letters = true;
            pure_number = false;
            prev = static_cast<unsigned char>(text[p - 1]);
            continue;
        }
        const Decoded c = decode(text, p);
        if (is_alnum(c.cp)) {
            const bool digit = is_digit(c.cp);
            letters = letters || !digit;
            pure_number = pure_number && digit;
            lead_digits += digit && !grouped && !decimal;
            prev = c.cp;
            p = c.next;
            continue;
        }
        if (c.next >= text.size()) break;
        if (is_format(c.cp)) {  // soft hyphen inside a word
            if (!is_alnum(decode(text, c.next).cp)) break;
            p = c.next;
            continue;
        }
        if (pure_number && is_group_space(c.cp) && !decimal && (grouped || (lead_digits >= 1 && lead_digits <= 3)) &&
            is_thousands_group(text, c.next)) {
            grouped = true;
            p = c.next;
            continue;
        }
        const Decoded d = decode(text, c.next);
        if (is_apostrophe_cp(c.cp) && is_letter(prev) && is_alnum(d.cp)) {
            if (base == i && is_elision(text.substr(i, p - i))) {
                base = c.next;
                letters = false;
                pure_number = true;
                lead_digits = 0;
            } else if (!is_letter(d.cp)) {
                break;
            }
            p = c.next;
            continue;
        }
        const bool joins = (is_hyphen(c.cp) && is_alnum(prev) && is_alnum(d.cp)) ||
                           (c.cp == 0xB7 && is_letter(prev) && is_letter(d.cp)) ||         // inclusive writing
                           (c.cp == '&' && is_upper(prev) && is_upper(d.cp)) ||             // R&D, AT&T
                           ((c.cp == ',' || c.cp == '.') && is_digit(prev) && is_digit(d.cp));  // 3,5
        if (!joins) break;
        decimal = decimal || c.cp == ',' || c.cp == '.';
        pure_number = pure_number && !is_hyphen(c.cp) && c.cp != 0xB7 && c.cp != '&';
        p = c.next;
    }
    // n° (numéro) is one word.
    if (p - i == 1 && (text[i] | 0x20) == 'n' && p < text.size()) {
        const Decoded d = decode(text, p);
        if (d.cp == 0xB0 || d.cp == 0xBA) p = d.next;
    }
    return {p, base, letters ? TokenKind::Word : TokenKind::Number};
}

// An e-mail or a domain is more than the word at its start: the word is followed by an '@' or
// by one of . _ + % - (within the word, a dot only separates digits, no top-level domain).
bool may_be_address(std::string_view text, std::size_t word_end) {
    return word_end < text.size() && (text[word_end] == '@' || is_email_char(text[word_end]));
}

// URL, e-mail, bare domain or dotted acronym starting at i (an ASCII letter or digit, or a
// capital), where the word scanned from i ends at word_end.
std::optional<Scanned> scan_special(std::string_view text, std::size_t i, UChar32 first, std::size_t word_end,
                                    AddressRuns& runs) {
    if (first < 0x80) {
        if (std::size_t e = scan_url(text, i)) return Scanned{e, i, TokenKind::Url};
        std::size_t j = i;
        bool dot = false;
        if (may_be_address(text, word_end)) j = runs.email_end(i, dot);  // most words are not: the scans are spared
        if (j < text.size() && text[j] == '@') {
            if (std::size_t e = scan_email(text, i, j, runs)) return Scanned{e, i, TokenKind::Email};
        } else if (dot) {
            if (std::size_t e = scan_domain(text, i, runs)) return Scanned{e, i, TokenKind::Url};
        }
    }
    if (is_upper(first))
        if (std::size_t e = scan_dotted_acronym(text, i)) return Scanned{e, i, TokenKind::Word};
    return std::nullopt;
}

std::vector<Token> scan(std::string_view text) {
    std::vector<Token> out;
    out.reserve(text.size() / 5 + 1);
    AddressRuns runs(text);
    std::size_t i = 0;
    while (i < text.size()) {
        const Decoded c = decode(text, i);
        if (c.cp < 0) {
            out.push_back({i, c.next, TokenKind::Symbol, i});
        } else if (is_space(c.cp) || is_format(c.cp)) {
        } else if (is_alnum(c.cp)) {
            const Scanned word = scan_word(text, i);
            const std::optional<Scanned> special = scan_special(text, i, c.cp, word.end, runs);
            const Scanned s = special ? *special : word;
            out.push_back({i, s.end, s.kind, s.base});
            i = s.end;
            continue;
        } else if (c.cp == '.') {  // an ellipsis written as dots is one token
            std::size_t e = c.next;
            while (e < text.size() && text[e] == '.') ++e;
            out.push_back({i, e, TokenKind::Punct, i});
            i = e;
            continue;
        } else {
            out.push_back({i, c.next, u_ispunct(c.cp) ? TokenKind::Punct : TokenKind::Symbol, i});
        }
        i = c.next;
    }
    return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return remembered_tokens(text, scan); }

std::size_t count_words(std::string_view text) {
    std::size_t n = 0;
    for (const Token& t : tokenize(text)) n += t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    return n;
}

bool words_at_most(std::string_view text, std::size_t n) {
    // No token spans a space but a number's thousands group, which its first group counts
    // for: a prefix cut at a space holds at most the words of the whole text.
    std::size_t cut = 0;
    for (std::size_t spaces = 0; cut < text.size(); ++cut)
        if (text[cut] == ' ' && ++spaces > 2 * n + 1) break;
    if (cut < text.size() && count_words(text.substr(0, cut)) > n) return false;
    return count_words(text) <= n;
}

}  // namespace plume::text
