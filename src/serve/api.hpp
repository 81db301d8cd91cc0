// The JSON endpoints of plume serve, independent of the HTTP library: a request body in, a
// status and a JSON body out, so they are tested without sockets.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "serve/jobs.hpp"
#include "store/store.hpp"

namespace plume::serve {

struct Reply {
    int status = 200;
    std::string body;  // JSON
};

// {"error": message, "status": status}: the body of every failed request.
Reply error_reply(int status, const std::string& message);

// POST /v1/analyze: {"text", "format": "md|html|text|auto", "keyphrase", "synonyms": [],
// "title", "description", "slug", "lang": "fr|en", "match": "french|yoast", "min_words",
// "site_host"} → the object `plume analyze --json` prints for standard input.
Reply analyze(const std::string& body);

// GET /healthz.
Reply health();

// The job a POST /v1/articles body asks for, checked (BadField otherwise): its sources, and
// its options as the JSON the store keeps and JobRunner reads (job_write_options).
struct JobRequest {
    std::vector<store::StoredSource> sources;
    std::string options;
};
JobRequest job_request(const std::string& body, std::size_t max_sources);

// POST /v1/articles: {"sources": [{"name", "text", "url"}], "min_words", "keyphrase",
// "synonyms", "format", "date"} → 202 {"id", "status"}; the job is stored before the answer.
Reply create_article(store::Store& store, JobRunner& runner, const std::string& body, std::size_t max_sources);
// GET /v1/articles/{id}: status, article, analysis, provenance, removals.
Reply get_article(store::Store& store, const std::string& id);
// GET /v1/articles?offset=&limit=: newest first.
Reply list_articles(store::Store& store, const std::string& offset, const std::string& limit);
// PUT /v1/articles/{id}: {"markdown", "keyphrase", "synonyms", "description"} → a new version,
// analysed again.
Reply edit_article(store::Store& store, const std::string& id, const std::string& body);
// GET /v1/articles/{id}/versions.
Reply article_versions(store::Store& store, const std::string& id);
// DELETE /v1/articles/{id}.
Reply delete_article(store::Store& store, const std::string& id);
// One Server-Sent Event telling a job's state.
std::string status_event(const store::Job& job);
bool finished(const store::Job& job);

}  // namespace plume::serve
