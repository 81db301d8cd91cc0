#include "clean/boilerplate.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/lexicon.hpp"
#include "write/cues.hpp"

namespace plume::write {

namespace {

// Site furniture is a few words; a longer line is prose, whatever its first words.
constexpr std::size_t kFurnitureMaxWords = 30;
constexpr std::size_t kCaptionMaxWords = 35;
constexpr std::size_t kCaptionTailMaxWords = 6;

struct FurnitureCue {
    std::string kind;
    std::string text;
    bool whole = false;     // cue$: the whole line
    bool number = false;    // <n> cue: after a count
    bool anywhere = false;  // *cue
};

const std::vector<FurnitureCue>& furniture_cues() {
    static const std::vector<FurnitureCue> cues = [] {
        std::vector<FurnitureCue> out;
        for (Cue& c : cue_list("boilerplate_cues")) {
            FurnitureCue f{std::move(c.kind), std::move(c.text)};
            if (f.text.ends_with('$')) f.whole = true, f.text.pop_back();
            if (f.text.starts_with("<n> ")) f.number = true, f.text.erase(0, 4);
            if (f.text.starts_with('*')) f.anywhere = true, f.text.erase(0, 1);
            if (!f.text.empty()) out.push_back(std::move(f));
        }
        return out;
    }();
    return cues;
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

bool matches(const FurnitureCue& cue, std::string_view line) {
    if (cue.anywhere) return line.find(cue.text) != std::string_view::npos;
    if (cue.number) {
        const std::size_t digits = line.find_first_not_of("0123456789");
        if (digits == 0 || digits == std::string_view::npos || line[digits] != ' ') return false;
        line.remove_prefix(digits + 1);
    }
    if (!line.starts_with(cue.text)) return false;
    std::string_view rest = line.substr(cue.text.size());
    if (cue.whole) return rest.find_first_not_of(" .:!") == std::string_view::npos;
    // A cue ending in punctuation ("source:") has its boundary built in.
    return rest.empty() || !word_char(cue.text.back()) || !word_char(rest.front());
}

bool has_month(std::string_view segment) {
    for (const text::Token& t : text::tokenize(segment))
        if (text::word_list("month_names").contains(std::string(t.view(segment)))) return true;
    return false;
}

// A date or a time as pages stamp them: « 12/05/2020 », « 14h32 », « 14:32 ».
bool stamp_token(std::string_view w) {
    const auto digits = static_cast<std::size_t>(std::count_if(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }));
    const bool separated = w.find('/') != std::string_view::npos || w.find('h') != std::string_view::npos ||
                           w.find(':') != std::string_view::npos;
    return digits >= 2 && separated && digits + 2 >= w.size() - (w.find('h') != std::string_view::npos);
}

// Time units a stamp counts in (« Mis à jour il y a 3 heures »).
bool time_unit(std::string_view folded) {
    static constexpr std::array<std::string_view, 14> kUnits = {"s",     "sec",    "seconde", "secondes", "min",     "minute",   "minutes",
                                                                "h",     "heure",  "heures",  "jours",    "semaine", "semaines", "mois"};
    return std::find(kUnits.begin(), kUnits.end(), folded) != kUnits.end();
}

// A time as pages stamp it: « 16:20 », « 14h32 ».
bool has_time(std::string_view line) {
    for (std::size_t i = 1; i + 2 < line.size(); ++i)
        if ((line[i] == ':' || line[i] == 'h') && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(line[i + 1])) && std::isdigit(static_cast<unsigned char>(line[i + 2])))
            return true;
    return false;
}

// A day's or a month's name.
bool date_word(const std::string& lower) {
    return text::word_list("month_names").contains(lower) || text::word_list("day_names").contains(lower);
}

// Words of a stamp line besides dates, times and names.
bool stamp_word(std::string_view folded) {
    static constexpr std::array<std::string_view, 20> kWords = {
        "publie", "publiee", "mis", "mise", "a", "jour", "modifie", "modifiee", "actualise", "poste", "le", "par",
        "et", "maj", "h", "min", "il", "y", "hier", "aujourd'hui"};
    return std::find(kWords.begin(), kWords.end(), folded) != kWords.end() || time_unit(folded) || date_word(std::string(folded));
}

// The reader's pronouns and possessives, in their match form.
bool reader_pronoun(std::string_view folded) {
    static constexpr std::array<std::string_view, 7> kReader = {"vous", "votre", "vos", "tu", "ton", "ta", "tes"};
    return std::find(kReader.begin(), kReader.end(), folded) != kReader.end();
}

// « mon », « ma », « mes »: a control of the page speaks as its reader (« Mes alertes »).
bool reader_possessive(std::string_view folded) { return folded == "mon" || folded == "ma" || folded == "mes"; }

// A word that speaks to the page's reader: a pronoun, or a verb addressed to them
// (« inscrivez-vous »).
bool to_reader(std::string_view folded) { return reader_pronoun(folded) || folded.ends_with("-vous"); }

// A verb in the second person plural, indicative or imperative (« recevez », « veuillez »),
// which speaks to the reader as « vous » does.
bool plural_you_verb(std::string_view lower, const text::WordReadings& r) {
    return lower.ends_with("ez") && (r.finite_verb || r.imperative);
}

// No quotation mark: the words are the page's, not someone's it quotes.
bool quote_free(std::string_view line) {
    for (std::string_view q : {"\"", "«", "»", "“", "”"})
        if (line.find(q) != std::string_view::npos) return false;
    return true;
}

// A control of the page quoted by its label (« Gérer mes préférences », « Tout accepter »):
// at most four words, opening on an infinitive or « tout », none a finite verb. A speaker's
// words quoted say something (« Je vous le dis »).
constexpr std::size_t kControlLabelWords = 4;
bool control_label(std::string_view quoted) {
    const std::vector<text::Token> tokens = text::tokenize(quoted);
    if (tokens.empty() || tokens.size() > kControlLabelWords) return false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != text::TokenKind::Word) return false;
        const std::string lower = text::lowercase(tokens[k].view(quoted));
        const text::WordReadings r = text::word_readings(lower);
        const bool fits = k == 0 ? lower == "tout" || r.infinitive : !r.finite_verb || r.nominal;
        if (!fits) return false;
    }
    return true;
}

// Quotations in « » only, each a control's label: the line's words are still the page's.
bool only_control_labels(std::string_view line) {
    if (line.find('"') != std::string_view::npos || line.find("“") != std::string_view::npos) return false;
    bool any = false;
    for (std::size_t open = line.find("«"); open != std::string_view::npos; open = line.find("«", open + 1)) {
        const std::size_t close = line.find("»", open);
        if (close == std::string_view::npos || !control_label(line.substr(open + 2, close - open - 2))) return false;
        any = true;
    }
    return any;
}

// A reader prompt asks in a few words, and little follows its question (vote counts).
constexpr std::size_t kPromptWords = 8;
constexpr std::size_t kPromptLineWords = 12;

std::size_t count_of(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Lines of a page's shape rather than its wording. A stamp: a line opening on a
// publication participle, then only dates, times, names and the words joining them
// (« Publié le 12/05/2020 à 14h32 », « Mis à jour le 3 mars 2021 »). A byline: a short
// line with an e-mail address.
std::string_view shape_kind(std::string_view line, std::string_view form) {
    static constexpr std::array<std::string_view, 8> kStamps = {"publie", "mis a jour", "mise a jour", "modifie",
                                                                "actualise", "poste", "maj", "il y a"};
    const bool stamp_opening = std::any_of(kStamps.begin(), kStamps.end(), [&](std::string_view s) {
        return form.starts_with(s) && (form.size() == s.size() || !word_char(form[s.size()]));
    });
    const std::vector<text::Token> tokens = text::tokenize(line);
    const auto stamp_part = [&](const text::Token& t) {
        const std::string_view w = t.view(line);
        return t.kind != text::TokenKind::Word || stamp_token(match_form(w)) || stamp_word(match_form(w)) || has_month(w) ||
               text::chars::is_upper(text::chars::decode(w, 0).cp);
    };
    const bool only_stamp = std::all_of(tokens.begin(), tokens.end(), stamp_part);
    // A stamp heading the note it dates, after a colon that is no time's (« Mis à jour à 16h20 :
    // ajout de la réaction du maire »).
    std::size_t note = line.find(':');
    while (note != std::string_view::npos && note > 0 && note + 1 < line.size() && text::chars::is_digit(line[note - 1]) &&
           text::chars::is_digit(line[note + 1]))
        note = line.find(':', note + 1);
    if (stamp_opening && note != std::string_view::npos && (has_time(line.substr(0, note)) || has_month(line.substr(0, note))) &&
        std::all_of(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.begin > note || stamp_part(t); }))
        return "correction notice";
    // A date alone on its line, with its year and its time (« Le mardi 4 février 2020 à
    // 16:20 »); not a day and its month, which a story lists (« 17 décembre »).
    const bool year = std::any_of(tokens.begin(), tokens.end(),
                                  [&](const text::Token& t) { return t.kind == text::TokenKind::Number && t.view(line).size() == 4; });
    const bool dated = has_month(text::lowercase(line)) && year && has_time(line);
    if (only_stamp && (stamp_opening || dated)) return "date stamp";
    // An address with accents is no e-mail token, but still an address: « @ » inside a word.
    const std::size_t at = line.find('@');
    const bool email = std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Email; }) ||
                       (at != std::string_view::npos && at > 0 && at + 1 < line.size() && line[at - 1] != ' ' && line[at + 1] != ' ');
    if (tokens.size() <= 24 && email) return "byline";
    // A web address closing a line of a few words (« En savoir plus sur https://… », « Source :
    // www.… »): the page's link; a story gives an address inside a sentence, before its point.
    constexpr std::size_t kLinkLeadWords = 5;
    if (!tokens.empty() && tokens.back().kind == text::TokenKind::Url &&
        std::count_if(tokens.begin(), tokens.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Word; }) <=
            static_cast<std::ptrdiff_t>(kLinkLeadWords))
        return "link";
    // Items between vertical bars or middle dots: a menu or a score box of the page
    // (« Imprimer | Envoyer par e-mail », « Ligue 1 · J12 | Nice 2 - 0 Reims · Terminé »).
    if (static_cast<std::size_t>(std::count(line.begin(), line.end(), '|')) + count_of(line, " · ") >= 2) return "page menu";
    // A short question to the reader, on a line of its own: a feedback or comment prompt
    // (« Cet article vous a été utile ? Oui (11) Non (7) »).
    const std::size_t ask = line.find('?');
    const std::string_view question = line.substr(0, ask);
    // An inverted « -vous » is someone's question as often (« Comment voulez-vous… ? »).
    const bool asks_reader = std::any_of(tokens.begin(), tokens.end(),
                                         [&](const text::Token& t) { return t.end <= ask && reader_pronoun(match_form(t.view(line))); });
    if (ask != std::string_view::npos && asks_reader && text::words_at_most(question, kPromptWords) &&
        text::words_at_most(line, kPromptLineWords) && quote_free(line))
        return "reader prompt";
    return {};
}

// Where a byline's names start: after « Par », or after a participle and its « par »
// (« Écrit par », « Propos recueillis par », « Rédigé par »); npos when the line opens
// otherwise. The participle is one of the line's first words.
constexpr std::size_t kBylineLeadWords = 3;
std::size_t byline_names(std::string_view line, const std::vector<text::Token>& tokens) {
    if (line.starts_with("Par ")) return 1;
    for (std::size_t k = 1; k < tokens.size() && k <= kBylineLeadWords; ++k)
        if (tokens[k].view(line) == "par")
            return tokens[k - 1].kind == text::TokenKind::Word && text::word_readings(text::lowercase(tokens[k - 1].view(line))).participle
                       ? k + 1
                       : std::string_view::npos;
    return std::string_view::npos;
}

// A byline: its opening (« Par », « Écrit par ») then names, agencies and the words that
// join them, nothing else.
bool byline(std::string_view line) {
    if (!text::words_at_most(line, 10) || line.ends_with('.')) return false;
    // The words joining names, and the desk's (« avec agences »).
    static constexpr std::array<std::string_view, 10> kJoins = {"avec", "et", "de", "du", "des", "la", "le", "à", "agence", "agences"};
    const std::vector<text::Token> tokens = text::tokenize(line);
    const std::size_t first = byline_names(line, tokens);
    if (first == std::string_view::npos) return false;
    std::size_t names = 0;
    for (std::size_t k = first; k < tokens.size(); ++k) {
        const std::string_view w = tokens[k].view(line);
        if (tokens[k].kind != text::TokenKind::Word) continue;
        const bool capital = text::chars::is_upper(text::chars::decode(w, 0).cp);
        if (!capital && std::find(kJoins.begin(), kJoins.end(), w) == kJoins.end() && !text::word_list("page_words").contains(match_form(w)))
            return false;
        names += capital;
    }
    // After a participle, a person's first and last names: « Menacé par Daech » heads a section.
    return names >= (first > 1 ? 2 : 1);
}

// A site's label is a few words (« VIDÉO », « INFO MIDI LIBRE »).
constexpr std::size_t kLabelMaxBytes = 40;
constexpr std::size_t kLabelMaxWords = 3;

// Where a label's mark is: the first point, colon or dash that is no word's hyphen
// (« ÉTATS-UNIS »); npos past kLabelMaxBytes.
std::size_t label_mark(std::string_view line) {
    using namespace text::chars;
    for (std::size_t i = 0; i < line.size() && i <= kLabelMaxBytes; i = decode(line, i).next) {
        const Decoded d = decode(line, i);
        const bool dash = d.cp == '-' || d.cp == 0x2013 || d.cp == 0x2014;
        const bool hyphen = dash && i > 0 && is_alnum(decode_before(line, i).cp) && d.next < line.size() &&
                            is_alnum(decode(line, d.next).cp);
        if (d.cp == '.' || d.cp == ':' || (dash && !hyphen)) return i;
    }
    return std::string_view::npos;
}

// A label by its shape: words in capitals (figures, hyphens and apostrophes aside, two
// capitals at least) set as a sentence of their own before a sentence (« ÉCONOMIE. Le
// port… »). A subject in capitals is no sentence: « SNCF : les retards… », « La SNCF… ». An
// abbreviation's point ends no sentence (« MM. Dupont et… »).
bool capitals_label(std::string_view line, std::string_view label, std::size_t mark, std::size_t text) {
    using namespace text::chars;
    std::size_t capitals = 0;
    for (std::size_t i = 0; i < label.size(); i = decode(label, i).next) {
        const UChar32 c = decode(label, i).cp;
        if (!(is_upper(c) || is_digit(c) || is_space(c) || is_apostrophe_cp(c) || c == '-')) return false;
        capitals += is_upper(c);
    }
    const UChar32 first = decode(line, text).cp;
    if (capitals < 2 || line[mark] != '.' || !(is_upper(first) || first == 0xAB || first == '"' || first == 0x201C))
        return false;
    return text::split_sentences(line.substr(0, line.find(' ', text))).size() > 1;
}

// At most this many words: furniture is a button, a counter or a notice.
constexpr std::size_t kPageLineWords = 20;
// A notice of one sentence speaking to or as the reader may run longer (a cookie notice
// naming its button: « Vos choix concernant les cookies peuvent être modifiés… », 21
// words). None of the corpus's 2,672 sentences of 5 to 30 words is taken for one; a line
// holding a sentence of the story and a notice is no notice, and so is one opening on an
// imperative (« Téléchargez l'application… »), an offer's.
constexpr std::size_t kNoticeSentenceWords = 30;

// Whether a word of the line speaks to the reader (« vous », « vos », a verb in -ez) or as
// the reader (« mes »): read before a longer line's words are looked up, which most story
// lines of 21 to 30 words then skip.
bool reader_words(std::string_view line) {
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string lower = text::lowercase(t.view(line));
        if (to_reader(lower) || reader_possessive(lower) || lower.ends_with("ez")) return true;
    }
    return false;
}

// Whether a line opens on the page pointing at one of its things (« Cette vidéo n'est plus
// disponible »).
bool points_at_page(std::string_view line) {
    static const std::set<std::string, std::less<>> kPointers = {"ce", "cet", "cette", "ces"};
    static const auto& page_words = text::word_list("page_words");
    const std::vector<text::Token> tokens = text::tokenize(line);
    return tokens.size() > 1 && tokens[0].kind == text::TokenKind::Word && kPointers.contains(text::lowercase(tokens[0].view(line))) &&
           page_words.contains(match_form(tokens[1].view(line)));
}

// The page pointing at one of its things as its own, before any quotation (« Cet article
// fait partie de notre série « Les Français et l'argent » »): no story speaks so of itself.
bool own_page_line(std::string_view line) {
    if (!text::words_at_most(line, kPageLineWords) || !points_at_page(line)) return false;
    line = line.substr(0, std::min({line.find("«"), line.find('"'), line.find("“")}));
    for (const text::Token& t : text::tokenize(line)) {
        const std::string folded = match_form(t.view(line));
        if (folded == "notre" || folded == "nos") return true;
    }
    return false;
}

// A line about the page rather than a story: its content words are the page's own
// (data/fr/page_words.txt), figures, units, dates and verbs aside, two of them when it holds a
// finite verb (« Cet article est réservé aux abonnés », « Voir les 12 réactions »; not « La
// vidéo a été partagée »); or it speaks to the reader (vous, votre) of one of them with at
// most one other content word (« Cette vidéo n'est pas disponible dans votre pays », « Il
// vous reste 68 % de cet article à lire »; a verb in the second person plural speaks to
// them too), or of two of them whatever else it says
// (« Recevez chaque matin l'essentiel de l'actualité : inscrivez-vous à notre newsletter »).
// A line that opens on a call to the reader needs one of them whatever else it says
// (« Recevez une alerte dès qu'un article est publié sur ce sujet »), and the page speaking
// to its reader of its own things needs none (« Vous recevrez notre prochaine lettre dès
// demain »): no sentence of the corpus outside a quotation holds « vous » and « notre ».
// A rights notice's words (data/fr/rights_words.txt) are the page's when the line holds
// three of them (« Toute reproduction, même partielle, est interdite sans autorisation »),
// and four of them carry one other content word (no line of the corpus under 21 words
// holds three).
// A story's word keeps a line (« Le retour du loup »); an adjective opening it is the
// page's state of one of its things (« Impossible de charger le contenu »).
constexpr std::size_t kRightsNoticeWords = 3;
bool page_line(std::string_view line) {
    const auto& page_words = text::word_list("page_words");
    const auto& rights_words = text::word_list("rights_words");
    const auto& function_words = text::word_list("function_words");
    const bool short_line = text::words_at_most(line, kPageLineWords);
    if (!(short_line || (text::words_at_most(line, kNoticeSentenceWords) && reader_words(line) &&
                         text::split_sentences(line).size() == 1)) ||
        !(quote_free(line) || only_control_labels(line)))
        return false;
    std::size_t page = 0, other = 0, rights = 0, rights_other = 0;
    bool reader = false, finite = false, ours = false, call = false, control = false, mine = false, bidding = false;
    std::string previous;
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string_view base = line.substr(t.base, t.end - t.base);
        const std::string folded = match_form(base);
        const std::string lower = text::lowercase(base);
        const bool first = previous.empty(), after_subject = text::subject_pronoun(previous);
        previous = lower;
        bool reader_word = to_reader(folded);
        reader = reader || reader_word;
        ours = ours || folded == "notre" || folded == "nos";
        mine = mine || reader_possessive(folded);
        // A handle names the page's account (« Suivre @Redaction sur Twitter »).
        if (page_words.contains(folded) || (t.base > 0 && line[t.base - 1] == '@')) {
            ++page;
            continue;
        }
        const bool right = rights_words.contains(folded);
        rights += right;
        text::WordReadings r = text::word_readings(lower);
        // After a subject pronoun a noun's form is its verb's (« Il reste 64 % de l'article »).
        if (after_subject && r.finite_verb) r.nominal = false;
        reader_word = reader_word || plural_you_verb(folded, r);
        reader = reader || reader_word;
        call = call || (first && reader_word && !r.nominal && !line.ends_with('?'));
        control = control || (first && r.only_infinitive());
        bidding = bidding || (first && plural_you_verb(folded, r));
        // A date's words stamp the page (« paru dans le journal daté du mercredi 19 août »).
        if (reader_word || time_unit(folded) || date_word(lower)) continue;
        finite = finite || text::conjugated(lower, r);
        if (function_words.contains(lower)) continue;
        if ((r.nominal && !(first && r.only_adjective())) || !r.known) {
            ++other;
            rights_other += right;
        }
    }
    if (rights >= kRightsNoticeWords) {
        page += rights;
        other -= rights_other;
        // Four of them make a notice whatever one other word says (« Les dépêches reprises
        // ici restent la propriété de leurs auteurs : toute rediffusion est interdite »).
        if (rights > kRightsNoticeWords && other == 1) other = 0;
    }
    // A longer line opening on an imperative is an offer's, which the promotions' scoring reads.
    if (!short_line && bidding) return false;
    if (reader && ours) return true;
    // A control speaks as the reader: an infinitive first and « mes » (« Ajouter ce sujet à
    // mes alertes »).
    reader = reader || (control && mine);
    return page > 0 && ((other == 0 && (!finite || page > 1)) || (reader && (other <= 1 || page > 1 || call)));
}

// Whether an arrow of a market's widget stands before the figure at `at`, a space apart
// or not (« CAC 40 ▼ 1,8 % », « Bitcoin ↑2,4 % »).
bool arrow_before(std::string_view line, std::size_t at) {
    static constexpr std::array<UChar32, 8> kArrows = {0x25B2, 0x25BC, 0x25B4, 0x25BE, 0x2191, 0x2193, 0x2B06, 0x2B07};
    while (at > 0 && line[at - 1] == ' ') --at;
    if (at == 0) return false;
    const UChar32 c = text::chars::decode_before(line, at).cp;
    return std::find(kArrows.begin(), kArrows.end(), c) != kArrows.end();
}

// A market ticker: a change in percent with its sign next to another figure, on a short line
// with no verb (« CAC 40 6 698,98 · SBF 120 −1,32 % », « Pétrole (Brent) 31,17 $ −2,61 % »).
// A story gives its figures in sentences; a list item of its key figures gives one
// (« Chômage : +2,3 % »).
constexpr std::size_t kTickerWords = 15;
bool ticker(std::string_view line) {
    if (line.find('%') == std::string_view::npos || !text::words_at_most(line, kTickerWords) || line.ends_with('.')) return false;
    const std::vector<text::Token> tokens = text::tokenize(line);
    std::size_t figures = 0;
    bool change = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const text::Token& t = tokens[k];
        if (t.kind == text::TokenKind::Word) {
            const text::WordReadings r = text::word_readings(text::lowercase(t.view(line)));
            if (r.finite_verb && !r.nominal) return false;
            continue;
        }
        if (t.kind != text::TokenKind::Number) continue;
        ++figures;
        const UChar32 sign = t.begin > 0 ? text::chars::decode_before(line, t.begin).cp : 0;
        const bool signed_figure = sign == '+' || sign == '-' || sign == 0x2212 || t.view(line).starts_with('-') ||
                                   t.view(line).starts_with('+') || arrow_before(line, t.begin);
        change = change || (signed_figure && k + 1 < tokens.size() && tokens[k + 1].view(line) == "%");
    }
    return change && figures >= 2;
}

// A line of figures alone that counts or tells the time: a gallery's or a video player's
// counter (« 1 / 13 », « 00:00 / 03:13 ») or a live page's time (« 15:50 », « 20h57 »).
// Figures alone otherwise may be a story's subheading (« 2016, 2020 »).
bool counter(std::string_view line) {
    bool stamp = line.find(" / ") != std::string_view::npos || has_time(line);
    for (const text::Token& t : text::tokenize(line)) {
        const bool time = stamp_token(match_form(t.view(line)));
        if (t.kind == text::TokenKind::Word && !time) return false;
        stamp = stamp || time;
    }
    return stamp;
}

// Items after a breadcrumb's marks: « Accueil > Société > Justice », « Vous êtes ici : Accueil »
// Économie » International », « Accueil / Info / Santé »; after the home page's name one
// item is a trail (« ACCUEIL / CULTURE »).
bool breadcrumb(std::string_view line) {
    const std::string form = line.find(" / ") != std::string_view::npos ? match_form(line) : std::string();
    const bool home = form.starts_with("accueil /") || form.starts_with("home /");
    // » is a quotation's end where « opens one.
    const std::size_t chevrons = line.find("«") == std::string_view::npos ? count_of(line, " » ") : 0;
    return home || count_of(line, " > ") + count_of(line, " › ") + chevrons >= 2;
}

// A temperature on a short line: the page's weather box (« Lyon 14°C Ensoleillé »), or the
// strip of the page's header, its items between marks (« Aujourd'hui mercredi 13 septembre
// · Montpellier 12°C »).
constexpr std::size_t kWidgetWords = 5, kStripWords = 12;
bool weather_widget(std::string_view line) {
    if (line.find("°") == std::string_view::npos || line.ends_with('.')) return false;
    const bool strip = count_of(line, " · ") + count_of(line, " | ") + count_of(line, " • ") > 0;
    return text::words_at_most(line, strip ? kStripWords : kWidgetWords);
}

// A row of the page's tags: a label naming them (« Suivre ces sujets », « À propos de »,
// « Mots-clés ») then, after its colon, three items or more between commas, each capitalised
// and of a few words (« Politique, Alimentation, Muriel Pénicaud »), and no final point.
constexpr std::size_t kTagLabelWords = 4, kTagItemWords = 4, kMinTags = 3;
bool tag_row(std::string_view line) {
    const std::size_t colon = line.find(" :");
    if (colon == std::string_view::npos || line.ends_with('.') || !text::words_at_most(line.substr(0, colon), kTagLabelWords)) return false;
    static const std::unordered_set<std::string> labels = {"sujet", "sujets", "theme", "themes", "tags", "mots-cles", "propos", "categorie", "categories"};
    bool named = false;
    for (const text::Token& t : text::tokenize(line.substr(0, colon))) named = named || labels.contains(match_form(t.view(line)));
    if (!named) return false;
    std::size_t items = 0;
    for (std::string_view rest = line.substr(line.find(':', colon) + 1); !rest.empty(); ++items) {
        const std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        while (item.starts_with(' ')) item.remove_prefix(1);
        if (item.empty() || !text::chars::is_upper(text::chars::decode(item, 0).cp) || !text::words_at_most(item, kTagItemWords)) return false;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return items >= kMinTags;
}

// The box of the article's author without the name, which the page sets above it
// (« Journaliste au service Politique depuis 2015, spécialiste des questions… »): a line
// opening on a newsroom trade with no conjugated verb. A story's sentence opening so has
// one (« Journaliste de formation, elle a rejoint le cabinet en 2019. »).
bool staff_line(std::string_view line) {
    static const std::set<std::string, std::less<>> kTrades = {"journaliste", "correspondant", "correspondante", "redacteur",
                                                               "redactrice", "reporter", "photographe", "chroniqueur",
                                                               "chroniqueuse", "editorialiste"};
    if (!text::words_at_most(line, kPageLineWords)) return false;
    bool first = true;
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string lower = text::lowercase(t.view(line));
        if (first && !kTrades.contains(match_form(lower))) return false;
        if (!first && text::conjugated(lower, text::word_readings(lower))) return false;
        first = false;
    }
    return !first;
}

// The page's sections in one line: one word in capitals set alone (« INTERNATIONAL » over
// the headline), or single words between dashes (« Société — Éducation »). A story's line
// in capitals holds a figure or several words; its subheading is no list of single words.
bool rubric(std::string_view line) {
    constexpr std::size_t kMinLetters = 5;  // « SNCF », « OTAN »: an acronym alone may be a subject
    // Most lines hold spaces and no dash: not tokenized.
    if (line.find(' ') != std::string_view::npos && line.find("\u2014") == std::string_view::npos && line.find("\u2013") == std::string_view::npos)
        return false;
    const std::vector<text::Token> tokens = text::tokenize(line);
    const auto word = [&](std::size_t k) { return tokens[k].kind == text::TokenKind::Word && tokens[k].base == tokens[k].begin; };
    if (tokens.size() == 1 && word(0)) {
        const std::string_view w = tokens[0].view(line);
        std::size_t letters = 0;
        for (std::size_t i = 0; i < w.size(); i = text::chars::decode(w, i).next, ++letters)
            if (!text::chars::is_upper(text::chars::decode(w, i).cp)) return false;
        return letters >= kMinLetters;
    }
    if (tokens.size() < 3 || tokens.size() % 2 == 0) return false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view v = tokens[k].view(line);
        if (k % 2 == 1 ? v != "\u2014" && v != "\u2013" : !word(k) || !text::chars::is_upper(text::chars::decode(v, 0).cp)) return false;
    }
    return true;
}

// The box of the article's author: a name of one to three capitalised words, « est », then
// a word of the page's staff (« Karim Lefebvre est journaliste au service faits divers de… »).
constexpr std::size_t kNameWords = 3;
bool author_box(std::string_view line) {
    if (line.find(" est ") == std::string_view::npos) return false;
    const std::vector<text::Token> tokens = text::tokenize(line);
    std::size_t k = 0;
    while (k < tokens.size() && k < kNameWords && tokens[k].kind == text::TokenKind::Word &&
           text::chars::is_upper(text::chars::decode(tokens[k].view(line), 0).cp))
        ++k;
    return k > 0 && k + 1 < tokens.size() && tokens[k].view(line) == "est" &&
           text::word_list("page_words").contains(match_form(tokens[k + 1].view(line)));
}

// Whether one of the page's things is a clause's subject, its article before it and its
// verb's auxiliary after (« …, les commentaires sont fermés au bout de 72 heures. », « La
// vidéo est indisponible. »), or pointed at first (« Cet article fait partie de… »): the
// sentence says what the page does. A story's own such sentence (« La vidéo a été vue deux
// millions de fois ») shares its other words.
bool page_subject(std::string_view line) {
    static const std::set<std::string, std::less<>> kDeterminers = {"le", "la", "les", "ce", "cet", "cette", "ces",
                                                                    "votre", "vos", "notre", "nos"};
    static const auto& page_words = text::word_list("page_words");
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    const std::vector<text::Token> tokens = text::tokenize(line);
    for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
        const text::Token& t = tokens[k];
        if (t.kind != text::TokenKind::Word || tokens[k + 1].kind != text::TokenKind::Word ||
            !page_words.contains(match_form(line.substr(t.base, t.end - t.base))))
            continue;
        const bool article = t.base > t.begin ? text::lowercase(t.view(line)).starts_with("l")
                                              : k > 0 && kDeterminers.contains(text::lowercase(tokens[k - 1].view(line)));
        if (article && auxiliaries.contains(text::lowercase(tokens[k + 1].view(line)))) return true;
    }
    return points_at_page(line);
}

}  // namespace

bool page_signal(std::string_view line) {
    if (!text::words_at_most(line, kPageLineWords) || line.empty()) return false;
    const text::chars::Decoded first = text::chars::decode(line, 0);
    if (first.cp == 0xAB || first.cp == '"' || first.cp == 0x201C) return false;  // a quotation: someone's words
    // A quotation's cut marked as the press marks it (« (...) On nous demande… »): its words run on.
    for (std::string_view cut : {"(...)", "(\u2026)", "[...]", "[\u2026]"})
        if (line.starts_with(cut)) return false;
    if (!text::chars::is_alnum(first.cp) || author_box(line)) return true;           // ▶, •
    // Only the words before a quotation are the page's own.
    line = line.substr(0, std::min({line.find("«"), line.find('"'), line.find("“")}));
    if (static_cast<std::size_t>(std::count(line.begin(), line.end(), '|')) + count_of(line, " / ") + count_of(line, " • ") >= 2)
        return true;
    // A sentence may name one of the page's things (« Commentaires et critiques ont suivi
    // l'annonce. »); a notice set as one names two (« Une erreur est survenue lors du
    // chargement du tweet. »), makes one its subject or points at it, or speaks to its reader.
    const bool sentence = line.ends_with('.') || line.ends_with('!');
    if (page_subject(line)) return true;
    const auto& page_words = text::word_list("page_words");
    bool opening = true;
    std::size_t page = 0, previous_end = 0;
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind != text::TokenKind::Word) continue;
        // A call to act may open the line's second sentence (« Un souci d'affichage ?
        // Contactez le support. »).
        const bool opens_sentence =
            opening || line.substr(previous_end, t.begin - previous_end).find_first_of(".?!") != std::string_view::npos;
        previous_end = t.end;
        const std::string folded = match_form(t.view(line));
        // A label's elided page word counts (« Plus d'articles sur ce thème »); a sentence's
        // is the story's (« …ont suivi l'annonce. »).
        page += page_words.contains(sentence ? folded : match_form(line.substr(t.base, t.end - t.base)));
        if (page > (sentence ? 1u : 0u) || to_reader(folded)) return true;
        if (opens_sentence) {
            // Its pronoun apart (« Signalez-le »).
            const std::string verb = text::lowercase(t.view(line).substr(0, t.view(line).find('-')));
            const text::WordReadings r = verb.ends_with("ez") ? text::word_readings(verb) : text::WordReadings{};
            if (plural_you_verb(verb, r) && !r.nominal) return true;
        }
        // A command of the page's interface, an infinitive opening a line that is no
        // sentence: « Trier par : les plus récents », « Actualiser le fil », « Voir la
        // galerie ». A story's subheading opening so shares its words (« Annuler la dette »).
        if (opening && !sentence && !line.ends_with('?') && text::word_readings(text::lowercase(t.view(line))).only_infinitive())
            return true;
        opening = false;
    }
    return false;
}

std::size_t site_label_length(std::string_view line) {
    const std::size_t mark = label_mark(line);
    if (mark == 0 || mark == std::string_view::npos) return 0;
    std::string_view label = line.substr(0, mark);
    while (label.ends_with(' ')) label.remove_suffix(1);
    const std::size_t text = line.find_first_not_of(" .:-", text::chars::decode(line, mark).next);
    if (text == std::string_view::npos || label.empty() || !text::words_at_most(label, kLabelMaxWords)) return 0;
    const bool listed = text::word_list("headline_labels").contains(text::lowercase(label));
    return listed || capitals_label(line, label, mark, text) ? text : 0;
}

std::size_t site_tagline_start(std::string_view title) {
    constexpr std::size_t kItemMaxWords = 2;
    std::size_t at = std::string_view::npos, next = 0;
    for (std::string_view separator : {" : ", "\u00a0: ", " - ", " – ", " — ", " | "})
        if (const std::size_t i = title.rfind(separator); i != std::string_view::npos && (at == std::string_view::npos || i > at))
            at = i, next = i + separator.size();
    if (at == std::string_view::npos || at == 0) return std::string_view::npos;
    const std::string_view tail = title.substr(next);
    std::size_t items = 0;
    bool page = false;
    for (std::size_t begin = 0; begin <= tail.size(); ++items) {
        const std::size_t comma = std::min(tail.find(',', begin), tail.size());
        const std::string_view item = tail.substr(begin, comma - begin);
        const std::vector<text::Token> tokens = text::tokenize(item);
        std::size_t words = 0;
        for (const text::Token& t : tokens) {
            if (t.kind != text::TokenKind::Word) continue;
            const std::string lower = text::lowercase(t.view(item));
            if (++words > kItemMaxWords || text::word_list("function_words").contains(lower) || text::word_readings(lower).finite_verb) return std::string_view::npos;
            page = page || text::word_list("page_words").contains(match_form(lower));
        }
        if (words == 0) return std::string_view::npos;
        begin = comma + 1;
    }
    return items >= 2 && page ? next : std::string_view::npos;
}

// A caption and its credit on one line, the credit in brackets at its end, before the
// caption's period or after it (« Des passants sur la place, le 18 mai 2020. (Crédit photo :
// Reuters) »).
bool credited_caption(std::string_view line) {
    if (line.ends_with(").")) line.remove_suffix(1);  // « …, en mars 2020 (photo d'illustration). »
    if (!line.ends_with(')') || !text::words_at_most(line, kCaptionMaxWords)) return false;
    const std::size_t open = line.rfind('(');
    return open != std::string_view::npos && open > 0 &&
           furniture_kind(line.substr(open + 1, line.size() - open - 2)) == kCreditKind;
}

// A photo's credit by its agency's slash (« AFP/Archives – Paul Kerjean », « Illustration.
// (LP/Anne Vasseur) »): a capitalised word, a slash, a capitalised word, on a short line
// of names and of the page's words (« photo d'illustration »). A story writes « km/h »,
// « 24h/24 », « le duo PS/EELV en tête ».
constexpr std::size_t kSlashCreditWords = 8;
bool slash_credit(std::string_view line) {
    using namespace text::chars;
    static const auto& function_words = text::word_list("function_words");
    static const auto& page_words = text::word_list("page_words");
    if (!text::words_at_most(line, kSlashCreditWords)) return false;
    bool slash = false;
    for (const text::Token& t : text::tokenize(line)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string_view w = line.substr(t.base, t.end - t.base);
        if (!is_upper(decode(w, 0).cp) && !function_words.contains(text::lowercase(w)) && !page_words.contains(match_form(w)))
            return false;
        if (t.end < line.size() && line[t.end] == '/' && is_upper(decode(w, 0).cp) && t.end + 1 < line.size() &&
            is_upper(decode(line, t.end + 1).cp))
            slash = true;
    }
    return slash;
}

// A teaser of the page's other items, ending on its own stamp after a dash, a middle dot or
// a bar (« JOB · Électricien (H/F) — Perpignan — publié il y a 5 jours »): a story tells
// when in a sentence, a page stamps its links.
bool stamped_teaser(std::string_view line) {
    for (std::string_view separator : {" — ", " – ", " · ", " | "}) {
        const std::size_t at = line.rfind(separator);
        if (at == std::string_view::npos || at == 0) continue;
        const std::string_view last = line.substr(at + separator.size());
        if (shape_kind(last, match_form(last)) == "date stamp") return true;
    }
    return false;
}

// A teaser of the page's own things, led by a label naming one of them before its colon
// (« Newsletter Éco : chaque vendredi, les chiffres de la semaine », « Podcast : … »). No
// sentence of the corpus opens so; its headlines set such a label with a point (« VIDÉO. »).
bool page_teaser(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.ends_with('?') || !text::words_at_most(line, kPageLineWords)) return false;
    const std::string_view label = line.substr(0, colon);
    if (!text::words_at_most(label, kLabelMaxWords)) return false;
    const std::vector<text::Token> tokens = text::tokenize(label);
    // Words alone: « VIDÉO. Remaniement : … » is a headline after its site's label.
    return !tokens.empty() &&
           std::all_of(tokens.begin(), tokens.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Word; }) &&
           text::word_list("page_words").contains(match_form(tokens.front().view(label)));
}

std::string_view furniture_kind(std::string_view line) {
    if (!text::words_at_most(line, kFurnitureMaxWords)) return {};
    if (credited_caption(line)) return kCaptionKind;
    if (slash_credit(line)) return kCreditKind;
    if (stamped_teaser(line)) return "date stamp";
    const std::string form = match_form(line);
    if (const std::string_view kind = shape_kind(line, form); !kind.empty()) return kind;
    if (byline(line)) return "byline";
    for (const FurnitureCue& cue : furniture_cues())
        if (matches(cue, form)) return cue.kind;
    if (breadcrumb(line) || rubric(line)) return "breadcrumb";
    if (staff_line(line)) return "byline";
    if (tag_row(line)) return "tags";
    if (weather_widget(line)) return "weather box";
    if (counter(line)) return "counter";
    if (ticker(line)) return "market ticker";
    if (page_line(line) || page_teaser(line) || own_page_line(line)) return kPageNoticeKind;
    return {};
}

bool caption_shaped(std::string_view paragraph) {
    if (text::split_sentences(paragraph).size() != 1 || !text::words_at_most(paragraph, kCaptionMaxWords)) return false;
    std::string form = match_form(paragraph);
    if (!form.ends_with('.')) return false;
    form.pop_back();
    const auto last_comma = form.rfind(',');
    if (last_comma == std::string::npos) return false;
    const std::string_view tail = std::string_view(form).substr(last_comma + 1);
    if (text::words_at_most(tail, kCaptionTailMaxWords) && has_month(tail)) return true;
    return form.find(", lors d") != std::string::npos;
}

}  // namespace plume::write
