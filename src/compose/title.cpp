// Title, meta description and slug: what a search result shows of the article.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyze/keyphrase.hpp"
#include "analyze/title_width.hpp"
#include "compose/compose.hpp"
#include "compose/typography.hpp"
#include "plan/noun_phrase.hpp"
#include "plume/text.hpp"
#include "text/lexicon.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

std::size_t characters(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The text led by the keyphrase; empty when the text holds it elsewhere (the title
// would say it twice).
std::string led_by_keyphrase(const InnerForms& inner, const std::string& text, const std::string& keyphrase) {
    thread_local std::pair<std::string, analysis::Keyphrase> kp;
    if (kp.first != keyphrase) kp = {keyphrase, analysis::make_keyphrase(keyphrase, MatchMode::French)};
    const std::string head = text.substr(0, std::min(text.size(), keyphrase.size() + 8));
    if (analysis::contains_all(kp.second, head)) return text;
    // Saying it twice, or a second colon, reads badly.
    if (analysis::contains_all(kp.second, text) || text.find(':') != std::string::npos) return "";
    return capitalise(keyphrase) + "\u00a0: " + lower_common_first_word(inner, text);
}

// "après la rentrée très encadrée au collège", "avec 14": what opens on a preposition is a
// complement, whose clause the cut left out.
bool opens_on_preposition(const std::string& words) {
    static const std::set<std::string, std::less<>> kPrepositions = {
        "à", "a", "au", "aux", "après", "avant", "avec", "chez", "contre", "dans", "de", "depuis", "dès", "durant",
        "en", "entre", "face", "lors", "malgré", "outre", "par", "pendant", "pour", "sans", "selon", "sous", "sur", "vers"};
    return kPrepositions.contains(text::lowercase(words.substr(0, words.find_first_of(" '’,"))));
}

// "Avec la pandémie", "En France": a short phrase opening on a preposition, which the
// clause after its comma does without; not a clause ("La Hongrie referme ses frontières"),
// the head of a list ("Robes") nor a subject (« neuf Français décédés, annonce… »).
bool opening_phrase(const std::string& words) {
    return text::count_words(words) <= 4 && opens_on_preposition(words) && !has_finite_verb(words);
}

// "selon une étude", ", assure Bruno Le Maire": who says what the headline tells. Cut off,
// a claim reads as a fact.
bool attribution(const std::string& after) {
    constexpr std::size_t kSpeakerWords = 5;  // a verb of saying and a name
    const std::string first = text::lowercase(after.substr(0, after.find(' ')));
    return first == "selon" || (verb_like(first) && text::count_words(after) <= kSpeakerWords &&
                                after.find_first_of(",:") == std::string::npos);
}

// Where the headline's closing attribution starts (« …, selon une étude »), which no cut
// may leave out; 0 when it has none.
std::size_t attributed_from(const std::string& headline) {
    for (std::string_view mark : {", ", " selon "}) {
        const std::size_t at = headline.rfind(mark);
        if (at != std::string::npos && attribution(headline.substr(at + (mark[0] == ',' ? 2 : 1)))) return at + 1;
    }
    return 0;
}

// Whether the words end on the noun of a verb's locution with « en » (« mise en service »,
// « prise en charge », « entrée en vigueur »), which a cut before « en » would leave hanging.
bool ends_on_en_locution(std::string_view words) {
    static const std::set<std::string, std::less<>> kNouns = {"mise", "mises", "prise", "prises", "remise", "remises",
                                                             "entrée", "entrées"};
    const std::size_t last = words.rfind(' ');
    return kNouns.contains(text::lowercase(words.substr(last == std::string_view::npos ? 0 : last + 1)));
}

// The words' last word, in small letters.
std::string last_word(std::string_view words) {
    const std::size_t last = words.rfind(' ');
    return text::lowercase(words.substr(last == std::string_view::npos ? 0 : last + 1));
}

// Whether the words end on an adverb or another word that only modifies what follows it
// (« 31 départements toujours » cut from « …toujours en vigilance orange »): the lexicon
// reads it as no noun, adjective, verb nor numeral.
bool ends_on_modifier(std::string_view words) {
    const text::WordReadings r = text::word_readings(last_word(words));
    return r.known && r.other && !r.nominal && !r.finite_verb && !r.infinitive && !r.participle && !r.numeral;
}

// « …Premier ministre, juste » cut from « …, juste avant l'arrivée de Macron »: an adverb of
// degree that, before a preposition, says how near or far (« peu après », « bien avant »),
// and that the lexicon also reads as an adjective, which ends_on_modifier() lets through.
bool ends_on_degree_adverb(std::string_view words) {
    static const std::set<std::string, std::less<>> kDegree = {"juste", "peu", "bien", "même", "sitôt", "aussitôt", "longtemps"};
    return kDegree.contains(last_word(words));
}

// A headline's shorter forms, cut where a clause or a complement starts ("... alors que
// ...", "... pour ...", "... malgré ...", "..., 15 stations"); never "entre A" cut from
// "entre A et B", nor after a word that modifies what the cut leaves out. After an opening
// phrase and its comma ("Avec la pandémie, les mineurs ..."), the rest stands alone too,
// and is cut the same way.
void add_cut_forms(const std::string& headline, std::vector<std::string>& forms, bool rest = true) {
    for (std::string_view cut : {" alors que ", " afin de ", " pour ", ", ", " : ", " et ", " malgré ", " après ", " avant ",
                                 " depuis ", " avec ", " sans ", " contre ", " en ", " à cause "}) {
        const std::size_t first = headline.find(cut);
        if (rest && first != std::string::npos && cut == ", " && opening_phrase(headline.substr(0, first)) &&
            text::count_words(headline.substr(first + 2)) >= 4) {
            const std::string after = capitalise(headline.substr(first + 2));
            forms.push_back(after);
            add_cut_forms(after, forms, false);
        }
        // Each place a preposition or a subordinator stands: « …d'une église | en quarantaine |
        // en Corée du Sud » keeps what it says of the church only cut at the second « en ». A
        // comma or « et » further on cuts a list or an apposition (« Duflot, Hamon, | … »).
        const bool list_mark = cut == ", " || cut == " et " || cut == " : ";
        for (std::size_t at = first; at != std::string::npos; at = list_mark ? std::string::npos : headline.find(cut, at + 1)) {
            if (text::count_words(headline.substr(0, at)) < 4 || at < attributed_from(headline)) continue;
            if (cut == " en " && ends_on_en_locution(headline.substr(0, at))) continue;
            // "entre A et B", "la Hongrie referme ses frontières, France et Allemagne...": "et"
            // closes a pair or a list.
            if (cut == " et " && (headline.substr(0, at).find(" entre ") != std::string::npos ||
                                  headline.find(", ", headline.rfind(" : ", at) == std::string::npos ? 0 : headline.rfind(" : ", at)) < at))
                continue;
            std::string form = headline.substr(0, at);
            while (!form.empty() && (form.back() == ',' || form.back() == ' ')) form.pop_back();  // "…en Allemagne, après…"
            if (ends_on_modifier(form) || ends_on_degree_adverb(form)) continue;
            forms.push_back(std::move(form));
        }
    }
}

// A title and its shorter forms: each side of a headline's colon may stand alone ("Lyon :
// la ligne de tramway...", "Tramway T11 : ouverture le..."), whole or cut.
// "Robes, lunettes et couronnes: le souk...": the colon French spaces on both sides.
std::string spaced_colon(const std::string& headline) {
    std::string title = accent_initial_a(headline);
    if (const std::size_t colon = title.find(": "); colon != std::string::npos && colon > 0 && title[colon - 1] != ' ')
        title = title.substr(0, colon) + " " + title.substr(colon);
    return title;
}

std::vector<std::string> title_forms(const std::string& headline) {
    if (headline.empty()) return {};
    const std::string title = spaced_colon(headline);
    std::vector<std::string> sides{title};
    if (const std::size_t colon = title.find(" : "); colon != std::string::npos) {
        sides.push_back(title.substr(0, colon));
        sides.push_back(capitalise(title.substr(colon + 3)));
    }
    std::vector<std::string> forms;
    for (const std::string& side : sides) {
        forms.push_back(side);
        add_cut_forms(side, forms);
    }
    // "Coronavirus : 2.500 vies sauvées…" keeps its lead-in before a cut of what follows:
    // the subject stays in front, as the journalist put it.
    if (sides.size() == 3) {
        std::vector<std::string> rest;
        add_cut_forms(title.substr(title.find(" : ") + 3), rest);
        // A cut form capitalised to stand alone (« Investiture en catimini… » out of « face à la
        // contestation, investiture en catimini… ») takes back the headline's small letter.
        for (const std::string& r : rest) {
            const std::string written = uncapitalise(r);
            forms.push_back(sides[1] + " : " + (title.find(written) != std::string::npos ? written : lower_ordinary_first_word(r)));
        }
    }
    return forms;
}

// A finite verb or a participle (« Nicolas Sarkozy mis en examen », « Journalistes
// convoqués… »); a noun the lexicon also reads as a participle opening the words is the
// noun (« Retraite », of « retraire »).
bool holds_verb(const std::string& words) {
    if (has_finite_verb(words)) return true;
    bool first = true;
    for (const text::Token& t : text::tokenize(words)) {
        if (t.kind != text::TokenKind::Word) continue;
        const text::WordReadings r = text::word_readings(text::lowercase(t.view(words)));
        if (r.participle && !(first && r.noun)) return true;
        first = false;
    }
    return false;
}

bool opens_on_article(const std::string& words) {
    static const std::set<std::string, std::less<>> kArticles = {"le", "la", "les", "l", "un", "une", "des",
                                                                 "son", "sa", "ses", "leur", "leurs"};
    return kArticles.contains(text::lowercase(words.substr(0, words.find_first_of(" '’"))));
}

// Whether a form of the headline still tells its story: a headline with a verb keeps it
// (« Le salaire des enseignants sera revalorisé, assure… »); a verbless one keeps both
// sides of its colon, its lead-in being the subject (« Lynchage d'un détenu… :
// condamnation… ») unless what follows opens on its own subject, and no form opens on a
// complement. A lead-in alone (« Chloroquine »,
// « Fabrication de masques ») tells no story.
bool keeps_story(const std::string& form, const std::string& headline) {
    const std::string whole = spaced_colon(headline);
    if (form == whole) return true;
    const std::size_t colon = whole.find(" : ");
    const std::string told = colon == std::string::npos ? whole : whole.substr(colon + 3);
    const std::size_t form_colon = form.find(" : ");
    const std::string clause = form_colon == std::string::npos ? form : form.substr(form_colon + 3);
    // A lead-in alone tells no story, unless what follows is a quotation about it
    // (« Nicolas Sarkozy mis en examen : "Ceux qui…" »).
    // A label (« CAN 2019 ») before a quotation says nothing of it: the lead-in holds a verb.
    if (colon != std::string::npos && form_colon == std::string::npos && whole.starts_with(form))
        return (told.starts_with("«") || told.starts_with("\"")) && holds_verb(form);
    // The verb list misses verbs (« lèvent »): a clause opening on its subject's article
    // keeps the story too (« Des indigènes lèvent temporairement leur barrage… »).
    // A capital after the colon opens on a name, the clause's subject (« … : Jean-Frédéric
    // Poisson sort enfin… »).
    const bool subject = opens_on_article(clause) || (told != whole && starts_upper(told));
    // « Ce qu’il faut savoir… », « Ce que l’on sait… » name no subject of their own: the
    // lead-in before the colon is what they are about.
    const std::string opening = text::lowercase(clause.substr(0, 6));
    if (colon != std::string::npos && form_colon == std::string::npos && !whole.starts_with(form) &&
        (opening.starts_with("ce qu") || opening.starts_with("ce dont")))
        return false;
    if (has_finite_verb(told)) return has_finite_verb(clause) || subject;
    return (colon == std::string::npos || form_colon != std::string::npos || subject) &&
           !opens_on_preposition(clause);
}

}  // namespace

InnerForms::InnerForms(const Story& story) {
    for (const StorySentence& s : story.sentences)
        for (std::size_t k = 0; k < s.tokens.size(); ++k)
            if (k > 0 || s.tokens[k].base != s.tokens[k].begin)
                forms_.insert(std::string_view(s.text).substr(s.tokens[k].base, s.tokens[k].end - s.tokens[k].base));
}

std::string lower_common_first_word(const InnerForms& inner, const std::string& text) {
    // The word, not its punctuation: « Lyon, Bordeaux… » is about « Lyon ».
    const std::string first = text.substr(0, text.find_first_of(" ,;:.!?)"));
    const std::string lower = text::lowercase(first);
    // Written so inside a sentence, or after an elision ("L’ouverture"); or never written
    // capitalised inside one (a name is).
    const bool common = lower != first && (inner.written(lower) || !inner.written(first));
    return common ? lower + text.substr(first.size()) : lower_ordinary_first_word(text);
}

// The widest candidate that fits: a search result shows up to 600 px, and a title under
// 400 px leaves room unused. Empty when none fits.
std::string widest_fitting(const std::vector<std::string>& candidates) {
    std::string best;
    double best_px = -1;
    for (const std::string& c : candidates) {
        const double px = analysis::title_width_px(c);
        if (!c.empty() && px <= kTitleMaxPx && px > best_px) best = c, best_px = px;
    }
    return best;
}

// Headlines typed without their accents ("Gigafactory pres de Dunkerque ... a la cle"): one
// of their words is written in the story's sentences with accents, never without.
class AccentCheck {
public:
    // Reads the story for the plain words of `headlines` only: the story's other words
    // need no folding. A word the dictionary knows as written is typed right (« lance »
    // beside the story's « lancé »).
    AccentCheck(const Story& story, const std::vector<std::string>& headlines) {
        for (const std::string& h : headlines) each_word(words_key(h), [&](std::string_view w) {
            if (ascii(w) && !text::word_readings(w).known) asked_.emplace(w, Seen{});
        });
        if (asked_.empty()) return;
        std::unordered_set<std::string_view> accented;
        for (const StorySentence& s : story.sentences)
            each_word(s.key, [&](std::string_view w) {
                if (!ascii(w)) accented.insert(w);
                else if (auto it = asked_.find(std::string(w)); it != asked_.end()) it->second.plain = true;
            });
        for (std::string_view w : accented)
            if (auto it = asked_.find(text::strip_accents(w)); it != asked_.end()) it->second.accented = true;
    }
    bool lacks_accents(const std::string& headline) const {
        bool lacks = false;
        each_word(words_key(headline), [&](std::string_view w) {
            const auto it = asked_.find(std::string(w));
            lacks = lacks || (it != asked_.end() && !it->second.plain && it->second.accented);
        });
        return lacks;
    }

private:
    struct Seen {
        bool plain = false;     // the story writes the word so
        bool accented = false;  // the story writes it with accents
    };
    static bool ascii(std::string_view w) {
        return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    }
    // The words of a words_key, elisions apart ("l'ouverture": "l", "ouverture").
    template <typename Visit>
    static void each_word(std::string_view key, Visit visit) {
        for (std::size_t b = 0; b < key.size();) {
            const std::size_t e = std::min(key.find_first_of(" '", b), key.size());
            if (e > b) visit(key.substr(b, e - b));
            b = e + 1;
        }
    }
    std::unordered_map<std::string, Seen> asked_;  // the headlines' plain words
};

namespace {

bool balanced(std::string_view text) {
    const QuoteBalance q = quote_balance(text);
    return q.guillemets == 0 && q.straight % 2 == 0;
}

double typeset_width(const std::string& title) { return analysis::title_width_px(french_typography(title)); }

// The widest of the headline's forms (itself, a side of its colon, a part before a clause)
// that fits and names the keyphrase (any, for an empty one): shortened, the headline keeps
// its subject.
// With `at_least`, only forms that wide: a lead-in alone (« Coronavirus », « Retraite ») is no
// title while a longer form fits.
// With `whole_story`, only forms that keep the headline's story.
std::string shortened_headline(const std::string& headline, const analysis::Keyphrase& kp, double at_least = 0,
                               bool whole_story = false) {
    std::string best;
    double best_px = -1;
    for (const std::string& form : title_forms(headline)) {
        if (!balanced(form) || (!kp.empty() && !analysis::contains_all(kp, form))) continue;
        if (whole_story && !keeps_story(form, headline)) continue;
        if (const double px = typeset_width(form); px <= kTitleMaxPx && px >= at_least && px > best_px) best = form, best_px = px;
    }
    return best;
}

// The sources' own titles first: they are what the story is about, in a headline's words.
std::string title_of(const Story& story, const Plan& plan, const std::vector<std::string>& headlines, const AccentCheck& accents) {
    // The base's headline as its journalist wrote it when it fits, else its widest part
    // that names the keyphrase: no rewording keeps its meaning better.
    if (const std::string& h = headlines[static_cast<std::size_t>(story.base)]; !h.empty() && !accents.lacks_accents(h) && balanced(h)) {
        const std::string whole = accent_initial_a(h);
        if (typeset_width(whole) <= kTitleMaxPx) return whole;
        const analysis::Keyphrase yoast_kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::Yoast);
        if (std::string t = shortened_headline(h, yoast_kp, kTitleMinPx, true); !t.empty()) return t;
        // Another source's headline that fits whole and names the subject tells more than the
        // base's cut without it (« Neuf Français décédés, annonce… » for a crash).
        for (const std::string& other : headlines)
            if (!other.empty() && other != h && !accents.lacks_accents(other))
                if (std::string t = shortened_headline(accent_initial_a(other), yoast_kp, kTitleMinPx, true); t == spaced_colon(accent_initial_a(other)))
                    return t;
        if (std::string t = shortened_headline(h, {}, kTitleMinPx, true); !t.empty()) return t;
        if (std::string t = shortened_headline(h, yoast_kp, 0, true); !t.empty()) return t;
        // Another source's headline, or its part, that fits and names the subject keeps more
        // of the story than the base's cut without it (« Ce qu'il faut savoir avant… » alone).
        for (const std::string& other : headlines)
            if (!other.empty() && !accents.lacks_accents(other))
                if (std::string t = shortened_headline(accent_initial_a(other), yoast_kp, 0, true); !t.empty()) return t;
        if (std::string t = shortened_headline(h, {}, 0, true); !t.empty()) return t;
        for (const std::string& other : headlines)
            if (!other.empty() && !accents.lacks_accents(other))
                if (std::string t = shortened_headline(accent_initial_a(other), {}, 0, true); !t.empty()) return t;
        // No part keeps the story by its form: a part at least kTitleMinPx wide still says
        // much of it (Yoast rates a title over 600 px red); a narrower one (« Chloroquine »,
        // « Condamnation de 14 à 20 ans… ») does not, and the headline goes whole, too wide.
        if (std::string t = shortened_headline(h, yoast_kp, kTitleMinPx); !t.empty()) return t;
        return whole;
    }
    const analysis::Keyphrase kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::French);
    const InnerForms inner(story);
    std::vector<std::string> titles, naming, headings;
    for (const CleanSource& s : story.sources) {
        if (accents.lacks_accents(s.info.title)) continue;
        for (const std::string& form : title_forms(s.info.title)) {
            if (!balanced(form)) continue;
            titles.push_back(led_by_keyphrase(inner, form, plan.keyphrase));
            if (analysis::contains_all(kp, form)) naming.push_back(form);
        }
    }
    for (const PlannedSection& s : plan.sections)
        if (!s.conclusion) headings.push_back(led_by_keyphrase(inner, s.heading, plan.keyphrase));
    // A title led by the keyphrase, unless it leaves most of the width unused and a source
    // title naming the keyphrase further on fills it ("Ce que l’on sait de la gigafactory
    // d’Aurelis..." rather than "Gigafactory d’Aurelis : batteries").
    std::string led = widest_fitting(titles);
    if (const std::string fuller = widest_fitting(naming);
        analysis::title_width_px(led) < kTitleMinPx && analysis::title_width_px(fuller) >= kTitleMinPx)
        return fuller;
    if (!led.empty()) return led;
    if (std::string t = widest_fitting(headings); !t.empty()) return t;
    return capitalise(plan.keyphrase);
}

// The base's headline whole, unless the title is it or it is unusable.
std::string headline_of(const Story& story, const std::vector<std::string>& headlines, const AccentCheck& accents,
                        const std::string& title) {
    const std::string& h = headlines[static_cast<std::size_t>(story.base)];
    if (h.empty() || accents.lacks_accents(h) || !balanced(h)) return {};
    std::string whole = accent_initial_a(h);
    return whole == title ? std::string() : whole;
}

}  // namespace

Titles compose_titles(const Story& story, const Plan& plan) {
    std::vector<std::string> headlines;
    for (const CleanSource& s : story.sources) headlines.push_back(s.info.title);
    const AccentCheck accents(story, headlines);
    Titles t;
    t.title = title_of(story, plan, headlines, accents);
    t.headline = headline_of(story, headlines, accents, t.title);
    return t;
}

namespace {

// Where a description may end inside `text`, best first: after a sentence, after the main
// clause of a sentence (before an adjunct, ended with a period), after a clause (a comma, a
// semicolon, a colon), between two words; never inside a quotation (a speaker's words cut
// short are no longer what was said), nor between the digits of a number ("7 000").
enum class Cut { Word = 0, Clause = 1, MainClause = 2, Sentence = 3 };

std::string first_word(std::string_view s) { return text::lowercase(s.substr(0, s.find_first_of(" '’,"))); }

// « …a déclaré M. », « …Mme. », « …J. »: the point of a title or an initial before its name.
bool ends_on_title(std::string_view head) {
    if (!head.ends_with('.')) return false;
    head.remove_suffix(1);
    const std::size_t space = head.find_last_of(" («\"");
    const std::string_view word = head.substr(space == std::string_view::npos ? 0 : space + 1);
    // Written with its capital: « …de 5 m. » ends on a unit.
    return (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') || (starts_upper(word) && title_before_name(text::lowercase(word)));
}

// « …fin. », « …a-t-il lancé ? »: a sentence ends on its punctuation, or on a quotation's
// closing mark after it; not on a title's point (« …, a déclaré M. »).
bool closes_sentence(std::string_view head) {
    if (head.ends_with("»")) {
        head.remove_suffix(2);
        while (head.ends_with(' ') || head.ends_with("\u00a0") || head.ends_with("\u202f"))
            head.remove_suffix(head.ends_with(' ') ? 1 : head.ends_with("\u00a0") ? 2 : 3);
    }
    return (head.ends_with('.') && !ends_on_title(head)) || head.ends_with('!') || head.ends_with('?');
}

// « Le tribunal a annulé un mariage prononcé en 2015 »: the head of a sentence is a whole
// clause when a finite verb comes before its first subordinate or relative (the main
// clause's: « Le maire, qui a été élu… » has none) and after its last (« …a déclaré que le
// président » leaves one open), no bracket is left open, and it ends on a content word
// (« Le gouvernement a, selon… » does not).
bool main_clause(std::string_view head) {
    static const std::set<std::string, std::less<>> kSubordinators = {"que", "qui", "dont", "où", "si", "lorsque",
                                                                     "quand", "puisque", "quoique"};
    constexpr std::size_t kMinWords = 6;
    const std::vector<text::Token> tokens = text::tokenize(head);
    std::size_t first = std::string_view::npos, last = 0, words = 0, first_at = 0;
    std::string_view last_word;
    for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        ++words;
        // « ainsi que » joins two subjects (« Le Premier ministre ainsi que plusieurs
        // ministres ont participé… »): no subordinate opens there.
        const bool joins = text::lowercase(last_word) == "ainsi";
        last_word = head.substr(t.base, t.end - t.base);
        const std::string elision = unified_word(text::lowercase(head.substr(t.begin, t.base - t.begin)));
        const bool subordinator = kSubordinators.contains(text::lowercase(last_word)) && !joins;
        if (!subordinator && !elision.ends_with("qu'")) continue;  // « qu’il », « lorsqu’elle »
        if (first == std::string_view::npos) first = t.begin, first_at = words;
        last = subordinator ? t.end : t.base;
    }
    const bool subordinate = first != std::string_view::npos;
    // « Alors que le confinement pèse…, des chercheurs ont cherché… »: a subordinate clause
    // opening the sentence, up to its comma, is no part of the main clause.
    constexpr std::size_t kOpeningWords = 2;  // « Alors que », « Lorsqu’il », « Si »
    if (subordinate && first_at <= kOpeningWords)
        if (const std::size_t comma = head.find(", ", first); comma != std::string_view::npos) return main_clause(head.substr(comma + 2));
    return words >= kMinWords && has_finite_verb(head.substr(0, first)) && (!subordinate || has_finite_verb(head.substr(last))) &&
           std::count(head.begin(), head.end(), '(') == std::count(head.begin(), head.end(), ')') &&
           !analysis::is_function_word(last_word);
}

// « …prononcé en 2015, en partie au motif que… », « …, alors que… », « …, dont… »: what
// follows the comma (up to the sentence's end) opens on a preposition, a subordinator, a
// relative pronoun or a present participle: an adjunct, which the clause before does
// without. Not an attribution (« selon… »: cut off, a claim reads as a fact), not the next
// item of a list (« à Paris, à Lyon et à Marseille »), not an incise inside the clause
// whose complement follows (« a estimé, dans un entretien, que… »).
bool opens_adjunct(std::string_view tail, std::string_view head) {
    static const std::set<std::string, std::less<>> kOpeners = {
        "à",     "au",    "aux",   "en",      "dans",  "pour",   "par",  "avec",     "sans",    "après",   "avant",
        "depuis", "malgré", "contre", "sur",  "sous",  "lors",   "dès",  "jusqu",    "vers",    "grâce",   "faute",
        "afin",  "alors", "tandis", "lorsque", "quand", "puisque", "parce", "car",    "qui",     "dont",    "où",
        "notamment", "soit"};
    static const std::set<std::string, std::less<>> kComplements = {"que", "qu", "de", "d", "à"};
    const std::string opener = first_word(tail);
    if (!kOpeners.contains(opener) && !(opener.size() > 5 && opener.ends_with("ant"))) return false;
    // « …un plan pour les écoles, à mettre en place en cas de reprise… »: « à » and an
    // infinitive complete the noun before them, which says less without them.
    if (opener == "à" && text::word_readings(first_word(tail.substr(std::min(tail.size(), tail.find(' ') + 1)))).only_infinitive())
        return false;
    constexpr std::size_t kListWords = 4;  // « à Paris », « en Allemagne » and a name's words
    // Places are listed with whichever preposition each name takes (« en Grèce, en
    // Belgique, au Portugal et au Danemark »): one opening an item after a comma.
    static const std::set<std::string, std::less<>> kPlaces = {"à", "au", "aux", "en"};
    const std::vector<text::Token> before = text::tokenize(head);
    for (std::size_t k = before.size() > kListWords ? before.size() - kListWords : 0; k < before.size(); ++k) {
        const std::string w = text::lowercase(before[k].view(head));
        const std::string_view lead = head.substr(0, before[k].begin);
        const bool item = lead.find_last_not_of(' ') != std::string_view::npos && lead[lead.find_last_not_of(' ')] == ',';
        if (w == opener || (item && kPlaces.contains(w) && kPlaces.contains(opener))) return false;
    }
    const std::size_t comma = tail.find(", ");
    if (comma == std::string_view::npos) return true;
    const std::string after = first_word(tail.substr(comma + 2));
    // A relative clause set off as an incise before its noun's verb (« …et les tables, qui
    // doivent être espacées, ne peuvent accueillir… »): cut before it, the noun has no verb.
    static const std::set<std::string, std::less<>> kRelatives = {"qui", "dont", "où"}, kBeforeVerb = {"ne", "n", "se", "s"};
    const text::WordReadings r = text::word_readings(after);
    if (kRelatives.contains(opener) && (kBeforeVerb.contains(after) || (r.finite_verb && !r.nominal))) return false;
    return !kComplements.contains(after);
}

// « …seront revalorisés afin qu’ils… », « …aux nouvelles technologies pour tenter… », « …a
// été suspendu en raison du… »: a clause or phrase of purpose, cause, time or contrast opens
// on its subordinator even without a comma; the clause before stands without it.
bool opens_subordinate(std::string_view rest) {
    static constexpr std::string_view kSubordinators[] = {"afin ", "afin d", "alors qu", "tandis qu", "lorsqu", "puisqu",
                                                          "parce qu", "bien qu", "en raison d", "à cause d", "faute d",
                                                          "grâce à", "suite à", "malgré", "avant d", "après avoir", "lors d"};
    const std::string lower = unified_word(text::lowercase(rest.substr(0, std::min<std::size_t>(rest.size(), 40))));
    for (std::string_view w : kSubordinators)
        if (lower.starts_with(w)) return true;
    // « pour » and an infinitive: a purpose, not « pour les salariés » (an object).
    if (!lower.starts_with("pour ")) return false;
    const std::string verb = lower.substr(5, lower.find(' ', 5) - 5);
    return verb.size() > 4 && (verb.ends_with("er") || verb.ends_with("ir") || verb.ends_with("re"));
}

// A cut between words that leaves a verb waiting for what it governs (« Manuel Valls a
// rendu… », « le nombre d’infections repart… », « s’est… »), a subject waiting for its verb
// (« a souhaité qu’elle… ») or a bracket open (« (Ouest France… »): the reader is left
// mid-clause. A verb is a word the dictionary reads as
// conjugated or infinitive and not as a noun, an auxiliary's form, or a participle after one.
bool leaves_verb_hanging(std::string_view head) {
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    if (std::count(head.begin(), head.end(), '(') > std::count(head.begin(), head.end(), ')')) return true;
    const std::vector<text::Token> tokens = text::tokenize(head);
    if (tokens.empty() || tokens.back().kind != text::TokenKind::Word) return false;
    const auto base = [&](const text::Token& t) { return text::lowercase(head.substr(t.base, t.end - t.base)); };
    const std::string last = base(tokens.back());
    if (auxiliaries.contains(last) || text::subject_pronoun(last)) return true;
    const text::WordReadings r = text::word_readings(last);
    if ((r.finite_verb || r.infinitive) && !r.noun && !r.numeral) return true;
    return r.participle && tokens.size() >= 2 && tokens[tokens.size() - 2].kind == text::TokenKind::Word &&
           auxiliaries.contains(base(tokens[tokens.size() - 2]));
}

}  // namespace

// The lead cut to fit a search result: the longest cut of the best kind at least
// kDescriptionMin characters long (typography applied), so that the reader gets whole
// sentences when they fit, a main clause ended with a period, and a whole clause or word
// followed by « … » only otherwise; else the longest cut, too short (a quotation runs over
// the limit). A text that fits is whole, however short.
std::string cut_description(const std::string& text) {
    constexpr std::size_t kTypographySlack = 12;
    const auto length = [](std::string_view t) { return characters(french_typography(t)); };
    if (length(text) <= kDescriptionMax) return text;
    std::string best, shorter;
    int best_kind = -1;
    int depth = 0;                  // « open
    bool straight = false;          // a straight quote open
    std::size_t sentence_from = 0;  // where the sentence being read begins
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "«") == 0) ++depth;
        else if (text.compare(i, 2, "»") == 0) --depth;
        else if (text[i] == '"') straight = !straight;
        if (text[i] != ' ') continue;
        if (i > 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(text[i + 1])))
            continue;
        if (depth > 0 || straight) continue;
        std::string head = text.substr(0, i);
        const char last = head.back();
        Cut kind = closes_sentence(head) ? Cut::Sentence : (last == ',' || last == ';' || last == ':') ? Cut::Clause : Cut::Word;
        if ((kind == Cut::Clause && last == ',') || kind == Cut::Word) {
            const std::string_view rest = std::string_view(text).substr(i + 1);
            const std::string_view sentence = std::string_view(text).substr(sentence_from, head.size() - (kind == Cut::Clause) - sentence_from);
            if ((kind == Cut::Clause ? opens_adjunct(rest.substr(0, rest.find(". ")), sentence) : opens_subordinate(rest)) &&
                main_clause(sentence)) {
                head = std::string(text.substr(0, sentence_from)) + std::string(sentence) + ".";
                kind = Cut::MainClause;
            }
        }
        if (kind == Cut::Sentence) sentence_from = i + 1;
        if (kind < Cut::MainClause) {
            // No dangling function word or punctuation before the ellipsis.
            while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':' || head.back() == ' '))
                head.pop_back();
            const std::size_t sp = head.rfind(' ');
            if (sp == std::string::npos || analysis::is_function_word(head.substr(sp + 1)) || leaves_verb_hanging(head)) continue;
            // A name goes on in its next capitalised word (« Christian Estrosi et Franck |
            // Riester »): no cut inside it.
            if (kind == Cut::Word && starts_upper(head.substr(sp + 1)) && starts_upper(std::string_view(text).substr(i + 1))) continue;
            head += "…";
        }
        // Typography only adds characters (« », no-break spaces): a head too long raw
        // ends the search, one far too short is not measured.
        if (characters(head) > kDescriptionMax) break;
        if (characters(head) + kTypographySlack < kDescriptionMin) {
            shorter = head;
            continue;
        }
        const std::size_t n = length(head);
        if (n > kDescriptionMax) break;
        if (n >= kDescriptionMin && static_cast<int>(kind) >= best_kind) best = head, best_kind = static_cast<int>(kind);
        else if (n < kDescriptionMin) shorter = head;
    }
    return best.empty() ? shorter : best;
}

namespace {

bool ends_sentence(const std::string& t) {
    return t.ends_with('.') || t.ends_with('!') || t.ends_with('?') || t.ends_with("»") || t.ends_with('"');
}

// A sentence announcing a list ends on its items, each after a comma, as one sentence
// would name them (« …des ménages : baisse de l’impôt, poursuite de… »).
std::string with_its_list(const Story& story, const std::vector<int>& order, std::size_t k) {
    const auto at = [&](std::size_t n) -> const StorySentence& { return story.sentences[static_cast<std::size_t>(order[n])]; };
    std::string run = at(k).text;
    const InnerForms inner(story);
    for (std::size_t n = 0; ++k < order.size() && at(k).in_list; ++n) {
        std::string item = at(k).text;
        while (!item.empty() && (item.back() == '.' || item.back() == ';' || item.back() == ',' || item.back() == ' ')) item.pop_back();
        run += (n == 0 ? " " : ", ") + lower_common_first_word(inner, item);
    }
    return run + ".";
}

// The sentences of `order` from `from` on, enough for a description. A caption or a list
// label has no final punctuation: a description does not run on from it, nor into a
// sentence leaning on another than the one before it. A long sentence
// runs on in the parts the article splits it into, so that a description may end on a
// whole sentence of the article rather than on « … ». `whole`: the first sentence from
// `from` on that ends with its punctuation (the captions before it are skipped).
std::string run_from(const Story& story, const std::vector<int>& order, std::size_t from, std::size_t whole) {
    std::string run;
    for (std::size_t k = whole; k < order.size() && characters(run) <= 2 * kDescriptionMax; ++k) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(order[k])];
        if (s.opens_list) return run + (run.empty() ? "" : " ") + with_its_list(story, order, k);
        if (!ends_sentence(s.text)) break;
        // « Elle compte 12 stations » after another sentence than the one it leans on would
        // name what that one does.
        if (k > from && s.leans && s.leans_on != order[k - 1]) break;
        for (const std::string& part : split_long_sentence(s.text, s.quoted)) run += (run.empty() ? "" : " ") + part;
    }
    return run;
}

// "Elle compte...", "Ainsi, ...", "Mais...", "Et pendant...": a sentence that answers the one
// before reads wrongly out of the article: a leaning opener, a conjunction, a transition
// set off by its comma. A transition answers nothing in the lead, the article's first words
// (« Selon la police, », « Jusqu'à présent, »: the source's first sentence, which the
// article opens on too); further on, any transition may relate its sentence to the one before.
bool opens_on_what_precedes(const StorySentence& s, bool lead = false) {
    static const auto& transitions = text::word_list("transition_words");
    static const std::set<std::string, std::less<>> kGoingOn = {"et", "ou", "mais", "or", "donc", "car", "ni", "puis", "ainsi", "aussi"};
    if (s.leans) return true;
    const std::string opening = text::lowercase(s.text.substr(0, s.text.find_first_of(", ")));
    const std::string before_comma = unified_word(text::lowercase(s.text.substr(0, s.text.find(','))));
    return kGoingOn.contains(opening) || (!lead && (transitions.contains(before_comma) || transitions.contains(opening))) ||
           says_it_again(s);
}


// A sentence of a quotation cut apart, or one that opens or closes it: alone in a
// description, it would read as plume's words (« Je vais mieux maintenant… pour toute la
// ville". »).
bool in_cut_quotation(const StorySentence& s) { return s.quoted || !quote_balance(s.text).balanced(); }

// A description that ends on a whole sentence: not cut short with « … ».
bool whole(const std::string& description) { return !description.ends_with("…") && ends_sentence(description); }

}  // namespace

std::string compose_description(const Story& story, const Plan& plan) {
    const analysis::Keyphrase kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::Yoast);
    // The article's order: the intro, then the story after it.
    std::vector<int> order = plan.intro;
    for (int i = order.empty() ? 0 : *std::max_element(order.begin(), order.end()) + 1; i < static_cast<int>(story.sentences.size()); ++i)
        order.push_back(i);
    // The lead, which the journalist wrote to sum the story up, when it names the keyphrase
    // (Yoast looks for it there) and ends whole; else from the first sentence that names it
    // and ends whole; else the first cut with « … » that names it. None opens on what the
    // sentence before it says (« Il… », « Cela… », « Mais… »). One too short that names it
    // rates better than one that does not.
    // From each sentence, the first that ends whole: found once, as a source of a million
    // lines without punctuation has as many to skip from each.
    std::vector<std::size_t> whole_from(order.size() + 1, order.size());
    for (std::size_t k = order.size(); k-- > 0;) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(order[k])];
        whole_from[k] = ends_sentence(s.text) || s.opens_list ? k : whole_from[k + 1];
    }
    std::string lead, cut_short, short_naming;
    for (std::size_t from = 0; from < order.size(); ++from) {
        // Past the intro, the intro's words cut short still sum the story up; a later
        // sentence whole tells one of its details (the background, a reaction).
        if (from == plan.intro.size() && !cut_short.empty()) return cut_short;
        const StorySentence& s = story.sentences[static_cast<std::size_t>(order[from])];
        const bool leans = opens_on_what_precedes(s, from == 0);
        const bool naming = from == 0 || analysis::find_in_sentence(kp, s.text, s.tokens).count > 0;
        // The lead, or the first sentence after it that does not lean when it does.
        if (leans || in_cut_quotation(s) || (!naming && !lead.empty())) continue;
        const std::string cut = cut_description(run_from(story, order, from, whole_from[from]));
        if (lead.empty()) lead = cut;
        if (!naming || !analysis::contains_all(kp, cut)) continue;
        if (characters(french_typography(cut)) >= kDescriptionMin) {
            if (whole(cut)) return cut;
            if (cut_short.empty()) cut_short = cut;
        } else if (short_naming.empty()) {
            short_naming = cut;
        }
    }
    if (!cut_short.empty()) return cut_short;
    if (!short_naming.empty()) return short_naming;
    if (!lead.empty()) return lead;
    // A lead made of quotations too long to cut: a whole sentence that fits, one that names
    // the keyphrase first.
    for (const bool naming : {true, false})
        for (int i : order) {
            const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
            if (ends_sentence(s.text) && !opens_on_what_precedes(s) && !in_cut_quotation(s) && characters(french_typography(s.text)) <= kDescriptionMax &&
                (!naming || analysis::contains_all(kp, s.text)))
                return s.text;
        }
    return "";
}

namespace {

// Whether token `k` of `words` opens a sentence or a colon's side, where any word is
// capitalised for its place (« Sète : Les Républicains… »).
bool opens_sentence(std::string_view words, const std::vector<text::Token>& tokens, std::size_t k) {
    std::size_t before = k;
    while (before > 0 && tokens[before - 1].kind != text::TokenKind::Word && tokens[before - 1].kind != text::TokenKind::Number) --before;
    if (before == 0) return true;
    const std::string_view gap = words.substr(tokens[before - 1].end, tokens[k].begin - tokens[before - 1].end);
    return gap.find_first_of(".?!:") != std::string_view::npos || gap.find("…") != std::string_view::npos;
}

bool capitalised(std::string_view words, std::size_t from, std::size_t to) { return starts_upper(words.substr(from, to - from)); }

// « Le » in « Marine Le Pen », « agace Le Drian », « campus de La Doua »: an article or « de »
// capitalised inside a sentence and before a capitalised word is part of a name, which the
// slug keeps whole (« marine-le-pen », not « marine-pen »).
bool name_particle(std::string_view words, const std::vector<text::Token>& tokens, std::size_t k) {
    static const std::set<std::string, std::less<>> kParticles = {"le", "la", "les", "de", "du", "des"};
    const text::Token& t = tokens[k];
    if (!kParticles.contains(text::lowercase(words.substr(t.base, t.end - t.base))) || !capitalised(words, t.base, t.end) ||
        opens_sentence(words, tokens, k))
        return false;
    for (std::size_t next = k + 1; next < tokens.size(); ++next)
        if (tokens[next].kind == text::TokenKind::Word) return capitalised(words, tokens[next].begin, tokens[next].end);
    return false;
}

// « Jean D’Ormesson »: the elided « De » of a name, kept as « d ».
bool name_elision(std::string_view words, const std::vector<text::Token>& tokens, std::size_t k) {
    const text::Token& t = tokens[k];
    const std::string_view elision = words.substr(t.begin, t.base - t.begin);
    return (elision == "D'" || elision == "D\u2019") && capitalised(words, t.base, t.end) && !opens_sentence(words, tokens, k);
}

}  // namespace

std::string compose_slug(const std::string& keyphrase, const std::string& title) {
    std::string slug;
    std::set<std::string> used;
    // Signs inside a word become one hyphen, none at its ends (« J.K. » -> « j-k »).
    const auto slug_word = [](std::string_view base) {
        std::string w;
        for (char c : text::strip_accents(text::lowercase(base))) {
            if (std::isalnum(static_cast<unsigned char>(c))) w += c;
            else if (!w.empty() && w.back() != '-') w += '-';
        }
        while (w.ends_with('-')) w.pop_back();
        return w;
    };
    // False when the slug is full.
    const auto push = [&](const std::string& w) {
        if (slug.size() + w.size() + 1 > 60) return false;
        slug += (slug.empty() ? "" : "-") + w;
        return true;
    };
    auto add = [&](std::string_view words) {
        const std::vector<text::Token> tokens = text::tokenize(words);
        std::string particle;  // a name's article, which goes in with the name's next word
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const text::Token& t = tokens[k];
            if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
            const std::string_view base = words.substr(t.base, t.end - t.base);
            if (t.kind == text::TokenKind::Word && name_particle(words, tokens, k)) {
                particle = slug_word(base);
                continue;
            }
            if (name_elision(words, tokens, k)) particle = "d";
            // A negation stays: « Pénicaud assure ne pas être candidate » is not
            // « penicaud-assure-candidate ».
            static const std::set<std::string, std::less<>> kNegations = {"pas", "jamais", "non", "sans", "aucun", "aucune", "rien", "ni"};
            // One capitalised right after a word in small letters names something with the word
            // after it: « nouveau Premier ministre » is no « nouveau ministre ». After a colon
            // or a quotation mark it only opens a sentence (« : Les Républicains »).
            const bool named = k > 0 && starts_upper(base) && tokens[k - 1].kind == text::TokenKind::Word &&
                               !starts_upper(words.substr(tokens[k - 1].base)) && t.begin == tokens[k - 1].end + 1 && words[tokens[k - 1].end] == ' ';
            if (t.kind == text::TokenKind::Word && analysis::is_function_word(base) && !kNegations.contains(text::lowercase(base)) && !named) {
                particle.clear();
                continue;
            }
            // A word said twice goes in once, and its name's article with it.
            const std::string w = slug_word(base);
            if (!w.empty() && used.insert(w).second && !push(particle.empty() ? w : particle + "-" + w)) return;
            particle.clear();
        }
    };
    add(keyphrase);
    add(title);
    return slug;
}

}  // namespace plume::write
