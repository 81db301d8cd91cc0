// POST /v1/analyze: the analyser behind JSON, with the CLI's JSON as the answer so that the
// editor, the API and `plume analyze --json` agree byte for byte.
#include <nlohmann/json.hpp>

#include "plume/analysis.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "plume/text.hpp"
#include "serve/api.hpp"

namespace plume::serve {
namespace {

// A request field of the wrong type or value: 400 with the field named.
struct BadField : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string string_field(const nlohmann::json& j, const char* name, const std::string& fallback = "") {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) throw BadField(std::string("\"") + name + "\" must be a string");
    return it->get<std::string>();
}

std::string one_of(const nlohmann::json& j, const char* name, std::initializer_list<const char*> allowed,
                   const char* fallback) {
    const std::string value = string_field(j, name, fallback);
    for (const char* a : allowed)
        if (value == a) return value;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw BadField(std::string("\"") + name + "\" must be one of: " + list);
}

std::vector<std::string> synonyms_field(const nlohmann::json& j) {
    const auto it = j.find("synonyms");
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_array()) throw BadField("\"synonyms\" must be an array of strings");
    std::vector<std::string> out;
    for (const auto& s : *it) {
        if (!s.is_string()) throw BadField("\"synonyms\" must be an array of strings");
        if (!s.get<std::string>().empty()) out.push_back(s.get<std::string>());
    }
    return out;
}

Format format_field(const nlohmann::json& j) {
    const std::string f = one_of(j, "format", {"auto", "md", "html", "text"}, "auto");
    if (f == "md") return Format::Markdown;
    if (f == "html") return Format::Html;
    if (f == "text") return Format::Text;
    return Format::Auto;
}

AnalyzeOptions options_of(const nlohmann::json& j) {
    AnalyzeOptions o;
    o.keyphrase = string_field(j, "keyphrase");
    if (!o.keyphrase.empty() && text::count_words(o.keyphrase) == 0)
        throw BadField("\"keyphrase\" needs at least one word");
    o.synonyms = synonyms_field(j);
    o.title = string_field(j, "title");
    o.description = string_field(j, "description");
    o.slug = string_field(j, "slug");
    o.site_host = string_field(j, "site_host");
    o.lang = one_of(j, "lang", {"fr", "en"}, "fr") == "en" ? Lang::En : Lang::Fr;
    o.match = one_of(j, "match", {"french", "yoast"}, "french") == "yoast" ? MatchMode::Yoast : MatchMode::French;
    if (const auto it = j.find("min_words"); it != j.end() && !it->is_null()) {
        if (!it->is_number_unsigned()) throw BadField("\"min_words\" must be a positive integer");
        o.min_words = it->get<std::size_t>();
    }
    return o;
}

}  // namespace

Reply error_reply(int status, const std::string& message) {
    return {status, nlohmann::json{{"error", message}, {"status", status}}.dump()};
}

Reply health() { return {200, R"({"status":"ok"})"}; }

Reply analyze(const std::string& body) {
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return error_reply(400, "the body must be a JSON object");
    try {
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
