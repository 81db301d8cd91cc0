// The JSON bodies of plume serve, without a socket: POST /v1/analyze through its handler, and
// POST /v1/articles up to the job it would store, whose options a worker must then read.
#include <cstdlib>

#include "fuzz_support.hpp"
#include "serve/api.hpp"
#include "serve/fields.hpp"

namespace {

constexpr std::size_t kMaxSources = 10;  // plume serve's default --max-sources

// Every reply is a JSON object holding its status, as docs/openapi.json says.
void check_reply(const plume::serve::Reply& r) {
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    const bool error = r.status == 400 || r.status == 422;
    if (!j.is_object() || (r.status != 200 && !error) || (error && j.value("status", 0) != r.status)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body = plume::fuzz::bytes_of(data, size);
    check_reply(plume::serve::analyze(body));
    try {
        const plume::serve::JobRequest job = plume::serve::job_request(body, kMaxSources);
        // A job accepted never fails on its own options (they throw nothing here).
        (void)plume::serve::job_write_options(nlohmann::json::parse(job.options), nullptr);
    } catch (const plume::serve::BadField&) {
    }
    return 0;
}
