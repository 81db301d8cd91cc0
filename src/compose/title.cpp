// Title, meta description and slug: what a search result shows of the article.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyze/keyphrase.hpp"
#include "analyze/title_width.hpp"
#include "compose/compose.hpp"
#include "compose/typography.hpp"
#include "plume/text.hpp"
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
std::string led_by_keyphrase(const Story& story, const std::string& text, const std::string& keyphrase) {
    thread_local std::pair<std::string, analysis::Keyphrase> kp;
    if (kp.first != keyphrase) kp = {keyphrase, analysis::make_keyphrase(keyphrase, MatchMode::French)};
    const std::string head = text.substr(0, std::min(text.size(), keyphrase.size() + 8));
    if (analysis::contains_all(kp.second, head)) return text;
    // Saying it twice, or a second colon, reads badly.
    if (analysis::contains_all(kp.second, text) || text.find(':') != std::string::npos) return "";
    return capitalise(keyphrase) + "\u00a0: " + lower_common_first_word(story, text);
}

// A headline's shorter forms, cut where a clause ends ("... alors que ...", "... pour ...",
// "..., 15 stations"); never "entre A" cut from "entre A et B".
void add_cut_forms(const std::string& headline, std::vector<std::string>& forms) {
    for (std::string_view cut : {" alors que ", " afin de ", " pour ", ", ", " : ", " et "}) {
        const std::size_t at = headline.find(cut);
        if (at == std::string::npos || text::count_words(headline.substr(0, at)) < 4) continue;
        if (cut == " et " && headline.substr(0, at).find(" entre ") != std::string::npos) continue;
        forms.push_back(headline.substr(0, at));
    }
}

// A title and its shorter forms: each side of a headline's colon may stand alone ("Lyon :
// la ligne de tramway...", "Tramway T11 : ouverture le..."), whole or cut.
std::vector<std::string> title_forms(const std::string& headline) {
    if (headline.empty()) return {};
    const std::string title = accent_initial_a(headline);
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
    return forms;
}

}  // namespace

std::string lower_common_first_word(const Story& story, const std::string& text) {
    const std::string first = text.substr(0, text.find(' '));
    const std::string lower = text::lowercase(first);
    // Written so inside a sentence, or after an elision ("L’ouverture"); or never written
    // capitalised inside one (a name is).
    const auto written = [&](const std::string& form) {
        return std::any_of(story.sentences.begin(), story.sentences.end(), [&](const StorySentence& s) {
            for (std::size_t k = 0; k < s.tokens.size(); ++k)
                if ((k > 0 || s.tokens[k].base != s.tokens[k].begin) &&
                    s.text.compare(s.tokens[k].base, s.tokens[k].end - s.tokens[k].base, form) == 0)
                    return true;
            return false;
        });
    };
    const bool common = lower != first && (written(lower) || !written(first));
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
    // need no folding.
    AccentCheck(const Story& story, const std::vector<std::string>& headlines) {
        for (const std::string& h : headlines) each_word(words_key(h), [&](std::string_view w) {
            if (ascii(w)) asked_.emplace(w, Seen{});
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

std::string compose_title(const Story& story, const Plan& plan) {
    // The sources' own titles first: they are what the story is about, in a headline's words.
    std::vector<std::string> headlines;
    for (const CleanSource& s : story.sources) headlines.push_back(s.info.title);
    const AccentCheck accents(story, headlines);
    const analysis::Keyphrase kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::French);
    // The base's headline as its journalist wrote it, when it names the keyphrase and fits:
    // no rewording keeps its meaning better.
    if (const std::string& h = headlines[static_cast<std::size_t>(story.base)];
        !h.empty() && !accents.lacks_accents(h) && analysis::contains_all(kp, h) && analysis::title_width_px(h) <= kTitleMaxPx)
        return h;
    std::vector<std::string> titles, naming, headings;
    for (const CleanSource& s : story.sources) {
        if (accents.lacks_accents(s.info.title)) continue;
        for (const std::string& form : title_forms(s.info.title)) {
            titles.push_back(led_by_keyphrase(story, form, plan.keyphrase));
            if (analysis::contains_all(kp, form)) naming.push_back(form);
        }
    }
    for (const PlannedSection& s : plan.sections)
        if (!s.conclusion) headings.push_back(led_by_keyphrase(story, s.heading, plan.keyphrase));
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

std::string compose_description(const Story& story, const Plan& plan) {
    const analysis::Keyphrase kp = analysis::make_keyphrase(plan.keyphrase, MatchMode::Yoast);
    std::string best;
    double best_rank = 1e9;
    auto consider = [&](const std::string& s, double rank) {
        const std::size_t n = characters(s);
        if (n < kDescriptionMin || n > kDescriptionMax || rank >= best_rank) return;
        best = s;
        best_rank = rank;
    };
    // Earlier in the story is closer to the lead; a sentence that names the keyphrase
    // itself reads better than one prefixed with it.
    const std::size_t prefix = characters(plan.keyphrase) + 3;  // "Keyphrase : "
    for (const StorySentence& s : story.sentences) {
        const std::size_t n = characters(s.text);
        if (s.list_item || !s.text.ends_with('.') || n > kDescriptionMax || n + prefix < kDescriptionMin) continue;
        if (s.position >= best_rank) continue;  // it would rank no better, prefixed or not
        if (analysis::contains_all(kp, s.text)) consider(s.text, s.position);
        else if (n + prefix <= kDescriptionMax && s.position + 0.5 < best_rank)  // else the led form would not do
            consider(led_by_keyphrase(story, s.text, plan.keyphrase), s.position + 0.5);
    }
    return best;
}

std::string compose_slug(const std::string& keyphrase, const std::string& title) {
    std::string slug;
    std::set<std::string> used;
    auto add = [&](std::string_view words) {
        for (const text::Token& t : text::tokenize(words)) {
            if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
            const std::string base(words.substr(t.base, t.end - t.base));
            if (analysis::is_function_word(base) && t.kind == text::TokenKind::Word) continue;
            std::string w;
            for (char c : text::strip_accents(text::lowercase(base)))
                w += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
            if (w.empty() || !used.insert(w).second) continue;
            if (slug.size() + w.size() + 1 > 60) return;
            slug += (slug.empty() ? "" : "-") + w;
        }
    };
    add(keyphrase);
    add(title);
    return slug;
}

}  // namespace plume::write
