// What `plume write` says on stderr: the summary of the article, and (--explain) the removals.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plume/write.hpp"
#include "render/common.hpp"

namespace plume {

namespace {

std::string source_name(const WriteResult& r, int source) {
    if (source >= 0 && static_cast<std::size_t>(source) < r.sources.size()) return r.sources[source].name;
    return fmt::format("source {}", source + 1);
}

const char* reason_words(RemovalReason reason, Lang lang) {
    if (lang == Lang::En) return to_string(reason);
    switch (reason) {
        case RemovalReason::Brief: return "consigne";
        case RemovalReason::Boilerplate: return "passage parasite";
        case RemovalReason::RepeatedTitle: return "titre répété";
        case RemovalReason::RedundantBullet: return "puce redondante";
        case RemovalReason::OffTopic: return "hors sujet";
        case RemovalReason::Duplicate: return "doublon";
        case RemovalReason::NotProse: return "pas une phrase d’article";
        case RemovalReason::Moved: return "déplacé";
    }
    return "?";
}

}  // namespace

std::string render_write_summary(const WriteResult& r, Lang lang) {
    const bool fr = lang == Lang::Fr;
    const Analysis& a = r.analysis;
    const auto h2 = std::count_if(r.article.sections.begin(), r.article.sections.end(),
                                  [](const Section& s) { return !s.heading.empty(); });
    const auto traced = std::count_if(r.facts.begin(), r.facts.end(), [](const Fact& f) { return f.source >= 0; });
    const long percent = std::lround(r.verbatim_share * 100);
    std::string out;
    out += fmt::format(fmt::runtime(fr ? "{} mots (objectif : {}), {} intertitres H2\n" : "{} words (target: {}), {} H2 subheadings\n"),
                       r.words, r.target_words, h2);
    out += fmt::format(fmt::runtime(fr ? "SEO : {}/100 ({})\n" : "SEO: {}/100 ({})\n"), a.seo.score,
                       render::rating_word(a.seo.rating, lang));
    out += fmt::format(fmt::runtime(fr ? "Lisibilité : {}/100 ({})\n" : "Readability: {}/100 ({})\n"), a.readability.score,
                       render::rating_word(a.readability.rating, lang));
    out += fmt::format(fmt::runtime(fr ? "Reprise mot pour mot : {} % des suites de 8 mots figurent telles quelles dans les "
                                         "sources (plus c’est haut, plus le risque de contenu dupliqué est grand)\n"
                                       : "Verbatim reuse: {}% of the 8-word sequences appear as such in the sources "
                                         "(the higher, the greater the duplicate-content risk)\n"),
                       percent);
    out += fmt::format(fmt::runtime(fr ? "Faits retrouvés dans les sources : {}/{}\n" : "Facts traced to the sources: {}/{}\n"),
                       traced, r.facts.size());
    out += fmt::format(fmt::runtime(fr ? "Passages retirés des sources : {} (détail avec --explain)\n"
                                       : "Passages removed from the sources: {} (details with --explain)\n"),
                       r.removals.size());
    for (const std::string& w : r.warnings) out += fmt::format(fmt::runtime(fr ? "attention : {}\n" : "warning: {}\n"), w);
    return out;
}

std::string render_removals(const WriteResult& r, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::string out = fmt::format(fmt::runtime(fr ? "Passages retirés : {}\n" : "Removed passages: {}\n"), r.removals.size());
    for (const Removal& m : r.removals) {
        out += fmt::format("  {} — {}", source_name(r, m.source), reason_words(m.reason, lang));
        if (!m.kind.empty()) out += fmt::format(" ({})", m.kind);
        out += fmt::format(fmt::runtime(fr ? " : « {} »\n" : ": \"{}\"\n"), render::excerpt(m.text, 100));
    }
    return out;
}

}  // namespace plume
