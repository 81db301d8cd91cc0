// Derived sections: facts of the sources restated in forms a reader scans (key points,
// key figures, questions and answers), for sources shorter than the target length. Every
// item is a whole sentence of a source that stands alone: a piece cut out of a sentence, or a
// sentence answering the one before it, tells a reader nothing out of its place.
#include <algorithm>
#include <set>

#include "compose/compose.hpp"
#include "fuse/fuse.hpp"
#include "plume/text.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinItemWords = 5;
// An item reads at a glance: no longer than the analyser's limit for a French sentence.
constexpr std::size_t kLongSentence = 20;
constexpr double kSameItem = 0.5;
constexpr std::size_t kMinItems = 2;  // items of a list, questions of the FAQ
constexpr std::size_t kMaxItems = 6;
constexpr std::size_t kMaxQuestions = 6;

// The sentence answers the one before it: a leaning opener (« Il », « C’est »), a transition
// (« En revanche »), or one after its first word (« Suivent ensuite »); or the conjunction
// « Et » or « Or », which the readability count does not list as transitions.
bool answers_the_one_before(const StorySentence& s) {
    if (s.leans || opens_with_transition(s.text) || s.key.starts_with("et ") || s.key.starts_with("or ")) return true;
    const std::size_t space = s.text.find(' ');
    return space != std::string::npos && opens_with_transition(s.text.substr(space + 1));
}

// A sentence that is a quotation and nothing else: its speaker is named in another sentence.
bool unattributed_quote(const std::string& text) {
    const bool opens = text.starts_with("\u00ab") || text.starts_with("\"");
    const std::size_t end = text.find_last_not_of(" .!?\u00a0\u202f");
    return opens && end != std::string::npos && end > 0 && (text[end] == '"' || text.compare(end - 1, 2, "\u00bb") == 0);
}

// « celle-ci », « ceux-ci »: a pronoun standing for a noun of the sentence before, wherever
// it comes (« La version de celle-ci porte sur… »).
bool refers_back(const StorySentence& s) {
    static const std::set<std::string, std::less<>> kPronouns = {"celui-ci", "celle-ci", "ceux-ci", "celles-ci"};
    return std::any_of(s.tokens.begin(), s.tokens.end(), [&](const text::Token& t) {
        return t.kind == text::TokenKind::Word && kPronouns.contains(text::lowercase(t.view(s.text)));
    });
}

// A whole sentence a reader understands out of its place: it ends as a sentence, holds
// whole quotations with their speaker, asks nothing, answers no sentence before it, names
// nothing of it and says nothing again (« Les femmes sont également… »).
bool stands_alone(const StorySentence& s) {
    return s.words >= kMinItemWords && s.words <= kLongSentence && ends_sentence(s.text) && !s.text.ends_with("?") &&
           quote_balance(s.text).balanced() && !unattributed_quote(s.text) && !answers_the_one_before(s) &&
           !says_it_again(s) && !refers_back(s);
}

bool holds_figure(const StorySentence& s) {
    return std::any_of(s.tokens.begin(), s.tokens.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Number; });
}

// Whether the sentence gives a quantity: a figure that is no date's nor time's (« le 21
// septembre », « les 6 et 7 septembre », « en 2016 », « 22h30 », « 5 h 30 »). A sentence
// that dates a fact is no key figure.
bool holds_quantity(const StorySentence& s) {
    static const std::set<std::string, std::less<>> kRange = {"et", "au", "ou", "-", ","};
    const auto& months = text::word_list("month_names");
    const auto word = [&](std::size_t n) { return n < s.tokens.size() ? text::lowercase(s.tokens[n].view(s.text)) : ""; };
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
        if (s.tokens[k].kind != text::TokenKind::Number) continue;
        const std::string_view figure = s.tokens[k].view(s.text);
        const bool year = figure.size() == 4 && (figure.starts_with("18") || figure.starts_with("19") || figure.starts_with("20"));
        const bool time = figure.find_first_of("h:") != std::string_view::npos || word(k + 1) == "h" || (k > 0 && word(k - 1) == "h");
        // A day before its month, alone or in a range (« les 6 et 7 septembre »).
        std::size_t j = k + 1;
        while (j < s.tokens.size() && (s.tokens[j].kind == text::TokenKind::Number || kRange.contains(word(j)))) ++j;
        if (!year && !time && !months.contains(word(j))) return true;
    }
    return false;
}

// A list item: capitalised, without the final period a sentence had, so that the items of
// a list end alike.
ArticleBlock item(std::string text, int source) {
    if (text.ends_with('.') && !text.ends_with("..")) text.pop_back();
    return {BlockKind::ListItem, 0, {{capitalise(std::move(text)), source}}, ""};
}

// Wordings the body does not use (the variants fused away, unless one repeats a kept
// sentence word for word), most informative first.
std::vector<const StorySentence*> fresh_variants(const Story& story) {
    std::set<std::string> body;
    for (const StorySentence& s : story.sentences) body.insert(s.key);
    std::vector<const StorySentence*> v;
    for (const StorySentence& s : story.variants)
        if (stands_alone(s) && body.insert(s.key).second) v.push_back(&s);
    std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->stems.size() > b->stems.size(); });
    return v;
}

// A list of whole sentences, none saying what another item says.
void add_item(Section& list, std::vector<const StorySentence*>& listed, const StorySentence& s) {
    if (list.blocks.size() == kMaxItems) return;
    for (const StorySentence* l : listed)
        if (l->key == s.key || sentence_similarity(l->stems, s.stems) >= kSameItem) return;
    listed.push_back(&s);
    list.blocks.push_back(item(s.text, s.source));
}

// Key points: the other sources' wordings of the story's facts that give no figure.
Section key_points(const std::vector<const StorySentence*>& variants) {
    Section s{SectionKind::KeyPoints, "L’essentiel", {}};
    std::vector<const StorySentence*> listed;
    for (const StorySentence* v : variants)
        if (!holds_figure(*v)) add_item(s, listed, *v);
    return s;
}

// Key figures: the sentences that give a figure, the other sources' wordings first, then the
// article's own.
Section key_figures(const std::vector<const StorySentence*>& variants, const std::vector<const StorySentence*>& planned) {
    Section s{SectionKind::KeyFigures, "Chiffres clés", {}};
    std::vector<const StorySentence*> listed;
    for (const StorySentence* v : variants)
        if (holds_quantity(*v)) add_item(s, listed, *v);
    for (const StorySentence* st : planned)
        if (holds_quantity(*st) && stands_alone(*st)) add_item(s, listed, *st);
    return s;
}

// The article's sentences in their order: the intro, then each section's.
std::vector<int> told(const Plan& plan) {
    std::vector<int> out = plan.intro;
    for (const PlannedSection& p : plan.sections) out.insert(out.end(), p.sentences.begin(), p.sentences.end());
    return out;
}

// A question of the sources, in their own words, not a speaker's.
bool source_question(const std::string& text) {
    return text.ends_with("?") && !text.starts_with("\u00ab") && !text.starts_with("\"") && quote_balance(text).balanced() &&
           text::words_at_most(text, kLongSentence);
}

// Questions the sources ask and answer: a source subheading that is a question, answered by the
// first sentence of its section, or a question of the text answered by the sentence after it in
// its paragraph. A question without its answer right after it is none.
Section questions(const Story& story, const Plan& plan) {
    Section s{SectionKind::Faq, "Questions fréquentes", {}};
    std::set<std::string> asked;
    const auto ask = [&](const std::string& question, const StorySentence& answer) {
        if (s.blocks.size() / 2 == kMaxQuestions || !stands_alone(answer) ||
            !asked.insert(words_key(question)).second)
            return;
        s.blocks.push_back({BlockKind::Heading, 3, {{question, -1}}, ""});
        s.blocks.push_back({BlockKind::Paragraph, 0, {{answer.text, answer.source}}, ""});
    };
    for (const PlannedSection& p : plan.sections)
        if (!p.sentences.empty() && source_question(p.heading))
            ask(p.heading, story.sentences[static_cast<std::size_t>(p.sentences.front())]);
    const std::vector<int> order = told(plan);
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
        const StorySentence& q = story.sentences[static_cast<std::size_t>(order[k])];
        const StorySentence& a = story.sentences[static_cast<std::size_t>(order[k + 1])];
        if (source_question(q.text) && a.source == q.source && a.block == q.block) ask(q.text, a);
    }
    return s;
}

}  // namespace

std::vector<Section> derived_sections(const Story& story, const Plan& plan) {
    const std::vector<const StorySentence*> variants = fresh_variants(story);
    std::vector<const StorySentence*> planned;
    for (int i : told(plan)) planned.push_back(&story.sentences[static_cast<std::size_t>(i)]);
    // A list of one item, or a single question, is no section: an editor would not publish it.
    std::vector<Section> out;
    for (Section s : {key_points(variants), key_figures(variants, planned)})
        if (s.blocks.size() >= kMinItems) out.push_back(std::move(s));
    if (Section faq = questions(story, plan); faq.blocks.size() >= 2 * kMinItems) out.push_back(std::move(faq));
    return out;
}

}  // namespace plume::write
