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

// What the language model did: calls, tokens, time per step, repairs and replacements.
std::string model_summary(const ModelReport& m, bool fr) {
    std::string out = fmt::format(fmt::runtime(fr ? "Modèle : {} appels sur {} permis ({} requêtes HTTP), {} jetons de prompt, {} jetons produits\n"
                                                   : "Model: {} calls of {} allowed ({} HTTP requests), {} prompt tokens, {} completion tokens\n"),
                                  m.calls, m.max_calls, m.attempts, m.prompt_tokens, m.completion_tokens);
    std::string steps;
    for (const ModelReport::Step& s : m.steps) steps += fmt::format("{}{} {:.1f} s ({})", steps.empty() ? "" : ", ", s.name, s.seconds, s.calls);
    out += fmt::format(fmt::runtime(fr ? "Modèle, temps par étape : {}\n" : "Model, time per step: {}\n"), steps);
    std::string repairs;
    for (const auto& [reason, n] : m.repairs) repairs += fmt::format("{}{} {}", repairs.empty() ? "" : ", ", reason, n);
    out += fmt::format(fmt::runtime(fr ? "Modèle, renvois par motif : {}\n" : "Model, answers sent back by reason: {}\n"),
                       repairs.empty() ? "0" : repairs);
    out += fmt::format(fmt::runtime(fr ? "Modèle, faits refusés (absents des sources) : {}\n" : "Model, facts rejected (not in the sources): {}\n"),
                       m.facts_rejected.size());
    out += fmt::format(fmt::runtime(fr ? "Modèle, parties laissées au texte de plume : {}\n" : "Model, parts left to plume's own text: {}\n"),
                       m.replaced.size());
    return out;
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
    if (r.model.used) out += model_summary(r.model, fr);
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
