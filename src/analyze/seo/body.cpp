// Assessments of the body: keyphrase in the introduction, density, subheadings and link
// anchors; text length; a single H1. Thresholds and scores are yoastseo 3.6.0's.
#include <algorithm>
#include <cmath>

#include "analyze/seo/seo.hpp"

namespace plume::analysis::seo {

namespace {

bool has_text(const Context& ctx) {
    return std::any_of(ctx.doc.blocks.begin(), ctx.doc.blocks.end(), [](const Block& b) { return !b.text.empty(); });
}

bool can_assess_keyphrase(const Context& ctx, const Topic& topic) { return !topic.keyphrase.empty() && has_text(ctx); }

// Yoast's introduction: the first paragraph of the body (list items and quotes hold paragraphs
// too; headings and code do not).
std::optional<std::size_t> first_paragraph(const Document& doc) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const BlockKind k = doc.blocks[i].kind;
        if (k == BlockKind::Paragraph || k == BlockKind::ListItem || k == BlockKind::Quote) return i;
    }
    return std::nullopt;
}

bool is_subheading(const Block& b) { return b.kind == BlockKind::Heading && (b.level == 2 || b.level == 3); }

// Yoast's recommendedKeywordCount: the count giving `density` (%) for this keyphrase length,
// never under 2.
int recommended_count(std::size_t keyphrase_length, double density, bool max, std::size_t words) {
    const double length_factor = 0.7 + static_cast<double>(keyphrase_length) / 3;
    const double count = density * static_cast<double>(words) / (100 * length_factor);
    if (count < 2) return 2;
    return static_cast<int>(max ? std::floor(count) : std::ceil(count));
}

// The anchor's content words are all keyphrase (or one synonym's) words: the link competes
// with the article for its own keyphrase.
bool anchor_is_topic(const Topic& topic, std::string_view anchor) {
    const std::vector<text::Token> tokens = text::tokenize(anchor);
    auto words_of = [&](const Keyphrase& k) {
        std::vector<std::string> all, content;
        for (const text::Token& t : tokens) {
            if (!is_word(t)) continue;
            all.push_back(match_form(anchor, t, k.mode));
            if (!is_function_word(t.view(anchor))) content.push_back(all.back());
        }
        return content.empty() ? all : content;
    };
    auto within = [&](const Keyphrase& k) {
        const std::vector<std::string> words = words_of(k);
        const std::vector<KeyWord>& pool = k.exact ? k.sequence : k.words;
        return !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& f) {
            return std::any_of(pool.begin(), pool.end(), [&](const KeyWord& w) { return matches(w, f, k.mode); });
        });
    };
    return within(topic.keyphrase) || std::any_of(topic.synonyms.begin(), topic.synonyms.end(), within);
}

}  // namespace

// Yoast's keyphraseDensity verdict on `count` occurrences in `words` words.
int density_score(std::size_t count, std::size_t words, std::size_t keyphrase_length) {
    const auto n = static_cast<int>(count);
    if (words < 100) {
        const int max = words > 50 ? 2 : 1;
        if (n == 0) return 4;
        if (n >= 1 && n <= max) return 9;
        return n == max + 1 ? -10 : -50;
    }
    const int min_count = recommended_count(keyphrase_length, 0.5, false, words);
    const double density =
        static_cast<double>(count) / static_cast<double>(words) * 100 * (0.7 + static_cast<double>(keyphrase_length) / 3);
    if (n == 0 || density < 0.5 || n == 1) return 4;
    if (density <= 3 || (n == 2 && min_count <= 2)) return 9;
    return density <= 4 ? -10 : -50;
}

std::optional<Assessment> introduction_keyword(const Context& ctx) {
    const Topic& topic = ctx.topic;
    if (!can_assess_keyphrase(ctx, topic))
        return result("introductionKeyword", 3,
                      ctx.say("Requête dans l’introduction : indiquez une requête cible et une introduction qui la contient.",
                              "Keyphrase in introduction: add both a keyphrase and an introduction containing it."));
    const std::optional<std::size_t> first = first_paragraph(ctx.doc);
    if (first) {
        for (const Sentence& s : ctx.sentences)
            if (s.block == *first && topic_percent(topic, s.text) == 100)
                return result("introductionKeyword", 9, ctx.say("Requête dans l’introduction : bravo !", "Keyphrase in introduction: well done!"),
                              {ctx.mark(s)});
        if (topic_percent(topic, ctx.doc.blocks[*first].text) == 100)
            return result("introductionKeyword", 6,
                          ctx.say("Requête dans l’introduction : la requête ou ses synonymes figurent dans le premier paragraphe, "
                                  "mais pas dans une même phrase. Réunissez-les.",
                                  "Keyphrase in introduction: the keyphrase or its synonyms appear in the first paragraph, "
                                  "but not within one sentence. Fix that!"));
    }
    return result("introductionKeyword", 3,
                  ctx.say("Requête dans l’introduction : la requête et ses synonymes n’apparaissent pas dans le premier "
                          "paragraphe. Annoncez le sujet dès le début.",
                          "Keyphrase in introduction: your keyphrase or its synonyms do not appear in the first paragraph. "
                          "Make the topic clear immediately."));
}

std::optional<Assessment> keyphrase_density(const Context& ctx) {
    const Topic& topic = ctx.topic;
    if (!can_assess_keyphrase(ctx, topic))
        return result("keyphraseDensity", -50,
                      ctx.say("Densité de la requête : indiquez une requête cible et un texte qui la contient.",
                              "Keyphrase density: add both a keyphrase and some text containing the keyphrase."));
    std::size_t count = 0;
    std::vector<Mark> marks;
    for (const Sentence& s : ctx.sentences) {
        const std::span<const text::Token> tokens = sentence_tokens(ctx, s);
        const Found f = find_in_sentence(topic.keyphrase, tokens, forms_of(ctx, s.block, tokens));
        count += f.count;
        if (f.count > 0)
            for (const text::Span& w : f.words) marks.push_back(ctx.mark(s.block, w.begin, w.end));
    }
    const int score = density_score(count, ctx.words, topic.keyphrase.length());
    std::string percent = fmt::format("{:.1f}", ctx.words == 0 ? 0.0 : static_cast<double>(count) * 100 / static_cast<double>(ctx.words));
    if (ctx.options.lang == Lang::Fr) std::replace(percent.begin(), percent.end(), '.', ',');  // 0,7 %
    std::string message;
    if (score == 9)
        message = ctx.say("Densité de la requête : trouvée {} fois ({} %). Parfait !",
                          "Keyphrase density: found {} times ({}%). This is great!", count, percent);
    else if (score == 4)
        message = ctx.say("Densité de la requête : trouvée {} fois ({} %), c’est trop peu pour un texte de cette longueur. "
                          "Mettez l’accent sur votre requête.",
                          "Keyphrase density: found {} times ({}%), less than recommended for a text of this length. "
                          "Focus on your keyphrase!", count, percent);
    else
        message = ctx.say("Densité de la requête : trouvée {} fois ({} %), c’est plus que le maximum conseillé pour un texte "
                          "de cette longueur. Évitez la suroptimisation.",
                          "Keyphrase density: found {} times ({}%), more than the recommended maximum for a text of "
                          "this length. Don't overoptimize!", count, percent);
    return result("keyphraseDensity", score, std::move(message), std::move(marks));
}

std::optional<Assessment> subheadings_keyword(const Context& ctx) {
    const Topic& topic = ctx.topic;
    if (!can_assess_keyphrase(ctx, topic))
        return result("subheadingsKeyword", 1,
                      ctx.say("Requête dans les intertitres : indiquez une requête cible et un texte avec des intertitres.",
                              "Keyphrase in subheadings: add both a keyphrase and some text with subheadings."));
    std::size_t count = 0, reflecting = 0;
    for (const Block& b : ctx.doc.blocks) {
        if (!is_subheading(b)) continue;
        ++count;
        reflecting += topic_percent(topic, b.text) > 50;
    }
    if (count == 0) {
        if (ctx.words >= 300)
            return result("subheadingsKeyword", 2,
                          ctx.say("Requête dans les intertitres : ce texte long n’a aucun intertitre. Ajoutez-en.",
                                  "Keyphrase in subheadings: this long text has no subheadings. Add some!"));
        return result("subheadingsKeyword", 9,
                      ctx.say("Requête dans les intertitres : ce texte court n’a pas besoin d’intertitres.",
                              "Keyphrase in subheadings: this short text needs no subheadings."));
    }
    const auto min = static_cast<std::size_t>(std::ceil(static_cast<double>(count) * 0.3));
    const auto max = static_cast<std::size_t>(std::floor(static_cast<double>(count) * 0.75));
    auto verdict = [&](int score, std::string_view fr, std::string_view en) {
        return result("subheadingsKeyword", score, ctx.say(fr, en, reflecting, count));
    };
    if (reflecting > 0 && reflecting < min)
        return verdict(3, "Requête dans les intertitres : {} intertitre(s) H2/H3 sur {} reprennent la requête ou un synonyme. "
                          "Utilisez-la dans davantage d’intertitres.",
                       "Keyphrase in subheadings: {} of {} H2/H3 subheadings reflect the topic. Use the keyphrase in more "
                       "of them.");
    if (count > 1 && reflecting > max)
        return verdict(3, "Requête dans les intertitres : {} intertitres H2/H3 sur {} reprennent la requête, c’est trop. "
                          "Variez-les.",
                       "Keyphrase in subheadings: {} of {} H2/H3 subheadings reflect the topic, that is too many. Vary them.");
    if ((count == 1 && reflecting == 1) || (reflecting >= min && reflecting <= max))
        return verdict(9, "Requête dans les intertitres : {} intertitre(s) H2/H3 sur {} reprennent la requête. Bien !",
                       "Keyphrase in subheadings: {} of {} H2/H3 subheadings reflect the topic. Good job!");
    return verdict(3, "Requête dans les intertitres : {} intertitre H2/H3 sur {} reprend la requête ou un synonyme. "
                      "Utilisez-la dans quelques intertitres.",
                   "Keyphrase in subheadings: {} of {} H2/H3 subheadings reflect the topic. Use the keyphrase in some of "
                   "them.");
}

std::optional<Assessment> text_competing_links(const Context& ctx) {
    const Topic& topic = ctx.topic;
    std::size_t competing = 0;
    std::vector<Mark> marks;
    if (!topic.keyphrase.empty())
        for (std::size_t i = 0; i < ctx.doc.blocks.size(); ++i) {
            const Block& b = ctx.doc.blocks[i];
            for (const Link& l : b.links) {
                if (l.href.starts_with('#') || l.end <= l.begin) continue;  // links to the page itself
                const std::string_view anchor = std::string_view(b.text).substr(l.begin, l.end - l.begin);
                if (topic_percent(topic, anchor) != 100 || !anchor_is_topic(topic, anchor)) continue;
                ++competing;
                marks.push_back(ctx.mark(i, l.begin, l.end));
            }
        }
    if (competing == 0)
        return result("textCompetingLinks", 8,
                      ctx.say("Liens concurrents : aucun lien n’a la requête cible pour texte. Bien !",
                              "Competing links: no link has your keyphrase as its anchor. Good job!"));
    return result("textCompetingLinks", 2,
                  ctx.say("Liens concurrents : {} lien(s) ont la requête cible pour texte. Ils font concurrence à cet article : "
                          "changez leur texte.",
                          "Competing links: {} link(s) use your keyphrase as anchor text. They compete with this article: "
                          "change their anchor.", competing),
                  std::move(marks));
}

std::optional<Assessment> text_length(const Context& ctx) {
    const std::size_t n = ctx.words;
    if (n >= 300)
        return result("textLength", 9, ctx.say("Longueur du texte : {} mots. Bien !", "Text length: {} words. Good job!", n));
    if (n >= 250)
        return result("textLength", 6,
                      ctx.say("Longueur du texte : {} mots, un peu moins que le minimum conseillé de 300. Ajoutez du contenu.",
                              "Text length: {} words, slightly below the recommended minimum of 300. Add more content.", n));
    const int score = n >= 200 ? 3 : n >= 100 ? -10 : -20;
    return result("textLength", score,
                  ctx.say("Longueur du texte : {} mots, bien moins que le minimum conseillé de 300. Ajoutez du contenu.",
                          "Text length: {} words, far below the recommended minimum of 300. Add more content.", n));
}

std::optional<Assessment> single_h1(const Context& ctx) {
    std::vector<Mark> marks;
    for (std::size_t i = 0; i < ctx.doc.blocks.size(); ++i) {
        const Block& b = ctx.doc.blocks[i];
        if (b.kind == BlockKind::Heading && b.level == 1 && !b.text.empty()) marks.push_back(ctx.mark(i, 0, b.text.size()));
    }
    if (marks.size() <= 1)
        return result("singleH1", 8, ctx.say("Titre H1 : un seul H1 au plus. Bien !", "Single title: at most one H1. Good job!"));
    return result("singleH1", 1,
                  ctx.say("Titre H1 : le texte contient {} titres H1. N’en gardez qu’un.",
                          "Single title: the text has {} H1 headings. Keep only one.", marks.size()),
                  std::move(marks));
}

}  // namespace plume::analysis::seo
