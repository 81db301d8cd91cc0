// subheadingsTooLong: no section (text between subheadings) longer than 300 words; a text
// of more than 300 words needs subheadings.
#include <algorithm>

#include "analyze/readability/readability.hpp"

namespace plume::analysis::readability {

namespace {

constexpr std::size_t kMaxSection = 300;  // yoastseo's defaults, which French keeps
constexpr std::size_t kFarTooLong = 350;

struct Section {
    std::optional<std::size_t> heading;  // block index; none for the text before the first one
    std::size_t words = 0;
};

// Sections in text order; the text before the first subheading is one only when it has words.
std::vector<Section> sections_of(const Context& ctx, std::size_t& total_words) {
    std::vector<Section> out{{std::nullopt, 0}};
    total_words = 0;
    for (std::size_t i = 0; i < ctx.doc.blocks.size(); ++i) {
        const Block& b = ctx.doc.blocks[i];
        if (!analysed(b)) continue;
        const std::size_t words = word_count(ctx, i, 0, b.text.size());
        total_words += words;
        if (b.kind == BlockKind::Heading) out.push_back({i, 0});
        else out.back().words += words;
    }
    if (out.front().words == 0) out.erase(out.begin());
    return out;
}

Assessment great(const Context& ctx) {
    return result("subheadingsTooLong", 9,
                  ctx.say("Répartition des intertitres : bravo !", "Subheading distribution: great job!"));
}

}  // namespace

std::optional<Assessment> subheading_distribution(const Context& ctx) {
    std::size_t total = 0;
    const std::vector<Section> sections = sections_of(ctx, total);
    const bool has_subheadings = std::any_of(sections.begin(), sections.end(), [](const Section& s) { return s.heading; });
    if (total <= kMaxSection) {
        if (has_subheadings) return great(ctx);
        return result("subheadingsTooLong", 9,
                      ctx.say("Répartition des intertitres : pas d’intertitre, mais le texte est assez court pour s’en "
                              "passer.",
                              "Subheading distribution: you are not using any subheadings, but your text is short "
                              "enough and probably doesn't need them."));
    }
    if (!has_subheadings)
        return result("subheadingsTooLong", 2,
                      ctx.say("Répartition des intertitres : le texte est long et n’a aucun intertitre. Ajoutez-en.",
                              "Subheading distribution: you are not using any subheadings, although your text is "
                              "rather long. Try and add some subheadings."));

    std::size_t too_long = 0, longest = 0;
    std::vector<Mark> marks;
    for (const Section& s : sections) {
        longest = std::max(longest, s.words);
        if (s.words <= kMaxSection) continue;
        ++too_long;
        if (s.heading) marks.push_back(ctx.mark(*s.heading, 0, ctx.doc.blocks[*s.heading].text.size()));
    }
    // A long beginning is reported on its own unless other sections are too long as well.
    const Section& first = sections.front();
    if (!first.heading && first.words > kMaxSection && too_long < 2)
        return result("subheadingsTooLong", first.words <= kFarTooLong ? 6 : 3,
                      ctx.say("Répartition des intertitres : le début du texte dépasse {} mots sans intertitre. "
                              "Ajoutez des intertitres pour faciliter la lecture.",
                              "Subheading distribution: the beginning of your text is longer than {} words and is "
                              "not separated by any subheadings. Add subheadings to improve readability.",
                              kMaxSection));
    if (longest <= kMaxSection) return great(ctx);
    return result("subheadingsTooLong", longest <= kFarTooLong ? 6 : 3,
                  ctx.say("Répartition des intertitres : {} section(s) dépassent {} mots sans intertitre. "
                          "Ajoutez des intertitres pour faciliter la lecture.",
                          "Subheading distribution: {} section(s) of your text are longer than the recommended "
                          "number of words ({}) and are not separated by any subheadings. Add subheadings to "
                          "improve readability.",
                          too_long, kMaxSection),
                  std::move(marks));
}

}  // namespace plume::analysis::readability
