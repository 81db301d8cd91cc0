// Request counters and latencies, and the calls jobs make to a language model, in the
// Prometheus text format (GET /metrics).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "plume/llm.hpp"

namespace plume::serve {

class Metrics {
public:
    void record(const std::string& route, int status, double seconds);
    // A backend ("http", "llama") whose series show, at 0, before its first call.
    void add_model(const std::string& backend);
    // One chat() call of `backend`: its outcome, the tokens it reported and its time.
    void record_model_call(const std::string& backend, const llm::ChatResult& result, double seconds);
    std::string prometheus() const;

private:
    struct Latency {
        double sum = 0;
        unsigned long count = 0;
    };
    struct ModelCalls {
        Latency time;  // every call, answered or not
        std::map<llm::ErrorKind, unsigned long> errors;
        unsigned long prompt_tokens = 0;
        unsigned long completion_tokens = 0;
    };
    std::string model_series() const;

    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;
    std::map<std::string, Latency> latency_;
    std::map<std::string, ModelCalls> models_;
};

// The model the jobs use, its calls counted in `metrics` under `backend`. Adds nothing to
// the calls: the model's own locking (one call at a time for llama) stays as it is.
class MeteredModel : public llm::Backend {
public:
    MeteredModel(llm::Backend& model, std::string backend, Metrics& metrics);
    llm::ChatResult chat(const llm::ChatRequest& request, const llm::ProgressFn& progress = {}) override;
    int concurrency() const override { return model_.concurrency(); }

private:
    llm::Backend& model_;
    std::string backend_;
    Metrics& metrics_;
};

// The route a path belongs to, as a label of bounded cardinality (never the raw path).
std::string route_of(const std::string& method, const std::string& path);

// plume_jobs{status} from the store's counts.
std::string jobs_gauge(const std::vector<std::pair<std::string, std::size_t>>& counts);

}  // namespace plume::serve
