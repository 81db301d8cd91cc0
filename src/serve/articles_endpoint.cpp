// The article endpoints of plume serve: jobs of plume write kept in the store, and the
// versions a user edits, each analysed again.
#include <nlohmann/json.hpp>

#include "plume/extract.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "serve/api.hpp"
#include "serve/fields.hpp"

namespace plume::serve {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxListed = 100;

// The write options a job keeps, checked now so that a job never fails on its own options.
json job_options(const json& j) {
    json o = json::object();
    if (const std::string k = keyphrase_field(j); !k.empty()) o["keyphrase"] = k;
    if (const auto s = string_list_field(j, "synonyms"); !s.empty()) o["synonyms"] = s;
    if (const auto n = count_field(j, "min_words")) o["min_words"] = *n;
    // "page": each source is a web page's HTML, whose article the extractor takes, as
    // `plume write PAGE.html` does.
    o["format"] = one_of(j, "format", {"auto", "md", "html", "text", "page"}, "auto");
    if (const std::string d = string_field(j, "date"); !d.empty()) o["date"] = d;
    return o;
}

std::vector<store::StoredSource> job_sources(const json& j, std::size_t max_sources) {
    const auto it = j.find("sources");
    if (it == j.end() || !it->is_array() || it->empty()) throw BadField("\"sources\" must be a non-empty array");
    if (it->size() > max_sources) throw BadField("at most " + std::to_string(max_sources) + " sources per article");
    std::vector<store::StoredSource> out;
    for (const json& s : *it) {
        if (!s.is_object()) throw BadField("each source must be an object");
        const std::string url = string_field(s, "url");
        const bool has_text = s.contains("text") && s["text"].is_string() && !s["text"].get<std::string>().empty();
        // Without its text, a source is the page at its URL, fetched when the job runs.
        if (!has_text && !extract::is_fetchable_url(url))
            throw BadField("each source needs a \"text\" string, or an http(s) \"url\" to fetch");
        out.push_back({string_field(s, "name", "source-" + std::to_string(out.size() + 1)), url,
                       has_text ? s["text"].get<std::string>() : std::string()});
    }
    return out;
}

json job_summary(const store::Job& job) {
    return {{"id", job.id}, {"status", job.status}, {"error", job.error}, {"created_at", job.created_at},
            {"updated_at", job.updated_at}};
}

json article_of(const store::Version& v) {
    return {{"title", v.title},       {"description", v.description}, {"slug", v.slug},
            {"keyphrase", v.keyphrase}, {"markdown", v.markdown},       {"html", v.html},
            {"version", v.number},      {"origin", v.origin},           {"created_at", v.created_at}};
}

Reply not_found(const std::string& id) { return error_reply(404, "no article " + id); }

}  // namespace

bool finished(const store::Job& job) { return job.status == "done" || job.status == "failed"; }

std::string status_event(const store::Job& job) {
    return "event: status\ndata: " + json{{"id", job.id}, {"status", job.status}, {"error", job.error}}.dump() + "\n\n";
}

JobRequest job_request(const std::string& body, std::size_t max_sources) {
    const json j = parse_object(body);
    return {job_sources(j, max_sources), job_options(j).dump()};
}

Reply create_article(store::Store& store, JobRunner& runner, const std::string& body, std::size_t max_sources) {
    try {
        const JobRequest request = job_request(body, max_sources);
        const std::string id = store.create_job(request.sources, request.options);
        runner.notify();
        return {202, json{{"id", id}, {"status", "queued"}}.dump()};
    } catch (const BadField& e) {
        return error_reply(400, e.what());
    }
}

Reply get_article(store::Store& store, const std::string& id) {
    const auto job = store.job(id);
    if (!job) return not_found(id);
    json out = job_summary(*job);
    out["article"] = nullptr;
    out["analysis"] = nullptr;
    const std::vector<store::Version> versions = store.versions(id);
    if (!versions.empty()) {
        out["article"] = article_of(versions.back());
        out["analysis"] = json::parse(versions.back().analysis);
    }
    // What plume did to the sources: from its own latest version, whatever the edits since.
    for (auto v = versions.rbegin(); v != versions.rend(); ++v)
        if (v->origin == "plume") {
            const json result = json::parse(v->result);
            for (const char* key : {"sources", "removals", "facts", "verbatim_share"}) out[key] = result[key];
            out["provenance"] = result["article"];
            break;
        }
    return {200, out.dump()};
}

Reply list_articles(store::Store& store, const std::string& offset, const std::string& limit) {
    const auto number = [](const std::string& s, std::size_t fallback) -> std::size_t {
        if (s.empty()) return fallback;
        if (s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9) throw BadField("offset and limit are integers");
        return std::stoul(s);
    };
    try {
        const std::size_t from = number(offset, 0);
        const std::size_t count = std::min(number(limit, 20), kMaxListed);
        json items = json::array();
        for (const store::Job& job : store.jobs(from, count)) {
            json item = job_summary(job);
            const auto v = store.latest_version(job.id);
            item["title"] = v ? v->title : "";
            items.push_back(item);
        }
        return {200, json{{"items", items}, {"total", store.job_count()}, {"offset", from}, {"limit", count}}.dump()};
    } catch (const BadField& e) {
        return error_reply(400, e.what());
    }
}

Reply edit_article(store::Store& store, const std::string& id, const std::string& body) {
    try {
        const json j = parse_object(body);
        if (!store.job(id)) return not_found(id);
        const auto previous = store.latest_version(id);
        if (!previous) return error_reply(409, "article " + id + " is not written yet");
        const auto markdown = j.find("markdown");
        if (markdown == j.end() || !markdown->is_string()) throw BadField("\"markdown\" (a string) is required");
        const Document doc = parse_document(markdown->get<std::string>(), Format::Markdown);
        AnalyzeOptions o;
        o.keyphrase = keyphrase_field(j);
        if (o.keyphrase.empty()) o.keyphrase = previous->keyphrase;
        o.synonyms = string_list_field(j, "synonyms");
        o.title = doc.title.value_or(previous->title);
        o.description = string_field(j, "description", doc.description.value_or(previous->description));
        o.slug = previous->slug;
        json analysis = json::parse(render_json(analyze(doc, o), "-"));
        analysis.erase("file");  // as in the written versions: the analysis of the article itself
        store::Version v{0, "edit", o.title, o.description, o.slug, o.keyphrase, markdown->get<std::string>(),
                         render_html_body(doc), analysis.dump(), "{}", ""};
        if (!store.add_version(id, v)) return not_found(id);
        return get_article(store, id);
    } catch (const BadField& e) {
        return error_reply(400, e.what());
    } catch (const InputError& e) {
        return error_reply(422, e.what());
    }
}

Reply article_versions(store::Store& store, const std::string& id) {
    if (!store.job(id)) return not_found(id);
    json items = json::array();
    for (const store::Version& v : store.versions(id)) {
        json item = article_of(v);
        item["analysis"] = json::parse(v.analysis);
        items.push_back(item);
    }
    return {200, json{{"id", id}, {"versions", items}}.dump()};
}

Reply delete_article(store::Store& store, const std::string& id) {
    if (!store.delete_job(id)) return not_found(id);
    return {200, json{{"id", id}, {"deleted", true}}.dump()};
}

}  // namespace plume::serve
