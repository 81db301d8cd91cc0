// The written article as one JSON document: its parts with the provenance of every piece,
// the sources, what was removed and why, the facts and where they come from, the analysis.
#include <cmath>

#include <nlohmann/json.hpp>

#include "plume/write.hpp"
#include "render/json_analysis.hpp"
#include "render/json_writer.hpp"

namespace plume {

namespace {

using nlohmann::ordered_json;

// A source index, or null for plume's own words and facts found in no source.
ordered_json source_ref(int source) { return source >= 0 ? ordered_json(source) : ordered_json(nullptr); }

const char* kind_name(SectionKind k) {
    switch (k) {
        case SectionKind::Body: return "body";
        case SectionKind::KeyPoints: return "key-points";
        case SectionKind::KeyFigures: return "key-figures";
        case SectionKind::Faq: return "faq";
        case SectionKind::Conclusion: return "conclusion";
        case SectionKind::Sources: return "sources";
    }
    return "?";
}

const char* kind_name(BlockKind k) {
    switch (k) {
        case BlockKind::Heading: return "heading";
        case BlockKind::Paragraph: return "paragraph";
        case BlockKind::ListItem: return "list-item";
        case BlockKind::Quote: return "quote";
        case BlockKind::Code: return "code";
    }
    return "?";
}

ordered_json block_json(const ArticleBlock& b) {
    ordered_json j = {{"kind", kind_name(b.kind)}};
    if (b.kind == BlockKind::Heading) j["level"] = b.level;
    j["text"] = b.text();
    if (!b.href.empty()) j["href"] = b.href;
    ordered_json pieces = ordered_json::array();
    for (const Piece& p : b.pieces) pieces.push_back({{"text", p.text}, {"source", source_ref(p.source)}});
    j["pieces"] = std::move(pieces);
    return j;
}

ordered_json blocks_json(const std::vector<ArticleBlock>& blocks) {
    ordered_json list = ordered_json::array();
    for (const ArticleBlock& b : blocks) list.push_back(block_json(b));
    return list;
}

ordered_json article_json(const Article& a) {
    ordered_json sections = ordered_json::array();
    for (const Section& s : a.sections)
        sections.push_back({{"kind", kind_name(s.kind)}, {"heading", s.heading}, {"blocks", blocks_json(s.blocks)}});
    return {{"title", a.title},
            {"headline", a.h1()},
            {"description", a.description},
            {"slug", a.slug},
            {"canonical_url", a.canonical_url},
            {"keyphrase", a.keyphrase},
            {"synonyms", a.synonyms},
            {"date", a.date},
            {"intro", blocks_json(a.intro)},
            {"sections", std::move(sections)}};
}

ordered_json brief_json(const Brief& b) {
    auto or_null = [](const auto& v) { return v ? ordered_json(*v) : ordered_json(nullptr); };
    return {{"line", b.line},
            {"min_words", or_null(b.min_words)},
            {"lang", b.lang ? ordered_json(*b.lang == Lang::Fr ? "fr" : "en") : ordered_json(nullptr)},
            {"subheadings", or_null(b.subheadings)},
            {"keyphrase", b.keyphrase}};
}

ordered_json model_json(const ModelReport& m, double verbatim_share) {
    ordered_json steps = ordered_json::array();
    for (const ModelReport::Step& s : m.steps)
        steps.push_back({{"name", s.name}, {"calls", s.calls}, {"seconds", std::round(s.seconds * 1000) / 1000}});
    ordered_json repairs = ordered_json::object();
    for (const auto& [reason, n] : m.repairs) repairs[reason] = n;
    ordered_json replaced = ordered_json::array();
    for (const ModelReport::Replaced& x : m.replaced) replaced.push_back({{"part", x.part}, {"reason", x.reason}});
    return {{"calls", m.calls},
            {"max_calls", m.max_calls},
            {"attempts", m.attempts},
            {"prompt_tokens", m.prompt_tokens},
            {"completion_tokens", m.completion_tokens},
            {"steps", std::move(steps)},
            {"repairs", std::move(repairs)},
            {"facts_rejected", m.facts_rejected},
            {"replaced", std::move(replaced)},
            {"verbatim_share", std::round(verbatim_share * 1000) / 1000}};
}

}  // namespace

std::string render_article_json(const WriteResult& r) {
    ordered_json j;
    j["article"] = article_json(r.article);
    j["sources"] = ordered_json::array();
    for (const SourceInfo& s : r.sources)
        j["sources"].push_back({{"name", s.name}, {"url", s.url}, {"title", s.title}, {"words", s.words}});
    j["brief"] = brief_json(r.brief);
    j["removals"] = ordered_json::array();
    for (const Removal& m : r.removals)
        j["removals"].push_back({{"source", m.source}, {"reason", to_string(m.reason)}, {"kind", m.kind}, {"text", m.text}});
    j["facts"] = ordered_json::array();
    for (const Fact& f : r.facts)
        j["facts"].push_back({{"kind", to_string(f.kind)}, {"text", f.text}, {"source", source_ref(f.source)}});
    j["verbatim_share"] = std::round(r.verbatim_share * 1000) / 1000;
    j["words"] = r.words;
    j["target_words"] = r.target_words;
    j["warnings"] = r.warnings;
    std::string out = render::dump_json(j);
    out.pop_back();  // the closing brace: the analysis is written straight after, with no tree
    out += R"(,"analysis":)";
    render::JsonWriter w(out);
    w.begin_object();
    render::write_analysis_members(w, r.analysis);
    w.end_object();
    if (r.model.used) out += R"(,"llm":)" + render::dump_json(model_json(r.model, r.verbatim_share));
    return out + "}";
}

}  // namespace plume
