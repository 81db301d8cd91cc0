// Planning the article by editing the story, not reassembling it: every usable sentence
// stays, in the story's order (the base source's, with the others' additions after the
// paragraph they relate to); the lead opens the article, the base's last paragraph closes
// it, and subheadings fall where the topic shifts.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "analyze/keyphrase.hpp"
#include "plan/noun_phrase.hpp"
#include "write/text_case.hpp"
#include "plan/plan.hpp"
#include "plume/text.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kSectionMaxWords = 280;  // the 300 for an H2 section, less room for connectives
constexpr std::size_t kMinSectionWords = 60;   // less is a paragraph, not a section
constexpr std::size_t kTwoSectionsWords = 300;  // from this length on, an article has two sections at least
constexpr std::size_t kIntroWords = 70;
constexpr std::size_t kIntroMaxWords = 100;  // with the sentences leaning on the lead
constexpr std::size_t kIntroMinWords = 40;   // left when the lead ends before what holds to it
constexpr std::size_t kIntroMergeMaxWords = 150;  // one paragraph at most: with a section too short to head, or what holds to its end
constexpr std::size_t kConclusionWords = 60;
constexpr std::size_t kConclusionMaxWords = 120;
constexpr std::size_t kSubheadingWords = 10;
// TextTiling: the words of this many sentences on each side of a gap tell how much the
// two sides share.
constexpr std::size_t kWindow = 3;
// A break the source made (a new paragraph, another source) is where a section may start
// rather than inside a paragraph.
constexpr double kParagraphBreak = 0.15;
// Halves of similar size are preferred: a cohesion dip at the very edge makes a tiny section.
constexpr double kBalance = 0.3;
// A sentence saying again what the one before told (« Face à ces doutes », « également ») may
// open a section when no other gap can, as it would read cut from what it points at.
constexpr double kSaysAgain = 0.5;

std::size_t words_of(const Story& story, const std::vector<int>& ids) {
    std::size_t n = 0;
    for (int i : ids) n += story.sentences[static_cast<std::size_t>(i)].words;
    return n;
}

const StorySentence& at(const Story& story, int i) { return story.sentences[static_cast<std::size_t>(i)]; }

// « Fallait-il », « Peut-on », « Est-ce »: a verb before its subject pronoun, as a question
// sets it.
bool inverted_verb(std::string_view w) {
    for (std::string_view p : {"-il", "-elle", "-on", "-ils", "-elles", "-ce", "-je", "-tu", "-nous", "-vous"})
        if (w.size() > p.size() + 1 && w.ends_with(p)) return true;
    return false;
}

// A headline, caption or credit left in a paragraph has no final punctuation; a list
// item need not have one (the composer adds it).
// A short line with no verb, even with a period, is a source's subheading.
bool verbless_line(const StorySentence& s) {
    std::size_t words = 0;
    for (const text::Token& t : s.tokens) {
        if (t.kind != text::TokenKind::Word) continue;
        ++words;
        const std::string w = text::lowercase(t.view(s.text));
        if (inverted_verb(w)) return false;
        if (verb_like(w) || text::word_list("passive_auxiliaries").contains(w) || analysis::is_function_word(w)) {
            if (!noun_phrase_word(w)) return false;
        }
    }
    return words <= kSubheadingWords;
}

// "Voici l'essentiel à retenir...", "On fait le point sur...": the source speaking of
// itself (data/fr/meta_openers.txt), which another article cannot say.
bool speaks_of_itself(const StorySentence& s) {
    static const auto& openers = text::word_list("meta_openers");
    constexpr int kLongestOpener = 5;  // words
    std::size_t end = 0;
    for (int n = 0; n < kLongestOpener && end != std::string::npos; ++n) {
        end = s.key.find(' ', end + 1);
        if (openers.contains(s.key.substr(0, end))) return true;
    }
    return false;
}

// Paragraphs holding more than one story sentence, as (source, block).
std::set<std::pair<int, int>> prose_blocks(const Story& story) {
    std::set<std::pair<int, int>> seen, out;
    for (const StorySentence& s : story.sentences)
        if (!seen.insert({s.source, s.block}).second) out.insert({s.source, s.block});
    return out;
}

// Why a story sentence cannot stand in the article; empty when it can. A line without
// final punctuation is a headline, a caption or a teaser the page left in the text.
std::string unusable(const Story& story, const std::set<std::pair<int, int>>& prose, const StorySentence& s) {
    if (speaks_of_itself(s)) return "source speaking of itself";
    // « 2. », a list's number whose item the cleaning took as a page's headline: no word.
    if (std::none_of(s.tokens.begin(), s.tokens.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Word; }))
        return "no word";
    // "C'est le point le plus discuté" under « Et le coût ? »: only the base's subheadings
    // head the article's sections. The base's first sentence leans on its headline, which
    // the article's title carries.
    if (s.leans && s.leans_on < 0 && s.source != story.base) return "leans on what the article does not say";
    if (s.list_item || s.opens_list) return {};
    // A short verbless sentence ending a clause inside a paragraph is the journalist's
    // (« Homards et champagne. », « La propagation du coronavirus continue. »: the verb
    // list misses verbs); alone on its line it is a subheading or a caption.
    if (verbless_line(s) && !(ends_sentence(s.text) && prose.contains({s.source, s.block}))) return "headline or caption";
    if (!ends_sentence(s.text)) return "line without final punctuation";
    return {};
}

// Which story sentences hold the keyphrase, computed once per plan.
// A sentence's content stems are the keyphrase's French match forms (accent-free
// Snowball stems after elision), so matching needs no second pass over its words.
std::vector<bool> mentions_of(const Story& story, const analysis::Keyphrase& kp) {
    std::vector<bool> out;
    for (const StorySentence& s : story.sentences)
        out.push_back(!kp.empty() && std::all_of(kp.words.begin(), kp.words.end(), [&](const analysis::KeyWord& w) {
            return std::any_of(s.stems.begin(), s.stems.end(),
                               [&](const std::string& st) { return analysis::matches(w, st, MatchMode::French); });
        }));
    return out;
}

bool has_figure(const StorySentence& s) {
    return std::any_of(s.stems.begin(), s.stems.end(), [](const std::string& st) { return !st.empty() && st[0] >= '0' && st[0] <= '9'; });
}

// The figures a sentence states, each as its digits and the word after them: « 7 000
// milliards », « 7000 milliards » and « 7.000 milliards » are one figure however a source
// typeset it. A year alone is a date, not a figure.
std::vector<std::string> figures_of(const StorySentence& s) {
    constexpr int kFirstYear = 1800, kLastYear = 2100;
    std::vector<std::string> out;
    for (std::size_t k = 0; k + 1 < s.tokens.size(); ++k) {
        if (s.tokens[k].kind != text::TokenKind::Number || s.tokens[k + 1].kind != text::TokenKind::Word) continue;
        std::string digits;
        for (char c : s.tokens[k].view(s.text))
            if (c >= '0' && c <= '9') digits += c;
            else if (c == ',') digits += c;  // a decimal comma is part of the value
        const bool grouped = digits.size() != s.tokens[k].view(s.text).size();
        if (!grouped && digits.size() == 4 && std::stoi(digits) >= kFirstYear && std::stoi(digits) <= kLastYear) continue;
        out.push_back(digits + ' ' + text::lowercase(s.tokens[k + 1].view(s.text)));
    }
    return out;
}

// Which story sentences state a figure another source states too, in the same words or
// not: two sources telling one figure in sentences that do not fuse agree on it all the same.
std::vector<bool> shared_figures(const Story& story) {
    std::map<std::string, std::set<int>> tellers;
    for (const StorySentence& s : story.sentences)
        for (std::string& f : figures_of(s)) tellers[std::move(f)].insert(s.source);
    std::vector<bool> out;
    for (const StorySentence& s : story.sentences) {
        const auto figures = figures_of(s);
        out.push_back((s.support >= 2 && has_figure(s)) ||
                      std::any_of(figures.begin(), figures.end(), [&](const std::string& f) { return tellers[f].size() >= 2; }));
    }
    return out;
}

// Whether `s` goes on from the sentence before it, whichever it is: it leans on it (a
// pronoun), answers it, goes on with a quotation it opened or names the speaker of the one
// before (a speaker's words are not cut by a heading, from each other nor from their name).
bool goes_on(const StorySentence& s) { return s.leans || s.answers || s.quoted || s.names_speaker || s.in_list; }

// Whether `s` holds to `before`, the sentence the article gives before it: it goes on from
// it or follows a question, which it answers (« …saura-t-il transformer l’essai ? » | « Pour
// s’en assurer… »). No section, introduction or ending separates the two.
bool holds_to(const StorySentence& before, const StorySentence& s) { return goes_on(s) || before.text.ends_with('?'); }

// « Son objectif ? », « Pourquoi ? »: a question of a few words outside a quotation, which
// the next sentence answers.
constexpr std::size_t kShortQuestionWords = 4;
bool short_question(const StorySentence& s) { return s.text.ends_with('?') && !s.quoted && s.words <= kShortQuestionWords; }

// The story's lead: the first paragraph of the base, at most its first sentences when the
// page lost its paragraph breaks, and the sentences leaning on them or answering them (a
// lead's question is often rhetorical: what follows it may open the body).
std::vector<int> take_lead(const Story& story, std::vector<int>& body) {
    std::size_t n = 0, words = 0;
    while (n < body.size()) {
        const StorySentence& s = at(story, body[n]);
        const bool same_paragraph = n == 0 || (s.source == at(story, body[0]).source && s.block == at(story, body[0]).block);
        const bool fits = n == 0 || (same_paragraph && words + s.words <= kIntroWords) ||
                          ((goes_on(s) || says_it_again(s)) && words + s.words <= kIntroMaxWords);
        if (!fits) break;
        words += s.words;
        ++n;
    }
    // A question of a few words (« Son objectif ? ») is no rhetorical one: its answer follows.
    if (n > 0 && n < body.size() && short_question(at(story, body[n - 1])) && words + at(story, body[n]).words <= kIntroMaxWords)
        words += at(story, body[n++]).words;
    // A quotation whose speaker the next sentence names, too long to join, opens the body.
    if (n > 1 && n < body.size() && at(story, body[n]).names_speaker) words -= at(story, body[--n]).words;
    // A sentence holding to the lead's last one, too long to join it (« Ce dernier a
    // toujours affirmé… »), is not cut from it by the first subheading: the lead ends at the
    // last sentence before them that the next does not hold to, when it keeps a lead's words.
    std::size_t end = n, kept = words;
    while (end > 1 && end < body.size() && holds_to(at(story, body[end - 1]), at(story, body[end])))
        kept -= at(story, body[--end]).words;
    if (kept >= kIntroMinWords && (end == n || !holds_to(at(story, body[end - 1]), at(story, body[end])))) {
        n = end;
    } else if (n > 0) {
        // Ended earlier, the lead would keep too few words: it takes the whole run holding to
        // its last sentence (« Et de renchérir : … »), when all of it fits one paragraph.
        std::size_t run = n, extra = 0;
        while (run < body.size() && holds_to(at(story, body[run - 1]), at(story, body[run]))) extra += at(story, body[run++]).words;
        if (words + extra <= kIntroMergeMaxWords) n = run;
    }
    std::vector<int> lead(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(n));
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(n));
    return lead;
}

// With several sources, the intro states first a figure they agree on (« 7 000 milliards
// de dollars », told by two): the earliest such sentence joins the lead, with the sentences
// leaning on it, unless the body opens on a sentence holding to the lead. The move is listed.
void bring_shared_figure(const Story& story, std::vector<int>& intro, std::vector<int>& body, std::vector<Removal>& moves) {
    const std::vector<bool> figures = shared_figures(story);
    const auto shared = [&](int i) { return figures[static_cast<std::size_t>(i)]; };
    if (story.sources.size() < 2 || std::any_of(intro.begin(), intro.end(), shared)) return;
    // The body opening on a sentence leaning on the lead or answering it (« …, a-t-il
    // ajouté. ») would follow the moved sentence instead, and be read as its speaker's.
    if (!body.empty() && (at(story, body.front()).leans || at(story, body.front()).answers)) return;
    const auto it = std::find_if(body.begin(), body.end(), [&](int i) { return shared(i) && !at(story, i).leans; });
    if (it == body.end()) return;
    std::vector<int> moved{*it};
    for (auto next = it + 1; next != body.end() && at(story, *next).leans && at(story, *next).leans_on == moved.back(); ++next)
        moved.push_back(*next);
    for (int i : moved) {
        moves.push_back({at(story, i).source, RemovalReason::Moved, "fact several sources tell, moved into the introduction", at(story, i).text});
        std::erase(body, i);
    }
    intro.insert(intro.end(), moved.begin(), moved.end());
}

// The base source's last paragraph (its last sentences, 60 to 120 words, when the page
// lost its breaks), with the paragraph before when it is too short to close the article
// alone (« X n'a pas répondu… »); never opening on a sentence that leans on the one
// before. Additions of other sources told after it stay in the body, before the ending.
// Empty when the body is too short to spare it.
std::vector<int> take_ending(const Story& story, std::vector<int>& body) {
    auto last = std::find_if(body.rbegin(), body.rend(), [&](int i) { return at(story, i).source == story.base; });
    if (last == body.rend()) return {};
    const StorySentence& end = at(story, *last);
    std::vector<int> out;
    std::size_t words = 0;
    // Whether the ending may open on body[i]: not on a sentence holding to the one before.
    const auto may_open_at = [&](int i) {
        const auto pos = std::find(body.begin(), body.end(), i);
        return pos == body.begin() || !holds_to(at(story, *(pos - 1)), at(story, i));
    };
    for (auto it = last; it != body.rend(); ++it) {
        const StorySentence& s = at(story, *it);
        if (s.source != story.base) continue;
        const bool opens = !out.empty() && may_open_at(out.front());
        const bool new_paragraph = !out.empty() && s.block != at(story, out.front()).block;
        if (s.heading != end.heading || (opens && words >= kConclusionWords && (new_paragraph || s.block == end.block))) break;
        if (words + s.words > kConclusionMaxWords) {
            // A paragraph before the last that does not fit whole stays in the body.
            if (s.block != end.block) std::erase_if(out, [&](int i) { return at(story, i).block == s.block; });
            words = words_of(story, out);
            break;
        }
        out.insert(out.begin(), *it);
        words += s.words;
    }
    while (!out.empty() && !may_open_at(out.front())) out.erase(out.begin());
    if (out.empty()) return {};
    // Under a subheading of the source, the ending leaves that section a section's worth of
    // words, or the heading would stand over a paragraph and the rest of its section go
    // under another: the source's section, whole, ends the article instead.
    if (!end.heading.empty()) {
        auto first = std::find(body.begin(), body.end(), out.front());
        std::size_t left = 0;
        for (auto it = first; it != body.begin() && at(story, *(it - 1)).source == story.base &&
                              at(story, *(it - 1)).heading == end.heading;)
            left += at(story, *--it).words, first = it;
        if (left > 0 && left < kMinSectionWords) out.insert(out.begin(), first, std::find(body.begin(), body.end(), out.front()));
    }
    if (words_of(story, body) < words_of(story, out) + kMinSectionWords) return {};
    std::erase_if(body, [&](int i) { return std::find(out.begin(), out.end(), i) != out.end(); });
    return out;
}

// Where a new section may open before ids[k]: never on a sentence holding to the one
// before; always where the base source opens a subheading (the additions of other sources
// follow the base's structure, not their own).
bool may_open(const Story& story, const std::vector<int>& ids, std::size_t k) {
    return !holds_to(at(story, ids[k - 1]), at(story, ids[k]));
}
bool opens_heading(const Story& story, const std::vector<int>& ids, std::size_t k) {
    const StorySentence& s = at(story, ids[k]);
    if (s.heading.empty() || s.source != story.base) return false;
    for (std::size_t j = k; j-- > 0;)
        if (at(story, ids[j]).source == s.source) return at(story, ids[j]).heading != s.heading;
    return true;
}

// How much the sentences on each side of the gap before ids[k] share: the cosine of their
// stem counts over kWindow sentences each (TextTiling).
double cohesion(const Story& story, const std::vector<int>& ids, std::size_t k) {
    std::vector<std::string_view> left, right;
    for (std::size_t j = k >= kWindow ? k - kWindow : 0; j < k; ++j)
        left.insert(left.end(), at(story, ids[j]).stems.begin(), at(story, ids[j]).stems.end());
    for (std::size_t j = k; j < ids.size() && j < k + kWindow; ++j)
        right.insert(right.end(), at(story, ids[j]).stems.begin(), at(story, ids[j]).stems.end());
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    double dot = 0, nl = 0, nr = 0;
    auto count = [](const std::vector<std::string_view>& v, std::size_t& i) {
        std::size_t j = i;
        while (j < v.size() && v[j] == v[i]) ++j;
        const double c = static_cast<double>(j - i);
        i = j;
        return c;
    };
    for (std::size_t i = 0; i < left.size();) nl += std::pow(count(left, i), 2);
    for (std::size_t i = 0; i < right.size();) nr += std::pow(count(right, i), 2);
    for (std::size_t i = 0, j = 0; i < left.size() && j < right.size();) {
        if (left[i] < right[j]) count(left, i);
        else if (right[j] < left[i]) count(right, j);
        else dot += count(left, i) * count(right, j);
    }
    double c = nl > 0 && nr > 0 ? dot / std::sqrt(nl * nr) : 0;
    const StorySentence& a = at(story, ids[k - 1]);
    const StorySentence& b = at(story, ids[k]);
    if (a.source != b.source || a.block != b.block) c -= kParagraphBreak;
    return c;
}

// The body cut into sections: at every subheading of the source, then, while a part runs
// over the section size, at its gap of least cohesion that leaves both sides a section.
// Each gap's cohesion and whether a subheading opens there are read once, over the whole
// body, as TextTiling scores the gaps of a text.
class Segmenter {
public:
    Segmenter(const Story& story, const std::vector<int>& body) : story_(story), body_(body), gap_(body.size(), 0), opens_(body.size(), false) {
        for (std::size_t k = 1; k < body.size(); ++k) {
            opens_[k] = opens_heading(story, body, k);
            if (may_open(story, body, k)) gap_[k] = cohesion(story, body, k) + (says_it_again(at(story, body[k])) ? kSaysAgain : 0);
        }
    }

    // Sections of body[b, e), appended to `out`.
    void cut(std::size_t b, std::size_t e, std::vector<std::vector<int>>& out) const {
        if (b >= e) return;
        for (std::size_t k = b + 1; k < e; ++k)
            if (opens_[k]) {
                cut(b, k, out);
                cut(k, e, out);
                return;
            }
        if (const std::size_t k = weakest_gap(b, e); k != 0) {
            cut(b, k, out);
            cut(k, e, out);
            return;
        }
        out.emplace_back(body_.begin() + static_cast<std::ptrdiff_t>(b), body_.begin() + static_cast<std::ptrdiff_t>(e));
    }

    // Where to cut body[b, e) in two though it fits one section: its weakest gap that leaves
    // both sides a section, or 0.
    std::size_t halve(std::size_t b, std::size_t e) const { return weakest_gap(b, e, 0); }

private:
    // The gap to cut body[b, e) at, or 0 when it fits a section of `fits` words or has no gap
    // leaving both sides a section.
    std::size_t weakest_gap(std::size_t b, std::size_t e, std::size_t fits = kSectionMaxWords) const {
        std::size_t total = 0;
        for (std::size_t k = b; k < e; ++k) total += at(story_, body_[k]).words;
        if (total <= fits) return 0;
        std::size_t best = 0, left = 0;
        double best_score = 0;
        for (std::size_t k = b + 1; k < e; ++k) {
            left += at(story_, body_[k - 1]).words;
            if (left < kMinSectionWords || total - left < kMinSectionWords || !may_open(story_, body_, k)) continue;
            const double balance = std::abs(static_cast<double>(2 * left) - static_cast<double>(total)) / static_cast<double>(total);
            const double score = gap_[k] + kBalance * balance;
            if (best == 0 || score < best_score) best = k, best_score = score;
        }
        return best;
    }

    const Story& story_;
    const std::vector<int>& body_;
    std::vector<double> gap_;  // cohesion across the gap before body[k]
    std::vector<bool> opens_;  // the base opens a subheading at body[k]
};

bool heading_mentions(const std::string& heading, const std::vector<analysis::Keyphrase>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const analysis::Keyphrase& k) { return analysis::contains_all(k, heading); });
}

// A section whose sentences hold no noun phrase to head it joins the section (or the
// intro) before it when both fit under one subheading; else it is headed by the keyphrase, once (a heading
// that names none of its section's words: « Ligne de tramway » over the opening's
// festivities), and after that it joins the section before it anyway.
void name_or_merge_untitled(const Story& story, Plan& plan, const TakenHeadings& taken) {
    const std::string keyphrase = capitalise(plan.keyphrase);
    bool keyphrase_used = taken.has(keyphrase);
    for (std::size_t k = 0; k < plan.sections.size(); ++k) {
        PlannedSection& s = plan.sections[k];
        if (!s.heading.empty()) continue;
        std::vector<int>& before = k > 0 ? plan.sections[k - 1].sentences : plan.intro;
        const std::size_t room = k > 0 ? kSectionMaxWords : kIntroMergeMaxWords;
        const bool fits = !s.conclusion && words_of(story, before) + words_of(story, s.sentences) <= room;
        if (!fits && !keyphrase_used && !keyphrase.empty()) {
            s.heading = keyphrase;
            keyphrase_used = true;
            continue;
        }
        if (!fits && k == 0) continue;
        before.insert(before.end(), s.sentences.begin(), s.sentences.end());
        if (k > 0 && s.conclusion) plan.sections[k - 1].conclusion = true;
        plan.sections.erase(plan.sections.begin() + static_cast<std::ptrdiff_t>(k--));
    }
}

// « Gigafactory d'Aurelis : le financement public »: the keyphrase before the section's own
// subject, a whole noun phrase of it, where no phrase of the section names the keyphrase;
// within the 10 words of a subheading.
std::string led_by_keyphrase(const std::string& keyphrase, const std::string& heading) {
    if (heading.empty() || text::count_words(keyphrase) + text::count_words(heading) > kSubheadingWords) return heading;
    // « Vaccin : l'université George Washington »: a name after the colon reads as what
    // the keyphrase is.
    const std::vector<text::Token> words = text::tokenize(heading);
    if (std::any_of(words.begin() + (words.empty() ? 0 : 1), words.end(), [&](const text::Token& t) {
            return t.kind == text::TokenKind::Word && text::lowercase(t.view(heading)) != t.view(heading);
        }))
        return heading;
    // « Bogdanoff : l'âge de 53 ans » gave the twins a victim's age: after the colon, a
    // figure reads as the keyphrase's.
    if (std::any_of(words.begin(), words.end(), [](const text::Token& t) { return t.kind == text::TokenKind::Number; }))
        return heading;
    // « Gérald Darmanin : le président du parti » reads as what he is: a phrase headed by a
    // person's role (data/fr/person_nouns.txt) is no subject to put after the keyphrase.
    const auto head = std::find_if(words.begin(), words.end(), [&](const text::Token& t) {
        return t.kind == text::TokenKind::Word && !analysis::is_function_word(t.view(heading));
    });
    if (head != words.end() && text::word_list("person_nouns").contains(text::lowercase(heading.substr(head->base, head->end - head->base))))
        return heading;
    // « Ramses Aly el Sayed : le visage de Ramses… » says it twice.
    for (const text::Token& t : text::tokenize(keyphrase))
        if (t.kind == text::TokenKind::Word && !analysis::is_function_word(t.view(keyphrase)) &&
            text::lowercase(heading).find(text::lowercase(t.view(keyphrase))) != std::string::npos)
            return heading;
    return capitalise(keyphrase) + "\u00a0: " + lower_ordinary_first_word(heading);
}

// Whether the section says `phrase` only inside a speaker's quotation (« Ça fait 17 ans,
// c'est un cheminement ultra long », said by the accuser): led by the keyphrase, a name, the
// words would read as the named person's (« Christophe Ruggia : un cheminement ultra long »).
bool only_quoted(const Story& story, const std::vector<int>& sentences, const std::string& phrase) {
    const std::string wanted = text::lowercase(phrase);
    bool found = false;
    for (int i : sentences) {
        const std::string& t = story.sentences[static_cast<std::size_t>(i)].text;
        const std::string lower = text::lowercase(t);
        for (std::size_t at = lower.find(wanted); at != std::string::npos; at = lower.find(wanted, at + 1)) {
            // Lowercasing keeps every byte's place in the French text plume reads.
            if (lower.size() != t.size() || !quote_balance(std::string_view(t).substr(0, at)).open()) return false;
            found = true;
        }
    }
    return found;
}

// The sentences that name the keyphrase: « Keyphrase : phrase » is true to the section
// only when the phrase comes from a sentence that names it (« Bruno Le Maire : le haut
// commissaire aux Retraites… » over a sentence that does not made him the commissioner).
std::vector<int> naming(const std::vector<int>& sentences, const std::vector<bool>& mentions) {
    std::vector<int> out;
    std::copy_if(sentences.begin(), sentences.end(), std::back_inserter(out), [&](int i) { return mentions[static_cast<std::size_t>(i)]; });
    return out;
}

// A section that opens where the source put a subheading keeps it; the others get one
// built from their own words, none repeating the headline. 30-75% of the subheadings
// name the keyphrase or a synonym: enough for the reader to see the topic, not so many
// that the headings read as stuffing: a phrase of the section's own that names it, or
// else the keyphrase before the section's subject (sections that say the keyphrase most
// first); over a section that does not name it, only a name's (« Liban : la classe
// politique »): a common noun labels what it has no part in (« Vaccin : les boîtes de
// nuit »). The source's own subheadings are never rewritten for it.
void write_headings(const Story& story, const std::vector<bool>& mentions, Plan& plan) {
    std::vector<analysis::Keyphrase> phrases{analysis::make_keyphrase(plan.keyphrase, MatchMode::French)};
    for (const std::string& s : plan.synonyms) phrases.push_back(analysis::make_keyphrase(s, MatchMode::French));
    const HeadingWriter heading_for(story, plan.keyphrase, plan.synonyms);
    TakenHeadings taken;
    for (const CleanSource& src : story.sources) taken.add(src.info.title);
    std::vector<bool> own(plan.sections.size(), false);
    std::vector<int> order = plan.intro;  // the article's sentences in order
    for (std::size_t k = 0; k < plan.sections.size(); ++k) {
        PlannedSection& s = plan.sections[k];
        order.insert(order.end(), s.sentences.begin(), s.sentences.end());
        own[k] = opens_heading(story, order, order.size() - s.sentences.size());
        s.heading = own[k] ? at(story, s.sentences.front()).heading : heading_for(s.sentences, taken, false);
        taken.add(s.heading);
    }
    const std::size_t n = plan.sections.size();
    const std::size_t low = (n * 3 + 9) / 10;
    std::vector<std::size_t> by_mentions(n), mentions_in(n);
    std::iota(by_mentions.begin(), by_mentions.end(), 0);
    for (std::size_t k = 0; k < n; ++k)
        for (int i : plan.sections[k].sentences) mentions_in[k] += mentions[static_cast<std::size_t>(i)];
    std::stable_sort(by_mentions.begin(), by_mentions.end(), [&](std::size_t a, std::size_t b) { return mentions_in[a] > mentions_in[b]; });
    // Kept up to date as headings change: counting again at each section is quadratic.
    auto mentioning = static_cast<std::size_t>(std::count_if(plan.sections.begin(), plan.sections.end(),
                                                              [&](const PlannedSection& s) { return heading_mentions(s.heading, phrases); }));
    for (std::size_t k : by_mentions) {
        if (mentioning >= low) break;
        PlannedSection& s = plan.sections[k];
        if (own[k] || heading_mentions(s.heading, phrases)) continue;
        taken.remove(s.heading);
        if (std::string named = heading_for(s.sentences, taken, true); heading_mentions(named, phrases)) s.heading = std::move(named);
        else if (std::string told = heading_for(naming(s.sentences, mentions), taken, false);
                 !told.empty() && !(starts_upper(plan.keyphrase) && only_quoted(story, s.sentences, told)))
            s.heading = led_by_keyphrase(plan.keyphrase, told);
        else if (starts_upper(plan.keyphrase) && !only_quoted(story, s.sentences, s.heading))
            s.heading = led_by_keyphrase(plan.keyphrase, s.heading);
        mentioning += heading_mentions(s.heading, phrases);
        taken.add(s.heading);
    }
    name_or_merge_untitled(story, plan, taken);
}

}  // namespace

Plan plan_article(const Story& story, const KeyphraseChoice& keyphrase, std::size_t target_words) {
    Plan plan;
    plan.keyphrase = keyphrase.keyphrase;
    plan.synonyms = keyphrase.synonyms;
    plan.target_words = target_words;
    std::vector<int> body;
    const auto prose = prose_blocks(story);
    for (std::size_t i = 0; i < story.sentences.size(); ++i) {
        const StorySentence& s = story.sentences[i];
        if (std::string why = unusable(story, prose, s); !why.empty()) plan.left_out.push_back({s.source, RemovalReason::NotProse, std::move(why), s.text});
        else body.push_back(static_cast<int>(i));
    }
    plan.intro = take_lead(story, body);
    bring_shared_figure(story, plan.intro, body, plan.left_out);
    const std::vector<int> ending = take_ending(story, body);
    std::vector<std::vector<int>> parts;
    const Segmenter segmenter(story, body);
    segmenter.cut(0, body.size(), parts);
    // An article of 300 words or more has two subheadings at least, its reader's landmarks:
    // a body that fits one section, with no closing one, is cut at its weakest gap.
    if (parts.size() == 1 && ending.empty() && words_of(story, plan.intro) + words_of(story, body) >= kTwoSectionsWords)
        if (const std::size_t k = segmenter.halve(0, body.size()); k != 0)
            parts = {std::vector<int>(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(k)),
                     std::vector<int>(body.begin() + static_cast<std::ptrdiff_t>(k), body.end())};
    for (auto& part : parts) plan.sections.push_back({"", std::move(part), false});
    if (!ending.empty()) plan.sections.push_back({"", ending, true});
    if (!plan.sections.empty())
        write_headings(story, mentions_of(story, analysis::make_keyphrase(plan.keyphrase, MatchMode::French)), plan);
    return plan;
}

}  // namespace plume::write
