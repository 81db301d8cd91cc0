// POST /v1/analyze: the analyser behind JSON, with the CLI's JSON as the answer so that the
// editor, the API and `plume analyze --json` agree byte for byte.
#include <nlohmann/json.hpp>

#include "plume/analysis.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "serve/api.hpp"
#include "serve/fields.hpp"

namespace plume::serve {
namespace {

AnalyzeOptions options_of(const nlohmann::json& j) {
    AnalyzeOptions o;
    o.keyphrase = keyphrase_field(j);
    o.synonyms = string_list_field(j, "synonyms");
    o.title = string_field(j, "title");
    o.description = string_field(j, "description");
    o.slug = string_field(j, "slug");
    o.site_host = string_field(j, "site_host");
    o.lang = one_of(j, "lang", {"fr", "en"}, "fr") == "en" ? Lang::En : Lang::Fr;
    o.match = one_of(j, "match", {"french", "yoast"}, "french") == "yoast" ? MatchMode::Yoast : MatchMode::French;
    if (const auto n = count_field(j, "min_words")) o.min_words = *n;
    return o;
}

}  // namespace

Reply analyze(const std::string& body) {
    try {
        const nlohmann::json j = parse_object(body);
        const auto text = j.find("text");
        if (text == j.end() || !text->is_string()) throw BadField("\"text\" (a string) is required");
        const AnalyzeOptions options = options_of(j);
        const Document doc = parse_document(text->get<std::string>(), format_field(j));
        return {200, render_json(plume::analyze(doc, options), "-")};
    } catch (const BadField& e) {
        return error_reply(400, e.what());
    } catch (const InputError& e) {
        return error_reply(422, e.what());
    }
}

}  // namespace plume::serve
