// Composing the article: sentences of the sources in planned sections and paragraphs.
#include "compose/compose.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_map>

#include "analyze/keyphrase.hpp"
#include "analyze/seo/seo.hpp"
#include "compose/typography.hpp"
#include "plan/noun_phrase.hpp"
#include "plume/text.hpp"
#include "text/chars.hpp"
#include "text/lexicon.hpp"
#include "write/text_case.hpp"

namespace plume::write {

namespace {

constexpr std::size_t kParagraphMaxWords = 150;  // the rule
// Where a paragraph made of short ones stops, and one of a page that lost its breaks.
constexpr std::size_t kParagraphWords = 100;
constexpr std::size_t kLongSentence = 20;        // the analyser's limit for French sentences
constexpr std::size_t kMinPartWords = 6;

std::size_t words(const std::string& s) { return text::count_words(s); }

// White space, including the no-break spaces French typography puts before ";".
std::string trim(std::string s) {
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view sp : {" ", "\u00a0", "\u202f"}) {
            if (s.starts_with(sp)) s.erase(0, sp.size()), changed = true;
            if (s.ends_with(sp)) s.resize(s.size() - sp.size()), changed = true;
        }
    }
    return s;
}

std::size_t words(const ArticleBlock& b) {
    std::size_t n = 0;
    for (const Piece& p : b.pieces) n += words(p.text);
    return n;
}

// A summary bullet joins a paragraph as a sentence: it needs its final period.
std::string as_sentence(const StorySentence& s) {
    return s.list_item && !ends_sentence(s.text) ? s.text + "." : s.text;
}

// Article paragraphs, and where a sentence from another source joins the story: it opens
// a paragraph, or joins one after its second sentence, once a paragraph: (paragraph, piece).
struct Paragraphs {
    std::vector<ArticleBlock> blocks;
    std::vector<std::pair<std::size_t, std::size_t>> joins;
};

// The words of the source paragraph a sentence comes from.
std::size_t block_words(const Story& story, const StorySentence& s) {
    return words(story.sources[static_cast<std::size_t>(s.source)].blocks[static_cast<std::size_t>(s.block)].text);
}

// The parts a story sentence is written in: its halves where it is split, and the
// sentences of a quotation of more than 150 words that the fuse phase joined back whole
// (a paragraph may end after each of those: `true`).
std::vector<std::pair<std::string, bool>> sentence_parts(const std::string& sentence, std::size_t sentence_words,
                                                        bool in_quotation) {
    std::vector<std::pair<std::string, bool>> out;
    if (sentence_words <= kParagraphMaxWords) {
        for (std::string& part : split_long_sentence(sentence, in_quotation)) out.emplace_back(std::move(part), false);
        return out;
    }
    for (const text::Span& span : text::split_sentences(sentence))
        out.emplace_back(sentence.substr(span.begin, span.end - span.begin), true);
    return out;
}

// Sentences of one source paragraph stay together; short paragraphs are joined and long
// ones cut at sentence boundaries, so each stays under 150 words. A source paragraph of
// more than 150 words is a page that lost its breaks: it is cut every 100 words or so,
// as its writer would have.
Paragraphs paragraphs(const Story& story, const std::vector<int>& ids) {
    Paragraphs out;
    const StorySentence* prev = nullptr;
    std::size_t in_block = 0;  // words of the last paragraph
    constexpr std::size_t kUncounted = SIZE_MAX;
    std::size_t source_block = kUncounted;  // words of the source's block: counted once, it may hold a million sentences
    for (int i : ids) {
        const StorySentence& s = story.sentences[static_cast<std::size_t>(i)];
        const bool same_paragraph = prev && prev->source == s.source && prev->block == s.block;
        if (s.in_list) {
            // A list stays a list after the sentence announcing it, each item one block.
            if (!same_paragraph || !prev->in_list) out.blocks.push_back({BlockKind::ListItem, 0, {}, ""});
            out.blocks.back().pieces.push_back({s.text, s.source});
            in_block = kParagraphMaxWords + 1;  // the text after the list opens a paragraph
            prev = &s;
            continue;
        }
        if (!same_paragraph) source_block = kUncounted;
        else if (source_block == kUncounted) source_block = block_words(story, s);
        bool first_part = true;
        // A quotation left open by the text before, in this paragraph or at the end of the
        // source's paragraph before it (`…agriculteurs"."` then `Nous sentons…`), is not cut.
        const bool in_quotation = prev && prev->source == s.source && !out.blocks.empty() &&
                                  quote_balance(out.blocks.back().text()).open();
        // A speaker's words go on in the paragraph they opened in, up to the longest one.
        const bool quoting = prev && prev->source == s.source && (in_quotation || s.quoted);
        // A sentence leaning on the one before (« Cela représente… », « Mais… ») stays with it.
        const bool holds_on = prev && prev->source == s.source && (s.leans || s.answers);
        const std::size_t limit =
            (same_paragraph && source_block <= kParagraphMaxWords) || quoting || holds_on ? kParagraphMaxWords : kParagraphWords;
        for (auto& [part, may_break] : sentence_parts(as_sentence(s), s.words, in_quotation)) {
            const std::size_t n = typeset_words(part);  // as the reader will count them
            const bool room = !out.blocks.empty() && ((!first_part && !may_break) || in_block + n <= limit);
            // A quotation running on into the next paragraph opens it again: one cut here, or
            // one the source's paragraph left open (its speaker's words go on in the next).
            const bool opens = part.starts_with("«") || part.starts_with("\"") || part.starts_with("“");
            if (!room && !opens && ((may_break && !first_part && !out.blocks.empty()) || (first_part && (in_quotation || s.quoted)))) {
                // The mark the part's own closing one pairs with, else the one left open.
                const QuoteBalance own = quote_balance(part);
                const QuoteBalance before = out.blocks.empty() ? QuoteBalance{} : quote_balance(out.blocks.back().text());
                if (own.guillemets < 0 || before.guillemets > 0) part = "« " + part;
                else if (own.straight % 2 == 1 || before.straight % 2 == 1) part = "\"" + part;
            }
            const bool joins = prev && prev->source != s.source && first_part && !s.quoted;
            if (!room) {
                out.blocks.emplace_back();
                in_block = 0;
                if (joins && out.blocks.size() > 1) out.joins.emplace_back(out.blocks.size() - 1, 0);  // not at a section's start
            } else if (joins && out.blocks.back().pieces.size() > 1 &&
                       (out.joins.empty() || out.joins.back().first != out.blocks.size() - 1)) {
                out.joins.emplace_back(out.blocks.size() - 1, out.blocks.back().pieces.size());
            }
            in_block += n;
            out.blocks.back().pieces.push_back({std::move(part), s.source});
            first_part = false;
        }
        prev = &s;
    }
    return out;
}

// Where another source's sentence joins the story, a connective says so, as an editor
// would write it: never inside a quotation (plume's words are not the speaker's), never
// before a sentence opening on a quotation or a transition. Connectives carry no fact;
// a source's own sentences get none (where a story has few transitions, connectives of
// plume's at its own paragraph breaks read as wrong to an editor: « Par ailleurs » before
// the next step of one account, before the other half of a count). A connective every
// sentence or two reads as filler
// (the five seeds' article had 15, two at consecutive sentences): one stands only after
// kConnectiveGap sentences without one or a transition, across sections, and they take
// turns, so the same one never comes back within a few sentences.
constexpr std::string_view kConnectives[] = {"Par ailleurs", "En outre", "D’autre part"};
constexpr std::size_t kConnectiveGap = 3;

struct Connectives {
    std::size_t used = 0;
    std::size_t since = kConnectiveGap;  // sentences since the last connective or transition
};

bool inside_quotation(const std::vector<ArticleBlock>& blocks, std::size_t k, std::size_t piece) {
    std::string before = k > 0 && piece == 0 ? blocks[k - 1].text() : std::string();
    for (std::size_t p = 0; p < piece; ++p) before += blocks[k].pieces[p].text + ' ';
    return quote_balance(before).open();
}

// A connective may open this piece: not a quotation, not inside one, not after a
// transition, and only kConnectiveGap sentences after the last. Not a question either: it
// asks rather than adds a point (« Par ailleurs, pourquoi la police ? »); nor a dash or a
// bullet, which open a list item or a subheading run into the text.
bool connective_fits(const std::vector<ArticleBlock>& blocks, std::size_t k, std::size_t piece, const Connectives& c) {
    const std::string& text = blocks[k].pieces[piece].text;
    const bool opens_apart = text.starts_with("«") || text.starts_with("\"") || text.starts_with("-") ||
                             text.starts_with("–") || text.starts_with("—") || text.starts_with("•");
    return c.since >= kConnectiveGap && !opens_apart && text.find('?') == std::string::npos &&
           !inside_quotation(blocks, k, piece);
}

std::string connected(const InnerForms& inner, const std::string& text, Connectives& c) {
    c.since = 0;
    return std::string(kConnectives[c.used++ % std::size(kConnectives)]) + ", " + lower_common_first_word(inner, text);
}

// Where another source joins the story. A sentence that already holds a transition gets none.
std::vector<ArticleBlock> with_connectives(const InnerForms& inner, Paragraphs p, Connectives& c) {
    const std::set<std::pair<std::size_t, std::size_t>> joins(p.joins.begin(), p.joins.end());
    for (std::size_t k = 0; k < p.blocks.size(); ++k)
        for (std::size_t piece = 0; piece < p.blocks[k].pieces.size(); ++piece) {
            std::string& text = p.blocks[k].pieces[piece].text;
            if (opens_with_transition(text)) c.since = 0;
            else if (joins.count({k, piece}) && connective_fits(p.blocks, k, piece, c)) text = connected(inner, text, c);
            else ++c.since;
        }
    return std::move(p.blocks);
}

// Each source by its title, linked to its URL when known; by its URL when it has no
// title; under « Source » when there is one. A source with neither is left out: a file
// name tells a reader nothing (the JSON output still gives every sentence's source).
Section sources_section(const Story& story) {
    Section s{SectionKind::Sources, "Sources", {}};
    for (const CleanSource& src : story.sources) {
        const std::string& label = src.info.title.empty() ? src.info.url : src.info.title;
        if (!label.empty()) s.blocks.push_back({BlockKind::ListItem, 0, {{label, -1}}, src.info.url});
    }
    if (s.blocks.size() == 1) s.heading = "Source";
    return s;
}

// How the story spells what a scraped source typed carelessly: a name with capitals inside
// (OpenAI, TSMC, iPhone) written in lowercase, and a capital without its accent (« Etat »
// where the story writes « État »: French keeps accents on capitals). Only forms the story
// writes so twice or more, and at least as often as the careless one (« DE » in a
// subheading set in capitals is no spelling of « de »).
class Spelling {
public:
    explicit Spelling(const Story& story) {
        std::unordered_map<std::string, std::unordered_map<std::string_view, int>> seen;  // careless -> forms
        for (const auto* list : {&story.sentences, &story.variants})
            for (const StorySentence& s : *list)
                for (const text::Token& t : s.tokens) {
                    if (t.kind != text::TokenKind::Word) continue;
                    const std::string_view w = std::string_view(s.text).substr(t.base, t.end - t.base);
                    if (inner_capital(w)) ++seen[text::lowercase(w)][w];
                    else if (accented_capital(w)) ++seen[text::strip_accents(w)][w];
                    else ++seen[std::string(w)][w];  // the careless form (« de », « Etat »), counted against
                }
        for (const auto& [careless, forms] : seen) {
            const auto best = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second < b.second : a.first > b.first;
            });
            if (best->second >= 2 && best->first != careless) fixes_.emplace(careless, best->first);
        }
    }
    // The text with its careless words spelled as the story spells them, outside quotations
    // (a speaker's words stay as quoted).
    std::string apply(const std::string& text) const {
        // Most texts hold none of the few careless forms: they are not tokenized.
        if (std::none_of(fixes_.begin(), fixes_.end(), [&](const auto& f) { return text.find(f.first) != std::string::npos; }))
            return text;
        std::string out;
        std::size_t done = 0;
        for (const text::Token& t : text::tokenize(text)) {
            if (t.kind != text::TokenKind::Word) continue;
            const auto it = fixes_.find(text.substr(t.base, t.end - t.base));
            if (it == fixes_.end() || quote_balance(std::string_view(text).substr(0, t.begin)).open()) continue;
            out.append(text, done, t.base - done);
            out += it->second;
            done = t.end;
        }
        return done == 0 ? text : out + text.substr(done);
    }

private:
    // A capital after the first letter: OpenAI, TSMC, iPhone; not Lyon.
    static bool inner_capital(std::string_view w) {
        return w.size() > 1 && std::any_of(w.begin() + 1, w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }
    // É, À, Î... opening a word of four letters or more (not « Où », which « Ou » is not).
    static bool accented_capital(std::string_view w) {
        const text::chars::Decoded c = text::chars::decode(w, 0);
        return c.cp >= 0x80 && text::chars::is_upper(c.cp) && text::count_words(w) == 1 && w.size() >= 5;
    }
    std::unordered_map<std::string, std::string_view> fixes_;  // careless form -> the story's form
};

// A quotation the source left open at the end of a paragraph is closed there: French
// typography closes « » within the paragraph that quotes.
void close_open_quotes(std::vector<ArticleBlock>& blocks) {
    for (ArticleBlock& b : blocks)
        if (!b.pieces.empty() && quote_balance(b.text()).guillemets > 0) b.pieces.back().text += " \u00bb";
}

// The words the check counts: the body under the H1, as the analyser reads it (a CMS
// stores the title apart from the text).
std::size_t article_words(const Article& a) {
    std::size_t n = 0;
    for (const ArticleBlock& b : a.intro) n += words(b);
    for (const Section& s : a.sections) {
        n += words(s.heading);
        for (const ArticleBlock& b : s.blocks) n += words(b);
    }
    return n;
}

// French typography throughout, words spelled as the story spells them. The keyphrases take
// the accents their words take in the text (« Israël-Emirats » -> « Israël-Émirats »), or the
// text would no longer contain them.
void typeset(Article& a, const Spelling& spelling) {
    const auto set = [&](std::string& text) { text = french_typography(spelling.apply(text)); };
    a.keyphrase = accent_capitals(a.keyphrase);
    for (std::string& s : a.synonyms) s = accent_capitals(s);
    set(a.title);
    if (!a.headline.empty()) set(a.headline);
    set(a.description);
    const auto set_block = [&](ArticleBlock& b) {
        std::vector<std::string> texts;
        for (const Piece& p : b.pieces) texts.push_back(spelling.apply(p.text));
        texts = french_typography(texts);  // the paragraph whole: a quotation pairs across its sentences
        for (std::size_t i = 0; i < texts.size(); ++i) b.pieces[i].text = std::move(texts[i]);
    };
    for (ArticleBlock& b : a.intro) set_block(b);
    for (Section& s : a.sections) {
        set(s.heading);
        for (ArticleBlock& b : s.blocks) set_block(b);
    }
}

// What a derived section is, after « Keyphrase : »; empty for the story's sections.
std::string_view derived_subject(SectionKind kind) {
    switch (kind) {
        case SectionKind::KeyPoints: return "l’essentiel";
        case SectionKind::KeyFigures: return "les chiffres clés";
        case SectionKind::Faq: return "les questions fréquentes";
        default: return {};
    }
}

// Derived sections restate the story, whose subject the keyphrase names: their headings
// name it (« Grippe aviaire : les chiffres clés ») without saying anything their section
// does not, while fewer than 30 % of the subheadings a reader sees (H2 and H3, the sources'
// list aside) hold more than half of its words or a synonym's, never past 75 %, nor past the
// keyphrase's density (Yoast's bounds for both; the H1 counted, as a page's text holds it).
void name_topic_in_derived(Article& a, const Plan& plan) {
    AnalyzeOptions options;
    options.keyphrase = plan.keyphrase;
    options.synonyms = plan.synonyms;
    options.match = MatchMode::French;
    const analysis::Topic topic = analysis::make_topic(options);
    if (topic.keyphrase.empty()) return;
    const auto names = [&](std::string_view heading) { return analysis::seo::topic_percent(topic, heading) > 50; };  // as the analyser counts
    const auto occurrences = [&](std::string_view t) { return analysis::find_in_sentence(topic.keyphrase, t, text::tokenize(t)).count; };
    std::size_t count = 0, naming = 0, said = occurrences(a.h1()), n = 0;
    const auto read = [&](const ArticleBlock& b) {
        n += words(b);
        for (const Piece& p : b.pieces) said += occurrences(p.text);
    };
    for (const ArticleBlock& b : a.intro) read(b);
    for (const Section& s : a.sections) {
        if (s.kind == SectionKind::Sources) continue;
        ++count, naming += names(s.heading), said += occurrences(s.heading), n += words(s.heading);
        for (const ArticleBlock& b : s.blocks) {
            if (b.kind == BlockKind::Heading) ++count, naming += names(b.text());
            read(b);
        }
    }
    const std::size_t low = (count * 3 + 9) / 10, high = count * 3 / 4;
    for (Section& s : a.sections) {
        if (naming >= low || naming + 1 > high || analysis::seo::density_score(said + 1, n, topic.keyphrase.length()) < 9) return;
        if (derived_subject(s.kind).empty() || names(s.heading)) continue;
        s.heading = capitalise(plan.keyphrase) + "\u00a0: " + std::string(derived_subject(s.kind));
        ++naming, ++said;
    }
}

// Derived sections come after the story, which they restate, before the sources.
void insert_derived(Article& a, Section d) {
    const auto at = std::find_if(a.sections.begin(), a.sections.end(), [](const Section& s) { return s.kind == SectionKind::Sources; });
    a.sections.insert(at, std::move(d));
}

// A finite verb, or the "se" of a pronominal one: what makes words a clause.
bool finite_verb(const std::string& lower) {
    static const auto& auxiliaries = text::word_list("auxiliary_forms");
    return lower == "se" || auxiliaries.contains(lower) || verb_like(lower);
}

// Whether a word of `s` is one `verb` accepts, given lowercased.
template <typename Verb>
bool any_word(std::string_view s, Verb verb) {
    for (const text::Token& t : text::tokenize(s))
        if (t.kind == text::TokenKind::Word && verb(text::lowercase(s.substr(t.base, t.end - t.base)))) return true;
    return false;
}

// The last word of the text, empty when it has none.
std::string_view last_word(std::string_view s) {
    std::string_view last;
    for (const text::Token& t : text::tokenize(s))
        if (t.kind == text::TokenKind::Word) last = s.substr(t.base, t.end - t.base);
    return last;
}

struct Word {
    std::string lower;    // the base, lowercased: "est" in "s'est"
    std::string elision;  // "l'", "qu'"... lowercased, empty when none
    bool name = false;    // written with a capital, without elision: « Julien », « LG »
};

std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> out;
    for (const text::Token& t : text::tokenize(s)) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) return out;  // up to punctuation
        const std::string_view base = s.substr(t.base, t.end - t.base);
        out.push_back({text::lowercase(base), unified_word(text::lowercase(s.substr(t.begin, t.base - t.begin))),
                       t.base == t.begin && starts_upper(base)});
    }
    return out;
}

// Words that stand as a sentence of their own: a subject pronoun, or a determiner and at
// most three words before the verb ("les deux hommes se sont rencontrés", "le résultat
// la placerait"). A relative pronoun first means the words are the object of the clause
// before ("et les obligations qu'il détenait"), a participle that they are no clause
// ("et des investisseurs pouvant financer").
// A plural verb after a singular subject: the subject began before "et" ("l'État et la
// région apportent").
bool plural_verb(const std::string& verb) {
    return verb == "ont" || verb == "sont" || verb.ends_with("ent") || verb.ends_with("ront");
}

// The form that agrees with the subject: a pronominal verb's, after its « se » (« …patron des
// Républicains se sont rencontrés » is plural).
const std::string& agreeing_form(const std::vector<Word>& w, std::size_t i) {
    return w[i].lower == "se" && i + 1 < w.size() ? w[i + 1].lower : w[i].lower;
}

bool independent_clause(std::string_view s) {
    static const std::set<std::string, std::less<>> kRelatives = {"qui", "que", "dont", "où"};
    static const std::set<std::string, std::less<>> kSingular = {"le", "la", "un", "une", "son", "sa", "ce", "cet", "cette", "leur"};
    const std::vector<Word> w = words_of(s);
    if (w.empty()) return false;
    if (w[0].elision.empty() && text::subject_pronoun(w[0].lower)) return w.size() > 1;
    if (w[0].elision == "c'") return finite_verb(w[0].lower);  // « c'est »
    const bool l_noun = w[0].elision == "l'";
    if (!l_noun && !(w[0].elision.empty() && determiner(w[0].lower))) {
        // A name of at most three words and its verb, in the singular (« Julien Bayou a annoncé »).
        constexpr std::size_t kNameWords = 3;
        std::size_t n = 0;
        while (n < w.size() && n < kNameWords && w[n].name) ++n;
        return n > 0 && n < w.size() && finite_verb(w[n].lower) && !plural_verb(agreeing_form(w, n));
    }
    const bool singular = l_noun || kSingular.contains(w[0].lower);
    for (std::size_t i = 1; i < w.size() && i <= 4; ++i) {
        if (w[i].elision == "qu'" || kRelatives.contains(w[i].lower)) return false;
        if (i == 1 && !l_noun && text::word_readings(w[i].lower).nominal) continue;  // the noun: « une chute », « la cause »
        // The verb agrees with the words after "et" alone, or the subject began before it
        // (« entre PS et les écologistes est signé »).
        if (finite_verb(w[i].lower)) return singular != plural_verb(agreeing_form(w, i));
    }
    return false;
}

// Whether text ending here leaves a bracket open: « (90 % ; +1) » is no place to cut.
bool in_brackets(std::string_view before) { return std::count(before.begin(), before.end(), '(') > std::count(before.begin(), before.end(), ')'); }

// Whether text ending here is outside a quotation and brackets: a place where a cut may be.
bool outside_quotation(std::string_view before) { return !quote_balance(before).open() && !in_brackets(before); }

// Whether the words hold a verb conjugated for a subject: a finite form that is no
// participle as well, but for common verbs (« fait », « dit »). « Très affaiblis au plan
// national, le Parti socialiste » holds none: « affaiblis » is there a participle, which a
// cut at « et » would leave without its verb (« …, le Parti socialiste. Les Républicains
// comptaient… »).
bool conjugated_verb(std::string_view s) {
    static const auto& common = text::word_list("common_verbs");
    return any_word(s, [](const std::string& lower) {
        return finite_verb(lower) && (common.contains(lower) || !text::word_readings(lower).participle);
    });
}

// Whether the words hold a finite verb outside a relative clause: « Une pandémie qui a
// fait 150 000 morts, la récession » names things and says nothing of them.
bool main_verb(std::string_view s) {
    static const std::set<std::string, std::less<>> kRelatives = {"qui", "que", "dont", "où"};
    constexpr std::size_t kRelativeReach = 3;  // « qui ne l'a », « que la police a »
    std::size_t since_relative = kRelativeReach + 1;
    for (const text::Token& t : text::tokenize(s)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string lower = text::lowercase(s.substr(t.base, t.end - t.base));
        const bool relative = kRelatives.contains(lower) || unified_word(text::lowercase(s.substr(t.begin, t.base - t.begin))) == "qu'";
        since_relative = relative ? 0 : since_relative + 1;
        if (since_relative > kRelativeReach && finite_verb(lower)) return true;
    }
    return false;
}

// Where "et" joins two clauses that each stand alone, outside quotations and brackets:
// the byte where "et" begins and where the second clause begins; npos when nowhere.
std::pair<std::size_t, std::size_t> clause_join(const std::string& sentence) {
    for (std::size_t at = sentence.find(" et "); at != std::string::npos; at = sentence.find(" et ", at + 1)) {
        const std::string_view left = std::string_view(sentence).substr(0, at);
        if (!outside_quotation(left)) continue;
        // After a colon or an "et" a new clause or noun begins: the verb must be there ("en
        // financent une partie : l'État et la région apportent" holds none after its colon,
        // « les directions judiciaire et des ressources humaines avaient » none after "et").
        const std::size_t colon = left.rfind(':'), et = left.rfind(" et ");
        const std::size_t from = std::max(colon == std::string_view::npos ? 0 : colon, et == std::string_view::npos ? 0 : et);
        // « les catégories A, B et C a continué »: names joined by "et" are one subject.
        const std::string_view right = std::string_view(sentence).substr(at + 4);
        // « M. Pell, qui vivait avec M. Ridsdale en 1973 et le soutint… »: a relative clause's
        // verb is none of the sentence's own, and its « et » joins two of the relative's.
        if (conjugated_verb(left.substr(from)) && main_verb(left) && !(starts_upper(last_word(left)) && starts_upper(right)) &&
            independent_clause(right))
            return {at, at + 4};
    }
    return {std::string::npos, std::string::npos};
}

// Whether the words end on a verb: « a déclaré : », « explique : » announce what someone
// said, and stop short without it. A word that is a noun too is none (« en cause »), but
// for a participle after its auxiliary (« a rappelé »: « un rappelé » is a noun too).
bool ends_on_verb(std::string_view s) {
    std::string before, last;
    for (const text::Token& t : text::tokenize(s))
        if (t.kind == text::TokenKind::Word) before = std::move(last), last = text::lowercase(s.substr(t.base, t.end - t.base));
    const text::WordReadings r = text::word_readings(last);
    if (!r.known) return finite_verb(last);
    return ((r.finite_verb || r.participle || r.infinitive) && !r.nominal) || (r.participle && finite_verb(before));
}

// Where the first colon of a sentence, outside quotations and brackets, ends a clause that
// does not announce speech and opens an independent clause, which explains it: the colon's
// byte and where the clause begins; npos when nowhere. A list, a quotation or a label
// (« Problème : ») is no such clause; a later colon of a sentence that already has one
// belongs to what the first announced (a list of headlines, a quotation).
std::pair<std::size_t, std::size_t> colon_join(const std::string& sentence) {
    constexpr std::pair<std::size_t, std::size_t> kNowhere = {std::string::npos, std::string::npos};
    const std::size_t at = sentence.find(':');
    if (at == std::string::npos) return kNowhere;
    const std::string_view left = std::string_view(sentence).substr(0, at);
    const std::string right = trim(sentence.substr(at + 1));
    const bool spaced = right.size() < sentence.size() - at - 1;  // not « 10:30 », « http: »
    if (!spaced || !outside_quotation(left) || !main_verb(left) || ends_on_verb(left) || !independent_clause(right))
        return kNowhere;
    return {at, sentence.size() - right.size()};
}

// Whether the sentence names who says or counts what it tells (« selon l’Insee », « a-t-il
// dit », « », explique le maire », « pour eux, »): the source of each of its clauses, which
// a cut would leave to one of them.
bool attributed(std::string_view s) {
    const std::string lower = text::lowercase(s);
    // « Pour eux, il faut aller au-delà et la crise doit… »: whose view the clauses tell.
    for (std::string_view view : {"pour lui, ", "pour elle, ", "pour eux, ", "pour elles, ", "à ses yeux, ", "à leurs yeux, "})
        if (lower.find(view) != std::string::npos) return true;
    for (std::string_view mark : {"selon ", "d'après ", "d’après "})
        for (std::size_t at = lower.find(mark); at != std::string::npos; at = lower.find(mark, at + 1))
            if (at == 0 || lower[at - 1] == ' ') return true;
    if (s.find("\u00bb, ") != std::string_view::npos || s.find("\", ") != std::string_view::npos) return true;
    // « …, a annoncé vendredi le ministre. », « …, soulignent les auteurs, rappelant… »: a
    // short run between commas, or closing the sentence, opening on its verb.
    constexpr std::size_t kInciseWords = 8;
    for (std::size_t at = s.find(", "); at != std::string_view::npos; at = s.find(", ", at + 1)) {
        const std::string_view run = s.substr(at + 2, s.find(',', at + 2) - (at + 2));
        const std::vector<Word> w = words_of(run);
        if (!w.empty() && w[0].elision.empty() && w[0].lower != "se" && finite_verb(w[0].lower) &&
            !text::word_readings(w[0].lower).participle &&  // « , construit en 1978, » describes
            text::words_at_most(run, kInciseWords) && outside_quotation(s.substr(0, at)))
            return true;
    }
    for (const text::Token& t : text::tokenize(s))
        for (std::string_view p : {"-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-on"})
            if (t.kind == text::TokenKind::Word && t.view(s).size() > p.size() && t.view(s).ends_with(p)) return true;
    return false;
}

// Two sentences from the words before a cut and after it, when each has 6 words or more:
// the first closed by a period (the comma before "et" left out), the second capitalised
// and cut again where it is long. Empty when a half is too short.
std::vector<std::string> two_sentences(std::string left, const std::string& right) {
    left = trim(std::move(left));
    if (left.ends_with(',')) left.pop_back();
    const std::string next = trim(right);
    if (words(left) < kMinPartWords || words(next) < kMinPartWords) return {};
    auto rest = split_long_sentence(capitalise(next));
    rest.insert(rest.begin(), trim(left) + ".");
    return rest;
}

}  // namespace

bool opens_with_transition(const std::string& s) {
    const auto& transitions = text::word_list("transition_words");
    std::string head;
    std::size_t n = 0;
    for (const text::Token& t : text::tokenize(s)) {
        if (t.kind != text::TokenKind::Word || ++n > 3) break;
        if (!head.empty()) head += ' ';
        head += unified_word(text::lowercase(t.view(s)));  // the list writes ' for ’: « à l’inverse »
        if (transitions.contains(head)) return true;
    }
    return false;
}

bool has_finite_verb(std::string_view s) { return any_word(s, finite_verb); }

std::vector<std::string> split_long_sentence(const std::string& sentence, bool in_quotation) {
    // A speaker's words are never cut, even in a sentence of a quotation opened before it
    // or after it (its quotation marks do not pair up: a source's quotation cut apart).
    if (in_quotation || !quote_balance(sentence).balanced() || words(sentence) <= kLongSentence || attributed(sentence))
        return {sentence};
    // A semicolon joins two sentences; "mais", with or without its comma, opens one that
    // stands on its own; ", ce qui" sums up the clause before it, as "Cela" does at the head
    // of a sentence.
    struct Cut {
        std::string_view mark;
        std::string_view opens;  // what begins the second sentence, before the words after the mark
    };
    for (const Cut cut : {Cut{";", ""}, Cut{" mais ", "mais "}, Cut{", ce qui ", "cela "}}) {
        const std::size_t at = sentence.find(cut.mark);
        // A quotation is never cut: a speaker's words stay one sentence.
        if (at == std::string::npos || !outside_quotation(std::string_view(sentence).substr(0, at))) continue;
        const std::string left = sentence.substr(0, at);
        const std::string right = std::string(cut.opens) + trim(sentence.substr(at + cut.mark.size()));
        // « Une hausse de 5 %, ce qui représente… » would leave a fragment: "ce qui" sums up
        // a clause, with its verb (the check knows few verbs in the present: other cuts skip it).
        // After "; " or "mais" a clause must follow, with its subject: « mais aussi pour… »,
        // « non pas sa fermeture mais la suspension » or « mais a insisté… » would stand
        // alone as fragments.
        if (cut.opens == "cela " ? !has_finite_verb(left) : !independent_clause(right.substr(cut.opens.size()))) continue;
        if (auto parts = two_sentences(left, right); !parts.empty()) return parts;
    }
    // "..., et les deux hommes se sont rencontrés": two sentences, "et" left out; "... est
    // simple : les élus votent": the colon's explanation is a sentence of its own.
    for (const auto& [at, next] : {clause_join(sentence), colon_join(sentence)})
        if (at != std::string::npos)
            if (auto parts = two_sentences(sentence.substr(0, at), sentence.substr(next)); !parts.empty()) return parts;
    return {sentence};
}

Article compose(const Story& story, const Plan& plan, const std::string& date, const std::string& site_url) {
    Article a;
    a.keyphrase = plan.keyphrase;
    a.synonyms = plan.synonyms;
    a.date = date;
    Titles titles = compose_titles(story, plan);
    a.title = std::move(titles.title);
    a.headline = std::move(titles.headline);
    a.description = compose_description(story, plan);
    a.slug = compose_slug(plan.keyphrase, a.title);
    if (!site_url.empty()) a.canonical_url = (site_url.ends_with('/') ? site_url : site_url + "/") + a.slug;
    a.intro = paragraphs(story, plan.intro).blocks;
    Connectives connectives;
    const InnerForms inner(story);
    for (const PlannedSection& p : plan.sections) {
        std::vector<ArticleBlock> body = with_connectives(inner, paragraphs(story, p.sentences), connectives);
        a.sections.push_back({p.conclusion ? SectionKind::Conclusion : SectionKind::Body, p.heading, std::move(body)});
    }
    if (!plan.subheadings) {
        // "Sans intertitres": the sections run on as paragraphs after the intro, and no
        // derived section (each has its heading) is added.
        for (Section& sec : a.sections) a.intro.insert(a.intro.end(), sec.blocks.begin(), sec.blocks.end());
        a.sections.clear();
    }
    if (Section sources = sources_section(story); !sources.blocks.empty()) a.sections.push_back(std::move(sources));
    for (Section& d : plan.subheadings ? derived_sections(story, plan) : std::vector<Section>{}) {
        if (article_words(a) >= plan.target_words) break;
        insert_derived(a, std::move(d));
    }
    name_topic_in_derived(a, plan);
    close_open_quotes(a.intro);
    for (Section& sec : a.sections) close_open_quotes(sec.blocks);
    typeset(a, Spelling(story));
    return a;
}

}  // namespace plume::write
