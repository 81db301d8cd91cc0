// Request counters and latencies in the Prometheus text format (GET /metrics).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace plume::serve {

class Metrics {
public:
    void record(const std::string& route, int status, double seconds);
    std::string prometheus() const;

private:
    struct Latency {
        double sum = 0;
        unsigned long count = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;
    std::map<std::string, Latency> latency_;
};

// The route a path belongs to, as a label of bounded cardinality (never the raw path).
std::string route_of(const std::string& method, const std::string& path);

}  // namespace plume::serve
