// Assessments of the keyphrase itself and of what a search result shows: SEO title, its width,
// meta description, slug. Thresholds and scores are yoastseo 3.6.0's.
#include <algorithm>

#include "analyze/seo/seo.hpp"
#include "analyze/title_width.hpp"

namespace plume::analysis::seo {

namespace {

// Length as JavaScript's String.length counts it (UTF-16 code units), as Yoast measures.
std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
    return n;
}

std::string replace_hyphens(std::string s) {
    std::replace_if(s.begin(), s.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
    return s;
}

// Keyphrase occurrences in one sentence of the meta description, then synonym occurrences in
// what the keyphrase did not take (Yoast's metaDescriptionKeyword).
std::size_t topic_count(const Topic& topic, std::string_view text, std::vector<text::Token> tokens) {
    const Found key = find_in_sentence(topic.keyphrase, text, tokens);
    std::size_t n = key.count;
    if (key.count > 0)
        std::erase_if(tokens, [&](const text::Token& t) {
            return std::any_of(key.words.begin(), key.words.end(), [&](const text::Span& w) { return w.begin == t.begin; });
        });
    for (const Keyphrase& synonym : topic.synonyms) n += find_in_sentence(synonym, text, tokens).count;
    return n;
}

// Yoast finds a word inside a hyphenated compound ("monnaie" in "porte-monnaie"); the parts
// before it stand before the keyphrase in the title.
bool parts_before_are_function_words(const Keyphrase& k, std::string_view form) {
    const KeyWord& first = k.sequence.front();
    if (k.mode == MatchMode::French || form.starts_with(first.form) || form.starts_with(first.folded)) return true;
    for (std::size_t b = 0; b < form.size();) {
        const std::size_t e = std::min(form.find('-', b), form.size());
        const std::string_view part = form.substr(b, e - b);
        if (matches(first, part, k.mode)) return true;
        if (!is_function_word(part)) return false;
        b = e + 1;
    }
    return true;
}

}  // namespace

std::optional<Assessment> keyphrase_length(const Context& ctx) {
    const std::size_t n = ctx.topic.keyphrase.length();
    if (n == 0)
        return result("keyphraseLength", -999,
                      ctx.say("Longueur de la requête : aucune requête cible n’est indiquée. Ajoutez-en une pour obtenir une "
                              "note SEO.",
                              "Keyphrase length: no focus keyphrase was set for this page. Set a keyphrase in order to "
                              "calculate your SEO score."));
    if (n <= 4)
        return result("keyphraseLength", 9, ctx.say("Longueur de la requête : bien !", "Keyphrase length: good job!"));
    return result("keyphraseLength", n <= 8 ? 6 : 3,
                  ctx.say("Longueur de la requête : {} mots significatifs, plus que le maximum conseillé de 4. Raccourcissez-la.",
                          "Keyphrase length: {} content words, more than the recommended maximum of 4. Make it shorter!", n));
}

std::optional<Assessment> meta_description_keyword(const Context& ctx) {
    const Topic& topic = ctx.topic;
    if (topic.keyphrase.empty() || ctx.description.empty())
        return result("metaDescriptionKeyword", 3,
                      ctx.say("Requête dans la méta-description : indiquez une requête cible et une méta-description qui la "
                              "contient.",
                              "Keyphrase in meta description: add both a keyphrase and a meta description containing it."));
    const std::vector<text::Token> tokens = text::tokenize(ctx.description);
    std::size_t n = 0;
    for (const text::Span& s : text::split_sentences(ctx.description)) {
        std::vector<text::Token> in;
        std::copy_if(tokens.begin(), tokens.end(), std::back_inserter(in),
                     [&](const text::Token& t) { return t.begin >= s.begin && t.begin < s.end; });
        n += topic_count(topic, ctx.description, std::move(in));
    }
    if (n == 1 || n == 2)
        return result("metaDescriptionKeyword", 9,
                      ctx.say("Requête dans la méta-description : la requête ou un synonyme y figure. Bien !",
                              "Keyphrase in meta description: keyphrase or synonym appear in the meta description. Well done!"));
    if (n >= 3)
        return result("metaDescriptionKeyword", 3,
                      ctx.say("Requête dans la méta-description : elle y figure {} fois, plus que le maximum conseillé de 2. "
                              "Limitez-la.",
                              "Keyphrase in meta description: it appears {} times, over the advised maximum of 2. Limit that!", n));
    return result("metaDescriptionKeyword", 3,
                  ctx.say("Requête dans la méta-description : la méta-description ne contient pas la requête. Ajoutez-la.",
                          "Keyphrase in meta description: the meta description does not contain the keyphrase. Fix that!"));
}

std::optional<Assessment> meta_description_length(const Context& ctx) {
    constexpr std::size_t kShort = 120, kMax = 156;
    const std::size_t n = utf16_length(ctx.description);
    if (n == 0)
        return result("metaDescriptionLength", 1,
                      ctx.say("Longueur de la méta-description : aucune méta-description. Les moteurs afficheront un extrait "
                              "de la page. Rédigez-en une.",
                              "Meta description length: no meta description has been specified. Search engines will "
                              "display copy from the page instead. Make sure to write one!"));
    if (n <= kShort)
        return result("metaDescriptionLength", 6,
                      ctx.say("Longueur de la méta-description : {} caractères, trop court (pas plus de {}). Jusqu’à {} "
                              "caractères sont disponibles.",
                              "Meta description length: {} characters, too short (up to {}). Up to {} characters are "
                              "available. Use the space!", n, kShort, kMax));
    if (n > kMax)
        return result("metaDescriptionLength", 6,
                      ctx.say("Longueur de la méta-description : {} caractères, plus de {}. Raccourcissez-la pour qu’elle "
                              "s’affiche en entier.",
                              "Meta description length: {} characters, over {}. Reduce the length so the whole description "
                              "shows.", n, kMax));
    return result("metaDescriptionLength", 9,
                  ctx.say("Longueur de la méta-description : {} caractères. Bien !", "Meta description length: {} characters. Well done!", n));
}

std::optional<Assessment> keyphrase_in_seo_title(const Context& ctx) {
    const Topic& topic = ctx.topic;
    if (topic.keyphrase.empty() || ctx.title.empty())
        return result("keyphraseInSEOTitle", 2,
                      ctx.say("Requête dans le titre SEO : indiquez une requête cible et un titre SEO qui la contient.",
                              "Keyphrase in SEO title: add both a keyphrase and an SEO title containing the keyphrase."));
    const std::vector<text::Token> tokens = text::tokenize(ctx.title);
    if (const std::ptrdiff_t at = find_sequence(topic.keyphrase, ctx.title, tokens); at >= 0) {
        // At the beginning when only function words come before it ("L’IA générative…").
        const bool first = std::all_of(tokens.begin(), tokens.begin() + at, [&](const text::Token& t) {
            return !is_word(t) || is_function_word(t.view(ctx.title));
        }) && parts_before_are_function_words(topic.keyphrase, match_form(ctx.title, tokens[at], topic.keyphrase.mode));
        if (first)
            return result("keyphraseInSEOTitle", 9,
                          ctx.say("Requête dans le titre SEO : la requête exacte figure au début du titre. Bien !",
                                  "Keyphrase in SEO title: the exact match of the keyphrase appears at the beginning of the "
                                  "SEO title. Good job!"));
        return result("keyphraseInSEOTitle", 6,
                      ctx.say("Requête dans le titre SEO : la requête exacte figure dans le titre, mais pas au début. "
                              "Placez-la en tête.",
                              "Keyphrase in SEO title: the exact match appears in the SEO title, but not at the beginning. "
                              "Move it to the beginning."));
    }
    if (topic_percent(topic, ctx.title, false) == 100)
        return result("keyphraseInSEOTitle", 6,
                      ctx.say("Requête dans le titre SEO : tous les mots de la requête figurent dans le titre, mais pas "
                              "sous sa forme exacte. Essayez la forme exacte au début du titre.",
                              "Keyphrase in SEO title: all words of the keyphrase appear in the SEO title, but not as an "
                              "exact match. Try to use the exact match at the beginning."));
    return result("keyphraseInSEOTitle", 2,
                  ctx.say("Requête dans le titre SEO : tous les mots de la requête n’y figurent pas. Placez la requête "
                          "exacte au début du titre.",
                          "Keyphrase in SEO title: not all the words of your keyphrase appear in the SEO title. Use the "
                          "exact match at the beginning of the SEO title."));
}

std::optional<Assessment> title_width(const Context& ctx) {
    const double w = title_width_px(ctx.title);
    const auto px = static_cast<long>(w);
    if (w > 600)
        return result("titleWidth", 3,
                      ctx.say("Largeur du titre SEO : {} px, plus que les 600 px visibles. Raccourcissez-le.",
                              "SEO title width: {} px, wider than the 600 px shown. Make it shorter!", px));
    if (w > 400)
        return result("titleWidth", 9, ctx.say("Largeur du titre SEO : {} px. Bien !", "SEO title width: {} px. Good job!", px));
    if (w > 1)
        return result("titleWidth", 9,
                      ctx.say("Largeur du titre SEO : {} px. Bien ! Il reste de la place pour un titre plus riche.",
                              "SEO title width: {} px. Good job! There is room for a richer title.", px));
    return result("titleWidth", 1,
                  ctx.say("Largeur du titre SEO : pas de titre. Rédigez-en un.", "SEO title width: please create an SEO title."));
}

std::optional<Assessment> slug_keyword(const Context& ctx) {
    const Keyphrase& k = ctx.topic.keyphrase;
    if (k.empty() || ctx.slug.empty())
        return result("slugKeyword", 3,
                      ctx.say("Requête dans le slug : indiquez une requête cible et un slug qui la contient.",
                              "Keyphrase in slug: add both a keyphrase and a slug containing the keyphrase."));
    // Hyphens separate words in a slug, and so in the keyphrase compared with it.
    const Keyphrase words = k.exact ? k : make_keyphrase(replace_hyphens(ctx.options.keyphrase), ctx.options.match);
    const int percent = topic_percent(Topic{words, {}}, replace_hyphens(ctx.slug), false);
    const bool good = words.length() < 3 ? percent == 100 : percent > 50;
    if (good)
        return result("slugKeyword", 9, ctx.say("Requête dans le slug : bien !", "Keyphrase in slug: great work!"));
    return result("slugKeyword", 6,
                  ctx.say("Requête dans le slug : la requête ne figure pas (assez) dans le slug. Modifiez-le.",
                          "Keyphrase in slug: (part of) your keyphrase does not appear in the slug. Change that!"));
}

std::optional<Assessment> function_words_in_keyphrase(const Context& ctx) {
    const Keyphrase& k = ctx.topic.keyphrase;
    if (k.empty() || k.exact) return std::nullopt;
    const std::string hyphens_apart = replace_hyphens(k.phrase);
    const std::vector<text::Token> tokens = text::tokenize(hyphens_apart);
    const bool only = std::all_of(tokens.begin(), tokens.end(), [&](const text::Token& t) {
        return !is_word(t) || is_function_word(t.view(hyphens_apart));
    });
    if (!only) return std::nullopt;
    return result("functionWordsInKeyphrase", 0,
                  ctx.say("Mots vides dans la requête : « {} » ne contient que des mots vides. Choisissez une requête "
                          "porteuse de sens.",
                          "Function words in keyphrase: \"{}\" contains only function words. Learn how a good keyphrase "
                          "looks.", ctx.options.keyphrase));
}

}  // namespace plume::analysis::seo
