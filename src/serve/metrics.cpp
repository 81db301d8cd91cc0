#include "serve/metrics.hpp"

#include <fmt/format.h>

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
    for (const char* known : {"/healthz", "/metrics", "/v1/analyze"})
        if (path == known) return method + " " + path;
    return "other";
}

}  // namespace plume::serve
