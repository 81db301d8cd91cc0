// JSON renderers (schema in docs/analysis.md).
#include <nlohmann/json.hpp>

#include <cmath>

#include "plume/render.hpp"
#include "render/json_analysis.hpp"
#include "render/json_writer.hpp"

namespace plume {

namespace {

void write_category(render::JsonWriter& w, const Category& c) {
    w.begin_object().key("score").value(c.score).key("rating").value(to_string(c.rating)).key("assessments").begin_array();
    for (const Assessment& a : c.assessments) {
        w.begin_object().key("id").value(a.id).key("score").value(a.score).key("rating").value(to_string(a.rating));
        w.key("message").value(a.message).key("marks").begin_array();
        for (const Mark& m : a.marks) w.begin_object().key("start").value(m.start).key("end").value(m.end).end_object();
        w.end_array().end_object();
    }
    w.end_array().end_object();
}

}  // namespace

namespace render {

void write_analysis_members(JsonWriter& w, const Analysis& a) {
    const Stats& s = a.stats;
    w.key("stats").begin_object().key("words").value(s.words).key("sentences").value(s.sentences);
    w.key("paragraphs").value(s.paragraphs).key("syllables").value(s.syllables);
    w.key("flesch").value(std::round(s.flesch * 10) / 10).end_object();
    w.key("seo");
    write_category(w, a.seo);
    w.key("readability");
    write_category(w, a.readability);
    w.key("extra");
    write_category(w, a.extra);
    w.key("warnings").begin_array();
    for (const std::string& warning : a.warnings) w.value(warning);
    w.end_array();
    w.key("slug").value(a.slug);
    w.key("slugDerived").value(a.slug_derived);  // no --slug: derived from the title as WordPress does
}

std::string dump_json(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace render

std::string render_json(const Analysis& a, const std::string& file) {
    std::string out;
    out.reserve(4096);
    render::JsonWriter w(out);
    w.begin_object().key("file").value(file);
    render::write_analysis_members(w, a);
    w.end_object();
    return out;
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
