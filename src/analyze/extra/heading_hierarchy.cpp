// headingHierarchy: one H1, the title, which a CMS publishes outside the body, and subheadings
// that descend one level at a time (H2 then H3, never H2 then H4), as readers of an outline and
// screen readers expect.
#include <algorithm>

#include "analyze/extra/extra.hpp"

namespace plume::analysis::extra {

namespace {

struct Outline {
    std::vector<Mark> extra_h1;  // level-1 headings left in the body
    std::vector<Mark> skips;     // headings more than one level below the previous one
};

Outline outline_of(const Context& ctx) {
    Outline o;
    int previous = 1;  // the title
    for (std::size_t b = 0; b < ctx.doc.blocks.size(); ++b) {
        const Block& block = ctx.doc.blocks[b];
        if (block.kind != BlockKind::Heading) continue;
        const Mark m = ctx.mark(b, 0, block.text.size());
        if (block.level == 1) o.extra_h1.push_back(m);
        else if (block.level > previous + 1) o.skips.push_back(m);
        previous = block.level;
    }
    return o;
}

}  // namespace

std::optional<Assessment> heading_hierarchy(const Context& ctx) {
    Outline o = outline_of(ctx);
    const bool titled = ctx.doc.title.has_value() && !ctx.doc.title->empty();
    std::vector<std::string> problems;
    if (!titled) problems.push_back(ctx.say("l’article n’a pas de titre (H1)", "the article has no title (H1)"));
    if (!o.extra_h1.empty())
        problems.push_back(ctx.say("{} H1 dans le corps, en plus du titre", "{} H1 in the body besides the title",
                                   o.extra_h1.size()));
    if (!o.skips.empty())
        problems.push_back(ctx.say("{} intertitre(s) sautant un niveau (H2 puis H4)",
                                   "{} subheading(s) skipping a level (H2 then H4)", o.skips.size()));
    if (problems.empty())
        return result("headingHierarchy", 9,
                      ctx.say("Titres : un seul H1 et des niveaux qui se suivent.",
                              "Headings: a single H1 and levels that follow each other."));
    // A missing or repeated H1 confuses search engines; a skipped level only the outline.
    const int score = titled && o.extra_h1.empty() ? 6 : 3;
    std::vector<Mark> marks = std::move(o.extra_h1);
    marks.insert(marks.end(), o.skips.begin(), o.skips.end());
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
    return result("headingHierarchy", score,
                  ctx.say("Titres : {}.", "Headings: {}.", fmt::join(problems, "; ")), std::move(marks));
}

}  // namespace plume::analysis::extra
