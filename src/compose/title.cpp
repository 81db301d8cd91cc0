// Title, meta description and slug: what a search result shows of the article.
#include <algorithm>
#include <cctype>
#include <set>

#include "analyze/keyphrase.hpp"
#include "analyze/title_width.hpp"
#include "compose/compose.hpp"
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
std::string led_by_keyphrase(const std::string& text, const std::string& keyphrase) {
    thread_local std::pair<std::string, analysis::Keyphrase> kp;
    if (kp.first != keyphrase) kp = {keyphrase, analysis::make_keyphrase(keyphrase, MatchMode::French)};
    const std::string head = text.substr(0, std::min(text.size(), keyphrase.size() + 8));
    if (analysis::contains_all(kp.second, head)) return text;
    // Saying it twice, or a second colon, reads badly.
    if (analysis::contains_all(kp.second, text) || text.find(':') != std::string::npos) return "";
    return capitalise(keyphrase) + "\u00a0: " + lower_ordinary_first_word(text);
}

// A title and its shorter forms, cut where a clause ends ("... alors que ...", "... pour ...").
std::vector<std::string> title_forms(const std::string& title) {
    if (title.empty()) return {};
    std::vector<std::string> forms{title};
    // "Lyon : la ligne de tramway..." / "Tramway T11 : ouverture le...": each side of a
    // headline's colon may stand alone.
    if (const std::size_t colon = title.find(" : "); colon != std::string::npos) {
        forms.push_back(title.substr(0, colon));
        forms.push_back(capitalise(title.substr(colon + 3)));
    }
    for (std::string_view cut : {" alors que ", " afin de ", " pour ", ", ", " : ", " et "}) {
        const std::size_t at = title.find(cut);
        if (at != std::string::npos && text::count_words(title.substr(0, at)) >= 4) forms.push_back(title.substr(0, at));
    }
    return forms;
}

}  // namespace

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

std::string compose_title(const Story& story, const Plan& plan) {
    // The sources' own titles first: they are what the story is about, in a headline's words.
    std::vector<std::string> titles, headings;
    for (const CleanSource& s : story.sources)
        for (const std::string& form : title_forms(s.info.title)) titles.push_back(led_by_keyphrase(form, plan.keyphrase));
    for (const PlannedSection& s : plan.sections)
        if (!s.conclusion) headings.push_back(led_by_keyphrase(s.heading, plan.keyphrase));
    for (const auto* candidates : {&titles, &headings})
        if (std::string t = widest_fitting(*candidates); !t.empty()) return t;
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
        else consider(led_by_keyphrase(s.text, plan.keyphrase), s.position + 0.5);
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
