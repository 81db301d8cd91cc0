#include "serve/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <regex>

namespace plume::serve {
namespace {

constexpr llm::ErrorKind kErrorKinds[] = {llm::ErrorKind::Config, llm::ErrorKind::Unreachable, llm::ErrorKind::Timeout,
                                          llm::ErrorKind::Http, llm::ErrorKind::Protocol};

const char* kind_label(llm::ErrorKind kind) {
    switch (kind) {
        case llm::ErrorKind::Config: return "config";
        case llm::ErrorKind::Unreachable: return "unreachable";
        case llm::ErrorKind::Timeout: return "timeout";
        case llm::ErrorKind::Http: return "http";
        case llm::ErrorKind::Protocol: return "protocol";
    }
    return "other";
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Latency& l = latency_[route];
    l.sum += seconds;
    ++l.count;
}

void Metrics::add_model(const std::string& backend) {
    std::lock_guard lock(mutex_);
    ModelCalls& m = models_[backend];
    for (const llm::ErrorKind kind : kErrorKinds) m.errors[kind];
}

void Metrics::record_model_call(const std::string& backend, const llm::ChatResult& result, double seconds) {
    std::lock_guard lock(mutex_);
    ModelCalls& m = models_[backend];
    m.time.sum += seconds;
    ++m.time.count;
    if (!result) {
        ++m.errors[result.error.kind];
        return;
    }
    m.prompt_tokens += static_cast<unsigned long>(std::max(0, result.answer->usage.prompt_tokens));
    m.completion_tokens += static_cast<unsigned long>(std::max(0, result.answer->usage.completion_tokens));
}

// Called with the mutex held.
std::string Metrics::model_series() const {
    if (models_.empty()) return "";
    std::string out =
        "# HELP plume_model_calls_total Calls of jobs to the language model, by backend.\n"
        "# TYPE plume_model_calls_total counter\n";
    for (const auto& [backend, m] : models_) out += fmt::format("plume_model_calls_total{{backend=\"{}\"}} {}\n", backend, m.time.count);
    out +=
        "# HELP plume_model_call_errors_total Model calls that got no answer, by backend and kind of error.\n"
        "# TYPE plume_model_call_errors_total counter\n";
    for (const auto& [backend, m] : models_)
        for (const auto& [kind, n] : m.errors)
            out += fmt::format("plume_model_call_errors_total{{backend=\"{}\",kind=\"{}\"}} {}\n", backend, kind_label(kind), n);
    out +=
        "# HELP plume_model_tokens_total Tokens of the answered calls as the backend reports them (0 when it does not), by backend and side.\n"
        "# TYPE plume_model_tokens_total counter\n";
    for (const auto& [backend, m] : models_) {
        out += fmt::format("plume_model_tokens_total{{backend=\"{}\",type=\"prompt\"}} {}\n", backend, m.prompt_tokens);
        out += fmt::format("plume_model_tokens_total{{backend=\"{}\",type=\"completion\"}} {}\n", backend, m.completion_tokens);
    }
    out +=
        "# HELP plume_model_call_duration_seconds Time of the model calls as jobs wait for them (retries, and the embedded model busy with another call, included), by backend.\n"
        "# TYPE plume_model_call_duration_seconds summary\n";
    for (const auto& [backend, m] : models_) {
        out += fmt::format("plume_model_call_duration_seconds_sum{{backend=\"{}\"}} {:.6f}\n", backend, m.time.sum);
        out += fmt::format("plume_model_call_duration_seconds_count{{backend=\"{}\"}} {}\n", backend, m.time.count);
    }
    return out;
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
    return out + model_series();
}

MeteredModel::MeteredModel(llm::Backend& model, std::string backend, Metrics& metrics)
    : model_(model), backend_(std::move(backend)), metrics_(metrics) {
    metrics_.add_model(backend_);
}

llm::ChatResult MeteredModel::chat(const llm::ChatRequest& request, const llm::ProgressFn& progress) {
    const auto start = std::chrono::steady_clock::now();
    llm::ChatResult result = model_.chat(request, progress);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    metrics_.record_model_call(backend_, result, took.count());
    return result;
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
