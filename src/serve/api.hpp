// The JSON endpoints of plume serve, independent of the HTTP library: a request body in, a
// status and a JSON body out, so they are tested without sockets.
#pragma once

#include <string>

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

}  // namespace plume::serve
