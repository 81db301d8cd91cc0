// JSON renderers (schema in docs/analysis.md).
#include <nlohmann/json.hpp>

#include "plume/render.hpp"
#include "render/json_analysis.hpp"

namespace plume {

namespace {

nlohmann::ordered_json category_json(const Category& c) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Assessment& a : c.assessments) {
        nlohmann::ordered_json marks = nlohmann::ordered_json::array();
        for (const Mark& m : a.marks) marks.push_back({{"start", m.start}, {"end", m.end}});
        list.push_back({{"id", a.id},
                        {"score", a.score},
                        {"rating", to_string(a.rating)},
                        {"message", a.message},
                        {"marks", std::move(marks)}});
    }
    return {{"score", c.score}, {"rating", to_string(c.rating)}, {"assessments", std::move(list)}};
}

}  // namespace

namespace render {

nlohmann::ordered_json analysis_json(const Analysis& a) {
    nlohmann::ordered_json j;
    j["stats"] = {{"words", a.stats.words},
                  {"sentences", a.stats.sentences},
                  {"paragraphs", a.stats.paragraphs},
                  {"syllables", a.stats.syllables},
                  {"flesch", std::round(a.stats.flesch * 10) / 10}};
    j["seo"] = category_json(a.seo);
    j["readability"] = category_json(a.readability);
    j["extra"] = category_json(a.extra);
    j["warnings"] = a.warnings;
    j["slug"] = a.slug;
    j["slugDerived"] = a.slug_derived;  // no --slug: derived from the title as WordPress does
    return j;
}

std::string dump_json(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace render

std::string render_json(const Analysis& a, const std::string& file) {
    nlohmann::ordered_json j;
    j["file"] = file;
    j.update(render::analysis_json(a));
    return render::dump_json(j);
}

std::string render_paper_json(const Document& doc, const Analysis& a, const AnalyzeOptions& o) {
    nlohmann::ordered_json j;
    j["text"] = render_html_body(doc);
    j["keyword"] = o.keyphrase;
    j["synonyms"] = [&] {
        std::string s;
        for (const std::string& syn : o.synonyms) s += (s.empty() ? "" : ", ") + syn;
        return s;
    }();
    j["title"] = !o.title.empty() ? o.title : doc.title.value_or("");
    j["description"] = !o.description.empty() ? o.description : doc.description.value_or("");
    j["slug"] = a.slug;  // derived from the title when none is given, as WordPress gives Yoast
    j["titleWidth"] = a.title_width;
    j["locale"] = "fr_FR";
    return render::dump_json(j);
}

}  // namespace plume
