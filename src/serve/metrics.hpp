// Request counters and latencies in the Prometheus text format (GET /metrics).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

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

// plume_jobs{status} from the store's counts.
std::string jobs_gauge(const std::vector<std::pair<std::string, std::size_t>>& counts);

}  // namespace plume::serve
