// Derived sections: facts of the sources restated in forms a reader scans (key points,
// key figures, questions and answers), for sources shorter than the target length. They
// never hold a fact that is not in a source, and never repeat a body sentence whole.
#include <algorithm>
#include <set>

#include "analyze/keyphrase.hpp"
#include "compose/compose.hpp"
#include "fuse/fuse.hpp"
#include "plan/noun_phrase.hpp"
#include "plume/text.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kMinClauseWords = 5;
constexpr std::size_t kMaxClauseWords = 18;
constexpr std::size_t kLongSentence = 20;  // the analyser's limit for French sentences
constexpr double kSameKeyPoint = 0.5;
constexpr std::size_t kMinItems = 2;  // items of a list, questions of the FAQ
constexpr std::size_t kMaxItems = 6;
constexpr std::size_t kMaxQuestions = 6;

bool digit_at(const std::string& s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// A comma, semicolon or colon that ends a clause: not the decimal comma of "29,8".
bool clause_mark(const std::string& s, std::size_t i) {
    return std::string_view(",;:").find(s[i]) != std::string_view::npos && !(i > 0 && digit_at(s, i - 1) && digit_at(s, i + 1));
}

// The clause of `s` around byte `at`, trimmed.
std::string clause_around(const std::string& s, std::size_t at) {
    std::size_t b = std::min(at, s.size());
    while (b > 0 && !clause_mark(s, b - 1)) --b;
    std::size_t e = std::min(at, s.size());
    while (e < s.size() && !clause_mark(s, e)) ++e;
    std::string c = s.substr(b, e - b);
    while (!c.empty() && (c.back() == '.' || c.back() == ' ')) c.pop_back();
    c.erase(0, c.find_first_not_of(' '));
    return c;
}

// A clause cut out of a quotation would misquote its speaker.
bool cuts_quote(const std::string& clause) { return !quote_balance(clause).balanced(); }

// A list item opens like a noun phrase or a sentence: a determiner, a preposition of
// time, place or quantity, a name or a figure; never a conjunction or a verb left over from
// the cut ("et environ...", "enregistre ainsi..."), nor a preposition that needs the
// sentence it was cut from ("Selon les chiffres publiés...", "Contre 35 millions...").
bool opens_an_item(const std::string& clause) {
    static const std::set<std::string, std::less<>> kOpeners = {
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "ce", "cette", "ces", "son", "sa",
        "ses", "leur", "leurs", "dès", "en", "à", "au", "aux", "près", "jusqu’à", "jusqu'à", "environ", "plus"};
    const std::vector<text::Token> tokens = text::tokenize(clause);
    if (tokens.empty()) return false;
    const text::Token& t = tokens.front();
    if (t.kind == text::TokenKind::Number) return true;
    if (t.kind != text::TokenKind::Word) return false;
    const std::string first = text::lowercase(clause.substr(t.begin, t.base > t.begin ? t.base - t.begin : t.end - t.begin));
    if (kOpeners.contains(first)) return true;
    const std::string word(t.view(clause));
    return text::lowercase(word) != word;  // a name: a capital, whatever its bytes
}

// The first comma of a sentence goes on with a list ("avec OpenAI, des fabricants de puces
// et des investisseurs"): the words before it are only the list's first item.
bool lists_on(const std::string& sentence) {
    const std::size_t comma = sentence.find(", ");
    const std::size_t next = sentence.find_first_of(",;:", comma + 2);
    const std::string_view after = std::string_view(sentence).substr(comma + 2, next == std::string::npos ? std::string::npos : next - comma - 2);
    return after.find(" et ") != std::string_view::npos || after.find(" ou ") != std::string_view::npos;
}

// Words cut from a sentence that say something whole: a clause opening like a list item,
// with its verb, ending on a word that ends a phrase ("Le projet n'est pas", cut before ",
// selon lui, viable", does not), no piece of a quotation.
bool whole_clause(const std::string& clause) {
    if (cuts_quote(clause) || !opens_an_item(clause) || !has_finite_verb(clause)) return false;
    const std::vector<text::Token> tokens = text::tokenize(clause);
    const auto last = std::find_if(tokens.rbegin(), tokens.rend(), [](const text::Token& t) {
        return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number;
    });
    if (last == tokens.rend() || last->kind == text::TokenKind::Number) return last != tokens.rend();
    const std::string word = text::lowercase(clause.substr(last->base, last->end - last->base));
    return !analysis::is_function_word(word) && !verb_like(word);
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
        if (s.words >= kMinClauseWords && !s.leans && body.insert(s.key).second) v.push_back(&s);
    std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->stems.size() > b->stems.size(); });
    return v;
}

Section key_points(const Story& story, const Plan& plan, std::vector<const StorySentence*> variants,
                   std::set<std::string>& said) {
    Section s{SectionKind::KeyPoints, "L’essentiel", {}};
    std::vector<const StorySentence*> listed;
    for (const StorySentence* v : variants) {
        if (s.blocks.size() == kMaxItems) break;
        // Two variants of one fact (two sources' rewordings) make one key point.
        const bool told = std::any_of(listed.begin(), listed.end(), [&](const StorySentence* l) {
            return sentence_similarity(l->stems, v->stems) >= kSameKeyPoint;
        });
        if (told || !said.insert(v->key).second) continue;
        // A key point reads at a glance: a long wording gives its main clause.
        const std::string point = v->words <= kLongSentence ? v->text : clause_around(v->text, 0);
        const std::size_t n = text::count_words(point);
        if (point != v->text && (n < kMinClauseWords || n > kLongSentence || !whole_clause(point) ||
                                 !said.insert(words_key(point)).second))
            continue;
        listed.push_back(v);
        s.blocks.push_back(item(point, v->source));
    }
    // Without other wordings, the main clause of the article's sentences, in their order:
    // the words before the first comma when they make a whole clause of their own.
    std::vector<int> told = plan.intro;
    for (const PlannedSection& p : plan.sections) told.insert(told.end(), p.sentences.begin(), p.sentences.end());
    for (int i : told) {
        if (s.blocks.size() >= kMaxItems) break;
        const StorySentence& st = story.sentences[static_cast<std::size_t>(i)];
        if (st.leans || st.text.find(", ") == std::string::npos || lists_on(st.text)) continue;
        const std::string clause = clause_around(st.text, 0);
        const std::size_t n = text::count_words(clause);
        if (n >= kMinClauseWords && n <= kLongSentence && whole_clause(clause) && said.insert(words_key(clause)).second)
            s.blocks.push_back(item(clause, st.source));
    }
    return s;
}

// A figure in the words around it: its clause, short enough to scan, said nowhere else in
// the derived sections.
Section key_figures(const Story& story, std::set<std::string>& said) {
    Section s{SectionKind::KeyFigures, "Chiffres clés", {}};
    std::set<std::string> figures;
    for (const StorySentence& st : story.sentences) {
        for (const text::Token& t : st.tokens) {
            if (t.kind != text::TokenKind::Number || s.blocks.size() == kMaxItems) continue;
            const std::string clause = clause_around(st.text, t.begin);
            const std::size_t n = text::count_words(clause);
            if (n < kMinClauseWords || n > kMaxClauseWords || cuts_quote(clause) || !opens_an_item(clause) ||
                words_key(clause) == words_key(st.text))
                continue;
            if (!figures.insert(std::string(t.view(st.text))).second || !said.insert(words_key(clause)).second) continue;
            s.blocks.push_back(item(clause, st.source));
        }
    }
    return s;
}

// A question on a section heading (a noun phrase): "Que sait-on de la récolte ?". The
// openings take turns, so consecutive questions do not start alike.
// The section heading as the object of a question: without a "Keyphrase : " lead, its first
// word lowercased when the story writes it lowercase (a common noun, not a name).
std::string question_object(const Story& story, const Plan& plan, std::string heading) {
    const std::string lead = capitalise(plan.keyphrase) + "\u00a0: ";
    if (heading.starts_with(lead)) heading = heading.substr(lead.size());
    return lower_common_first_word(story, heading);
}

std::string question_about(const std::string& object, std::size_t turn) {
    static constexpr std::string_view kOpenings[] = {"Que sait-on", "Qu’en est-il", "Que retenir"};
    const std::string_view opening = kOpenings[turn % std::size(kOpenings)];
    const std::string& h = object;
    for (auto [from, to] : {std::pair{"les ", "des "}, {"le ", "du "}, {"la ", "de la "}, {"l’", "de l’"}, {"l'", "de l’"},
                            {"des ", "des "}, {"du ", "du "}, {"un ", "d’un "}, {"une ", "d’une "}})
        if (h.starts_with(from))
            return std::string(opening) + " " + std::string(to) + h.substr(std::string_view(from).size()) + "\u00a0?";
    const bool vowel = !h.empty() && std::string_view("aeiouyAEIOUYÉé").find(h[0]) != std::string_view::npos;
    return std::string(opening) + (vowel ? " d’" : " de ") + h + "\u00a0?";
}

// Questions on the body sections, each answered by the other sources' wording of the
// section's facts that resembles the section most.
// Takes the variants it uses out of `variants`.
Section questions(const Story& story, const Plan& plan, std::vector<const StorySentence*>& variants) {
    Section s{SectionKind::Faq, "Questions fréquentes", {}};
    std::vector<std::vector<std::string>> answers;  // the variants' distinct stems, in step with `variants`
    for (const StorySentence* v : variants) answers.push_back(distinct_stems(v->stems));
    for (const PlannedSection& p : plan.sections) {
        if (s.blocks.size() / 2 == kMaxQuestions) continue;
        std::size_t best = variants.size();
        double best_sim = 0;
        std::vector<std::vector<std::string>> told;
        for (int i : p.sentences) told.push_back(distinct_stems(story.sentences[static_cast<std::size_t>(i)].stems));
        for (std::size_t v = 0; v < variants.size(); ++v)
            for (const auto& t : told)
                if (const double sim = distinct_similarity(answers[v], t); sim > best_sim) best_sim = sim, best = v;
        if (best == variants.size()) continue;
        const StorySentence* answer = variants[best];
        variants.erase(variants.begin() + static_cast<std::ptrdiff_t>(best));
        answers.erase(answers.begin() + static_cast<std::ptrdiff_t>(best));
        s.blocks.push_back({BlockKind::Heading, 3, {{question_about(question_object(story, plan, p.heading), s.blocks.size() / 2), -1}}, ""});
        s.blocks.push_back({BlockKind::Paragraph, 0, {{answer->text, answer->source}}, ""});
    }
    return s;
}

}  // namespace

std::vector<Section> derived_sections(const Story& story, const Plan& plan) {
    // Answers take the variants closest to each section first; key points get the rest.
    std::vector<const StorySentence*> variants = fresh_variants(story);
    Section faq = questions(story, plan, variants);
    std::set<std::string> said;
    Section points = key_points(story, plan, variants, said);
    Section figures = key_figures(story, said);
    // A list of one item, or a single question, is no section: an editor would not publish it.
    std::vector<Section> out;
    for (Section s : {std::move(points), std::move(figures)})
        if (s.blocks.size() >= kMinItems) out.push_back(std::move(s));
    if (faq.blocks.size() >= 2 * kMinItems) out.push_back(std::move(faq));
    return out;
}

}  // namespace plume::write
