// Runs the three families of assessments and aggregates them as yoastseo does.
#include <algorithm>
#include <cmath>

#include "analyze/context.hpp"
#include "analyze/extra/extra.hpp"
#include "analyze/readability/readability.hpp"
#include "analyze/seo/seo.hpp"
#include "analyze/stats.hpp"
#include "analyze/title_width.hpp"

namespace plume {

const char* to_string(Rating rating) {
    switch (rating) {
        case Rating::Good: return "good";
        case Rating::Ok: return "ok";
        default: return "bad";
    }
}

Rating rating_of_score(int score) {
    if (score > 7) return Rating::Good;
    if (score > 4) return Rating::Ok;
    return Rating::Bad;
}

namespace {

std::vector<Assessment> run(const std::vector<analysis::AssessFn>& fns, const analysis::Context& ctx) {
    std::vector<Assessment> out;
    for (analysis::AssessFn fn : fns)
        if (auto a = fn(ctx)) out.push_back(std::move(*a));
    return out;
}

// yoastseo's SEOScoreAggregator: the mean score on a 0-100 scale.
Category aggregate_mean(std::vector<Assessment> assessments) {
    Category c;
    int sum = 0;
    for (const Assessment& a : assessments) sum += a.score;
    if (!assessments.empty())
        c.score = static_cast<int>(std::lround(sum * 100.0 / (static_cast<double>(assessments.size()) * 9)));
    // Negative scores (keyphraseLength is -999 without a keyphrase) can take the mean below 0:
    // shown on the 0-100 scale, as Yoast's interface does.
    c.score = std::clamp(c.score, 0, 100);
    // Overall traffic light: the 0-100 score read on the 0-10 assessment scale.
    c.rating = c.score > 70 ? Rating::Good : c.score > 40 ? Rating::Ok : Rating::Bad;
    c.assessments = std::move(assessments);
    return c;
}

// yoastseo's ContentAssessor.calculateOverallScore: each valid result costs penalty points by its
// rating, bad 3 and ok 2 (a score of 0 is "feedback" and costs nothing); more than 6 points gives
// 30, more than 4 gives 60, otherwise 90; no result or a single one (the "not enough content"
// one) gives 30. Yoast's stricter scale (bad 4, thresholds 4 and 2) is for languages where some
// of the seven assessments are not applicable; all seven are for French (textPresence too, though
// it reports nothing once there is enough text), so the number of results does not select it.
Category aggregate_penalties(std::vector<Assessment> assessments) {
    Category c;
    int penalty = 0;
    for (const Assessment& a : assessments)
        if (a.score != 0) penalty += a.rating == Rating::Bad ? 3 : a.rating == Rating::Ok ? 2 : 0;
    if (assessments.size() <= 1) c.score = 30;
    else if (penalty > 6) c.score = 30;
    else if (penalty > 4) c.score = 60;
    else c.score = 90;
    c.rating = c.score == 90 ? Rating::Good : c.score == 60 ? Rating::Ok : Rating::Bad;
    c.assessments = std::move(assessments);
    return c;
}

}  // namespace

Analysis analyze(const Document& doc, const AnalyzeOptions& options) {
    const analysis::Context ctx = analysis::make_context(doc, options);
    Analysis a;
    a.stats = analysis::compute_stats(ctx);
    a.title_width = analysis::title_width_px(ctx.title);
    a.slug = ctx.slug;
    a.slug_derived = options.slug.empty() && !ctx.slug.empty();
    a.seo = aggregate_mean(run(analysis::seo::assessments(), ctx));
    a.readability = aggregate_penalties(run(analysis::readability::assessments(), ctx));
    a.extra = aggregate_mean(run(analysis::extra::assessments(), ctx));
    a.warnings = analysis::language_warnings(ctx);
    return a;
}

}  // namespace plume
