#include "serve/metrics.hpp"

#include <fmt/format.h>

#include <regex>

namespace plume::serve {

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Latency& l = latency_[route];
    l.sum += seconds;
    ++l.count;
}

std::string Metrics::prometheus() const {
    std::lock_guard lock(mutex_);
    std::string out =
        "# HELP plume_http_requests_total HTTP requests answered, by route and status.\n"
        "# TYPE plume_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out += fmt::format("plume_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
    out +=
        "# HELP plume_http_request_duration_seconds Time spent answering, by route.\n"
        "# TYPE plume_http_request_duration_seconds summary\n";
    for (const auto& [route, l] : latency_) {
        out += fmt::format("plume_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", route, l.sum);
        out += fmt::format("plume_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, l.count);
    }
    return out;
}

std::string route_of(const std::string& method, const std::string& path) {
    static const std::regex article(R"(/v1/articles/[0-9a-f]{16}(/versions|/events)?)");
    for (const char* known : {"/healthz", "/metrics", "/v1/analyze", "/v1/articles"})
        if (path == known) return method + " " + path;
    std::smatch m;
    if (std::regex_match(path, m, article)) return method + " /v1/articles/{id}" + m[1].str();
    return "other";
}

std::string jobs_gauge(const std::vector<std::pair<std::string, std::size_t>>& counts) {
    std::string out = "# HELP plume_jobs Article jobs in the store, by status.\n# TYPE plume_jobs gauge\n";
    for (const auto& [status, n] : counts) out += fmt::format("plume_jobs{{status=\"{}\"}} {}\n", status, n);
    return out;
}

}  // namespace plume::serve
